/**
 * Containers and pod specs (core/v1 `Container`, `EphemeralContainer`, `PodOS`, `PodSpec`,
 * `PodTemplateSpec`, `Pod`).
 *
 * Every field of the current API is named, so a real manifest decodes with no false
 * unknown-field warning. Fields this library reads are typed; scalar fields are typed because it
 * costs nothing; every other field (probes, volumes, affinity, …) is `t.unknown`: kept exactly as
 * written, encoded back unchanged, never judged.
 *
 * @packageDocumentation
 */
import * as t from 'io-ts'
import { ObjectMeta } from './objectMeta.js'
import { mixedFields, optionalFields, requiredFields } from './object.js'
import { enumOf, int32, int64, nullable, stringList, stringMap } from './primitives.js'
import { PodSecurityContext } from './podSecurityContext.js'
import { SecurityContext } from './securityContext.js'

/** The optional fields a `Container` and an `EphemeralContainer` share. */
const containerFields = {
  image: nullable(t.string),
  command: nullable(stringList),
  args: nullable(stringList),
  workingDir: nullable(t.string),
  ports: nullable(t.unknown),
  envFrom: nullable(t.unknown),
  env: nullable(t.unknown),
  resources: nullable(t.unknown),
  resizePolicy: nullable(t.unknown),
  restartPolicy: nullable(t.string),
  restartPolicyRules: nullable(t.unknown),
  volumeMounts: nullable(t.unknown),
  volumeDevices: nullable(t.unknown),
  livenessProbe: nullable(t.unknown),
  readinessProbe: nullable(t.unknown),
  startupProbe: nullable(t.unknown),
  lifecycle: nullable(t.unknown),
  terminationMessagePath: nullable(t.string),
  terminationMessagePolicy: nullable(t.string),
  imagePullPolicy: nullable(t.string),
  securityContext: nullable(SecurityContext),
  stdin: nullable(t.boolean),
  stdinOnce: nullable(t.boolean),
  tty: nullable(t.boolean),
}

/**
 * An init or regular container. `name` is required, as the API server requires it.
 *
 * @example
 * ```ts
 * import { Container } from 'no-new-privs/codecs'
 * Container.is({ name: 'app', image: 'nginx:1.27', securityContext: { allowPrivilegeEscalation: false } }) // true
 * ```
 * @public
 */
export const Container = mixedFields('Container', { name: t.string }, containerFields)

/**
 * An ephemeral (debug) container: a `Container` plus `targetContainerName`.
 *
 * @example
 * ```ts
 * import { EphemeralContainer } from 'no-new-privs/codecs'
 * EphemeralContainer.is({ name: 'debugger', image: 'busybox', targetContainerName: 'app' }) // true
 * ```
 * @public
 */
export const EphemeralContainer = mixedFields(
  'EphemeralContainer',
  { name: t.string },
  { ...containerFields, targetContainerName: nullable(t.string) },
)

/**
 * The operating systems `spec.os.name` accepts.
 *
 * @example
 * ```ts
 * import { OSName } from 'no-new-privs/codecs'
 * OSName.is('windows') // true
 * ```
 * @public
 */
export const OSName = enumOf('OSName', ['linux', 'windows'])

/**
 * `spec.os`: `name` is required.
 *
 * @example
 * ```ts
 * import { PodOS } from 'no-new-privs/codecs'
 * PodOS.is({ name: 'windows' }) // true
 * ```
 * @public
 */
export const PodOS = requiredFields('PodOS', { name: OSName })

/**
 * A pod's `spec`: `containers` is required; `initContainers`, `ephemeralContainers`,
 * `securityContext` and `os` are typed, every other field is named.
 *
 * @example
 * ```ts
 * import { PodSpec, decode } from 'no-new-privs/codecs'
 * decode(PodSpec, { containers: [{ name: 'app', image: 'nginx' }], securityContext: { runAsNonRoot: true } })
 * ```
 * @public
 */
