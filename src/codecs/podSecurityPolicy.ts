/**
 * `PodSecurityPolicy` (policy/v1beta1, removed in Kubernetes 1.25): the spec with every field
 * and strategy of the last API version.
 *
 * The API server requires `seLinux`, `runAsUser`, `supplementalGroups` and `fsGroup` in a spec.
 * This codec does not: resolution treats an absent strategy as unset, and a policy written for a
 * test (`spec: { allowPrivilegeEscalation: false }`) is worth reading. Each absent one is
 * reported by `decode` as a `missing-field` warning saying the cluster would reject the policy.
 *
 * @packageDocumentation
 */
import * as t from 'io-ts'
import { ObjectMeta } from './objectMeta.js'
import { mixedFields, optionalFields, requiredFields } from './object.js'
import { enumOf, int32, int64, nullable, stringList } from './primitives.js'
import { RequiredByApiType } from './requiredByApi.js'
import { ProcMountType, SELinuxOptions } from './securityContext.js'

/**
 * A range of user or group ids, both ends inclusive and required.
 *
 * @example
 * ```ts
 * import { IDRange } from 'no-new-privs/codecs'
 * IDRange.is({ min: 1000, max: 1999 }) // true
 * ```
 * @public
 */
export const IDRange = requiredFields('IDRange', { min: int64, max: int64 })

/**
 * A range of host ports, both ends inclusive and required.
 *
 * @example
 * ```ts
 * import { HostPortRange } from 'no-new-privs/codecs'
 * HostPortRange.is({ min: 8000, max: 8080 }) // true
 * ```
 * @public
 */
export const HostPortRange = requiredFields('HostPortRange', { min: int32, max: int32 })

/**
 * A host path prefix a pod may mount.
 *
 * @example
 * ```ts
 * import { AllowedHostPath } from 'no-new-privs/codecs'
 * AllowedHostPath.is({ pathPrefix: '/var/log', readOnly: true }) // true
 * ```
 * @public
 */
export const AllowedHostPath = optionalFields('AllowedHostPath', {
  pathPrefix: nullable(t.string),
  readOnly: nullable(t.boolean),
})

/**
 * A Flexvolume driver a pod may use.
 *
 * @example
 * ```ts
 * import { AllowedFlexVolume } from 'no-new-privs/codecs'
 * AllowedFlexVolume.is({ driver: 'example/lvm' }) // true
 * ```
 * @public
 */
export const AllowedFlexVolume = requiredFields('AllowedFlexVolume', { driver: t.string })

/**
 * An inline CSI driver a pod may use.
 *
 * @example
 * ```ts
 * import { AllowedCSIDriver } from 'no-new-privs/codecs'
 * AllowedCSIDriver.is({ name: 'csi.example.com' }) // true
 * ```
 * @public
 */
export const AllowedCSIDriver = requiredFields('AllowedCSIDriver', { name: t.string })

/**
 * Volume types a policy allows (`*` allows all).
 *
 * @example
 * ```ts
 * import { FSType } from 'no-new-privs/codecs'
 * FSType.is('configMap') // true
 * ```
 * @public
 */
export const FSType = enumOf('FSType', [
  'azureFile',
  'flocker',
  'flexVolume',
  'hostPath',
  'emptyDir',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'persistentVolumeClaim',
  'rbd',
  'cinder',
  'cephFS',
  'downwardAPI',
  'fc',
  'configMap',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'storageos',
  'projected',
  'portworxVolume',
  'scaleIO',
  'csi',
  'ephemeral',
  '*',
])

/**
 * `spec.runAsUser.rule` values.
 *
 * @example
 * ```ts
 * import { RunAsUserStrategy } from 'no-new-privs/codecs'
 * RunAsUserStrategy.is('MustRunAsNonRoot') // true
 * ```
 * @public
 */
export const RunAsUserStrategy = enumOf('RunAsUserStrategy', ['MustRunAs', 'MustRunAsNonRoot', 'RunAsAny'])

