/**
 * Capability names as the design compares them (case ignored, a `CAP_` prefix dropped), and the effective added set.
 *
 * @packageDocumentation
 */
import type { ContainerSecurityInput, PolicyInput } from './types.js'

/**
 * Upper-case a capability name and strip one leading `CAP_`, so `sys_admin`, `SYS_ADMIN` and
 * `CAP_SYS_ADMIN` compare equal.
 *
 * @example
 * ```ts
 * normaliseCapability('cap_sys_admin') // 'SYS_ADMIN'
 * normaliseCapability('CAP_CAP_X')     // 'CAP_X' (only one prefix is stripped)
 * ```
 * @public
 */
export function normaliseCapability(name: string): string {
  const upper = name.toUpperCase()
  return upper.startsWith('CAP_') ? upper.slice(4) : upper
}

/**
 * Does adding this capability give the process CAP_SYS_ADMIN? True for every spelling of
 * `SYS_ADMIN` and for `ALL`. A value that is not a string names no capability: `false`.
 *
 * @example
 * ```ts
 * grantsSysAdmin('ALL')        // true
 * grantsSysAdmin('sys_admin')  // true
 * grantsSysAdmin('NET_ADMIN')  // false
 * ```
 * @public
 */
export function grantsSysAdmin(name: string): boolean {
  // A plain-JavaScript caller's non-string names no capability, so it grants none: `false` is
  // the answer to the question asked, not a default standing in for an error.
  if (typeof name !== 'string') return false
  const n = normaliseCapability(name)
  return n === 'SYS_ADMIN' || n === 'ALL'
}

/**
 * The literal string released Kubernetes rejects with `allowPrivilegeEscalation: false`.
 *
 * @example
 * ```ts
 * import { KUBERNETES_SYS_ADMIN } from 'no-new-privs'
 * ['SYS_ADMIN', 'CAP_SYS_ADMIN'].filter((c) => c === KUBERNETES_SYS_ADMIN) // ['CAP_SYS_ADMIN']
 * ```
 */
export const KUBERNETES_SYS_ADMIN = 'CAP_SYS_ADMIN'

/**
 * One capability of the effective added set, with where it was added.
 *
 * @example
 * ```ts
 * const added: ReadonlyArray<AddedCapability> = addedCapabilitiesWhere(
 *   { capabilities: { add: ['NET_ADMIN'] } },
 *   { spec: { defaultAddCapabilities: ['SYS_ADMIN'] } },
 *   'normalised',
 *   grantsSysAdmin,
 * )
 * added // [{ name: 'SYS_ADMIN', target: 'policy', path: 'spec.defaultAddCapabilities[0]' }]
 * ```
 */
export interface AddedCapability {
  readonly name: string
  /** `'container'`: `securityContext.capabilities.add[i]`; `'policy'`: `spec.defaultAddCapabilities[j]`. */
  readonly target: 'container' | 'policy'
  readonly path: string
}

/**
 * How two capability names are compared: as the design does, or as released Kubernetes does.
 *
 * @example
 * ```ts
 * const comparisons: CapabilityComparison[] = ['normalised', 'exact'] // proposal, kubernetes
 * ```
 */
export type CapabilityComparison = 'normalised' | 'exact'

const NONE: ReadonlyArray<AddedCapability> = Object.freeze([])

/**
 * The capability `name` at `index` of the container's `capabilities.add` or the policy's
 * `defaultAddCapabilities`: a new object.
 *
 * @example
 * ```ts
 * addedCapability('SYS_ADMIN', 'policy', 0).path // 'spec.defaultAddCapabilities[0]'
 * ```
 */
export function addedCapability(name: string, target: AddedCapability['target'], index: number): AddedCapability {
  return { name, target, path: target === 'container' ? `securityContext.capabilities.add[${index}]` : `spec.defaultAddCapabilities[${index}]` }
}

function keyOf(name: string, comparison: CapabilityComparison): string {
  return comparison === 'exact' ? name : normaliseCapability(name)
}

function contains(list: ReadonlyArray<unknown> | null | undefined, key: string, comparison: CapabilityComparison): boolean {
  if (!Array.isArray(list)) return false
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i]
    if (typeof item === 'string' && keyOf(item, comparison) === key) return true
  }
  return false
}

/**
 * The capabilities of the effective added set (what the container adds plus what the policy adds by default) that satisfy `select`:
 * `container.capabilities.add` ∪ (`policy.spec.defaultAddCapabilities` minus those the container
 * drops). A policy default already in the container's own list is not counted twice, as the
 * PodSecurityPolicy admission plugin did not add it twice.
 *
 * Returns a shared empty array when nothing matches, so the common case allocates nothing.
 *
 * @example
 * ```ts
 * addedCapabilitiesWhere(
 *   { capabilities: { add: ['NET_ADMIN', 'sys_admin'] } },
 *   { spec: { defaultAddCapabilities: ['ALL'] } },
 *   'normalised',
 *   grantsSysAdmin,
 * )
 * // [{ name: 'sys_admin', target: 'container', path: 'securityContext.capabilities.add[1]' },
 * //  { name: 'ALL', target: 'policy', path: 'spec.defaultAddCapabilities[0]' }]
 * ```
 * @public
 */
export function addedCapabilitiesWhere(
  container: ContainerSecurityInput | null | undefined,
  policy: PolicyInput | null | undefined,
  comparison: CapabilityComparison,
  select: (name: string) => boolean,
): ReadonlyArray<AddedCapability> {
  const caps = container?.capabilities
  return addedCapabilitiesIn(caps?.add, caps?.drop, policy?.spec?.defaultAddCapabilities, comparison, select)
}

/**
 * `addedCapabilitiesWhere` over the three lists themselves (the container's `add` and `drop`, the
 * policy's `defaultAddCapabilities`), as resolution has them once read: nothing but these lists
 * is read. A list that is not an array counts as empty, an item that is not a string as absent.
 * `make` makes each entry (by default a new object, `addedCapability`).
 *
 * @example
 * ```ts
 * addedCapabilitiesIn(['NET_ADMIN'], null, ['SYS_ADMIN'], 'exact', (n) => n === 'SYS_ADMIN')
 * // [{ name: 'SYS_ADMIN', target: 'policy', path: 'spec.defaultAddCapabilities[0]' }]
 * ```
 */
export function addedCapabilitiesIn(
  add: ReadonlyArray<unknown> | null | undefined,
  drop: ReadonlyArray<unknown> | null | undefined,
  defaults: ReadonlyArray<unknown> | null | undefined,
  comparison: CapabilityComparison,
  select: (name: string) => boolean,
  make: (name: string, target: AddedCapability['target'], index: number) => AddedCapability = addedCapability,
): ReadonlyArray<AddedCapability> {
  let found: AddedCapability[] | undefined
  if (Array.isArray(add)) {
    for (let i = 0; i < add.length; i++) {
      const name: unknown = add[i]
      if (typeof name === 'string' && select(name)) {
        ;(found ??= []).push(make(name, 'container', i))
      }
    }
  }
  if (Array.isArray(defaults)) {
    for (let j = 0; j < defaults.length; j++) {
      const name: unknown = defaults[j]
      if (typeof name !== 'string' || !select(name)) continue
      const key = keyOf(name, comparison)
      if (contains(drop, key, comparison) || contains(add, key, comparison)) continue
      ;(found ??= []).push(make(name, 'policy', j))
    }
  }
  return found ?? NONE
}
