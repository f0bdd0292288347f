// The library's own leaf codecs, built inside each test (not once at import): for any bounds and
// any values, `is` answers what `validate` answers (the closure guard relies on `is`), and an enum
// built at run time lists its own values in its message.
import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { EnumType, IntegerType, nullable } from '../../src/codecs/index.js'

const context: t.Context = [{ key: '', type: t.unknown, actual: undefined }]
const validates = (codec: t.Decoder<unknown, unknown>, value: unknown): boolean => E.isRight(codec.validate(value, context))

const bound = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(Number.NaN, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY))
const value = fc.oneof(fc.integer(), fc.double(), fc.bigInt(), fc.string(), fc.constant(null), fc.anything())

describe('is agrees with validate', () => {
  test.prop([bound, bound, fc.array(value, { maxLength: 20 })])('IntegerType, whatever its bounds', (min, max, values) => {
    const codec = new IntegerType('i', min, max, 'out of range')
    for (const v of [...values, min, max, 0, 1, -1]) expect([v, codec.is(v)]).toEqual([v, validates(codec, v)])
  })

  test.prop([fc.array(fc.string({ maxLength: 4 }), { maxLength: 5 }), fc.array(fc.oneof(fc.string({ maxLength: 4 }), value), { maxLength: 20 })])(
    'EnumType, whatever its values',
    (values, tried) => {
      const codec = new EnumType('E', values)
      for (const v of [...tried, ...values]) expect([v, codec.is(v)]).toEqual([v, validates(codec, v)])
    },
  )

  test.prop([fc.array(value, { maxLength: 20 })])('nullable', (values) => {
    const codec = nullable(new IntegerType('i', 0, 10, 'out of range'))
    for (const v of [...values, null, undefined, 5, 11]) expect([v, codec.is(v)]).toEqual([v, validates(codec, v)])
  })
})

describe('an enum built at run time', () => {
  it('lists its own values, in order, when it rejects one', () => {
    const codec = new EnumType('Mode', ['on', 'off', 'auto'])
    const result = codec.validate('of', context)
    expect(E.isLeft(result) && result.left.map((e) => e.message)).toEqual(['Unsupported value: "of": supported values: "on", "off", "auto"'])
  })

  it('an accepted value decodes to itself', () => {
    const codec = new EnumType('Mode', ['on'])
    expect(codec.validate('on', context)).toEqual(E.right('on'))
    expect(codec.is('on')).toBe(true)
    expect(codec.is('off')).toBe(false)
  })
})
