// Codecs nobody writes by hand on purpose, and the limits of the guard compilers: structures
// with a part that is no codec, leaves whose bounds or values no JSON literal can spell, codecs
// that hold themselves, shapes shared under different wrappers, wrapper chains at the unwrap
// bound. Both guards must answer what decode answers, never throw, never loop, and ask decode
// (counted by fallbackCount) wherever they cannot write a check that is exactly right.
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { compileClosureGuard, compileGuard, forgetCompiledGuards } from '../../src/codecs/compile.js'
import { fallbackCount, generatedGuard, guardSource } from '../../src/codecs/compileSource.js'
import * as codecs from '../../src/codecs/index.js'
import type { AnyDecoder } from '../../src/codecs/structure.js'
import { VALUES, decodesCleanly } from './genericCodecs.js'

/** `codec` with parts of its structure replaced; its `validate` (what decode runs) is unchanged. */
function withStructure<C extends object>(codec: C, parts: Readonly<Record<string, unknown>>): AnyDecoder {
  return Object.assign(codec, parts) as unknown as AnyDecoder
}

const NUMBERS: ReadonlyArray<unknown> = [0, -0, 5, -5, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 53, '5', 1]

/** Each guard's answer, and how many times it asked decode, for every value. */
function answers(guard: ((v: unknown) => boolean) | undefined, values: ReadonlyArray<unknown>): ReadonlyArray<readonly [unknown, boolean | undefined, number]> {
  return values.map((value) => {
    const before = fallbackCount()
    const answer = guard?.(value)
    return [value, answer, fallbackCount() - before] as const
  })
}

function expectBothEqualDecode(codec: AnyDecoder, values: ReadonlyArray<unknown>, { fallsBack }: { readonly fallsBack: boolean }): void {
  const expected = values.map((value) => [value, decodesCleanly(codec, value), fallsBack ? 1 : 0] as const)
  for (const guard of [compileClosureGuard(codec), generatedGuard(codec)]) {
    expect(guard).toBeDefined()
    const got = answers(guard, values)
    // Where the guard checks the part itself, it never asks decode; where it cannot, once per value.
    expect(got.map(([v, a, n]) => [v, a, Math.min(n, 1)])).toEqual(expected)
  }
}

describe('a structure with a part that is no codec is left to decode', () => {
  const malformed: ReadonlyArray<readonly [string, () => AnyDecoder]> = [
    ['an array whose element is null', () => withStructure(t.array(t.string), { type: null })],
    ['an array whose element has no validate', () => withStructure(t.array(t.string), { type: {} })],
    ['a map whose keys are null', () => withStructure(t.record(t.string, t.number), { domain: null })],
    ['a map whose keys are no codec', () => withStructure(t.record(t.string, t.number), { domain: { _tag: 'StringType' } })],
    ['a map whose values are null', () => withStructure(t.record(t.string, t.number), { codomain: null })],
    ['a map whose values have no validate', () => withStructure(t.record(t.string, t.number), { codomain: {} })],
    ['an object whose props are null', () => withStructure(t.partial({ a: t.string }), { props: null })],
    ['an object whose props are a number', () => withStructure(t.partial({ a: t.string }), { props: 5 })],
    ['an object with a null field', () => withStructure(t.partial({ a: t.string }), { props: { a: null } })],
    ['an object with a field that has no validate', () => withStructure(t.partial({ a: t.string }), { props: { a: {} } })],
    ['an object with a field that is a function', () => withStructure(t.partial({ a: t.string }), { props: { a: Object.assign(() => true, { validate: () => true }) } })],
    ['a read-only wrapper of null', () => withStructure(t.readonly(t.partial({ a: t.string })), { type: null })],
    ['a nullable wrapper of something with no validate', () => withStructure(codecs.nullable(t.string), { type: {} })],
    ['an intersection with no members', () => t.intersection([] as unknown as [t.Mixed, t.Mixed])],
    ['an intersection whose members are not a list', () => withStructure(t.intersection([t.partial({ a: t.string }), t.partial({ b: t.number })]), { types: null })],
    ['an intersection with a null member', () => withStructure(t.intersection([t.partial({ a: t.string }), t.partial({ b: t.number })]), { types: [t.partial({ a: t.string }), null] })],
    ['an intersection with a read-only member of null', () => t.intersection([t.partial({ a: t.string }), withStructure(t.readonly(t.partial({ b: t.number })), { type: null }) as t.Mixed])],
  ]

  it.each(malformed)('%s', (_name, make) => {
    expectBothEqualDecode(make(), [...VALUES, ...NUMBERS], { fallsBack: true })
  })

  it('the intersection of no codecs accepts everything, as io-ts does', () => {
    const codec = t.intersection([] as unknown as [t.Mixed, t.Mixed])
    for (const guard of [compileClosureGuard(codec), generatedGuard(codec)]) expect(['x', 1, null, {}, []].map((v) => guard?.(v))).toEqual([true, true, true, true, true])
  })
})

