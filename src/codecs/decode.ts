/**
 * `decode`: a codec's verdict on a value as plain data, with the warnings io-ts alone would drop.
 *
 * @packageDocumentation
 */
import { left, right, isLeft, type Either } from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import type * as t from 'io-ts'
import { issuesFromErrors } from './errors.js'
import type { DecodeIssue } from './issue.js'
import { renderValue } from './render.js'
import { fieldWarnings } from './unknownFields.js'
import { describeValue, optionsProblem } from '../callerInput.js'

/**
 * Options of `decode`.
 *
 * @example
 * ```ts
 * const options: DecodeOptions = { strict: true, path: 'spec.template.spec.containers[0].securityContext' }
 * decode(SecurityContext, { runAsUser: 1000 }, options)
 * ```
 */
export interface DecodeOptions {
  /**
   * Unknown fields are errors, not warnings, as with kube-apiserver's `fieldValidation=Strict`.
   * Other warnings (a lenient codec's `missing-field`) stay warnings. Default `false`.
   */
  readonly strict?: boolean | undefined
  /** A formatted path to put in front of every issue's path, e.g. `spec.template.spec`. Default `''`. */
  readonly path?: string | undefined
}

/**
 * A decoded value and what is worth fixing in it.
 *
 * @example
 * ```ts
 * const result = decode(SecurityContext, { runAsUser: 1000, allowPrivilegeEscalaton: false })
 * if (result._tag === 'Right') {
 *   const decoded: Decoded<SecurityContext> = result.right
 *   decoded.value.runAsUser // 1000
 *   decoded.warnings[0]?.suggestion // 'allowPrivilegeEscalation'
 * }
 * ```
 */
export interface Decoded<A> {
  /** The value, unknown fields included (they are kept, never stripped). */
  readonly value: A
  /** Issues of severity `warning`: unknown fields (unless strict), fields the API server requires. */
  readonly warnings: ReadonlyArray<DecodeIssue>
}

function isNonEmpty<A>(as: ReadonlyArray<A>): as is ReadonlyNonEmptyArray<A> {
  return as.length > 0
}

function asError(issue: DecodeIssue): DecodeIssue {
  return { ...issue, severity: 'error' }
}

/** Last resort for a codec that throws (a user's codec, a hostile getter): the failure as data. */
function isDecoder(u: unknown): u is t.Decoder<unknown, unknown> {
  return typeof u === 'object' && u !== null && typeof (u as { decode?: unknown }).decode === 'function'
}

/** The caller passed something that is not a codec or not options: nothing was decoded. */
function callerIssue(value: unknown, message: string): DecodeIssue {
  return { code: 'invalid-value', severity: 'error', path: '', segments: [], expected: 'a codec and decode options', received: renderValue(value), message }
}

function thrownIssue(codecName: string, value: unknown, prefix: string, thrown: unknown): DecodeIssue {
  const reason = thrown instanceof Error ? thrown.message : renderValue(thrown)
  return {
    code: 'invalid-value',
    severity: 'error',
    path: prefix,
    segments: [],
    expected: codecName,
    received: renderValue(value),
    message: `Invalid value: could not be decoded: ${reason}`,
  }
}

/**
 * Decodes `value` with `codec`.
 *
 * - `Right({ value, warnings })`: `value` as decoded (unknown fields kept), `warnings` the
 *   unknown fields and other advisory issues (severity `warning`).
 * - `Left(issues)`: the errors (severity `error`) first, each with an API-server path, the
 *   expected type and the value found, one per path; then the warnings, which often explain the
 *   errors (`rul` unknown, did you mean `rule`?, next to `rule` missing).
 *
 * With `strict: true` an unknown field is an error and makes the result a `Left`. Never throws,
 * whatever `value` is.
 *
 * @example
 * ```ts
 * import { decode, SecurityContext } from 'no-new-privs/codecs'
 * decode(SecurityContext, { runAsUser: -1 }, { path: 'spec.containers[1].securityContext' })
 * // Left([{ code: 'invalid-value', path: 'spec.containers[1].securityContext.runAsUser',
 * //         message: 'Invalid value: -1: must be between 0 and 2147483647, inclusive', … }])
 * decode(SecurityContext, { privileged: false, allowPrivilegeEscalaton: false }, { strict: true })
 * // Left([{ code: 'unknown-field', suggestion: 'allowPrivilegeEscalation', … }])
 * ```
 * @public
 */
export function decode<A>(
  codec: t.Decoder<unknown, A>,
  value: unknown,
  options: DecodeOptions = {},
): Either<ReadonlyNonEmptyArray<DecodeIssue>, Decoded<A>> {
  // A plain-JavaScript caller's mistakes are issues too: `null` options are no options.
  const problem = isDecoder(codec)
    ? optionsProblem(options, 'decode options', { strict: 'boolean', path: 'string' })
    : `decode: the codec must be an io-ts codec (with a decode method), got ${describeValue(codec)}`
  if (problem !== undefined) return left([callerIssue(value, problem)])
  const prefix = (options as DecodeOptions | null)?.path ?? ''
  const strict = (options as DecodeOptions | null)?.strict === true
  try {
    const result = codec.decode(value)
    const advisories = fieldWarnings(codec, value, { path: prefix })
    const strictErrors = strict ? advisories.filter((i) => i.code === 'unknown-field').map(asError) : []
    const warnings = strict ? advisories.filter((i) => i.code !== 'unknown-field') : advisories
    const errors = isLeft(result) ? [...issuesFromErrors(result.left, prefix), ...strictErrors] : strictErrors
    if (isLeft(result) || errors.length > 0) {
      const all = [...errors, ...warnings]
      return left(isNonEmpty(all) ? all : [thrownIssue(codec.name, value, prefix, new Error('no error reported'))])
    }
    return right({ value: result.right, warnings })
  } catch (thrown) {
    return left([thrownIssue(typeof codec.name === 'string' ? codec.name : 'codec', value, prefix, thrown)])
  }
}

/**
 * `decode` with the codec and options first, for `pipe`.
 *
 * @example
 * ```ts
 * import { decodeWith, PodSpec } from 'no-new-privs/codecs'
 * import { pipe } from 'fp-ts/lib/function.js'
 * pipe({ containers: [{ name: 'app' }] }, decodeWith(PodSpec, { path: 'spec' }))
 * ```
 * @public
 */
export function decodeWith<A>(
  codec: t.Decoder<unknown, A>,
  options: DecodeOptions = {},
): (value: unknown) => Either<ReadonlyNonEmptyArray<DecodeIssue>, Decoded<A>> {
  return (value) => decode(codec, value, options)
}
