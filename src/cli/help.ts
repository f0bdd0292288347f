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
  no-new-privs help [check|run]                   show help for a command

Options:
  -h, --help       show this help
      --version    print the version

Exit status of check: 0 nothing found, 1 violations or findings, 2 unreadable input or a usage error.
`

/** `no-new-privs check --help`. */
export const CHECK_HELP = `Usage: no-new-privs check [options] [FILE|DIR|-]...

Reads Kubernetes manifests (JSON or YAML, one or many documents) and tells, for every init,
regular and ephemeral container, whether it runs with no_new_privs and what would reject it.
Directories are read recursively (*.yaml, *.yml, *.json, sorted by name); '-' or no operand
reads standard input.

Options:
      --semantics S              proposal (default) | noNewPrivileges | kubernetes
      --policy FILE              PodSecurityPolicy documents to admit the pods with (repeatable)
      --exemptions FILE          exemptions (namespace, kind, name, container, image, rules, reason; repeatable)
      --pod-security restricted[:VERSION]
                                 also check the Pod Security Standards restricted level
                                 (VERSION: latest (default) or v1.N)
      --require-no-new-privs     a Linux container that runs without no_new_privs is a finding
      --strict                   unknown fields are errors, not warnings
  -o, --output FORMAT            text (default) | json | sarif
  -h, --help                     show this help

Exit status: 0 nothing found; 1 violations or findings; 2 input that could not be read or
decoded, or a usage error (2 wins over 1).

Examples:
  no-new-privs check deploy.yaml
  no-new-privs check --semantics kubernetes --policy psp.yaml manifests/
  kubectl get pods -A -o yaml | no-new-privs check --require-no-new-privs -
  no-new-privs check -o sarif manifests/ > no-new-privs.sarif
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
