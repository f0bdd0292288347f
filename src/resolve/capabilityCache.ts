/**
 * Shared capabilities for the resolution hot path, apart from the rules that use them: an added
 * capability that grants SYS_ADMIN is named in the `proposal` decision (its column's origin) and
 * in the `sys-admin-without-escalation` violation, so each container that adds one used to cost a
 * path string, the capability, its account, its decision or its violation, made anew on every
 * call: in a whole-domain batch, about one `proposal` container in eight.
 *
 * Here a capability is made once per place and name (`sharedCapability`, frozen), and what is
 * derived from it alone is kept with it (`derivedFrom`). Frozen values only: what is shared can
 * never be changed by whoever receives it.
 *
 * @packageDocumentation
 */
import { addedCapability, type AddedCapability } from './capabilities.js'

// Capabilities by target and index (`placeOf`), then by name. Lists are short in practice: the
// bounds only keep made-up input (long lists, many names) from growing the tables without end.
const MAX_INDEX = 16
const MAX_NAMES = 64
const byPlace: Array<Map<string, AddedCapability> | undefined> = []

function placeOf(target: AddedCapability['target'], index: number): number {
  return (target === 'policy' ? MAX_INDEX : 0) + index
}

/**
 * `addedCapability(name, target, index)`, frozen, the same object for the same arguments (a
 * fresh one for an index beyond the table's bound).
 *
 * @example
 * ```ts
 * sharedCapability('SYS_ADMIN', 'container', 0) === sharedCapability('SYS_ADMIN', 'container', 0) // true
 * ```
 */
export function sharedCapability(name: string, target: AddedCapability['target'], index: number): AddedCapability {
  if (index >= MAX_INDEX) return Object.freeze(addedCapability(name, target, index))
  const at = placeOf(target, index)
  let byName = byPlace[at]
  if (byName === undefined) byPlace[at] = byName = new Map()
  let made = byName.get(name)
  if (made === undefined) {
    if (byName.size >= MAX_NAMES) byName.clear()
    made = Object.freeze(addedCapability(name, target, index))
    byName.set(name, made)
  }
  return made
}

/**
 * What `make(capability)` answers, made once per frozen capability (a shared one) and kept with
 * it; made anew for a capability that is not frozen, which could change after.
 *
 * @example
 * ```ts
 * const violationOf = derivedFrom((cap) => Object.freeze(sysAdminViolation(cap, false)))
 * violationOf(sharedCapability('ALL', 'container', 0)) === violationOf(sharedCapability('ALL', 'container', 0)) // true
 * ```
 */
export function derivedFrom<T>(make: (capability: AddedCapability) => T): (capability: AddedCapability) => T {
  const made = new WeakMap<AddedCapability, T>()
  return (capability) => {
    if (!Object.isFrozen(capability)) return make(capability)
    let got = made.get(capability)
    if (got === undefined) {
      got = make(capability)
      made.set(capability, got)
    }
    return got
  }
}