describe('an intersection member that only looks like an object codec is left to decode', () => {
  it('a member with props under another tag', () => {
    // A string codec that also carries props: no object passes it, so neither does the intersection.
    const stringWithProps = withStructure(new t.Type<string, string, unknown>('S', t.string.is, t.string.validate, t.identity), { _tag: 'LooksLikeType', props: { b: t.string } })
    const codec = t.intersection([t.partial({ a: t.string }), stringWithProps as t.Mixed])
    expectBothEqualDecode(codec, VALUES, { fallsBack: true })
    expect(compileClosureGuard(codec)({})).toBe(false)
  })

  it('an array of objects', () => {
    const codec = t.intersection([t.partial({ a: t.string }), t.array(t.partial({ b: t.string }))])
    expectBothEqualDecode(codec, VALUES, { fallsBack: true })
    expect(generatedGuard(codec)?.({})).toBe(false)
  })
})

describe('a leaf whose bounds or values no literal spells exactly is left to decode', () => {
  const leaves: ReadonlyArray<readonly [string, AnyDecoder]> = [
    ['an integer with no lower bound', new codecs.IntegerType('i', Number.NEGATIVE_INFINITY, 10, 'range')],
    ['an integer with no upper bound', new codecs.IntegerType('i', 0, Number.POSITIVE_INFINITY, 'range')],
    ['an integer bounded by NaN', new codecs.IntegerType('i', Number.NaN, 10, 'range')],
    ['an integer bounded by NaN above', new codecs.IntegerType('i', 0, Number.NaN, 'range')],
    ['an integer bounded by -0', new codecs.IntegerType('i', -0, 10, 'range')],
    ['an integer bounded by -0 above', new codecs.IntegerType('i', -10, -0, 'range')],
    ['an integer bounded by a string', new codecs.IntegerType('i', '0' as unknown as number, 10, 'range')],
    ['an integer bounded by a string above', new codecs.IntegerType('i', 0, '10' as unknown as number, 'range')],
    ['an integer bounded by a string that is no number', new codecs.IntegerType('i', 'abc' as unknown as number, 10, 'range')],
    ['an integer bounded by a string that is no number above', new codecs.IntegerType('i', 0, 'abc' as unknown as number, 'range')],
    ['an integer bounded by null', new codecs.IntegerType('i', null as unknown as number, 10, 'range')],
    ['an integer bounded by null above', new codecs.IntegerType('i', 0, null as unknown as number, 'range')],
    ['an integer bounded by booleans', new codecs.IntegerType('i', false as unknown as number, true as unknown as number, 'range')],
    ['an enum of nothing', new codecs.EnumType('E', [])],
    ['an enum of a number', new codecs.EnumType('E', [1] as unknown as string[])],
    ['an enum of NaN', new codecs.EnumType('E', [Number.NaN] as unknown as string[])],
    ['an enum of -0', new codecs.EnumType('E', [-0] as unknown as string[])],
    ['an enum of a string and a number', new codecs.EnumType('E', ['x', 5] as unknown as string[])],
    ['an enum of a number and a string', new codecs.EnumType('E', [5, 'x'] as unknown as string[])],
    ['an enum of null', new codecs.EnumType('E', [null] as unknown as string[])],
    ['an enum of booleans', new codecs.EnumType('E', [true] as unknown as string[])],
    ['an enum whose values are no list', withStructure(new codecs.EnumType('E', ['x']), { values: 'x' })],
    ['a literal NaN', t.literal(Number.NaN)],
    ['a literal -0', t.literal(-0)],
    ['a literal Infinity', t.literal(Number.POSITIVE_INFINITY)],
    ['a literal whose value is an object', withStructure(t.literal('x'), { value: { toString: () => 'x' } })],
    ['a literal whose value is undefined', withStructure(t.literal('x'), { value: undefined })],
    ['a literal whose value is null', withStructure(t.literal('x'), { value: null })],
  ]

  it.each(leaves)('%s (generated code)', (_name, codec) => {
    const values = [...VALUES, ...NUMBERS, 'x', 'abc', true]
    const guard = generatedGuard(codec)
    expect(answers(guard, values)).toEqual(values.map((value) => [value, decodesCleanly(codec, value), 1]))
    expect(guardSource(codec).source).not.toMatch(/[<>]=|===/)
  })

  it.each(leaves)('%s (closures, which use the leaf’s own is)', (_name, codec) => {
    const values = [...VALUES, ...NUMBERS, 'x', 'abc', true]
    expect(answers(compileClosureGuard(codec), values).map(([v, a]) => [v, a])).toEqual(values.map((value) => [value, decodesCleanly(codec, value)]))
  })

  it('leaves that literals spell are written out, with no fallback', () => {
    for (const codec of [new codecs.IntegerType('i', -10, 10, 'range'), new codecs.EnumType('E', ['x', 'y']), t.literal(5), t.literal('x'), t.literal(false)]) {
      const values = [...NUMBERS, 'x', 'y', false, true, null]
      expect(answers(generatedGuard(codec), values)).toEqual(values.map((value) => [value, decodesCleanly(codec, value), 0]))
    }
  })
})

