/**
 * A container's `securityContext` (core/v1 `SecurityContext`) and the types it holds, every
 * field of the current Kubernetes API plus the first design's `noNewPrivileges`.
 *
 * @packageDocumentation
 */
import * as t from 'io-ts'
import { mixedFields, optionalFields } from './object.js'
import { enumOf, nullable, stringList, uid } from './primitives.js'

/**
 * `capabilities`: POSIX capabilities to add and drop. Names are kept as written
 * (`SYS_ADMIN`, `CAP_SYS_ADMIN`); normalising them is resolution's job.
 *
 * @example
 * ```ts
 * import { Capabilities } from 'no-new-privs/codecs'
 * Capabilities.is({ add: ['NET_BIND_SERVICE'], drop: ['ALL'] }) // true
 * ```
 * @public
 */
export const Capabilities = optionalFields('Capabilities', {
  add: nullable(stringList),
  drop: nullable(stringList),
})

/**
 * `seLinuxOptions`: the SELinux label of a container or pod.
 *
 * @example
 * ```ts
 * import { SELinuxOptions } from 'no-new-privs/codecs'
 * SELinuxOptions.is({ level: 's0:c123,c456' }) // true
 * ```
 * @public
 */
export const SELinuxOptions = optionalFields('SELinuxOptions', {
  user: nullable(t.string),
  role: nullable(t.string),
  type: nullable(t.string),
  level: nullable(t.string),
})

/**
 * The kinds of seccomp profile.
 *
 * @example
 * ```ts
 * import { SeccompProfileType } from 'no-new-privs/codecs'
 * SeccompProfileType.values // ['Localhost', 'RuntimeDefault', 'Unconfined']
 * ```
 * @public
 */
export const SeccompProfileType = enumOf('SeccompProfileType', ['Localhost', 'RuntimeDefault', 'Unconfined'])

/**
 * `seccompProfile`: `type` is required; `localhostProfile` names a profile on the node.
 *
 * @example
 * ```ts
 * import { SeccompProfile } from 'no-new-privs/codecs'
 * SeccompProfile.is({ type: 'RuntimeDefault' }) // true
 * ```
 * @public
 */
export const SeccompProfile = mixedFields(
  'SeccompProfile',
  { type: SeccompProfileType },
  { localhostProfile: nullable(t.string) },
)

/**
 * The kinds of AppArmor profile.
 *
 * @example
 * ```ts
 * import { AppArmorProfileType } from 'no-new-privs/codecs'
 * AppArmorProfileType.is('Unconfined') // true
 * ```
 * @public
 */
export const AppArmorProfileType = enumOf('AppArmorProfileType', ['Localhost', 'RuntimeDefault', 'Unconfined'])

/**
 * `appArmorProfile`: `type` is required; `localhostProfile` names a profile loaded on the node.
 *
 * @example
 * ```ts
 * import { AppArmorProfile } from 'no-new-privs/codecs'
 * AppArmorProfile.is({ type: 'Localhost', localhostProfile: 'k8s-apparmor-example' }) // true
 * ```
 * @public
 */
export const AppArmorProfile = mixedFields(
  'AppArmorProfile',
  { type: AppArmorProfileType },
  { localhostProfile: nullable(t.string) },
)

/**
 * `windowsOptions`: settings that apply to Windows containers only.
 *
 * @example
 * ```ts
 * import { WindowsSecurityContextOptions } from 'no-new-privs/codecs'
 * WindowsSecurityContextOptions.is({ runAsUserName: 'ContainerUser' }) // true
 * ```
 * @public
 */
export const WindowsSecurityContextOptions = optionalFields('WindowsSecurityContextOptions', {
  gmsaCredentialSpecName: nullable(t.string),
  gmsaCredentialSpec: nullable(t.string),
  runAsUserName: nullable(t.string),
  hostProcess: nullable(t.boolean),
})

/**
 * `cgroupOptions`: how the cgroup filesystem is mounted in the container (KEP-5474, alpha in
 * v1.36 behind the `CgroupOptions` feature gate). `mountMode` is read as a plain string: the KEP
 * names `ReadOnly` and `Writable`, while the Kubernetes website's example writes `ReadWrite`, so
 * the values are not settled enough to reject one.
 *
 * @example
 * ```ts
 * import { CgroupOptions } from 'no-new-privs/codecs'
 * CgroupOptions.is({ mountMode: 'Writable' }) // true
 * ```
 * @public
 */
export const CgroupOptions = optionalFields('CgroupOptions', {
  mountMode: nullable(t.string),
})

/**
 * `procMount`: how `/proc` is mounted for the container.
 *
 * @example
 * ```ts
 * import { ProcMountType } from 'no-new-privs/codecs'
 * ProcMountType.is('Unmasked') // true
 * ```
 * @public
 */
export const ProcMountType = enumOf('ProcMountType', ['Default', 'Unmasked'])

/**
 * A container's `securityContext`: every field of core/v1 `SecurityContext`, plus the first
 * design's `noNewPrivileges` (read by the `noNewPrivileges` semantics only). Absent and `null`
 * both mean "not set"; unknown keys are kept and reported by `decode` as warnings.
 *
 * @example
 * ```ts
 * import { SecurityContext, decode } from 'no-new-privs/codecs'
 * decode(SecurityContext, { allowPrivilegeEscalation: false, runAsUser: 1000 })
 * // Right({ value: { allowPrivilegeEscalation: false, runAsUser: 1000 }, warnings: [] })
 * ```
 * @public
 */
export const SecurityContext = optionalFields('SecurityContext', {
  allowPrivilegeEscalation: nullable(t.boolean),
  appArmorProfile: nullable(AppArmorProfile),
  capabilities: nullable(Capabilities),
  cgroupOptions: nullable(CgroupOptions),
  privileged: nullable(t.boolean),
  procMount: nullable(ProcMountType),
  readOnlyRootFilesystem: nullable(t.boolean),
  runAsGroup: nullable(uid),
  runAsNonRoot: nullable(t.boolean),
  runAsUser: nullable(uid),
  seLinuxOptions: nullable(SELinuxOptions),
  seccompProfile: nullable(SeccompProfile),
  windowsOptions: nullable(WindowsSecurityContextOptions),
  noNewPrivileges: nullable(t.boolean),
})

// The decoded types, each named as its codec (io-ts style), so one import brings both.
/** The decoded `Capabilities`. @public */
export type Capabilities = t.TypeOf<typeof Capabilities>
/** The decoded `SELinuxOptions`. @public */
export type SELinuxOptions = t.TypeOf<typeof SELinuxOptions>
/** The decoded `SeccompProfileType`. @public */
export type SeccompProfileType = t.TypeOf<typeof SeccompProfileType>
/** The decoded `SeccompProfile`. @public */
export type SeccompProfile = t.TypeOf<typeof SeccompProfile>
/** The decoded `AppArmorProfileType`. @public */
export type AppArmorProfileType = t.TypeOf<typeof AppArmorProfileType>
/** The decoded `AppArmorProfile`. @public */
export type AppArmorProfile = t.TypeOf<typeof AppArmorProfile>
/** The decoded `WindowsSecurityContextOptions`. @public */
export type WindowsSecurityContextOptions = t.TypeOf<typeof WindowsSecurityContextOptions>
/** The decoded `CgroupOptions`. @public */
export type CgroupOptions = t.TypeOf<typeof CgroupOptions>
/** The decoded `ProcMountType`. @public */
export type ProcMountType = t.TypeOf<typeof ProcMountType>
/** The decoded `SecurityContext`. @public */
export type SecurityContext = t.TypeOf<typeof SecurityContext>
