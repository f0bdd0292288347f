/**
 * The options of `admissionPolicies` and the problems they can have, as data.
 *
 * @packageDocumentation
 */
import type { FailurePolicyType, LabelSelector, ValidationAction } from '../codecs/admissionRegistration.js'
import type { PodSecurityVersion } from '../resolve/types.js'

/**
 * Which semantics the cluster should enforce. `noNewPrivileges` (the first design) has no
 * Kubernetes field to enforce, so it is not offered.
 *
 * @example
 * ```ts
 * const semantics: PolicySemantics = 'kubernetes'
 * ```
 */
export type PolicySemantics = 'kubernetes' | 'proposal'

/**
 * Options of `admissionPolicies`. Every field may be absent.
 *
 * @example
 * ```ts
 * const options: AdmissionPolicyOptions = {
 *   semantics: 'kubernetes',
 *   kubernetesVersion: 'v1.33',
 *   actions: ['Warn', 'Audit'],
 *   excludeNamespaces: ['kube-system'],
 *   namePrefix: 'acme-',
 * }
 * ```
 */
export interface AdmissionPolicyOptions {
  /** Default `'proposal'`, as everywhere in the library; `proposal` needs a cluster ≥ v1.36. */
  readonly semantics?: PolicySemantics | undefined
  /** The cluster's version, `'v1.30'` … `'latest'` (default). */
  readonly kubernetesVersion?: PodSecurityVersion | undefined
  /** What a failed validation does to a pod (default `['Deny']`). Workloads get `Warn` instead of `Deny`. */
  readonly actions?: ReadonlyArray<ValidationAction> | undefined
  /** Only namespaces whose labels match (the bindings' `namespaceSelector`). */
  readonly namespaceSelector?: LabelSelector | undefined
  /** Only objects whose labels match (the bindings' `objectSelector`). */
  readonly objectSelector?: LabelSelector | undefined
  /** Namespaces exempted by name (`kubernetes.io/metadata.name NotIn …`). */
  readonly excludeNamespaces?: ReadonlyArray<string> | undefined
  /** Prefix of every object's name (default none). */
  readonly namePrefix?: string | undefined
  /** Also enforce the Pod Security Standards' `restricted` escalation check (`allowPrivilegeEscalation: false` on every Linux container). */
  readonly podSecurity?: { readonly level: 'restricted'; readonly version?: PodSecurityVersion | undefined } | undefined
  /** What an expression error does (default `'Fail'`: the request is rejected). */
  readonly failurePolicy?: FailurePolicyType | undefined
}

/**
 * Why no policy could be generated.
 *
 * @example
 * ```ts
 * const p: AdmissionPolicyProblem = { code: 'unsupported-version', message: 'ValidatingAdmissionPolicy v1 needs Kubernetes v1.30 or later' }
 * ```
 */
export interface AdmissionPolicyProblem {
  readonly code: 'unsupported-version' | 'invalid-option'
  readonly message: string
}