/**
 * `spec.runAsUser`: `rule` is required; `MustRunAs` defaults a pod's uid to `ranges[0].min`.
 *
 * @example
 * ```ts
 * import { RunAsUserStrategyOptions } from 'no-new-privs/codecs'
 * RunAsUserStrategyOptions.is({ rule: 'MustRunAs', ranges: [{ min: 1000, max: 1000 }] }) // true
 * ```
 * @public
 */
export const RunAsUserStrategyOptions = mixedFields(
  'RunAsUserStrategyOptions',
  { rule: RunAsUserStrategy },
  { ranges: nullable(t.readonlyArray(IDRange, '[]IDRange')) },
)

/**
 * `spec.runAsGroup.rule` values.
 *
 * @example
 * ```ts
 * import { RunAsGroupStrategy } from 'no-new-privs/codecs'
 * RunAsGroupStrategy.is('MayRunAs') // true
 * ```
 * @public
 */
export const RunAsGroupStrategy = enumOf('RunAsGroupStrategy', ['MustRunAs', 'MayRunAs', 'RunAsAny'])

/**
 * `spec.runAsGroup`: `rule` is required.
 *
 * @example
 * ```ts
 * import { RunAsGroupStrategyOptions } from 'no-new-privs/codecs'
 * RunAsGroupStrategyOptions.is({ rule: 'RunAsAny' }) // true
 * ```
 * @public
 */
export const RunAsGroupStrategyOptions = mixedFields(
  'RunAsGroupStrategyOptions',
  { rule: RunAsGroupStrategy },
  { ranges: nullable(t.readonlyArray(IDRange, '[]IDRange')) },
)

/**
 * `spec.seLinux.rule` values.
 *
 * @example
 * ```ts
 * import { SELinuxStrategy } from 'no-new-privs/codecs'
 * SELinuxStrategy.is('RunAsAny') // true
 * ```
 * @public
 */
export const SELinuxStrategy = enumOf('SELinuxStrategy', ['MustRunAs', 'RunAsAny'])

/**
 * `spec.seLinux`: `rule` is required.
 *
 * @example
 * ```ts
 * import { SELinuxStrategyOptions } from 'no-new-privs/codecs'
 * SELinuxStrategyOptions.is({ rule: 'MustRunAs', seLinuxOptions: { level: 's0' } }) // true
 * ```
 * @public
 */
export const SELinuxStrategyOptions = mixedFields(
  'SELinuxStrategyOptions',
  { rule: SELinuxStrategy },
  { seLinuxOptions: nullable(SELinuxOptions) },
)

/**
 * `spec.supplementalGroups.rule` values.
 *
 * @example
 * ```ts
 * import { SupplementalGroupsStrategyType } from 'no-new-privs/codecs'
 * SupplementalGroupsStrategyType.is('MustRunAs') // true
 * ```
 * @public
 */
export const SupplementalGroupsStrategyType = enumOf('SupplementalGroupsStrategyType', [
  'MustRunAs',
  'MayRunAs',
  'RunAsAny',
])

/**
 * `spec.supplementalGroups`: `rule` is optional here (`omitempty` in the API).
 *
 * @example
 * ```ts
 * import { SupplementalGroupsStrategyOptions } from 'no-new-privs/codecs'
 * SupplementalGroupsStrategyOptions.is({ rule: 'MayRunAs', ranges: [{ min: 1, max: 65535 }] }) // true
 * ```
 * @public
 */
export const SupplementalGroupsStrategyOptions = optionalFields('SupplementalGroupsStrategyOptions', {
  rule: nullable(SupplementalGroupsStrategyType),
  ranges: nullable(t.readonlyArray(IDRange, '[]IDRange')),
})

/**
 * `spec.fsGroup.rule` values.
 *
 * @example
 * ```ts
 * import { FSGroupStrategyType } from 'no-new-privs/codecs'
 * FSGroupStrategyType.is('RunAsAny') // true
 * ```
 * @public
 */
export const FSGroupStrategyType = enumOf('FSGroupStrategyType', ['MustRunAs', 'MayRunAs', 'RunAsAny'])

/**
 * `spec.fsGroup`: `rule` is optional here (`omitempty` in the API).
 *
 * @example
 * ```ts
 * import { FSGroupStrategyOptions } from 'no-new-privs/codecs'
 * FSGroupStrategyOptions.is({ rule: 'RunAsAny' }) // true
 * ```
 * @public
 */