describe('a codec that holds itself compiles once and checks every level', () => {
  const isNestedArray = (u: unknown): boolean => Array.isArray(u) && u.every(isNestedArray)
  const nestedArray = new t.ArrayType<t.Mixed, unknown[]>(
    'NestedArray',
    (u): u is unknown[] => isNestedArray(u),
    (u, c) => (isNestedArray(u) ? t.success(u as unknown[]) : t.failure(u, c)),
    t.identity,
    undefined as unknown as t.Mixed,
  )
  withStructure(nestedArray, { type: nestedArray })

  const isNestedMap = (u: unknown): boolean => typeof u === 'object' && u !== null && !Array.isArray(u) && Object.values(u).every(isNestedMap)
  const nestedMap = new t.DictionaryType<t.StringC, t.Mixed, object>(
    'NestedMap',
    (u): u is object => isNestedMap(u),
    (u, c) => (isNestedMap(u) ? t.success(u as object) : t.failure(u, c)),
    t.identity,
    t.string,
    undefined as unknown as t.Mixed,
  )
  withStructure(nestedMap, { codomain: nestedMap })

  const isTree = (u: unknown): boolean => {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return false
    const { child, name } = u as { readonly child?: unknown; readonly name?: unknown }
    return (child === undefined || isTree(child)) && (name === undefined || typeof name === 'string')
  }
  const treeProps: Record<string, t.Mixed> = { name: t.string }
  const tree = new t.PartialType<Record<string, t.Mixed>, object>(
    'Tree',
    (u): u is object => isTree(u),
    (u, c) => (isTree(u) ? t.success(u as object) : t.failure(u, c)),
    t.identity,
    treeProps,
  )
  treeProps.child = tree

  const cases: ReadonlyArray<readonly [string, AnyDecoder, ReadonlyArray<unknown>]> = [
    ['an array of itself', nestedArray, [[], [[]], [[], [[[]]]], [[1]], [[[['x']]]], {}, 'x']],
    ['a map of itself', nestedMap, [{}, { a: {} }, { a: { b: {} } }, { a: { b: 1 } }, { a: [] }, []]],
    ['an object with a field of itself', tree, [{}, { child: {} }, { child: { child: { name: 'x' } } }, { child: { child: { name: 1 } } }, { child: { other: 1 } }, { child: null }]],
  ]

  it.each(cases)('%s', (_name, codec, values) => {
    expectBothEqualDecode(codec, values, { fallsBack: false })
    const { source } = guardSource(codec)
    // One function for the codec and the copies of it inside.
    expect(source.match(/function f\d+\(/g)).toEqual(['function f0('])
  })
})

describe('a shape reached through different wrappers', () => {
  const shape = t.partial({ a: t.string, b: t.number })

  it('is compiled into one function', () => {
    const list = t.array(shape)
    const codec = t.type({ x: shape, y: t.readonly(shape), z: codecs.nullable(shape), w: list, v: codecs.nullable(list) })
    const { source } = guardSource(codec)
    expect(source.match(/function f\d+\(/g)).toHaveLength(3)
    expectBothEqualDecode(codec, [{ x: {}, y: {}, z: null, w: [], v: [{}] }, { x: {}, y: { a: 1 }, z: {}, w: [], v: [] }], { fallsBack: false })
  })

  it('is compiled apart where the API server requires one of its fields', () => {
    const codec = t.partial({ x: new codecs.RequiredByApiType(shape, ['a'], 'X'), y: shape })
    const values = [{ x: { a: 'x' }, y: {} }, { x: {}, y: { a: 'x' } }, { y: {} }, { x: { a: 'x' } }, { x: { a: null }, y: {} }, { x: { a: 'x' }, y: { a: 'y' } }]
    expect(values.map((v) => decodesCleanly(codec, v))).toEqual([true, false, true, true, false, true])
    expectBothEqualDecode(codec, values, { fallsBack: false })
    expect(guardSource(codec).source.match(/function f\d+\(/g)).toHaveLength(3)
  })
})

describe('wrappers are followed to the unwrap bound, then left to decode', () => {
  const readonlyTimes = (n: number, codec: t.Mixed): t.Mixed => (n === 0 ? codec : readonlyTimes(n - 1, t.readonly(codec)))
  const values = [...VALUES, ...NUMBERS]

  it('64 read-only wrappers of a string are checked without decode', () => {
    expectBothEqualDecode(readonlyTimes(64, t.string), values, { fallsBack: false })
  })

  it('65 are left to decode, with the same answers', () => {
    expectBothEqualDecode(readonlyTimes(65, t.string), values, { fallsBack: true })
  })

  it('an intersection member under 64 read-only wrappers is checked without decode; under 65, left to decode', () => {
    const member = (n: number): t.Mixed => t.intersection([t.partial({ a: t.string }), readonlyTimes(n, t.partial({ b: t.number }))])
    const plain = [{}, { a: 'x' }, { b: 1 }, { b: 'x' }, { c: 1 }, 'x', null]
    expectBothEqualDecode(member(64), plain, { fallsBack: false })
    expectBothEqualDecode(member(65), plain, { fallsBack: true })
  })
})

describe('an enumerable key on Object.prototype', () => {
  it('is not a field of a plain object: both guards read own keys only, as decode does', () => {
    const object = t.partial({ a: t.string })
    const map = t.record(t.string, t.string)
    const guards = [object, map].flatMap((codec) => [compileClosureGuard(codec), generatedGuard(codec)].map((guard) => [codec, guard] as const))
    const prototype = Object.prototype as Record<string, unknown>
    prototype.polluted = 1
    try {
      for (const value of [{}, { a: 'x' }]) {
        for (const [codec, guard] of guards) expect([value, guard?.(value)]).toEqual([value, decodesCleanly(codec, value)])
      }
      expect(decodesCleanly(object, {})).toBe(true)
    } finally {
      delete prototype.polluted
    }
  })
})

describe('the generated source', () => {
  it('puts one check on each line, to be read when debugging', () => {
    const codec = new codecs.RequiredByApiType(t.intersection([t.type({ a: t.string, b: t.string }), t.partial({ c: t.number, d: t.number, e: t.string, f: t.string })]), ['e', 'f'], 'X')
    const { source } = guardSource(codec)
    const lines = source.split('\n')
    for (const pattern of [/case "/g, /const v = o\["/g, /HOP\.call\(o, "/g]) {
      const counts = lines.map((line) => (line.match(pattern) ?? []).length)
      expect(counts.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2)
      expect(Math.max(...counts)).toBe(1)
    }
  })
})

describe('compileGuard', () => {
  it('uses the generated guard where code generation is allowed, and compiles each codec once', () => {
    const codec = t.partial({ a: t.string })
    const guard = compileGuard(codec)
    expect(guard.name).toBe('guard')
    expect(guard).not.toBe(compileClosureGuard(codec))
    expect(compileGuard(codec)).toBe(guard)
    expect(compileClosureGuard(codec)).toBe(compileClosureGuard(codec))
  })

  it('compiles afresh once its guards are forgotten (what mutation runs do before each test file)', () => {
    const codec = t.partial({ a: t.string })
    const guard = compileGuard(codec)
    const closures = compileClosureGuard(codec)
    forgetCompiledGuards()
    expect(compileGuard(codec)).not.toBe(guard)
    expect(compileClosureGuard(codec)).not.toBe(closures)
    expect(compileGuard(codec)({ a: 'x' })).toBe(true)
  })
})
