/**
 * `workloadArbitrary`: every kind that carries a pod, steered like `podSpecArbitrary`.
 *
 * One implementation for all kinds, because they differ only in the envelope around the pod
 * spec (where it sits, which fields the API server requires, which restart policies it
 * accepts); the per-kind arbitraries (`deploymentArbitrary`, …) are thin, precisely typed
 * wrappers over it.
 *
 * @packageDocumentation
 */
import fc from './_internals/fastCheck.js'
import type { ObjectMeta, PodSpec } from '../codecs/index.js'
import type { PodConstraints } from './constraints.js'
import { podSpecFor, type PodShape } from './_internals/containerFor.js'
import { osesOf, planOf, type Plan } from './_internals/plan.js'
import { dnsLabelArbitrary, maybe, namespaceArbitrary, putIfSet, type Maybe } from './_internals/values.js'
import { WORKLOAD_KINDS, type GeneratedPodTemplateSpec, type WorkloadKind, type WorkloadOf } from './workloadTypes.js'
import { checkedConstraints, podRules } from './_internals/checkConstraints.js'

/**
 * Constraints of `workloadArbitrary`: the kinds to generate, and what every container of the
 * pod (template) must be.
 *
 * @example
 * ```ts
 * import { workloadArbitrary } from 'no-new-privs/testing'
 * workloadArbitrary({ kind: ['Deployment', 'CronJob'], column: 'nonRoot' })
 * ```
 * @public
 */
export interface WorkloadConstraints<K extends WorkloadKind = WorkloadKind> extends PodConstraints {
  /** One kind or several; default every kind that carries a pod (`Pod`, `Deployment`, … `CronJob`). */
  readonly kind?: K | ReadonlyArray<K> | undefined
}

const ANY_RESTART: PodShape = { restartPolicies: ['Always', 'OnFailure', 'Never'], ephemeral: false }
const SERVING: PodShape = { restartPolicies: ['Always'], ephemeral: false }
const RUN_TO_COMPLETION: PodShape = { restartPolicies: ['OnFailure', 'Never'], ephemeral: false }
const READ_BACK_POD: PodShape = { restartPolicies: ['Always', 'OnFailure', 'Never'], ephemeral: true }

interface Envelope {
  readonly name: string
  readonly namespace: Maybe<string>
  readonly replicas: number
  readonly schedule: string
}

const envelopeArbitrary: fc.Arbitrary<Envelope> = fc.record({
  name: dnsLabelArbitrary,
  namespace: maybe(namespaceArbitrary),
  replicas: fc.integer({ min: 0, max: 5 }),
  schedule: fc.constantFrom('*/5 * * * *', '0 3 * * *', '@hourly'),
})

function metadataOf(e: Envelope): ObjectMeta {
  const metadata: Record<string, unknown> = { name: e.name }
  putIfSet(metadata, 'namespace', e.namespace)
  return metadata as ObjectMeta
}

function templateOf(e: Envelope, spec: PodSpec): GeneratedPodTemplateSpec {
  return { metadata: { labels: { app: e.name } }, spec }
}

type Build = (e: Envelope, spec: PodSpec) => WorkloadOf<WorkloadKind>

