/**
 * The hot path's question about capabilities: does any added capability grant SYS_ADMIN at all?
 * Most containers add none that could; answering that without upper-casing (and so allocating)
 * every name lets resolution skip the effective-set computation entirely.
 *
 * @packageDocumentation
 */
import { addedCapabilitiesIn, grantsSysAdmin, type AddedCapability } from './capabilities.js'
import { sharedCapability } from './capabilityCache.js'
import type { ContainerSecurityInput, PolicyInput } from './types.js'

const NONE: ReadonlyArray<AddedCapability> = Object.freeze([])

/** Is `name`, upper-cased, equal to the ASCII upper-case `target`? Non-ASCII input is left to the exact rule. */
function isAsciiUpperOf(name: string, target: string): boolean {
  for (let i = 0; i < target.length; i++) {
    let c = name.charCodeAt(i)
    if (c >= 128) return grantsSysAdmin(name)
    if (c >= 97 && c <= 122) c -= 32
    if (c !== target.charCodeAt(i)) return false
  }
  return true
}

function hasNonAscii(name: string): boolean {
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) >= 128) return true
  return false
}

/**
 * `grantsSysAdmin` without allocating for ASCII names: only the four spellings' lengths can match
 * (`ALL`, `CAP_ALL`, `SYS_ADMIN`, `CAP_SYS_ADMIN`, any case). A name with a non-ASCII character
 * takes `grantsSysAdmin` itself, whose `toUpperCase` can change lengths (`ß` → `SS`).
 *
 * @example
 * ```ts
 * grantsSysAdminQuickly('cap_sys_admin') // true
 * grantsSysAdminQuickly('NET_ADMIN')     // false
 * ```
 */
export function grantsSysAdminQuickly(name: string): boolean {
  switch (name.length) {
    case 3:
      return isAsciiUpperOf(name, 'ALL')
    case 7:
      return isAsciiUpperOf(name, 'CAP_ALL')
    case 9:
      return isAsciiUpperOf(name, 'SYS_ADMIN')
    case 13:
      return isAsciiUpperOf(name, 'CAP_SYS_ADMIN')
    default:
      return hasNonAscii(name) && grantsSysAdmin(name)
  }
}

function anyGrants(list: ReadonlyArray<unknown> | null | undefined): boolean {
  if (!Array.isArray(list)) return false
  for (let i = 0; i < list.length; i++) {
    const name: unknown = list[i]
    if (typeof name === 'string' && grantsSysAdminQuickly(name)) return true
  }
  return false
}

/**
 * Could any capability added by the container or by the policy's defaults grant SYS_ADMIN? When
 * `false`, every `addedCapabilitiesWhere(…, grantsSysAdmin)` (and its exact-string variants,
 * whose matches all grant SYS_ADMIN) is empty.
 *
 * @example
 * ```ts
 * mayAddSysAdmin({ capabilities: { add: ['sys_admin'] } }, undefined) // true
 * ```
 */
export function mayAddSysAdmin(
  container: ContainerSecurityInput | null | undefined,
  policy: PolicyInput | null | undefined,
  spec: PolicySpec | null | undefined = policy?.spec,
): boolean {
  return mayAddSysAdminIn(container?.capabilities?.add, spec?.defaultAddCapabilities)
}

/**
 * `mayAddSysAdmin` over the lists themselves: the container's `add`, the policy's `defaultAddCapabilities`.
 *
 * @example
 * ```ts
 * mayAddSysAdminIn(['NET_ADMIN'], ['ALL']) // true
 * ```
 */
export function mayAddSysAdminIn(add: ReadonlyArray<unknown> | null | undefined, defaults: ReadonlyArray<unknown> | null | undefined): boolean {
  return anyGrants(add) || anyGrants(defaults)
}

type PolicySpec = NonNullable<PolicyInput['spec']>

/**
 * The effective added capabilities that grant SYS_ADMIN, compared as the design does (case ignored, `CAP_` dropped):
 * `addedCapabilitiesWhere(container, policy, 'normalised', grantsSysAdmin)` (`spec` is `policy.spec`, passed
 * when already read), with a shared empty
 * array, and no allocation, in the common case where nothing could match.
 *
 * @example
 * ```ts
 * sysAdminGrantsOf({ capabilities: { add: ['NET_ADMIN'] } }, undefined) // []
 * ```
 */
export function sysAdminGrantsOf(
  container: ContainerSecurityInput | null | undefined,
  policy: PolicyInput | null | undefined,
  spec: PolicySpec | null | undefined = policy?.spec,
): ReadonlyArray<AddedCapability> {
  const caps = container?.capabilities
  return sysAdminGrantsIn(caps?.add, caps?.drop, spec?.defaultAddCapabilities)
}

/**
 * `sysAdminGrantsOf` over the three lists themselves (`add`, `drop`, `defaultAddCapabilities`).
 *
 * @example
 * ```ts
 * sysAdminGrantsIn(['NET_ADMIN'], null, null) // []
 * ```
 */
export function sysAdminGrantsIn(
  add: ReadonlyArray<unknown> | null | undefined,
  drop: ReadonlyArray<unknown> | null | undefined,
  defaults: ReadonlyArray<unknown> | null | undefined,
): ReadonlyArray<AddedCapability> {
  // `grantsSysAdminQuickly` is `grantsSysAdmin` (test/bench-equivalence proves it) without upper-casing
  // every name into a new string.
  return mayAddSysAdminIn(add, defaults) ? addedCapabilitiesIn(add, drop, defaults, 'normalised', grantsSysAdminQuickly) : NONE
}

/**
 * `sysAdminGrantsIn` with shared (frozen) capabilities (capabilityCache.ts), for the hot path:
 * what is derived from a capability can then be made once.
 *
 * @example
 * ```ts
 * sysAdminGrantsShared(['ALL'], null, null)[0] === sysAdminGrantsShared(['ALL'], null, null)[0] // true
 * ```
 */
export function sysAdminGrantsShared(
  add: ReadonlyArray<unknown> | null | undefined,
  drop: ReadonlyArray<unknown> | null | undefined,
  defaults: ReadonlyArray<unknown> | null | undefined,
): ReadonlyArray<AddedCapability> {
  return mayAddSysAdminIn(add, defaults) ? addedCapabilitiesIn(add, drop, defaults, 'normalised', grantsSysAdminQuickly, sharedCapability) : NONE
}
