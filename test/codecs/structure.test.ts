import { describe, expect, it } from 'vitest'
import * as t from 'io-ts'
import { RequiredByApiType, nullable } from '../../src/codecs/index.js'
import {
  childKindOf,
  elementOf,
  fieldsOf,
  membersOf,
  requiredByApiOf,
  tagOf,
  unwrap,
  type AnyDecoder,
} from '../../src/codecs/structure.js'

/**
 * A decoder with the given structural fields, as another copy (or version) of io-ts would build
 * it: structure is read from `_tag` and friends, never from the class.
 */
function shaped(structure: Readonly<Record<string, unknown>>): AnyDecoder {
  const codec = new t.Type<unknown>(
    'Shaped',
    (u): u is unknown => true,
    (u) => t.success(u),
    t.identity,
  )
  return Object.assign(codec, structure)
}

/** Wraps `codec` in `count` nullable wrappers. */
function wrapped(codec: AnyDecoder, count: number): AnyDecoder {
  let current: AnyDecoder = codec
  for (let i = 0; i < count; i++) current = nullable(current as t.Mixed)
  return current
}

/** Values a codec's `type`, `types` or `props` entry may hold that are not decoders. */
const notDecoders: ReadonlyArray<readonly [string, unknown]> = [
  ['undefined', undefined],
  ['null', null],
  ['a string', 'string'],
  ['a number', 42],
  ['an object without validate', { name: 'x' }],
  ['an object whose validate is no function', { validate: 'x' }],
]

describe('tagOf', () => {
  it.each([
    ['t.partial', t.partial({}), 'PartialType'],
    ['t.type', t.type({}), 'InterfaceType'],
    ['nullable', nullable(t.string), 'NullableType'],
    ['t.string', t.string, 'StringType'],
  ])('reads the _tag of %s', (_, codec, tag) => {
    expect(tagOf(codec)).toBe(tag)
  })

  it.each([
    ['a number', 42],
    ['an object', { tag: 'PartialType' }],
    ['null', null],
  ])('is undefined when the _tag is %s, not a string', (_, tag) => {
    expect(tagOf(shaped({ _tag: tag }))).toBeUndefined()
  })

  it('is undefined for a codec without a _tag', () => {
    expect(tagOf(new t.Type<unknown>('Untagged', (u): u is unknown => true, (u) => t.success(u), t.identity))).toBeUndefined()
  })
})

describe('unwrap', () => {
  const base = t.partial({ a: t.string })
  const recursive: t.Mixed = t.recursion('Recursive', () => base)

  it.each([
    ['nullable', nullable(base)],
    ['t.readonly', t.readonly(base)],
    ['a refinement', t.refinement(base, () => true)],
    ['t.exact', t.exact(base)],
    ['t.recursion', recursive],
    ['a required-by-API marker', new RequiredByApiType(base, ['a'], 'Base')],
    ['all of them stacked', nullable(t.readonly(new RequiredByApiType(t.exact(base), ['a'], 'Base')))],
  ])('follows %s down to the codec that gives the shape', (_, codec) => {
    expect(unwrap(codec)).toBe(base)
  })

  it.each([
    ['t.array', t.array(t.string)],
    ['t.readonlyArray', t.readonlyArray(t.string)],
    ['t.record', t.record(t.string, t.string)],
    ['t.union', t.union([t.string, t.number])],
    ['t.partial', base],
    ['t.string', t.string],
  ])('leaves %s, which is no transparent wrapper, as it is (even when it holds a codec)', (_, codec) => {
    expect(unwrap(codec)).toBe(codec)
  })

  it.each(notDecoders)('stops at a wrapper whose held codec is %s', (_, inner) => {
    const wrapper = shaped({ _tag: 'NullableType', type: inner })
    expect(unwrap(wrapper)).toBe(wrapper)
    expect(unwrap(nullable(wrapper as t.Mixed))).toBe(wrapper)
  })

  it('stops at a wrapper whose _tag is no string', () => {
    const wrapper = shaped({ _tag: 42, type: base })
    expect(unwrap(wrapper)).toBe(wrapper)
  })

  it('follows 64 nested wrappers', () => {
    expect(unwrap(wrapped(base, 64))).toBe(base)
  })

  it('returns from a recursive codec that is its own definition', () => {
    const self: t.Mixed = t.recursion('Self', () => self)
    expect(unwrap(self)).toBe(self)
  })
})