export const FSGroupStrategyOptions = optionalFields('FSGroupStrategyOptions', {
  rule: nullable(FSGroupStrategyType),
  ranges: nullable(t.readonlyArray(IDRange, '[]IDRange')),
})

/**
 * `spec.runtimeClass`: `allowedRuntimeClassNames` is required (`*` allows all).
 *
 * @example
 * ```ts
 * import { RuntimeClassStrategyOptions } from 'no-new-privs/codecs'
 * RuntimeClassStrategyOptions.is({ allowedRuntimeClassNames: ['gvisor'], defaultRuntimeClassName: 'gvisor' }) // true
 * ```
 * @public
 */
export const RuntimeClassStrategyOptions = mixedFields(
  'RuntimeClassStrategyOptions',
  { allowedRuntimeClassNames: stringList },
  { defaultRuntimeClassName: nullable(t.string) },
)

/**
 * The spec of a `PodSecurityPolicy`, every field of policy/v1beta1. `allowPrivilegeEscalation`
 * is the gate, `defaultAllowPrivilegeEscalation` the default it gives containers.
 *
 * @example
 * ```ts
 * import { PodSecurityPolicySpec } from 'no-new-privs/codecs'
 * PodSecurityPolicySpec.is({ allowPrivilegeEscalation: false, runAsUser: { rule: 'MustRunAsNonRoot' } }) // true
 * ```
 * @public
 */
export const PodSecurityPolicySpec = new RequiredByApiType(
  optionalFields('PodSecurityPolicySpec', {
    privileged: nullable(t.boolean),
    defaultAddCapabilities: nullable(stringList),
    requiredDropCapabilities: nullable(stringList),
    allowedCapabilities: nullable(stringList),
    volumes: nullable(t.readonlyArray(FSType, '[]FSType')),
    hostNetwork: nullable(t.boolean),
    hostPorts: nullable(t.readonlyArray(HostPortRange, '[]HostPortRange')),
    hostPID: nullable(t.boolean),
    hostIPC: nullable(t.boolean),
    seLinux: nullable(SELinuxStrategyOptions),
    runAsUser: nullable(RunAsUserStrategyOptions),
    runAsGroup: nullable(RunAsGroupStrategyOptions),
    supplementalGroups: nullable(SupplementalGroupsStrategyOptions),
    fsGroup: nullable(FSGroupStrategyOptions),
    readOnlyRootFilesystem: nullable(t.boolean),
    defaultAllowPrivilegeEscalation: nullable(t.boolean),
    allowPrivilegeEscalation: nullable(t.boolean),
    allowedHostPaths: nullable(t.readonlyArray(AllowedHostPath, '[]AllowedHostPath')),
    allowedFlexVolumes: nullable(t.readonlyArray(AllowedFlexVolume, '[]AllowedFlexVolume')),
    allowedCSIDrivers: nullable(t.readonlyArray(AllowedCSIDriver, '[]AllowedCSIDriver')),
    allowedUnsafeSysctls: nullable(stringList),
    forbiddenSysctls: nullable(stringList),
    allowedProcMountTypes: nullable(t.readonlyArray(ProcMountType, '[]ProcMountType')),
    runtimeClass: nullable(RuntimeClassStrategyOptions),
  }),
  ['seLinux', 'runAsUser', 'supplementalGroups', 'fsGroup'],
  'PodSecurityPolicySpec (policy/v1beta1)',
)

/**
 * The API versions a `PodSecurityPolicy` was served under.
 *
 * @example
 * ```ts
 * import { PodSecurityPolicyApiVersion } from 'no-new-privs/codecs'
 * PodSecurityPolicyApiVersion.is('policy/v1beta1') // true
 * ```
 * @public
 */
export const PodSecurityPolicyApiVersion = enumOf('PodSecurityPolicyApiVersion', [
  'policy/v1beta1',
  'extensions/v1beta1',
])

