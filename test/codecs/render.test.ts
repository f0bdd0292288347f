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
