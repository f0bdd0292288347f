/**
 * The `--help` texts.
 *
 * @packageDocumentation
 */

/** `no-new-privs --help`. */
export const TOP_HELP = `no-new-privs — will this Kubernetes container run with Linux no_new_privs, and will the cluster accept it?

Usage:
  no-new-privs check [options] [FILE|DIR|-]...   check manifests (default: standard input)
  no-new-privs run NAME --image IMAGE [options] [-- COMMAND ARG...]
                                                  print a Pod as kubectl run would, with no_new_privs options
  no-new-privs admission-policy [options]         print admission policies that make the API server enforce it
  no-new-privs help [check|run|admission-policy]  show help for a command

Options:
  -h, --help       show this help
      --version    print the version

Exit status of check: 0 nothing found, 1 violations or findings, 2 unreadable input or a usage error.
`

/** `no-new-privs check --help`. */
export const CHECK_HELP = `Usage: no-new-privs check [options] [FILE|DIR|-]...

Reads Kubernetes manifests (JSON or YAML, one or many documents) and tells, for every init,
regular and ephemeral container, whether it runs with no_new_privs and what would reject it.
Directories are read recursively (*.yaml, *.yml, *.json, sorted by name), leaving out hidden
directories, node_modules and what .gitignore or --exclude names; there a file with no
Kubernetes object (package.json, values.yaml) and a Helm chart are skipped with a note, and a
kustomization is rendered with kubectl kustomize. '-' or no operand reads standard input.

Options:
      --semantics S              proposal (default) | noNewPrivileges | kubernetes
      --policy FILE              PodSecurityPolicy documents to admit the pods with (repeatable)
      --exemptions FILE          exemptions (namespace, kind, name, container, image, rules, reason; repeatable)
      --pod-security restricted[:VERSION]
                                 also check the Pod Security Standards restricted level
                                 (VERSION: latest or v1.N; default: --kubernetes-version);
                                 a Namespace in the input with pod-security.kubernetes.io
                                 labels sets the levels of its pods, as Pod Security
                                 Admission does (enforce rejects, warn and audit report)
  -n, --namespace NS             the namespace of objects that name none (default: default)
      --kubernetes-version V     the cluster's version for --semantics kubernetes: latest (default)
                                 or v1.N, N >= 8; PodSecurityPolicy applies through v1.24 only
      --require-no-new-privs     a Linux container that runs without no_new_privs is a finding
      --strict                   unknown fields are errors, not warnings
  -o, --output FORMAT            text (default) | json | sarif | ndjson (one entry per line)
                                 | junit (JUnit XML for CI test reports) | github (GitHub
                                 Actions annotations, and a step summary in $GITHUB_STEP_SUMMARY)
      --output-file FILE         write the report to FILE instead of standard output
      --failures-only            text: only containers with violations or findings, errors and
                                 warnings, then the totals
      --color WHEN               auto (default: a terminal, unless NO_COLOR) | always | never
      --fail-if-no-objects-found exit 2 when no container was checked (an empty stream, only
                                 kinds without pods)
      --exclude PATTERN          leave out of directory walks (.gitignore syntax, repeatable)
      --threads N|auto           worker threads for several files (default auto: one per core
                                 once the files add up to 32 MiB; 1: one thread); the report
                                 is the same either way
      --stdin-filename NAME      the file name results from standard input carry (every format;
                                 SARIF locates them there), e.g. when piping a rendered chart
      --pod-spec KIND[.GROUP]=PATH
                                 a custom kind whose objects hold a pod spec at PATH
                                 (repeatable), e.g. Workflow.example.com=spec.template.spec;
                                 built in: Argo Rollout, OpenShift DeploymentConfig,
                                 Knative Service and Configuration
  -h, --help                     show this help

An option given twice keeps its last value; repeatable options accumulate.

Exit status: 0 nothing found; 1 violations or findings; 2 input that could not be read or
decoded, a usage error, a report that could not be written, or (--fail-if-no-objects-found)
no container checked (2 wins over 1).

Examples:
  no-new-privs check deploy.yaml
  no-new-privs check --semantics kubernetes --policy psp.yaml manifests/
  kubectl get pods -A -o yaml | no-new-privs check --require-no-new-privs -
  no-new-privs check -o sarif manifests/ > no-new-privs.sarif
  no-new-privs check -o junit --output-file no-new-privs.xml manifests/
  kubectl kustomize overlays/prod | no-new-privs check --fail-if-no-objects-found -o github -
`

