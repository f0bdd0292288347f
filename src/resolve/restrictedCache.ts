/**
 * A cache of `restricted-requires-no-escalation` violations by container name, apart from the
 * rule in `rules/restrictedRequiresNoEscalation.ts`: the message quotes the name, and building it
 * (JSON.stringify and a template) was most of that rule's cost on a batch where the same few
 * names recur. The violations are frozen, so sharing one between results is safe.
 *
 * @packageDocumentation
 */
import { restrictedViolation } from './podSecurity.js'
import type { Violation } from './types.js'

const byName = new Map<string | null | undefined, Violation>()
// Names are a pod's container names: few per batch. The bound keeps a batch of unique names
// (generated pods) from growing the map without end; it is then simply rebuilt.
const MAX_NAMES = 1024

/**
 * `restrictedViolation(name)`, made once per name.
 *
 * @example
 * ```ts
 * restrictedViolationOf('app') === restrictedViolationOf('app') // true
 * ```
 */
export function restrictedViolationOf(name: string | null | undefined): Violation {
  let made = byName.get(name)
  if (made === undefined) {
    if (byName.size >= MAX_NAMES) byName.clear()
    made = Object.freeze(restrictedViolation(name))
    byName.set(name, made)
  }
  return made
}
