/**
 * The objects the workload arbitraries generate: each kind that carries a pod with the fields the API
 * server requires of it, and its pod spec typed with this library's codec types.
 *
 * @packageDocumentation
 */
import type { ObjectMeta, PodSpec } from '../codecs/index.js'

/**
 * A label selector as workloads write it.
 *
 * @example
 * ```ts
 * const s: LabelSelector = { matchLabels: { app: 'web' } }
 * ```
 * @public
 */
export interface LabelSelector {
  readonly matchLabels: Readonly<Record<string, string>>
}

/**
 * A pod template whose labels match its workload's selector.
 *
 * @example
 * ```ts
 * fc.sample(deploymentArbitrary(), 1)[0]?.spec.template // { metadata: { labels: { app: … } }, spec: { containers: […] } }
 * ```
 * @public
 */
export interface GeneratedPodTemplateSpec {
  readonly metadata: ObjectMeta & { readonly labels: Readonly<Record<string, string>> }
  readonly spec: PodSpec
}

/**
 * A `Pod` (v1).
 *
 * @example
 * ```ts
 * fc.sample(podArbitrary(), 1) // [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: … }, spec: { … } }]
 * ```
 * @public
 */
export interface GeneratedPod {
  readonly apiVersion: 'v1'
  readonly kind: 'Pod'
  readonly metadata: ObjectMeta
  readonly spec: PodSpec
}

/**
 * A `PodTemplate` (v1): the template sits at the top level, not under `spec`.
 *
 * @example
 * ```ts
 * fc.sample(podTemplateArbitrary(), 1) // [{ apiVersion: 'v1', kind: 'PodTemplate', template: { … } }]
 * ```
 * @public
 */
export interface GeneratedPodTemplate {
  readonly apiVersion: 'v1'
  readonly kind: 'PodTemplate'
  readonly metadata: ObjectMeta
  readonly template: GeneratedPodTemplateSpec
}

/**
 * A `ReplicationController` (v1): its selector is a plain label map.
 *
 * @example
 * ```ts
 * fc.sample(replicationControllerArbitrary(), 1) // [{ kind: 'ReplicationController', spec: { selector: { app: … }, … } }]
 * ```
 * @public
 */
export interface GeneratedReplicationController {
  readonly apiVersion: 'v1'
  readonly kind: 'ReplicationController'
  readonly metadata: ObjectMeta
  readonly spec: { readonly replicas: number; readonly selector: Readonly<Record<string, string>>; readonly template: GeneratedPodTemplateSpec }
}

/**
 * A `ReplicaSet` (apps/v1).
 *
 * @example
 * ```ts
 * fc.sample(replicaSetArbitrary(), 1) // [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', … }]
 * ```
 * @public
 */
export interface GeneratedReplicaSet {
  readonly apiVersion: 'apps/v1'
  readonly kind: 'ReplicaSet'
  readonly metadata: ObjectMeta
  readonly spec: { readonly replicas: number; readonly selector: LabelSelector; readonly template: GeneratedPodTemplateSpec }
}

/**
 * A `Deployment` (apps/v1).
 *
 * @example
 * ```ts
 * fc.sample(deploymentArbitrary(), 1) // [{ apiVersion: 'apps/v1', kind: 'Deployment', … }]
 * ```
 * @public
 */
export interface GeneratedDeployment {
  readonly apiVersion: 'apps/v1'
  readonly kind: 'Deployment'
  readonly metadata: ObjectMeta
  readonly spec: { readonly replicas: number; readonly selector: LabelSelector; readonly template: GeneratedPodTemplateSpec }
}

/**
 * A `StatefulSet` (apps/v1).
 *
 * @example
 * ```ts
 * fc.sample(statefulSetArbitrary(), 1) // [{ kind: 'StatefulSet', spec: { serviceName: …, … } }]
 * ```
 * @public
 */
export interface GeneratedStatefulSet {
  readonly apiVersion: 'apps/v1'
  readonly kind: 'StatefulSet'
  readonly metadata: ObjectMeta
  readonly spec: {
    readonly serviceName: string
    readonly replicas: number
    readonly selector: LabelSelector
    readonly template: GeneratedPodTemplateSpec
  }
}

