import { describe, expect, it } from 'vitest'
import { test, fc } from '@fast-check/vitest'
import { renderValue } from '../../src/codecs/index.js'

describe('renderValue', () => {
  it.each([
    [undefined, 'undefined'],
    [null, 'null'],
    [true, 'true'],
    [-0, '-0'],
    [1.5, '1.5'],
    [9007199254740993n, '9007199254740993'],
    ['yes', '"yes"'],
    [[1, 'a', null], '[1,"a",null]'],
    [{ runAsUser: 'root', add: ['ALL'] }, '{"runAsUser":"root","add":["ALL"]}'],
    [new Date(0), '<Date>'],
    [new Map(), '<Map>'],
  ])('renders %o as %s', (u, shown) => {
    expect(renderValue(u)).toBe(shown)
  })

  test.prop([fc.anything({ withBigInt: true, withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withTypedArray: true }), fc.integer({ min: 1, max: 200 })])(
    'never throws and never exceeds the length asked for',
    (u, max) => {
      expect(renderValue(u, max).length).toBeLessThanOrEqual(max)
    },
  )

  test.prop([fc.jsonValue()])('renders short JSON exactly as JSON.stringify does', (u) => {
    const json = JSON.stringify(u)
    // -0 is rendered as -0 on purpose (see above), where JSON.stringify writes 0: leave it out here.
    fc.pre(json.length <= 80 && !holdsNegativeZero(u) && depthOf(u) <= 3)
    expect(renderValue(u)).toBe(json)
  })

  test.prop([
    fc.anything({ withBigInt: true, withBoxedValues: true, withMap: true, withNullPrototype: true, withSparseArray: true, maxDepth: 5 }),
    fc.integer({ min: -3, max: 120 }),
  ])('is the whole rendering cut to the length asked for: the budget only saves work', (u, max) => {
    const whole = reference(u, 0)
    const limit = Math.max(1, Math.floor(max))
    expect(renderValue(u, max)).toBe(whole.length > limit ? `${whole.slice(0, limit - 1)}…` : whole)
  })

  it.each([
    [['a', 'b'], 4, '["a…'],
    [['a', 'b'], 9, '["a","b"]'],
    [['a', 'b'], 8, '["a","b…'],
    [{ key: 'value' }, 7, '{"key"…'],
    [{ key: 'value' }, 15, '{"key":"value"}'],
    [{ a: { b: { c: { d: 1 } } } }, 80, '{"a":{"b":{"c":{…}}}}'],
    [{ a: { b: { c: {} } } }, 80, '{"a":{"b":{"c":{}}}}'],
    [[[[[1]]]], 80, '[[[[…]]]]'],
    [[[[[]]]], 80, '[[[[]]]]'],
    ['x'.repeat(100), 6, '"xxxx…'],
    ['short', 1.9, '…'],
    [Symbol('s'), 80, 'symbol'],
    [() => 1, 80, 'function'],
    [Object.create(null), 80, '{}'],
  ] as const)('renders %o within %d as %s', (u, max, shown) => {
    expect(renderValue(u, max)).toBe(shown)
  })

  it('reads no more of a value than the length asked for needs', () => {
    let reads = 0
    const counted = <T extends object>(target: T, keys: ReadonlyArray<string>): T => {
      for (const k of keys) {
        Object.defineProperty(target, k, {
          enumerable: true,
          get() {
            reads++
            return 7
          },
        })
      }
      return target
    }
    const keys = Array.from({ length: 1000 }, (_, i) => String(i))
    expect(renderValue(counted(new Array<number>(1000), keys), 12)).toBe('[7,7,7,7,7,…')
    expect(reads).toBeLessThanOrEqual(7)
    reads = 0
    expect(renderValue(counted({}, keys.map((k) => `k${k}`)), 12)).toBe('{"k0":7,"k1…')
    expect(reads).toBeLessThanOrEqual(3)
    reads = 0
    expect(renderValue([[counted({}, ['a'])], counted([], ['0'])], 2)).toBe('[…')
    expect(reads).toBe(0)
  })

  it('renders own enumerable keys only', () => {
    expect(renderValue(Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true } }))).toBe('{"own":2}')
  })

  it('stays cheap on huge and deep values', () => {
    const huge = new Array<number>(5_000_000).fill(7)
    expect(renderValue(huge, 12)).toBe('[7,7,7,7,7,…')
    let deep: unknown = 'bottom'
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(renderValue(deep)).toBe('[[[[…]]]]')
  })

  it('renders a value whose getter throws as <unrenderable> instead of throwing', () => {
    const hostile = Object.defineProperty({}, 'x', {
      enumerable: true,
      get() {
        throw new Error('boom')
      },
    })
    expect(renderValue(hostile)).toBe('<unrenderable>')
  })
})

function depthOf(u: unknown): number {
  if (typeof u !== 'object' || u === null) return 0
  const children = Array.isArray(u) ? u : Object.values(u)
  return 1 + Math.max(0, ...children.map(depthOf))
}

function holdsNegativeZero(u: unknown): boolean {
  if (Object.is(u, -0)) return true
  if (Array.isArray(u)) return u.some(holdsNegativeZero)
  if (typeof u === 'object' && u !== null) return Object.values(u).some(holdsNegativeZero)
  return false
}

/** The whole rendering, written from renderValue's documented rules, with no budget. */
function reference(u: unknown, depth: number): string {
  switch (typeof u) {
    case 'string':
      return JSON.stringify(u)
    case 'number':
      return Object.is(u, -0) ? '-0' : String(u)
    case 'bigint':
    case 'boolean':
      return String(u)
    case 'undefined':
    case 'symbol':
    case 'function':
      return typeof u
  }
  if (u === null) return 'null'
  if (Array.isArray(u)) {
    if (depth >= 3) return u.length === 0 ? '[]' : '[…]'
    return `[${Array.from({ length: u.length }, (_, i) => reference(u[i], depth + 1)).join(',')}]`
  }
  const tag = Object.prototype.toString.call(u)
  if (tag !== '[object Object]') return `<${tag.slice(8, -1)}>`
  const keys: string[] = []
  for (const k in u as object) if (Object.prototype.hasOwnProperty.call(u, k)) keys.push(k)
  if (keys.length > 0 && depth >= 3) return '{…}'
  return `{${keys.map((k) => `${JSON.stringify(k)}:${reference((u as Record<string, unknown>)[k], depth + 1)}`).join(',')}}`
}
