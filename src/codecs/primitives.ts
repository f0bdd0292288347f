/**
 * The leaf codecs every Kubernetes API codec here is built from: nullable fields, JSON integers
 * (int32, int64, uid) and closed string enums.
 *
 * They are classes with a `_tag`, as io-ts's own combinators are, so that code walking a codec
 * (unknown-field detection, error paths, test arbitraries) can read their structure: the inner
 * codec of a `nullable`, the bounds of an integer, the values of an enum. Their decoded types are
 * plain `number`, string-literal unions and `T | null`, never brands, so a plain object literal is
 * assignable to every decoded type.
 *
 * @packageDocumentation
 */
import * as t from 'io-ts'
import { INVALID_NAME, invalidCodecMessage, isCodec, mustBe, nameOr, nameProblem, rejecting, stringsProblem } from './invalid.js'
import { renderValue } from './render.js'

/**
 * A field that may be absent or `null`, both meaning "not set" (the Kubernetes API's optional
 * pointer fields). Unlike `t.union([c, t.null])` it adds no context entry, so error paths get no
 * bogus union segment, and absent fields take a fast path that builds no error object.
 *
 * Built with a `name` that is no string or a `type` that is no io-ts codec (a plain-JavaScript
 * caller's mistake), it throws nothing: it is a codec that rejects every value, `null` included,
 * with a message naming the argument (`Invalid codec: nullable/NullableType: the codec to wrap
 * must be an io-ts codec, got a number (5) …`), and its `type` is `undefined`.
 *
 * @example
 * ```ts
 * import { NullableType, nullable } from 'no-new-privs/codecs'
 * import * as t from 'io-ts'
 * const c: NullableType<t.StringC> = nullable(t.string)
 * c.is(null) // true
 * ```
 * @public
 */
export class NullableType<C extends t.Any> extends t.Type<t.TypeOf<C> | null | undefined, t.OutputOf<C> | null | undefined, unknown> {
  /** Tells code that walks a codec what this wrapper is. */
  readonly _tag = 'NullableType' as const
  /** The codec of a set value (`undefined` when the one given was no codec). */
  readonly type: C
  constructor(name: string, type: C) {
    const problem = nameProblem(name) ?? (isCodec(type) ? undefined : mustBe('the codec to wrap', 'an io-ts codec', type))
    if (problem !== undefined) {
      const bad = rejecting(invalidCodecMessage('nullable/NullableType', problem))
      super(nameOr(name), bad.is, bad.validate, bad.encode)
      this.type = undefined as unknown as C
      return
    }
    super(
      name,
      (u): u is t.TypeOf<C> | null | undefined => u === null || u === undefined || type.is(u),
      (u, c) => (u === null || u === undefined ? t.success(u) : type.validate(u, c)),
      type.encode === t.identity
        ? t.identity
        : (a) => (a === null || a === undefined ? a : type.encode(a)),
    )
    this.type = type
  }
}

/**
 * Makes a field optional and nullable: absent, `null` and a value `c` accepts all decode.
 *
 * @example
 * ```ts
 * import { nullable } from 'no-new-privs/codecs'
 * import * as t from 'io-ts'
 * const Flag = t.partial({ privileged: nullable(t.boolean) })
 * Flag.is({ privileged: null }) // true
 * ```
 * @public
 */
export function nullable<C extends t.Any>(c: C): NullableType<C> {
  // A name read only from a codec: `c` may be anything (NullableType then names the problem).
  return new NullableType(isCodec(c) ? c.name : INVALID_NAME, c)
}

/** The API server's wording for a rejected value: `Invalid value: <value>: <detail>`. */
function invalid(u: unknown, detail: string): string {
  return `Invalid value: ${renderValue(u)}: ${detail}`
}

const UNREPRESENTABLE =
  'cannot be represented exactly: outside the safe integer range -9007199254740991..9007199254740991 (Number.MIN_SAFE_INTEGER..Number.MAX_SAFE_INTEGER)'

/** Is a bigint within the range a JavaScript number holds exactly? */
function isSafeBigInt(u: bigint): boolean {
  return u >= BigInt(Number.MIN_SAFE_INTEGER) && u <= BigInt(Number.MAX_SAFE_INTEGER)
}

