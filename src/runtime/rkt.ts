/**
 * rkt / appc: the app isolator `os/linux/no-new-privileges`.
 *
 * appc (spec ≥ 0.8.3, rkt ≥ 1.26.0) reads the isolator's value as a Go `bool`: a JSON boolean,
 * with a missing or `null` value meaning `false` and anything else an invalid isolator. The
 * isolator may appear more than once; appc's `Isolators.GetByName` returns the last one, so the
 * last wins. Other isolators are none of this module's business and pass through.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { describeValue, isRecord } from '../callerInput.js'
import type { RuntimeDecision, RuntimeReading, RuntimeSwitchError } from './types.js'
import { decisionOf, switchError } from './types.js'

/**
 * The appc isolator name of the switch.
 *
 * @example
 * ```ts
 * const isolator = { name: RKT_NO_NEW_PRIVILEGES, value: true }
 * ```
 * @public
 */
export const RKT_NO_NEW_PRIVILEGES = 'os/linux/no-new-privileges'

/**
 * The isolator {@link rktIsolatorsWithNoNewPrivileges} writes.
 *
 * @example
 * ```ts
 * const isolator: RktNoNewPrivilegesIsolator = { name: 'os/linux/no-new-privileges', value: true }
 * ```
 * @public
 */
export interface RktNoNewPrivilegesIsolator {
  readonly name: typeof RKT_NO_NEW_PRIVILEGES
  readonly value: boolean
}

function isSwitch(isolator: unknown): boolean {
  return isRecord(isolator) && isolator['name'] === RKT_NO_NEW_PRIVILEGES
}

/**
 * The app's `isolators` array that gives it the decided `no_new_privs`.
 *
 * Returns a new array; the input is not modified. Every other isolator keeps its place. The
 * switch's isolator replaces the first existing one in place (any later ones are dropped, since
 * the last would win), or is appended. Its value is written explicitly, `false` included: an
 * image manifest's own isolator could otherwise turn the flag on. A decision whose `noNewPrivs`
 * is not a real boolean, or isolators that are not an array, are a `Left` with a `wrong-type` error.
 *
 * @example
 * ```ts
 * rktIsolatorsWithNoNewPrivileges({ noNewPrivs: true }, [{ name: 'os/linux/oom-score-adj', value: 250 }])
 * // right([{ name: 'os/linux/oom-score-adj', value: 250 }, { name: 'os/linux/no-new-privileges', value: true }])
 * ```
 * @public
 */
export function rktIsolatorsWithNoNewPrivileges<I>(
  decision: RuntimeDecision,
  isolators: ReadonlyArray<I> | null = [],
): E.Either<ReadonlyNonEmptyArray<RuntimeSwitchError>, ReadonlyArray<I | RktNoNewPrivilegesIsolator>> {
  const decided = decisionOf('rkt', decision)
  if (E.isLeft(decided)) return decided
  if (isolators !== null && isolators !== undefined && !Array.isArray(isolators)) {
    return E.left(switchError('rkt', 'wrong-type', 'isolators', 'array', isolators,
      `isolators must be a JSON array, got ${describeValue(isolators)}`))
  }
  const isolator: RktNoNewPrivilegesIsolator = { name: RKT_NO_NEW_PRIVILEGES, value: decided.right }
  const out: Array<I | RktNoNewPrivilegesIsolator> = []
  let placed = false
  for (const existing of isolators ?? []) {
    if (!isSwitch(existing)) out.push(existing)
    else if (!placed) {
      out.push(isolator)
      placed = true
    }
  }
  if (!placed) out.push(isolator)
  return E.right(out)
}

/**
 * Reads an app's `isolators` array (as JSON): will rkt set `no_new_privs`?
 *
 * The last `os/linux/no-new-privileges` isolator decides; with none, `false` (`path: null`).
 * `null` or absent isolators read as none. A value that is not a boolean is an error (every one
 * is reported); a missing or `null` value reads as `false`, as appc does.
 *
 * @example
 * ```ts
 * parseRktNoNewPrivileges([{ name: 'os/linux/no-new-privileges', value: true }])
 * // right({ noNewPrivs: true, path: 'isolators[0].value' })
 * parseRktNoNewPrivileges([{ name: 'os/linux/no-new-privileges', value: 'foo' }])
 * // left([{ code: 'invalid-value', path: 'isolators[0].value', … }])
 * ```
 * @public
 */
export function parseRktNoNewPrivileges(
  isolators: unknown,
): E.Either<ReadonlyNonEmptyArray<RuntimeSwitchError>, RuntimeReading> {
  if (isolators === undefined || isolators === null) return E.right({ noNewPrivs: false, path: null })
  if (!Array.isArray(isolators)) {
    return E.left([{
      runtime: 'rkt', code: 'wrong-type', path: 'isolators', expected: 'array', received: isolators,
      message: `isolators must be a JSON array, got ${describeValue(isolators)}`,
    }])
  }
  const list: ReadonlyArray<unknown> = isolators
  let reading: RuntimeReading = { noNewPrivs: false, path: null }
  const errors: Array<RuntimeSwitchError> = []
  for (let i = 0; i < list.length; i++) {
    const isolator = list[i]
    if (!isRecord(isolator) || isolator['name'] !== RKT_NO_NEW_PRIVILEGES) continue
    const path = `isolators[${i}].value`
    const value = isolator['value']
    if (typeof value === 'boolean') reading = { noNewPrivs: value, path }
    else if (value === undefined || value === null) reading = { noNewPrivs: false, path }
    else {
      errors.push({
        runtime: 'rkt', code: 'invalid-value', path, expected: 'boolean', received: value,
        message: `the ${RKT_NO_NEW_PRIVILEGES} isolator's value must be a JSON boolean (true or false), got ${describeValue(value)}`,
      })
    }
  }
  const [first, ...rest] = errors
  return first === undefined ? E.right(reading) : E.left([first, ...rest])
}
