// The construction kit called from plain JavaScript with arguments of the wrong type: nothing
// throws, the codec rejects every value, and the message names the builder and the argument.
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import * as codecs from '../../src/codecs/index.js'

const messages = (codec: t.Decoder<unknown, unknown>, value: unknown): ReadonlyArray<string> => {
  const r = codecs.decode(codec, value)
  return E.isLeft(r) ? r.left.map((i) => `${i.path}: ${i.message}`) : []
}
const bad = (u: unknown): never => u as never

describe('a kit argument of the wrong type is a codec that rejects every value, saying why', () => {
  it.each<[string, () => unknown, unknown, string]>([
    ['enumOf values that are no array', () => codecs.enumOf('Mode', bad('on')), 'on', 'enumOf/EnumType: values must be an array of strings, got a string ("on")'],
    ['enumOf values with a number', () => codecs.enumOf('Mode', bad(['on', 2])), 'on', 'enumOf/EnumType: values[1] must be a string, got a number (2)'],
    ['enumOf values with a hole', () => codecs.enumOf('Mode', bad(['on', , 'off'])), 'on', 'enumOf/EnumType: values[1] must be a string, got undefined'],
    ['new EnumType with a name that is no string', () => new codecs.EnumType(bad(5), ['a']), 'a', 'enumOf/EnumType: name must be a string, got a number (5)'],
    ['nullable of nothing', () => codecs.nullable(bad(undefined)), null, 'nullable/NullableType: the codec to wrap must be an io-ts codec, got undefined'],
    ['nullable of a plain function', () => codecs.nullable(bad((u: unknown) => typeof u === 'string')), 'x', 'nullable/NullableType: the codec to wrap must be an io-ts codec, got a function'],
    ['new NullableType with a name that is no string', () => new codecs.NullableType(bad(null), t.string), 'x', 'nullable/NullableType: name must be a string, got null'],
    ['new IntegerType bounded by a string', () => new codecs.IntegerType('port', bad('1'), 65535, 'range'), 80, 'IntegerType: min must be a number (not NaN), got a string ("1")'],
    ['new IntegerType bounded by NaN', () => new codecs.IntegerType('port', 1, Number.NaN, 'range'), 80, 'IntegerType: max must be a number (not NaN), got a number (NaN)'],
    ['new IntegerType without a range message', () => new codecs.IntegerType('port', 1, 2, bad(undefined)), 1, 'IntegerType: rangeMessage must be a string, got undefined'],
    ['optionalFields with a field that is no codec', () => codecs.optionalFields('X', bad({ user: 'string' })), {}, 'optionalFields: props["user"] must be an io-ts codec, got a string ("string")'],
    ['optionalFields of an array', () => codecs.optionalFields('X', bad(['user'])), {}, 'optionalFields: props must be an object of io-ts codecs, got an array (["user"])'],
    ['requiredFields with a name that is no string', () => codecs.requiredFields(bad(1), { a: t.string }), { a: 'x' }, 'requiredFields: name must be a string, got a number (1)'],
    ['mixedFields without optional fields', () => codecs.mixedFields('X', { a: t.string }, bad(undefined)), { a: 'x' }, 'mixedFields: optional must be an object of io-ts codecs, got undefined'],
    ['new RequiredByApiType with one field name', () => new codecs.RequiredByApiType(t.partial({}), bad('rule'), 'Spec'), {}, 'RequiredByApiType: fields must be an array of strings, got a string ("rule")'],
    ['new RequiredByApiType of no codec', () => new codecs.RequiredByApiType(bad({}), ['rule'], 'Spec'), {}, 'RequiredByApiType: type must be an io-ts codec, got an object ({})'],
  ])('%s', (_, build, value, problem) => {
    const codec = build() as t.Type<unknown, unknown, unknown>
    expect(messages(codec, value)).toEqual([`: Invalid codec: ${problem} (the codec rejects every value)`])
    expect(codec.is(value)).toBe(false)
  })

  it('a bad field codec fails where the field is set, with its path', () => {
    const codec = codecs.optionalFields('X', { mode: codecs.enumOf('Mode', bad('on')) })
    expect(messages(codec, { mode: 'on' })).toEqual(['mode: Invalid codec: enumOf/EnumType: values must be an array of strings, got a string ("on") (the codec rejects every value)'])
    expect(messages(codec, {})).toEqual([])
  })

  it('the compiled guards agree: they accept nothing', () => {
    for (const codec of [codecs.enumOf('Mode', bad('on')), codecs.nullable(bad(5)), codecs.optionalFields('X', bad(5)), new codecs.IntegerType('i', bad('0'), 1, 'r')]) {
      for (const value of [null, undefined, 'on', 0, {}]) {
        expect(codecs.compileGuard(codec)(value)).toBe(false)
        expect(codecs.compileClosureGuard(codec)(value)).toBe(false)
      }
    }
  })

  it('the structure of a rejecting codec holds nothing to walk', () => {
    expect(codecs.enumOf('Mode', bad(5)).values).toEqual([])
    expect(codecs.nullable(bad(5)).type).toBeUndefined()
    expect(codecs.fieldsOf(codecs.optionalFields('X', bad(5)))).toBeUndefined()
    expect(codecs.unknownFields(codecs.optionalFields('X', bad(5)), { a: 1 })).toEqual([])
  })

  it('valid arguments are copied: changing the array afterwards changes nothing', () => {
    const values = ['on', 'off']
    const codec = codecs.enumOf('Mode', values)
    values.push('auto')
    expect(codec.values).toEqual(['on', 'off'])
    expect(codec.is('auto')).toBe(false)
  })
})