/**
 * A JSON integer within `min..max` (both safe integers). The decoded type is `number`.
 *
 * Rejects, each with its own message in the API server's `Invalid value: <value>: <detail>` form:
 * non-integers (`1.5`, `NaN`, `Infinity`: `must be an integer`), integers outside the safe range
 * and every `bigint` (a YAML loader hands bigints for integers beyond 2^53, which a `number`
 * cannot hold: `cannot be represented exactly: …`), then values outside `min..max`
 * (`rangeMessage`). A non-number fails with io-ts's default error (no message).
 *
 * Built with arguments of the wrong type (a `name` or `rangeMessage` that is no string, a bound
 * that is no number or `NaN`), it throws nothing: it is a codec that rejects every value with a
 * message naming the argument (`Invalid codec: IntegerType: min must be a number (not NaN), got a
 * string ("0") …`), and its bounds are `NaN`.
 *
 * @example
 * ```ts
 * import { IntegerType } from 'no-new-privs/codecs'
 * const port = new IntegerType('port', 1, 65535, 'must be between 1 and 65535, inclusive')
 * port.is(80) // true
 * ```
 * @public
 */
export class IntegerType extends t.Type<number, number, unknown> {
  /** Tells code that walks a codec what this leaf is. */
  readonly _tag = 'IntegerType' as const
  /** Smallest accepted value. */
  readonly min: number
  /** Largest accepted value. */
  readonly max: number
  /** The detail for an integer outside `min..max`, e.g. `must be between 0 and 2147483647, inclusive`. */
  readonly rangeMessage: string
  constructor(name: string, min: number, max: number, rangeMessage: string) {
    const problem =
      nameProblem(name) ??
      boundProblem('min', min) ??
      boundProblem('max', max) ??
      (typeof rangeMessage === 'string' ? undefined : mustBe('rangeMessage', 'a string', rangeMessage))
    if (problem !== undefined) {
      const message = invalidCodecMessage('IntegerType', problem)
      const bad = rejecting<number, number>(message)
      super(nameOr(name), bad.is, bad.validate, bad.encode)
      this.min = Number.NaN
      this.max = Number.NaN
      this.rangeMessage = message
      return
    }
    super(
      name,
      // `validate`'s test exactly, so the two agree whatever the bounds (NaN included).
      (u): u is number => Number.isSafeInteger(u) && !((u as number) < min || (u as number) > max),
      (u, c) => {
        if (typeof u === 'number') {
          if (!Number.isInteger(u)) return t.failure(u, c, invalid(u, 'must be an integer'))
          if (!Number.isSafeInteger(u)) return t.failure(u, c, invalid(u, UNREPRESENTABLE))
          if (u < min || u > max) return t.failure(u, c, invalid(u, rangeMessage))
          return t.success(u)
        }
        if (typeof u === 'bigint') {
          return t.failure(
            u,
            c,
            invalid(
              u,
              isSafeBigInt(u)
                ? 'is a bigint, not a number: a loader must hand integers within the safe range over as numbers'
                : UNREPRESENTABLE,
            ),
          )
        }
        return t.failure(u, c)
      },
      t.identity,
    )
    this.min = min
    this.max = max
    this.rangeMessage = rangeMessage
  }
}

/** A bound's problem: no number, or `NaN` (every comparison with it is false). */
function boundProblem(what: string, bound: unknown): string | undefined {
  return typeof bound === 'number' && !Number.isNaN(bound) ? undefined : mustBe(what, 'a number (not NaN)', bound)
}

/**
 * A Kubernetes `int32` field: a JSON integer within `-2147483648..2147483647`.
 *
 * @example
 * ```ts
 * import { int32 } from 'no-new-privs/codecs'
 * int32.is(8080) // true
 * int32.is(2 ** 31) // false
 * ```
 * @public
 */
export const int32 = new IntegerType(
  'int32',
  -2147483648,
  2147483647,
  'must be between -2147483648 and 2147483647, inclusive (int32)',
)

/**
 * A Kubernetes `int64` field: a JSON integer that a JavaScript number holds exactly, i.e. within
 * `Number.MIN_SAFE_INTEGER..Number.MAX_SAFE_INTEGER`.
 *
 * @example
 * ```ts
 * import { int64 } from 'no-new-privs/codecs'
 * import { isLeft } from 'fp-ts/lib/Either.js'
 * isLeft(int64.decode(2n ** 60n)) // true: cannot be represented exactly
 * ```
 * @public
 */
export const int64 = new IntegerType(
  'int64',
  Number.MIN_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER,
  // Unreachable: every safe integer is in range; kept for the constructor's contract.
  'must be a safe integer (int64)',
)