/**
 * A whole `PodSecurityPolicy` document. `apiVersion` and `kind` may be absent (a policy built
 * in code), but when present they must name a PodSecurityPolicy.
 *
 * @example
 * ```ts
 * import { PodSecurityPolicy, decode } from 'no-new-privs/codecs'
 * decode(PodSecurityPolicy, {
 *   apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', metadata: { name: 'restricted' },
 *   spec: { allowPrivilegeEscalation: false, seLinux: { rule: 'RunAsAny' }, runAsUser: { rule: 'MustRunAsNonRoot' },
 *           supplementalGroups: { rule: 'RunAsAny' }, fsGroup: { rule: 'RunAsAny' } },
 * })
 * ```
 * @public
 */
export const PodSecurityPolicy = optionalFields('PodSecurityPolicy', {
  apiVersion: nullable(PodSecurityPolicyApiVersion),
  kind: nullable(enumOf('PodSecurityPolicyKind', ['PodSecurityPolicy'])),
  metadata: nullable(ObjectMeta),
  spec: nullable(PodSecurityPolicySpec),
})

// The decoded types, each named as its codec (io-ts style), so one import brings both.
/** The decoded `IDRange`. @public */
export type IDRange = t.TypeOf<typeof IDRange>
/** The decoded `HostPortRange`. @public */
export type HostPortRange = t.TypeOf<typeof HostPortRange>
/** The decoded `AllowedHostPath`. @public */
export type AllowedHostPath = t.TypeOf<typeof AllowedHostPath>
/** The decoded `AllowedFlexVolume`. @public */
export type AllowedFlexVolume = t.TypeOf<typeof AllowedFlexVolume>
/** The decoded `AllowedCSIDriver`. @public */
export type AllowedCSIDriver = t.TypeOf<typeof AllowedCSIDriver>
/** The decoded `FSType`. @public */
export type FSType = t.TypeOf<typeof FSType>
/** The decoded `RunAsUserStrategy`. @public */
export type RunAsUserStrategy = t.TypeOf<typeof RunAsUserStrategy>
/** The decoded `RunAsUserStrategyOptions`. @public */
export type RunAsUserStrategyOptions = t.TypeOf<typeof RunAsUserStrategyOptions>
/** The decoded `RunAsGroupStrategy`. @public */
export type RunAsGroupStrategy = t.TypeOf<typeof RunAsGroupStrategy>
/** The decoded `RunAsGroupStrategyOptions`. @public */
export type RunAsGroupStrategyOptions = t.TypeOf<typeof RunAsGroupStrategyOptions>
/** The decoded `SELinuxStrategy`. @public */
export type SELinuxStrategy = t.TypeOf<typeof SELinuxStrategy>
/** The decoded `SELinuxStrategyOptions`. @public */
export type SELinuxStrategyOptions = t.TypeOf<typeof SELinuxStrategyOptions>
/** The decoded `SupplementalGroupsStrategyType`. @public */
export type SupplementalGroupsStrategyType = t.TypeOf<typeof SupplementalGroupsStrategyType>
/** The decoded `SupplementalGroupsStrategyOptions`. @public */
export type SupplementalGroupsStrategyOptions = t.TypeOf<typeof SupplementalGroupsStrategyOptions>
/** The decoded `FSGroupStrategyType`. @public */
export type FSGroupStrategyType = t.TypeOf<typeof FSGroupStrategyType>
/** The decoded `FSGroupStrategyOptions`. @public */
export type FSGroupStrategyOptions = t.TypeOf<typeof FSGroupStrategyOptions>
/** The decoded `RuntimeClassStrategyOptions`. @public */
export type RuntimeClassStrategyOptions = t.TypeOf<typeof RuntimeClassStrategyOptions>
/** The decoded `PodSecurityPolicySpec`. @public */
export type PodSecurityPolicySpec = t.TypeOf<typeof PodSecurityPolicySpec>
/** The decoded `PodSecurityPolicyApiVersion`. @public */
export type PodSecurityPolicyApiVersion = t.TypeOf<typeof PodSecurityPolicyApiVersion>
/** The decoded `PodSecurityPolicy`. @public */
export type PodSecurityPolicy = t.TypeOf<typeof PodSecurityPolicy>