const KINDS: { readonly [K in WorkloadKind]: { readonly shape: PodShape; readonly build: (e: Envelope, spec: PodSpec) => WorkloadOf<K> } } = {
  Pod: { shape: READ_BACK_POD, build: (e, spec) => ({ apiVersion: 'v1', kind: 'Pod', metadata: metadataOf(e), spec }) },
  PodTemplate: {
    shape: ANY_RESTART,
    build: (e, spec) => ({ apiVersion: 'v1', kind: 'PodTemplate', metadata: metadataOf(e), template: templateOf(e, spec) }),
  },
  ReplicationController: {
    shape: SERVING,
    build: (e, spec) => ({
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: metadataOf(e),
      spec: { replicas: e.replicas, selector: { app: e.name }, template: templateOf(e, spec) },
    }),
  },
  ReplicaSet: {
    shape: SERVING,
    build: (e, spec) => ({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: metadataOf(e),
      spec: { replicas: e.replicas, selector: { matchLabels: { app: e.name } }, template: templateOf(e, spec) },
    }),
  },
  Deployment: {
    shape: SERVING,
    build: (e, spec) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: metadataOf(e),
      spec: { replicas: e.replicas, selector: { matchLabels: { app: e.name } }, template: templateOf(e, spec) },
    }),
  },
  StatefulSet: {
    shape: SERVING,
    build: (e, spec) => ({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: metadataOf(e),
      spec: { serviceName: e.name, replicas: e.replicas, selector: { matchLabels: { app: e.name } }, template: templateOf(e, spec) },
    }),
  },
  DaemonSet: {
    shape: SERVING,
    build: (e, spec) => ({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: metadataOf(e),
      spec: { selector: { matchLabels: { app: e.name } }, template: templateOf(e, spec) },
    }),
  },
  Job: {
    shape: RUN_TO_COMPLETION,
    build: (e, spec) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: metadataOf(e), spec: { backoffLimit: 6, template: templateOf(e, spec) } }),
  },
  CronJob: {
    shape: RUN_TO_COMPLETION,
    build: (e, spec) => ({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: metadataOf(e),
      spec: { schedule: e.schedule, jobTemplate: { spec: { backoffLimit: 6, template: templateOf(e, spec) } } },
    }),
  },
}

/** A workload of one kind, for a settled plan (shared with `listArbitrary`). @internal */
export function workloadOfKind<K extends WorkloadKind>(kind: K, plan: Plan): fc.Arbitrary<WorkloadOf<K>> {
  const { shape, build } = KINDS[kind] as { readonly shape: PodShape; readonly build: Build }
  return fc.tuple(envelopeArbitrary, podSpecFor(plan, shape)).map(([e, spec]) => build(e, spec) as WorkloadOf<K>)
}

/** The kinds a constraint names (default: all). @internal */
export function kindsOf<K extends WorkloadKind>(kind: K | ReadonlyArray<K> | undefined): ReadonlyArray<K> {
  if (kind === undefined) return WORKLOAD_KINDS as ReadonlyArray<K>
  const kinds = Array.isArray(kind) ? (kind as ReadonlyArray<K>) : [kind as K]
  if (kinds.length === 0) throw new Error('workloadArbitrary: `kind` names no kind')
  return kinds
}

/**
 * Generates objects of the kinds that carry a pod (`Pod`, `PodTemplate`,
 * `ReplicationController`, `ReplicaSet`, `Deployment`, `StatefulSet`, `DaemonSet`, `Job`,
 * `CronJob`), each with the fields the API server requires of it (a selector matching the
 * template's labels, a Job's `restartPolicy` of `Never` or `OnFailure`, a CronJob's schedule).
 *
 * Every one passes `checkManifests` with no error and no warning, and **every** container of its
 * pod keeps `constraints` (see `podSpecArbitrary`). Only a `Pod` may hold ephemeral containers (a
 * pod read back from the API server); a template never does.
 *
 * Throws an `Error` when the constraints contradict each other.
 *
 * @example
 * ```ts
 * import fc from 'fast-check'
 * import { checkManifests } from 'no-new-privs'
 * import { workloadArbitrary } from 'no-new-privs/testing'
 *
 * fc.assert(
 *   fc.property(workloadArbitrary({ noNewPrivs: true }), (workload) => {
 *     const report = checkManifests({ source: 'generated', value: workload })
 *     return report.results.every((r) => r.noNewPrivs === true)
 *   }),
 * )
 * ```
 * @public
 */
export function workloadArbitrary<K extends WorkloadKind = WorkloadKind>(given: WorkloadConstraints<K> = {}): fc.Arbitrary<WorkloadOf<K>> {
  const constraints = checkedConstraints(given, 'workloadArbitrary', podRules(WORKLOAD_KINDS))
  const plan = planOf(constraints, osesOf(constraints.os, 'any'), 'workloadArbitrary')
  return fc.oneof(...kindsOf(constraints.kind).map((kind) => workloadOfKind(kind, plan)))
}