/**
 * A user or group id (`runAsUser`, `runAsGroup`): an int64 within `0..2147483647`, the range the
 * API server accepts (`must be between 0 and 2147483647, inclusive`).
 *
 * @example
 * ```ts
 * import { uid } from 'no-new-privs/codecs'
 * uid.is(1000) // true
 * uid.is(-1) // false
 * ```
 * @public
 */
export const uid = new IntegerType('uid', 0, 2147483647, 'must be between 0 and 2147483647, inclusive')

/**
 * A closed set of string values. Decodes to the string-literal union of `values`; any other
 * value fails with the API server's wording:
 * `Unsupported value: "Foo": supported values: "Default", "Unmasked"`.
 *
 * Built with a `name` that is no string or `values` that are not an array of strings, it throws
 * nothing: it is a codec that rejects every value with a message naming the argument
 * (`Invalid codec: enumOf/EnumType: values[1] must be a string, got a number (2) …`), and its
 * `values` are empty.
 *
 * @example
 * ```ts
 * import { EnumType } from 'no-new-privs/codecs'
 * const c = new EnumType('Answer', ['yes', 'no'] as const)
 * c.is('yes') // true
 * ```
 * @public
 */
export class EnumType<V extends string> extends t.Type<V, V, unknown> {
  /** Tells code that walks a codec what this leaf is. */
  readonly _tag = 'EnumType' as const
  /** The accepted values, in the order messages list them. */
  readonly values: ReadonlyArray<V>
  constructor(name: string, values: ReadonlyArray<V>) {
    const problem = nameProblem(name) ?? stringsProblem(values, 'values')
    if (problem !== undefined) {
      const bad = rejecting<V, V>(invalidCodecMessage('enumOf/EnumType', problem))
      super(nameOr(name), bad.is, bad.validate, bad.encode)
      this.values = []
      return
    }
    const accepted: ReadonlySet<unknown> = new Set<unknown>(values)
    const supported = values.map((v) => JSON.stringify(v)).join(', ')
    super(
      name,
      (u): u is V => accepted.has(u),
      (u, c) => {
        if (accepted.has(u)) return t.success(u as V)
        return t.failure(u, c, `Unsupported value: ${renderValue(u)}: supported values: ${supported}`)
      },
      t.identity,
    )
    // A copy: the caller's array may change after the codec is built; `accepted` would not.
    this.values = [...values]
  }
}

/**
 * A closed string enum named `name` (the Kubernetes type name, e.g. `ProcMountType`).
 *
 * @example
 * ```ts
 * import { enumOf } from 'no-new-privs/codecs'
 * const ProcMountType = enumOf('ProcMountType', ['Default', 'Unmasked'])
 * ProcMountType.is('Unmasked') // true
 * ```
 * @public
 */
export function enumOf<const V extends string>(name: string, values: ReadonlyArray<V>): EnumType<V> {
  return new EnumType(name, values)
}

/**
 * A `map[string]string` (labels, annotations, nodeSelector).
 *
 * @example
 * ```ts
 * import { stringMap } from 'no-new-privs/codecs'
 * stringMap.is({ app: 'web' }) // true
 * ```
 * @public
 */
export const stringMap = identityEncoded(t.record(t.string, t.string, 'map[string]string'))

/**
 * The same map codec with the identity as its encoder. io-ts encodes a record by copying its keys
 * onto a new object, which drops a `__proto__` key (assigning a string to `__proto__` does
 * nothing); every key of a `map[string]string` is kept as it is, so there is nothing to copy.
 */
function identityEncoded<D extends t.Mixed, C extends t.Mixed>(codec: t.RecordC<D, C>): t.RecordC<D, C> {
  return new t.DictionaryType(codec.name, codec.is, codec.validate, t.identity, codec.domain, codec.codomain) as t.RecordC<D, C>
}

/**
 * A list of strings (`capabilities.add`, `command`, `finalizers`).
 *
 * @example
 * ```ts
 * import { stringList } from 'no-new-privs/codecs'
 * stringList.is(['NET_ADMIN']) // true
 * ```
 * @public
 */
export const stringList = t.readonlyArray(t.string, '[]string')

/**
 * A group id (`fsGroup`, `supplementalGroups[i]`): the same range the API server checks for
 * user ids, `0..2147483647`.
 *
 * @example
 * ```ts
 * import { gid } from 'no-new-privs/codecs'
 * gid.is(2000) // true
 * ```
 * @public
 */
export const gid = new IntegerType('gid', 0, 2147483647, 'must be between 0 and 2147483647, inclusive')
