/**
 * The shapes every runtime mapping shares: the decision it writes, what it reads back, and the
 * error it reports when a runtime's switch is malformed.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { describeValue, isRecord } from '../callerInput.js'

/**
 * What a runtime mapping needs from a decision: only whether `no_new_privs` is set.
 *
 * Every `Decision` returned by `resolveNoNewPrivs` is assignable to it, and so is a plain
 * `{ noNewPrivs: true }`.
 *
 * @example
 * ```ts
 * const decision: RuntimeDecision = { noNewPrivs: true }
 * ```
 * @public
 */
export interface RuntimeDecision {
  readonly noNewPrivs: boolean
}

/**
 * What a runtime's switch says, read back from the runtime's own configuration.
 *
 * @example
 * ```ts
 * const read: RuntimeReading = { noNewPrivs: true, path: 'process.noNewPrivileges' }
 * ```
 * @public
 */
export interface RuntimeReading extends RuntimeDecision {
  /**
   * The field or entry that decided, relative to the object read (`HostConfig.SecurityOpt[2]`,
   * `process.noNewPrivileges`, `no_new_privs`, `isolators[0].value`); `null` when nothing set
   * it and the runtime's default applied.
   */
  readonly path: string | null
}

/**
 * The runtimes this library maps a decision onto: Docker, OCI, CRI and rkt/appc.
 *
 * @example
 * ```ts
 * const runtime: Runtime = 'docker'
 * ```
 * @public
 */
export type Runtime = 'docker' | 'oci' | 'cri' | 'rkt'

/**
 * Why a runtime switch could not be read.
 *
 * - `invalid-value`: the switch is there but its value is not one the runtime accepts
 *   (`no-new-privileges:maybe`, `"noNewPrivileges": "true"`).
 * - `unknown-option`: a near miss of the switch's name that the runtime rejects or silently
 *   ignores (`no_new_privs` for Docker, `noNewPrivs` in an OCI process).
 * - `duplicate-field`: the same field under two names (CRI's `no_new_privs` and `noNewPrivs`).
 * - `wrong-type`: a container of the switch is not the type the runtime expects (the OCI
 *   `process` is not an object, the isolators are not an array).
 *
 * @example
 * ```ts
 * const code: RuntimeSwitchErrorCode = 'invalid-value'
 * ```
 * @public
 */
export type RuntimeSwitchErrorCode =
  | 'invalid-value'
  | 'unknown-option'
  | 'duplicate-field'
  | 'wrong-type'

/**
 * A malformed runtime switch, as plain data (never thrown).
 *
 * @example
 * ```ts
 * const error: RuntimeSwitchError = {
 *   runtime: 'oci',
 *   code: 'invalid-value',
 *   path: 'process.noNewPrivileges',
 *   expected: 'boolean',
 *   received: 'true',
 *   message: 'process.noNewPrivileges must be a JSON boolean (true or false), got a string ("true")',
 * }
 * ```
 * @public
 */
export interface RuntimeSwitchError {
  /** Whose configuration was read. */
  readonly runtime: Runtime
  /** What kind of mistake it is. */
  readonly code: RuntimeSwitchErrorCode
  /** Where, relative to the object read (`HostConfig.SecurityOpt[1]`, `process.noNewPrivileges`). */
  readonly path: string
  /** What the runtime accepts there, in words. */
  readonly expected: string
  /** The value found. */
  readonly received: unknown
  /** A sentence for a person: what is wrong and what to write instead. */
  readonly message: string
}

/**
 * One runtime's reading failed: the error as the one-element list every reader returns.
 *
 * @example
 * ```ts
 * switchError('oci', 'invalid-value', 'process.noNewPrivileges', 'boolean', 'true', 'must be a JSON boolean')
 * // [{ runtime: 'oci', code: 'invalid-value', path: 'process.noNewPrivileges', … }]
 * ```
 */
export function switchError(
  runtime: Runtime,
  code: RuntimeSwitchErrorCode,
  path: string,
  expected: string,
  received: unknown,
  message: string,
): ReadonlyNonEmptyArray<RuntimeSwitchError> {
  return [{ runtime, code, path, expected, received, message }]
}

/**
 * The decision a writer was handed, checked: its `noNewPrivs` as a real boolean, or a
 * `wrong-type` error at `noNewPrivs`. Internal to the writers.
 *
 * Why: a plain-JavaScript caller's `{ noNewPrivs: 'false' }` is truthy, so reading it with `?:`
 * would turn the switch on — the opposite of what was written. Only `true` and `false` decide.
 */
export function decisionOf(
  runtime: Runtime,
  decision: unknown,
): E.Either<ReadonlyNonEmptyArray<RuntimeSwitchError>, boolean> {
  const value: unknown = isRecord(decision) ? decision['noNewPrivs'] : decision
  if (isRecord(decision) && typeof value === 'boolean') return E.right(value)
  const message = isRecord(decision)
    ? `the decision's noNewPrivs must be a boolean (true or false), got ${describeValue(value)}`
    : `the decision must be an object { noNewPrivs: boolean }, got ${describeValue(decision)}`
  return E.left(switchError(runtime, 'wrong-type', 'noNewPrivs', 'boolean', value, message))
}