/** `no-new-privs run --help`. */
export const RUN_HELP = `Usage: no-new-privs run NAME --image IMAGE [options] [-- COMMAND ARG...]

Prints the Pod that 'kubectl run NAME --image IMAGE' would create, with the Docker-style
security options turned into securityContext fields of the chosen semantics, and refuses
(exit 2) a combination the semantics rejects.

Options:
      --image IMAGE                      container image (required)
      --security-opt no-new-privileges[:BOOL]
                                         run with no_new_privs (also =BOOL; BOOL as Go's ParseBool:
                                         1 t T TRUE true True 0 f F FALSE false False)
      --privileged                       privileged container
      --user UID[:GID]                   runAsUser (and runAsGroup)
      --cap-add CAP                      add a capability (repeatable)
      --command                          the words after -- are the command, not its arguments
      --semantics S                      proposal (default) | noNewPrivileges | kubernetes
  -h, --help                             show this help

Examples:
  no-new-privs run web --image nginx:1.27 --security-opt no-new-privileges
  no-new-privs run job --image busybox --user 1000 --command -- sh -c 'id'
  no-new-privs run dbg --image alpine --privileged --security-opt no-new-privileges   # refused
`

/** `no-new-privs admission-policy --help`. */
export const ADMISSION_POLICY_HELP = `Usage: no-new-privs admission-policy [options]

Prints Kubernetes-native admission objects (admissionregistration.k8s.io/v1) that make the API
server itself enforce the chosen semantics, without a webhook:
  - a ValidatingAdmissionPolicy rejecting what no-new-privs rejects, for init, regular and
    ephemeral containers of pods (CREATE, UPDATE, pods/ephemeralcontainers), with two bindings:
    pods (the --actions), workload templates (Deployment ... CronJob, PodTemplate: Warn for Deny);
  - under proposal, a MutatingAdmissionPolicy (v1.36+) that defaults allowPrivilegeEscalation so
    the cluster's no_new_privs equals the design's table (not with --pod-security restricted,
    which admits only containers that set it to false themselves).

Options:
      --semantics S              proposal (default, needs v1.36+) | kubernetes
      --kubernetes-version V     the cluster's version: latest (default) or v1.N (v1.30 or later)
      --actions A[,A]            Deny (default), Warn, Audit; Deny and Warn not together
      --namespace-selector SEL   only namespaces whose labels match (kubectl -l syntax)
      --object-selector SEL      only objects whose labels match (kubectl -l syntax)
      --exclude-namespace NS     exempt a namespace by name (repeatable)
      --name-prefix P            prefix of every object's name
      --pod-security restricted[:VERSION]
                                 also enforce the restricted level's allowPrivilegeEscalation check
                                 (a VERSION above the cluster's is checked as the cluster's)
      --failure-policy Fail|Ignore
                                 what a CEL evaluation error does (default Fail)
  -o, --output FORMAT            yaml (default) | json (a List)
  -h, --help                     show this help

Exit status: 0 printed; 2 a usage error or a version without these APIs.

Examples:
  no-new-privs admission-policy --semantics kubernetes --actions Warn,Audit | kubectl apply -f -
  no-new-privs admission-policy --exclude-namespace kube-system --namespace-selector 'env in (prod)'
  no-new-privs admission-policy --semantics kubernetes --kubernetes-version v1.31 -o json
`
