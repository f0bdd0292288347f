// io-ts codecs of every shape the guard compilers meet besides ours, and values to try them on:
// one table for the equivalence tests (test/codecs/compile.test.ts, compileEdges.test.ts) and the
// fallback counts (test/codecs/compileFallbacks.test.ts); and decodesCleanly, the answer both
// guards must give.
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { decode } from '../../src/codecs/decode.js'
import * as codecs from '../../src/codecs/index.js'
import type { AnyDecoder } from '../../src/codecs/structure.js'

/** What both guards must equal: `decode` succeeds and has nothing to say. */
export function decodesCleanly(codec: AnyDecoder, value: unknown): boolean {
  const decoded = decode(codec, value)
  return E.isRight(decoded) && decoded.right.warnings.length === 0
}

/** A codec, and whether each compiler writes its own check for it (else it asks decode). */
export interface GenericCodec {
  readonly name: string
  readonly codec: AnyDecoder
  readonly closures: boolean
  readonly generated: boolean
}

const both = (name: string, codec: AnyDecoder): GenericCodec => ({ name, codec, closures: true, generated: true })
const closuresOnly = (name: string, codec: AnyDecoder): GenericCodec => ({ name, codec, closures: true, generated: false })
const decodeOnly = (name: string, codec: AnyDecoder): GenericCodec => ({ name, codec, closures: false, generated: false })

export const GENERIC_CODECS: ReadonlyArray<GenericCodec> = [
  both('an intersection declaring a twice (required, then optional)', t.intersection([t.type({ a: t.string }), t.partial({ a: codecs.nullable(t.string), b: t.number })])),
  both('an intersection declaring a twice (optional, then optional)', t.intersection([t.partial({ a: t.string }), t.partial({ a: t.string, b: t.number })])),
  both('a required nullable field', t.type({ a: codecs.nullable(t.string) })),
  both('an optional field', t.partial({ a: t.string })),
  both('a read-only intersection', t.readonly(t.intersection([t.type({ a: t.string }), t.partial({ b: t.number })]))),
  both('an intersection of read-only members', t.intersection([t.readonly(t.type({ a: t.string })), t.readonly(t.readonly(t.partial({ b: t.number })))])),
  both('a nullable read-only object', codecs.nullable(t.readonly(t.partial({ a: t.string })))),
  both('an array', t.array(t.string)),
  both('a read-only array of nullable numbers', t.readonlyArray(codecs.nullable(t.number))),
  both('a map', t.record(t.string, t.number)),
  both('a map of unknown', t.record(t.string, t.unknown)),
  both('a literal', t.literal('x')),
  both('a number literal', t.literal(1)),
  both('a boolean literal', t.literal(true)),
  both('null', t.null),
  both('undefined', t.undefined),
  both('boolean', t.boolean),
  both('number', t.number),
  both('string', t.string),
  both('unknown', t.unknown),
  both('int32', codecs.int32),
  both('uid', codecs.uid),
  both('an enum', codecs.enumOf('E', ['x', 'b'])),
  both('fields the API requires', new codecs.RequiredByApiType(t.partial({ a: t.string, b: t.number }), ['a'], 'X')),
  closuresOnly('an intersection with a nullable member', t.intersection([t.type({ a: t.string }), codecs.nullable(t.partial({ b: t.number }))])),
  closuresOnly('a keyof', t.keyof({ a: null, b: null })),
  decodeOnly('an intersection with a non-object member', t.intersection([t.type({ a: t.string }), t.unknown])),
  decodeOnly('a map of any', t.record(t.string, t.any)),
  decodeOnly('a map with keyof keys', t.record(t.keyof({ k: null, l: null }), t.number)),
  decodeOnly('a union', t.union([t.string, t.number])),
  decodeOnly('a field named like an Object.prototype member', t.partial({ toString: t.string })),
]

const nullProto = (o: Record<string, unknown>): object => Object.assign(Object.create(null) as object, o)

/** Plain JSON-like values (objects with Object.prototype or none): no guard needs decode for them. */
export const PLAIN_VALUES: ReadonlyArray<unknown> = [
  {}, { a: 'x' }, { a: null }, { a: undefined }, { a: 1 }, { b: 2 }, { a: 'x', b: 2 }, { a: 'x', b: 'y' }, { c: 1 }, { a: 'x', c: 1 },
  { toString: 'x' }, [], ['x'], [1], ['x', null], 'x', 1, 1.5, -1, 2147483648, null, undefined, true, false, 'b',
  { k: 1, l: 2 }, { k: 'x' }, { k: [1] }, nullProto({ a: 'x' }), nullProto({ c: 1 }),
]

class Instance {
  a = 'x'
}

/** The plain values, and objects of a class, at the top and inside. */
export const VALUES: ReadonlyArray<unknown> = [...PLAIN_VALUES, new Instance(), { a: new Instance() }]