describe('requiredByApiOf', () => {
  const object = t.partial({ rule: t.string })

  it.each([
    ['the codec itself', (c: AnyDecoder) => c],
    ['under nullable', (c: AnyDecoder) => nullable(c as t.Mixed)],
    ['under t.readonly and a refinement', (c: AnyDecoder) => t.readonly(t.refinement(c as t.Mixed, () => true))],
    ['under 32 wrappers', (c: AnyDecoder) => wrapped(c, 32)],
    // As deep as unwrap goes: a marker it passes on the way to the shape is found.
    ['under 64 wrappers', (c: AnyDecoder) => wrapped(c, 64)],
  ])('finds the marker as %s', (_, wrap) => {
    expect(requiredByApiOf(wrap(new RequiredByApiType(object, ['rule'], 'Spec (v1)')))).toEqual({
      fields: ['rule'],
      apiName: 'Spec (v1)',
    })
  })

  it('finds no marker where there is none, nor deeper than unwrap goes', () => {
    expect(requiredByApiOf(nullable(t.readonly(object)))).toBeUndefined()
    expect(requiredByApiOf(wrapped(new RequiredByApiType(object, ['rule'], 'Spec'), 65))).toBeUndefined()
  })

  it('finds no marker below a codec that is no transparent wrapper', () => {
    expect(requiredByApiOf(t.array(new RequiredByApiType(object, ['rule'], 'Spec')))).toBeUndefined()
  })

  it('returns from a recursive codec that is its own definition', () => {
    const self: t.Mixed = t.recursion('Self', () => self)
    expect(requiredByApiOf(self)).toBeUndefined()
  })
})

describe('childKindOf', () => {
  const readonlyTuple = shaped({ _tag: 'ReadonlyTupleType', types: [t.string] })

  it.each([
    ['t.union', t.union([t.string, t.number]), 'branch'],
    ['t.intersection', t.intersection([t.type({ a: t.string }), t.partial({ b: t.string })]), 'branch'],
    ['t.array', t.array(t.string), 'index'],
    ['t.readonlyArray', t.readonlyArray(t.string), 'index'],
    ['t.tuple', t.tuple([t.string, t.number]), 'index'],
    ['a ReadonlyTupleType', readonlyTuple, 'index'],
    ['t.record', t.record(t.string, t.string), 'key'],
    ['t.type', t.type({ a: t.string }), 'field'],
    ['t.partial', t.partial({ a: t.string }), 'field'],
    ['nullable(t.array)', nullable(t.array(t.string)), 'index'],
    ['t.readonly(t.union)', t.readonly(t.union([t.string, t.number])), 'branch'],
    ['nullable(t.record)', nullable(t.record(t.string, t.string)), 'key'],
  ] as const)('addresses the children of %s by %s', (_, codec, kind) => {
    expect(childKindOf(codec)).toBe(kind)
  })
})

describe('elementOf', () => {
  it.each([
    ['t.array', t.array(t.string), t.string],
    ['t.readonlyArray', t.readonlyArray(t.number), t.number],
    ['t.record', t.record(t.string, t.boolean), t.boolean],
    ['nullable(t.array)', nullable(t.array(t.string)), t.string],
    ['t.readonly(t.record)', t.readonly(t.record(t.string, t.number)), t.number],
  ])('is the element codec of %s', (_, codec, element) => {
    expect(elementOf(codec)).toBe(element)
  })

  it.each([
    ['t.type', t.type({ a: t.string })],
    ['t.tuple', t.tuple([t.string])],
    ['t.union', t.union([t.string, t.number])],
    ['t.string', t.string],
  ])('is undefined for %s, which has no single element codec', (_, codec) => {
    expect(elementOf(codec)).toBeUndefined()
  })

  it.each(notDecoders)('is undefined for an array or dictionary whose element is %s', (_, element) => {
    expect(elementOf(shaped({ _tag: 'ArrayType', type: element }))).toBeUndefined()
    expect(elementOf(shaped({ _tag: 'ReadonlyArrayType', type: element }))).toBeUndefined()
    expect(elementOf(shaped({ _tag: 'DictionaryType', codomain: element }))).toBeUndefined()
  })
})

describe('membersOf', () => {
  const left = t.type({ a: t.string })
  const right = t.partial({ b: t.string })

  it.each([
    ['t.union', t.union([t.string, t.number]), [t.string, t.number]],
    ['t.intersection', t.intersection([left, right]), [left, right]],
    ['t.tuple', t.tuple([t.boolean, t.string]), [t.boolean, t.string]],
    ['nullable(t.union)', nullable(t.union([t.string, t.null])), [t.string, t.null]],
  ])('lists the members of %s', (_, codec, expected) => {
    const members = membersOf(codec)
    expect(members).toHaveLength(expected.length)
    members.forEach((m, i) => expect(m).toBe(expected[i]))
  })

  it.each([
    ['t.string', t.string],
    ['t.array', t.array(t.string)],
    ['t.type', t.type({ a: t.string })],
    ['a union whose types are no array', shaped({ _tag: 'UnionType', types: 'string' })],
  ])('lists no members for %s', (_, codec) => {
    expect(membersOf(codec)).toEqual([])
  })

  it('lists only the members that are decoders', () => {
    const union = shaped({ _tag: 'UnionType', types: [t.string, ...notDecoders.map(([, u]) => u), t.number] })
    const members = membersOf(union)
    expect(members).toHaveLength(2)
    expect(members[0]).toBe(t.string)
    expect(members[1]).toBe(t.number)
  })
})