export const PodSpec = mixedFields(
  'PodSpec',
  { containers: t.readonlyArray(Container, '[]Container') },
  {
    volumes: nullable(t.unknown),
    initContainers: nullable(t.readonlyArray(Container, '[]Container')),
    ephemeralContainers: nullable(t.readonlyArray(EphemeralContainer, '[]EphemeralContainer')),
    restartPolicy: nullable(t.string),
    terminationGracePeriodSeconds: nullable(int64),
    activeDeadlineSeconds: nullable(int64),
    dnsPolicy: nullable(t.string),
    nodeSelector: nullable(stringMap),
    serviceAccountName: nullable(t.string),
    serviceAccount: nullable(t.string),
    automountServiceAccountToken: nullable(t.boolean),
    nodeName: nullable(t.string),
    hostNetwork: nullable(t.boolean),
    hostPID: nullable(t.boolean),
    hostIPC: nullable(t.boolean),
    shareProcessNamespace: nullable(t.boolean),
    securityContext: nullable(PodSecurityContext),
    imagePullSecrets: nullable(t.unknown),
    hostname: nullable(t.string),
    subdomain: nullable(t.string),
    affinity: nullable(t.unknown),
    schedulerName: nullable(t.string),
    tolerations: nullable(t.unknown),
    hostAliases: nullable(t.unknown),
    priorityClassName: nullable(t.string),
    priority: nullable(int32),
    dnsConfig: nullable(t.unknown),
    readinessGates: nullable(t.unknown),
    runtimeClassName: nullable(t.string),
    enableServiceLinks: nullable(t.boolean),
    preemptionPolicy: nullable(t.string),
    overhead: nullable(t.unknown),
    topologySpreadConstraints: nullable(t.unknown),
    setHostnameAsFQDN: nullable(t.boolean),
    os: nullable(PodOS),
    hostUsers: nullable(t.boolean),
    schedulingGates: nullable(t.unknown),
    resourceClaims: nullable(t.unknown),
    resources: nullable(t.unknown),
    hostnameOverride: nullable(t.string),
    schedulingGroup: nullable(t.unknown),
    // v1.35's alpha name for the pod's scheduling group, since renamed schedulingGroup.
    workloadRef: nullable(t.unknown),
  },
)

/**
 * A pod template (`spec.template` of a workload).
 *
 * @example
 * ```ts
 * import { PodTemplateSpec } from 'no-new-privs/codecs'
 * PodTemplateSpec.is({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app' }] } }) // true
 * ```
 * @public
 */
export const PodTemplateSpec = optionalFields('PodTemplateSpec', {
  metadata: nullable(ObjectMeta),
  spec: nullable(PodSpec),
})

/**
 * A whole `Pod` object. `status` is kept as it is.
 *
 * @example
 * ```ts
 * import { Pod } from 'no-new-privs/codecs'
 * Pod.is({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'app' }] } }) // true
 * ```
 * @public
 */
export const Pod = optionalFields('Pod', {
  apiVersion: nullable(t.string),
  kind: nullable(t.string),
  metadata: nullable(ObjectMeta),
  spec: nullable(PodSpec),
  status: nullable(t.unknown),
})

// The decoded types, each named as its codec (io-ts style), so one import brings both.
/** The decoded `Container`. @public */
export type Container = t.TypeOf<typeof Container>
/** The decoded `EphemeralContainer`. @public */
export type EphemeralContainer = t.TypeOf<typeof EphemeralContainer>
/** The decoded `OSName`. @public */
export type OSName = t.TypeOf<typeof OSName>
/** The decoded `PodOS`. @public */
export type PodOS = t.TypeOf<typeof PodOS>
/** The decoded `PodSpec`. @public */
export type PodSpec = t.TypeOf<typeof PodSpec>
/** The decoded `PodTemplateSpec`. @public */
export type PodTemplateSpec = t.TypeOf<typeof PodTemplateSpec>
/** The decoded `Pod`. @public */
export type Pod = t.TypeOf<typeof Pod>
