/**
 * One wording for "got <value>" across the library: the codecs, the manifest stages and the
 * runtime readers and writers all describe a caller's value with src/callerInput.ts
 * `describeValue`, and read records with its `isRecord` / `isObjectRecord`. The examples pin the
 * words; the properties show that each family of messages uses exactly them.
 */
import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { describeValue, hasOwn, isObjectRecord, isRecord, withoutNulls } from '../../src/callerInput.js'
import * as codecs from '../../src/codecs/index.js'
import * as runtime from '../../src/runtime/index.js'
import { anyValue } from './values.js'

describe('describeValue', () => {
  it.each<[string, unknown, string]>([
    ['null', null, 'null'],
    ['undefined', undefined, 'undefined'],
    ['a string', 'true', 'a string ("true")'],
    ['a long string, cut', 'x'.repeat(60), `a string ("${'x'.repeat(38)}…)`],
    ['a number', 1, 'a number (1)'],
    ['NaN', Number.NaN, 'a number (NaN)'],
    ['a bigint', 2n ** 64n, 'a bigint (18446744073709551616)'],
    ['a boolean', false, 'a boolean (false)'],
    ['an array', [1, 'a'], 'an array ([1,"a"])'],
    ['an object', { name: 'x' }, 'an object ({"name":"x"})'],
    ['a null-prototype object', Object.assign(Object.create(null) as object, { a: 1 }), 'an object ({"a":1})'],
    ['a Map', new Map(), 'a Map object'],
    ['a boxed string', new String('x'), 'a String object'],
    ['a Date', new Date(0), 'a Date object'],
    ['a function', () => 1, 'a function'],
    ['a symbol', Symbol('s'), 'a symbol'],
  ])('%s', (_, value, words) => expect(describeValue(value)).toBe(words))

  test.prop([anyValue])('is total and names the kind of any value', (value) => {
    const words = describeValue(value)
    expect(words).toMatch(/^(null|undefined|an? [A-Za-z0-9]+)\b/)
  })
})

describe('the record checks', () => {
  it.each<[string, unknown, boolean, boolean]>([
    ['a plain object', {}, true, true],
    ['a null-prototype object', Object.create(null), true, true],
    ['an array', [], false, false],
    ['null', null, false, false],
    ['a Map', new Map(), true, false],
    ['a Date', new Date(0), true, false],
    ['a boxed number', new Number(1), true, false],
    ['a string', 'x', false, false],
  ])('%s: isRecord %s, isObjectRecord %s', (_, value, record, objectRecord) => {
    expect(isRecord(value)).toBe(record)
    expect(isObjectRecord(value)).toBe(objectRecord)
  })

  test.prop([anyValue])('a plain object is a record, and a record is what io-ts decodes as an object', (value) => {
    if (isObjectRecord(value)) expect(isRecord(value)).toBe(true)
    expect(isRecord(value)).toBe(t.UnknownRecord.is(value))
  })

  it('hasOwn counts an own key whatever its value, and not an inherited one', () => {
    expect(hasOwn({ a: undefined }, 'a')).toBe(true)
    expect(hasOwn({}, 'toString')).toBe(false)
    expect(hasOwn(Object.create(null) as object, 'a')).toBe(false)
  })
})

/** The message of a Left of runtime switch errors. */
const firstMessage = (r: E.Either<ReadonlyArray<{ readonly message: string }>, unknown>): string | undefined => (E.isLeft(r) ? r.left[0]?.message : undefined)

const notBoolean = anyValue.filter((v) => typeof v !== 'boolean' && v !== undefined && v !== null)

describe('the messages say "got" in those words', () => {
  test.prop([notBoolean])('runtime readers: a switch of the wrong type', (value) => {
    const got = `got ${describeValue(value)}`
    expect(firstMessage(runtime.parseOciNoNewPrivileges({ process: { noNewPrivileges: value } }))).toBe(`process.noNewPrivileges must be a JSON boolean (true or false), ${got}`)
    expect(firstMessage(runtime.parseCriNoNewPrivs({ no_new_privs: value }))).toBe(`no_new_privs must be a JSON boolean (true or false), ${got}`)
  })

  test.prop([notBoolean])('runtime writers: a decision that is not a real boolean', (value) => {
    expect(firstMessage(runtime.ociSpecWithNoNewPrivileges({ noNewPrivs: value as boolean }, {}))).toBe(
      `the decision's noNewPrivs must be a boolean (true or false), got ${describeValue(value)}`,
    )
  })

  test.prop([anyValue.filter((v) => !isRecord(v))])('codecs: formatIssue of something that is not an issue', (value) => {
    expect(codecs.formatIssue(value as never)).toBe(`<not a decode issue>: formatIssue expected { path: string, message: string }, got ${describeValue(value)}`)
  })

  test.prop([anyValue.filter((v) => !Array.isArray(v))])('codecs: a construction kit argument of the wrong type', (value) => {
    const r = codecs.decode(codecs.enumOf('Mode', value as never), 'on')
    expect(E.isLeft(r) && r.left[0].message).toBe(
      `Invalid codec: enumOf/EnumType: values must be an array of strings, got ${describeValue(value)} (the codec rejects every value)`,
    )
  })
})

describe('withoutNulls', () => {
  it('drops null fields and keeps an own __proto__ key as a field, not a prototype', () => {
    const options = JSON.parse('{"__proto__": "x", "length": 1, "strict": null}') as object
    const out = withoutNulls(options) as Record<string, unknown>
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype)
    expect(Object.keys(out)).toEqual(['__proto__', 'length'])
    expect(out['length']).toBe(1)
  })
})