describe('fieldsOf', () => {
  it('keeps the first member\'s codec for a key two members of an intersection declare', () => {
    expect(fieldsOf(t.intersection([t.type({ a: t.string }), t.partial({ a: t.number })]))?.get('a')).toBe(t.string)
  })

  const entries = (codec: AnyDecoder): Array<[string, AnyDecoder]> | undefined => {
    const fields = fieldsOf(codec)
    return fields === undefined ? undefined : [...fields]
  }

  it.each([
    ['t.type', t.type({ a: t.string, b: t.number })],
    ['t.partial', t.partial({ a: t.string, b: t.number })],
    ['t.strict', t.strict({ a: t.string, b: t.number })],
    [
      'a StrictType',
      new t.StrictType('Strict', (u): u is unknown => true, (u) => t.success(u), t.identity, { a: t.string, b: t.number }),
    ],
    ['nullable(t.readonly(t.type))', nullable(t.readonly(t.type({ a: t.string, b: t.number })))],
  ])('knows the fields of %s, with their codecs', (_, codec) => {
    expect(entries(codec)).toEqual([
      ['a', t.string],
      ['b', t.number],
    ])
    const fields = fieldsOf(codec)
    expect(fields?.get('a')).toBe(t.string)
    expect(fields?.get('b')).toBe(t.number)
  })

  it('merges the fields of the members of an intersection, in order', () => {
    const codec = t.intersection([t.type({ a: t.string }), t.partial({ b: t.number }), t.readonly(t.type({ c: t.boolean }))])
    expect(entries(codec)).toEqual([
      ['a', t.string],
      ['b', t.number],
      ['c', t.boolean],
    ])
  })

  it('merges the fields of intersections nested in intersections', () => {
    const codec = t.intersection([t.intersection([t.type({ a: t.string }), t.partial({ b: t.number })]), t.partial({ c: t.boolean })])
    expect([...(fieldsOf(codec)?.keys() ?? [])]).toEqual(['a', 'b', 'c'])
  })

  it('merges the fields of intersections nested 64 deep', () => {
    let codec: t.Mixed = t.type({ deep: t.string })
    for (let i = 0; i < 64; i++) codec = t.intersection([codec, t.partial({})])
    expect(entries(codec)).toEqual([['deep', t.string]])
  })

  it('skips the members of an intersection that are not objects with known fields', () => {
    const codec = t.intersection([t.record(t.string, t.string), t.type({ a: t.string }), t.unknown])
    expect(entries(codec)).toEqual([['a', t.string]])
  })

  it('returns from an intersection that holds itself, with the fields of its other members', () => {
    const self: t.Mixed = t.recursion('Self', () => t.intersection([self, t.type({ a: t.string })]))
    expect(entries(self)).toEqual([['a', t.string]])
  })

  it.each([
    ['t.string', t.string],
    ['t.unknown', t.unknown],
    ['t.array', t.array(t.type({ a: t.string }))],
    ['t.record', t.record(t.string, t.string)],
    ['t.union', t.union([t.type({ a: t.string }), t.string])],
    ['an intersection of non-objects', t.intersection([t.string, t.record(t.string, t.string)])],
  ])('is undefined for %s, whose values have no known fields', (_, codec) => {
    expect(fieldsOf(codec)).toBeUndefined()
    // Asked again (answered from the cache), still undefined.
    expect(fieldsOf(codec)).toBeUndefined()
  })

  it.each([
    ['absent', undefined],
    ['null', null],
    ['a string', 'ab'],
    ['a number', 42],
  ])('is undefined for an object codec whose props are %s', (_, props) => {
    for (const tag of ['InterfaceType', 'PartialType', 'StrictType']) {
      expect(fieldsOf(shaped({ _tag: tag, props }))).toBeUndefined()
    }
  })

  it('keeps only the props that are codecs', () => {
    const props = { a: t.string, ...Object.fromEntries(notDecoders.map(([name, u]) => [name, u])), b: t.number }
    expect(entries(shaped({ _tag: 'InterfaceType', props }))).toEqual([
      ['a', t.string],
      ['b', t.number],
    ])
  })
})
