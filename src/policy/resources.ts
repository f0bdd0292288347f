/**
 * The API resources the generated policies match: pods (with the `pods/ephemeralcontainers`
 * subresource, through which ephemeral containers arrive as updates), and the workload kinds
 * whose pod templates Pod Security Admission checks (and only warns about).
 *
 * @packageDocumentation
 */
import type { NamedRuleWithOperations } from '../codecs/admissionRegistration.js'

const CREATE_UPDATE = ['CREATE', 'UPDATE'] as const

/**
 * Pods on CREATE and UPDATE, the ephemeral-containers subresource included.
 *
 * @example
 * ```ts
 * POD_RULES[0]?.resources // ['pods', 'pods/ephemeralcontainers']
 * ```
 */
export const POD_RULES: ReadonlyArray<NamedRuleWithOperations> = Object.freeze([
  { apiGroups: [''], apiVersions: ['v1'], operations: CREATE_UPDATE, resources: ['pods', 'pods/ephemeralcontainers'] },
])

/**
 * The workload kinds checked in manifests (Pod, Deployment, … CronJob) that carry a pod template, by API group.
 *
 * @example
 * ```ts
 * WORKLOAD_RULES.flatMap((r) => r.resources).includes('cronjobs') // true
 * ```
 */
export const WORKLOAD_RULES: ReadonlyArray<NamedRuleWithOperations> = Object.freeze([
  { apiGroups: [''], apiVersions: ['v1'], operations: CREATE_UPDATE, resources: ['podtemplates', 'replicationcontrollers'] },
  { apiGroups: ['apps'], apiVersions: ['v1'], operations: CREATE_UPDATE, resources: ['deployments', 'replicasets', 'statefulsets', 'daemonsets'] },
  { apiGroups: ['batch'], apiVersions: ['v1'], operations: CREATE_UPDATE, resources: ['jobs', 'cronjobs'] },
])

/**
 * Pods on CREATE (the mutation defaults new pods) and new ephemeral containers on UPDATE of the
 * subresource; a plain pod UPDATE is never mutated, since a pod's security context is immutable.
 *
 * @example
 * ```ts
 * MUTATION_RULES.map((r) => r.operations[0]) // ['CREATE', 'UPDATE']
 * ```
 */
export const MUTATION_RULES: ReadonlyArray<NamedRuleWithOperations> = Object.freeze([
  { apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] },
  { apiGroups: [''], apiVersions: ['v1'], operations: ['UPDATE'], resources: ['pods/ephemeralcontainers'] },
])
