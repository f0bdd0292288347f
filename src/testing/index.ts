/**
 * `no-new-privs/testing`: fast-check arbitraries of Kubernetes objects steered by where their
 * containers land in the `no_new_privs` table, and helpers to unit-test manifests.
 *
 * Needs `fast-check` 4 (a peer dependency of this entry point only).
 *
 * @packageDocumentation
 */
export type { ContainerConstraints, NoNewPrivsConstraints, PodConstraints } from './constraints.js'
export { securityContextArbitrary } from './securityContext.js'
export { podSecurityContextArbitrary, type PodSecurityContextConstraints } from './podSecurityContext.js'
export { podSecurityPolicyArbitrary, type PodSecurityPolicyConstraints } from './podSecurityPolicy.js'
export { containerArbitrary } from './container.js'
export { podSpecArbitrary } from './podSpec.js'
export { podArbitrary } from './pod.js'
export { workloadArbitrary, type WorkloadConstraints } from './workload.js'
export { podTemplateArbitrary } from './podTemplate.js'
export { replicationControllerArbitrary } from './replicationController.js'
export { replicaSetArbitrary } from './replicaSet.js'
export { deploymentArbitrary } from './deployment.js'
export { statefulSetArbitrary } from './statefulSet.js'
export { daemonSetArbitrary } from './daemonSet.js'
export { jobArbitrary } from './job.js'
export { cronJobArbitrary } from './cronJob.js'
export { listArbitrary, type GeneratedList, type ListConstraints } from './list.js'
export {
  WORKLOAD_KINDS,
  type GeneratedCronJob,
  type GeneratedDaemonSet,
  type GeneratedDeployment,
  type GeneratedJob,
  type GeneratedJobSpec,
  type GeneratedPod,
  type GeneratedPodTemplate,
  type GeneratedPodTemplateSpec,
  type GeneratedReplicaSet,
  type GeneratedReplicationController,
  type GeneratedStatefulSet,
  type LabelSelector,
  type WorkloadKind,
  type WorkloadOf,
  type WorkloadsByKind,
} from './workloadTypes.js'
export { checkObject, checkYaml, type CheckYamlOptions, type ContainerSelector, type ManifestCheck } from './checkYaml.js'
