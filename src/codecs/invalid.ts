/**
 * The construction kit's answer to arguments of the wrong type (a plain-JavaScript caller's
 * `enumOf('Mode', 'on')`, `nullable(undefined)`): no throw at construction, but a codec that
 * rejects every value with a message naming the bad argument, so the mistake shows the first
 * time anything is decoded with it, in the issue list where every other problem is reported.
 *
 * Internal: the kit's constructors and factories use it; it is not exported by the package.
 *
 * @packageDocumentation
 */
import * as t from 'io-ts'
import { describeValue, isObjectRecord } from '../callerInput.js'

/**
 * A value io-ts can run as a codec: a string `name` and `is`, `validate` and `encode` functions.
 * Read by shape, not `instanceof`, so a codec from another copy of io-ts counts.
 */
export function isCodec(u: unknown): u is t.Any {
  if ((typeof u !== 'object' && typeof u !== 'function') || u === null) return false
  const c = u as { readonly name?: unknown; readonly is?: unknown; readonly validate?: unknown; readonly encode?: unknown }
  return typeof c.name === 'string' && typeof c.is === 'function' && typeof c.validate === 'function' && typeof c.encode === 'function'
}

/** `<what> must be <expected>, got <value>`: one argument's problem, in the library's wording. */
export function mustBe(what: string, expected: string, got: unknown): string {
  return `${what} must be ${expected}, got ${describeValue(got)}`
}

/** The message every value gets from a codec built with a bad argument. */
export function invalidCodecMessage(who: string, problem: string): string {
  return `Invalid codec: ${who}: ${problem} (the codec rejects every value)`
}

/** The name of a codec whose `name` argument was no string. */
export const INVALID_NAME = '<invalid codec>'

/** The codec's name when it is a string, else {@link INVALID_NAME}. */
export function nameOr(name: unknown): string {
  return typeof name === 'string' ? name : INVALID_NAME
}

/**
 * `is`, `validate` and `encode` of a codec that rejects every value with `message`. Encoding is
 * the identity: nothing was ever decoded by it, so whatever a typed caller hands it goes back as is.
 */
export function rejecting<A, O>(message: string): {
  readonly is: t.Is<A>
  readonly validate: t.Validate<unknown, A>
  readonly encode: t.Encode<A, O>
} {
  return {
    is: (_u: unknown): _u is A => false,
    validate: (u, c) => t.failure(u, c, message),
    encode: (a) => a as unknown as O,
  }
}

/** The first problem of a `name` argument, or `undefined`. */
export function nameProblem(name: unknown): string | undefined {
  return typeof name === 'string' ? undefined : mustBe('name', 'a string', name)
}

/** The first problem of a `props` argument (field names to codecs), or `undefined`. */
export function propsProblem(props: unknown, what: string): string | undefined {
  if (!isObjectRecord(props)) return mustBe(what, 'an object of io-ts codecs', props)
  for (const key of Object.keys(props)) {
    if (!isCodec(props[key])) return mustBe(`${what}[${JSON.stringify(key)}]`, 'an io-ts codec', props[key])
  }
  return undefined
}

/** The first entry of `values` that is not a string (holes included), or `undefined`. */
export function stringsProblem(values: unknown, what: string): string | undefined {
  if (!Array.isArray(values)) return mustBe(what, 'an array of strings', values)
  for (let i = 0; i < values.length; i++) {
    if (typeof values[i] !== 'string') return mustBe(`${what}[${i}]`, 'a string', values[i])
  }
  return undefined
}
