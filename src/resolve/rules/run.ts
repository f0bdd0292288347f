/**
 * Running the checks a plan selected: every violation, in registry order, never only the first.
 *
 * @packageDocumentation
 */
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import type { Violation } from '../types.js'
import type { Check, Subject } from './rule.js'

/**
 * The violations of `subject` under `checks`; `undefined` (no array made) when there are none.
 *
 * @example
 * ```ts
 * runChecks([], subject) // undefined
 * ```
 */
export function runChecks(checks: ReadonlyArray<Check>, subject: Subject): ReadonlyNonEmptyArray<Violation> | undefined {
  let out: Violation[] | undefined
  for (let i = 0; i < checks.length; i++) out = (checks[i] as Check)(subject, out)
  // A check only ever makes the array to push onto it, so a made array is never empty.
  return out as ReadonlyNonEmptyArray<Violation> | undefined
}
