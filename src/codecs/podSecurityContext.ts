/**
 * A pod's `spec.securityContext` (core/v1 `PodSecurityContext`), every field of the current
 * Kubernetes API plus the first design's pod-level `noNewPrivileges`.
 *
 * @packageDocumentation
 */
import * as t from 'io-ts'
import { optionalFields, requiredFields } from './object.js'
import { enumOf, gid, nullable, uid } from './primitives.js'
import { AppArmorProfile, SELinuxOptions, SeccompProfile, WindowsSecurityContextOptions } from './securityContext.js'

/**
 * One namespaced sysctl to set for the pod; both fields are required.
 *
 * @example
 * ```ts
 * import { Sysctl } from 'no-new-privs/codecs'
 * Sysctl.is({ name: 'net.ipv4.ip_local_port_range', value: '1024 65535' }) // true
 * ```
 * @public
 */
export const Sysctl = requiredFields('Sysctl', { name: t.string, value: t.string })

/**
 * `fsGroupChangePolicy` values.
 *
 * @example
 * ```ts
 * import { PodFSGroupChangePolicy } from 'no-new-privs/codecs'
 * PodFSGroupChangePolicy.is('OnRootMismatch') // true
 * ```
 * @public
 */
export const PodFSGroupChangePolicy = enumOf('PodFSGroupChangePolicy', ['OnRootMismatch', 'Always'])

/**
 * `seLinuxChangePolicy` values.
 *
 * @example
 * ```ts
 * import { PodSELinuxChangePolicy } from 'no-new-privs/codecs'
 * PodSELinuxChangePolicy.is('Recursive') // true
 * ```
 * @public
 */
export const PodSELinuxChangePolicy = enumOf('PodSELinuxChangePolicy', ['MountOption', 'Recursive'])

/**
 * `supplementalGroupsPolicy` values.
 *
 * @example
 * ```ts
 * import { SupplementalGroupsPolicy } from 'no-new-privs/codecs'
 * SupplementalGroupsPolicy.is('Strict') // true
 * ```
 * @public
 */
export const SupplementalGroupsPolicy = enumOf('SupplementalGroupsPolicy', ['Merge', 'Strict'])

/**
 * A pod's `spec.securityContext`: every field of core/v1 `PodSecurityContext`, plus the first
 * design's pod-level `noNewPrivileges`. `runAsUser`, `runAsGroup`, `fsGroup` and every
 * `supplementalGroups` entry must be within `0..2147483647`, as the API server checks.
 *
 * @example
 * ```ts
 * import { PodSecurityContext, decode } from 'no-new-privs/codecs'
 * decode(PodSecurityContext, { runAsNonRoot: true, fsGroup: 2000 })
 * // Right({ value: { runAsNonRoot: true, fsGroup: 2000 }, warnings: [] })
 * ```
 * @public
 */
export const PodSecurityContext = optionalFields('PodSecurityContext', {
  appArmorProfile: nullable(AppArmorProfile),
  fsGroup: nullable(gid),
  fsGroupChangePolicy: nullable(PodFSGroupChangePolicy),
  runAsGroup: nullable(uid),
  runAsNonRoot: nullable(t.boolean),
  runAsUser: nullable(uid),
  seLinuxChangePolicy: nullable(PodSELinuxChangePolicy),
  seLinuxOptions: nullable(SELinuxOptions),
  seccompProfile: nullable(SeccompProfile),
  supplementalGroups: nullable(t.readonlyArray(gid, '[]int64')),
  supplementalGroupsPolicy: nullable(SupplementalGroupsPolicy),
  sysctls: nullable(t.readonlyArray(Sysctl, '[]Sysctl')),
  windowsOptions: nullable(WindowsSecurityContextOptions),
  noNewPrivileges: nullable(t.boolean),
})

// The decoded types, each named as its codec (io-ts style), so one import brings both.
/** The decoded `Sysctl`. @public */
export type Sysctl = t.TypeOf<typeof Sysctl>
/** The decoded `PodFSGroupChangePolicy`. @public */
export type PodFSGroupChangePolicy = t.TypeOf<typeof PodFSGroupChangePolicy>
/** The decoded `PodSELinuxChangePolicy`. @public */
export type PodSELinuxChangePolicy = t.TypeOf<typeof PodSELinuxChangePolicy>
/** The decoded `SupplementalGroupsPolicy`. @public */
export type SupplementalGroupsPolicy = t.TypeOf<typeof SupplementalGroupsPolicy>
/** The decoded `PodSecurityContext`. @public */
export type PodSecurityContext = t.TypeOf<typeof PodSecurityContext>
