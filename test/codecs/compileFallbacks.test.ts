// The compiled guards write a check of their own for every io-ts shape they know, and ask
// decode only for the rest: counted with fallbackCount(), since a fallback's answer is right
// and no equivalence test can see one.
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { compileClosureGuard } from '../../src/codecs/compile.js'
import { fallbackCount, generatedGuard } from '../../src/codecs/compileSource.js'
import * as codecs from '../../src/codecs/index.js'
import type { AnyDecoder } from '../../src/codecs/structure.js'

const plainValues: ReadonlyArray<unknown> = [
  {}, { a: 'x' }, { a: null }, { a: undefined }, { a: 1 }, { b: 2 }, { a: 'x', b: 2 }, { a: 'x', b: 'y' }, { c: 1 },
  [], ['x'], [1], ['x', null], 'x', 1, 1.5, -1, 2147483648, null, undefined, true, false, 'b', { k: 1, l: 2 }, { k: 'x' },
  Object.assign(Object.create(null) as object, { a: 'x' }),
]

const both: ReadonlyArray<readonly [string, AnyDecoder]> = [
  ['an intersection declaring a twice', t.intersection([t.type({ a: t.string }), t.partial({ a: codecs.nullable(t.string), b: t.number })])],
  ['an intersection of read-only members', t.intersection([t.readonly(t.type({ a: t.string })), t.readonly(t.readonly(t.partial({ b: t.number })))])],
  ['a required nullable field', t.type({ a: codecs.nullable(t.string) })],
  ['an optional field', t.partial({ a: t.string })],
  ['an array', t.array(t.string)],
  ['a read-only array of nullable numbers', t.readonlyArray(codecs.nullable(t.number))],
  ['a map', t.record(t.string, t.number)],
  ['a map of unknown', t.record(t.string, t.unknown)],
  ['a literal', t.literal('x')],
  ['a number literal', t.literal(1)],
  ['a boolean literal', t.literal(true)],
  ['null', t.null],
  ['undefined', t.undefined],
  ['boolean', t.boolean],
  ['number', t.number],
  ['string', t.string],
  ['unknown', t.unknown],
  ['int32', codecs.int32],
  ['uid', codecs.uid],
  ['an enum', codecs.enumOf('E', ['x', 'b'])],
  ['fields the API requires', new codecs.RequiredByApiType(t.partial({ a: t.string, b: t.number }), ['a'], 'X')],
  ['a nullable read-only object', codecs.nullable(t.readonly(t.partial({ a: t.string })))],
]

describe('no fallback to decode for a shape the compilers know', () => {
  it.each(both)('%s', (_, codec) => {
    const closure = compileClosureGuard(codec)
    const generated = generatedGuard(codec)
    expect(generated).toBeDefined()
    const before = fallbackCount()
    for (const value of plainValues) {
      closure(value)
      generated?.(value)
    }
    expect(fallbackCount()).toBe(before)
  })

  it('the closures also check keyof codecs themselves', () => {
    const guard = compileClosureGuard(t.keyof({ a: null, b: null }))
    const before = fallbackCount()
    expect(plainValues.map((v) => guard(v))).toEqual(plainValues.map((v) => v === 'b'))
    expect(fallbackCount()).toBe(before)
  })

  it.each([
    ['a union', t.union([t.string, t.number]), 'x'],
    ['a map of any', t.record(t.string, t.any), { k: 1 }],
    ['a map with keyof keys', t.record(t.keyof({ k: null }), t.number), { k: 1 }],
    ['a field named like an Object.prototype member', t.partial({ toString: t.string }), { toString: 'x' }],
    ['an intersection with a non-object member', t.intersection([t.type({ a: t.string }), t.unknown]), { a: 'x' }],
  ] as const)('asks decode, once per value, for %s', (_, codec, value) => {
    for (const guard of [compileClosureGuard(codec), generatedGuard(codec)]) {
      const before = fallbackCount()
      guard?.(value)
      expect(fallbackCount() - before).toBe(1)
    }
  })
})