/**
 * A `DaemonSet` (apps/v1).
 *
 * @example
 * ```ts
 * fc.sample(daemonSetArbitrary(), 1) // [{ apiVersion: 'apps/v1', kind: 'DaemonSet', … }]
 * ```
 * @public
 */
export interface GeneratedDaemonSet {
  readonly apiVersion: 'apps/v1'
  readonly kind: 'DaemonSet'
  readonly metadata: ObjectMeta
  readonly spec: { readonly selector: LabelSelector; readonly template: GeneratedPodTemplateSpec }
}

/**
 * The `spec` of a `Job`: its pods restart `Never` or `OnFailure`.
 *
 * @example
 * ```ts
 * fc.sample(jobArbitrary(), 1)[0]?.spec.template.spec.restartPolicy // 'Never' | 'OnFailure'
 * ```
 * @public
 */
export interface GeneratedJobSpec {
  readonly backoffLimit: number
  readonly template: GeneratedPodTemplateSpec
}

/**
 * A `Job` (batch/v1).
 *
 * @example
 * ```ts
 * fc.sample(jobArbitrary(), 1) // [{ apiVersion: 'batch/v1', kind: 'Job', … }]
 * ```
 * @public
 */
export interface GeneratedJob {
  readonly apiVersion: 'batch/v1'
  readonly kind: 'Job'
  readonly metadata: ObjectMeta
  readonly spec: GeneratedJobSpec
}

/**
 * A `CronJob` (batch/v1): the pod is at `spec.jobTemplate.spec.template.spec`.
 *
 * @example
 * ```ts
 * fc.sample(cronJobArbitrary(), 1) // [{ kind: 'CronJob', spec: { schedule: …, jobTemplate: { spec: { … } } } }]
 * ```
 * @public
 */
export interface GeneratedCronJob {
  readonly apiVersion: 'batch/v1'
  readonly kind: 'CronJob'
  readonly metadata: ObjectMeta
  readonly spec: { readonly schedule: string; readonly jobTemplate: { readonly spec: GeneratedJobSpec } }
}

/**
 * Each kind that carries a pod, by name.
 *
 * @example
 * ```ts
 * import type { WorkloadOf } from 'no-new-privs/testing'
 * type D = WorkloadOf<'Deployment'> // GeneratedDeployment
 * ```
 * @public
 */
export interface WorkloadsByKind {
  readonly Pod: GeneratedPod
  readonly PodTemplate: GeneratedPodTemplate
  readonly ReplicationController: GeneratedReplicationController
  readonly ReplicaSet: GeneratedReplicaSet
  readonly Deployment: GeneratedDeployment
  readonly StatefulSet: GeneratedStatefulSet
  readonly DaemonSet: GeneratedDaemonSet
  readonly Job: GeneratedJob
  readonly CronJob: GeneratedCronJob
}

/**
 * A kind that carries a pod.
 *
 * @example
 * ```ts
 * const kind: WorkloadKind = 'CronJob'
 * ```
 * @public
 */
export type WorkloadKind = keyof WorkloadsByKind

/**
 * The generated object of kind `K` (a union for a union of kinds).
 *
 * @example
 * ```ts
 * const d: WorkloadOf<'Deployment'> = fc.sample(deploymentArbitrary(), 1)[0]!
 * ```
 * @public
 */
export type WorkloadOf<K extends WorkloadKind> = WorkloadsByKind[K]

/**
 * Every kind that carries a pod, in the order Pod, PodTemplate, ReplicationController, ReplicaSet, Deployment, StatefulSet, DaemonSet, Job, CronJob.
 *
 * @example
 * ```ts
 * WORKLOAD_KINDS.includes('Job') // true
 * ```
 * @public
 */
export const WORKLOAD_KINDS: ReadonlyArray<WorkloadKind> = Object.freeze([
  'Pod',
  'PodTemplate',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
])
