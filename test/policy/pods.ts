/**
 * Generated pods and workloads for the admission-policy proofs: every field the rules read,
 * absent, `null` or set, on init, regular and ephemeral containers, Linux and Windows, with
 * capability names aimed at the comparisons' traps (case, `CAP_` prefixes, `ſ`/`ı`, which
 * JavaScript upper-cases to ASCII).
 */
import { fc } from '@fast-check/vitest'
import type { ContainerSecurityInput, PodSecurityInput, ResolveInput } from '../../src/resolve/types.js'
import { harmlessCapability, sysAdminSpelling } from '../resolve/arbitraries.js'

type Json = Record<string, unknown>

const trickyCapability = fc.constantFrom('\u017fys_admin', 'SYS_ADM\u0131N', 'cap_\u017fy\u017f_adm\u0131n', 'CAP_SYS_ADMIN', 'CAP_CAP_SYS_ADMIN', '\u00df', 'SYS_ADMIN ', 'AL')
const capability = fc.oneof(sysAdminSpelling, harmlessCapability, trickyCapability, fc.string({ maxLength: 4 }))
const optBool = fc.constantFrom(true, false, null, undefined)
const uid = fc.option(fc.constantFrom(0, 1000, 65534), { nil: undefined })

/** A container's `securityContext`, or nothing. */
export const securityContextArb: fc.Arbitrary<Json | null | undefined> = fc.option(
  fc.record(
    {
      allowPrivilegeEscalation: optBool,
      privileged: optBool,
      capabilities: fc.option(fc.record({ add: fc.option(fc.array(capability, { maxLength: 3 })), drop: fc.option(fc.array(capability, { maxLength: 2 })) }, { requiredKeys: [] })),
      runAsUser: uid,
      runAsNonRoot: optBool,
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
)

function containers(prefix: string, min: number, max: number): fc.Arbitrary<Json[]> {
  return fc.array(securityContextArb, { minLength: min, maxLength: max }).map((scs) =>
    scs.map((sc, i) => (sc === undefined ? { name: `${prefix}-${i}`, image: 'busybox' } : { name: `${prefix}-${i}`, image: 'busybox', securityContext: sc })),
  )
}

/** A pod spec with 1–3 regular, 0–2 init and 0–2 ephemeral containers. */
export const podSpecArb: fc.Arbitrary<Json> = fc
  .record({
    initContainers: containers('init', 0, 2),
    containers: containers('app', 1, 3),
    ephemeralContainers: containers('debug', 0, 2),
    securityContext: fc.option(fc.record({ runAsUser: uid, runAsNonRoot: optBool }, { requiredKeys: [] }), { nil: undefined }),
    os: fc.option(fc.record({ name: fc.constantFrom('linux', 'windows') }), { nil: undefined }),
  })
  .map((s) => {
    const spec: Json = { containers: s.containers }
    if (s.initContainers.length > 0) spec.initContainers = s.initContainers
    if (s.ephemeralContainers.length > 0) spec.ephemeralContainers = s.ephemeralContainers
    if (s.securityContext !== undefined) spec.securityContext = s.securityContext
    if (s.os !== undefined) spec.os = s.os
    return spec
  })

/** A Pod around a spec. */
export function podOf(spec: Json): Json {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec }
}

/** A pod template spec holds no ephemeral containers (the API rejects them there). */
function templateOf(spec: Json): Json {
  const { ephemeralContainers: _dropped, ...rest } = spec
  void _dropped
  return { metadata: { labels: { app: 'w' } }, spec: rest }
}

const SELECTOR = { matchLabels: { app: 'w' } }

/** The workload kinds of SPEC §9 other than Pod, each around a pod spec. */
export const WORKLOADS: Readonly<Record<string, (spec: Json) => Json>> = {
  PodTemplate: (spec) => ({ apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: 'w' }, template: templateOf(spec) }),
  ReplicationController: (spec) => ({ apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'w' }, spec: { selector: { app: 'w' }, template: templateOf(spec) } }),
  ReplicaSet: (spec) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'w' }, spec: { selector: SELECTOR, template: templateOf(spec) } }),
  Deployment: (spec) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'w' }, spec: { selector: SELECTOR, template: templateOf(spec) } }),
  StatefulSet: (spec) => ({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'w' }, spec: { selector: SELECTOR, serviceName: 'w', template: templateOf(spec) } }),
  DaemonSet: (spec) => ({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'w' }, spec: { selector: SELECTOR, template: templateOf(spec) } }),
  Job: (spec) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'w' }, spec: { template: templateOf(spec) } }),
  CronJob: (spec) => ({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'w' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: templateOf(spec) } } } }),
}

/** One container of a pod spec, with where it sits. */
export interface PodContainer {
  readonly list: 'initContainers' | 'containers' | 'ephemeralContainers'
  readonly container: Json
}

/** Every container of a spec, init, regular, ephemeral (the order of the generated CEL). */
export function containersOf(spec: Json): ReadonlyArray<PodContainer> {
  const out: PodContainer[] = []
  for (const list of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    const items = spec[list]
    if (Array.isArray(items)) for (const c of items as Json[]) out.push({ list, container: c })
  }
  return out
}

/** The resolve input of one container of a pod spec (no PodSecurityPolicy: there is none in a cluster). */
export function inputOf(spec: Json, container: Json): ResolveInput {
  const os = (spec.os as { name?: string } | undefined)?.name
  return {
    container: (container.securityContext ?? undefined) as ContainerSecurityInput | undefined,
    pod: (spec.securityContext ?? undefined) as PodSecurityInput | undefined,
    os: os ?? null,
    name: container.name as string,
  }
}
