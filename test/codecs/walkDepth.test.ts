// The unknown-field walk's depth bound, exactly, through every kind of codec that nests: each
// object field, array element, map entry, tuple member and union member is one level deeper, so
// deep data through any recursive codec is walked 256 levels and no further.
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { fieldWarnings } from '../../src/codecs/index.js'
import type { AnyDecoder } from '../../src/codecs/structure.js'

const Leaf = t.type({ a: t.string })
/** The leaf with an unknown field, found at `bogus` when the walk reaches it. */
const LEAF = { a: 'x', bogus: 1 }

const found = (codec: AnyDecoder, value: unknown): number => fieldWarnings(codec, value).length

/** The deepest number of levels (up to `max`) at which the walk still finds the leaf's unknown field. */
function deepestFound(codec: AnyDecoder, nest: (levels: number) => unknown, max: number): number {
  let deepest = -1
  for (let levels = 0; levels <= max; levels++) if (found(codec, nest(levels)) === 1) deepest = levels
  return deepest
}

function nested(levels: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = LEAF
  for (let i = 0; i < levels; i++) value = wrap(value)
  return value
}

describe('the unknown-field walk goes exactly 256 levels deep', () => {
  it('through object fields: one level each', () => {
    const Node: t.Mixed = t.recursion<unknown, unknown, unknown, t.Mixed>('Node', () => t.partial({ next: Node, a: t.string }))
    expect(deepestFound(Node, (n) => nested(n, (inner) => ({ next: inner })), 300)).toBe(256)
  })

  it('through array elements, where each level is an array and the union choosing it', () => {
    const Node: t.Mixed = t.recursion<unknown, unknown, unknown, t.Mixed>('Node', () => t.union([t.array(Node), Leaf]))
    // Each value level is two walk levels (the union, then the array), and the leaf object under
    // n of them is walked at level 2n + 1: found while 2n + 1 <= 256.
    expect(deepestFound(Node, (n) => nested(n, (inner) => [inner]), 200)).toBe(127)
  })

  it('through map entries', () => {
    const Node: t.Mixed = t.recursion<unknown, unknown, unknown, t.Mixed>('Node', () => t.union([Leaf, t.record(t.string, Node)]))
    expect(deepestFound(Node, (n) => nested(n, (inner) => ({ k: inner })), 200)).toBe(127)
  })

  it('through tuple members', () => {
    const Node: t.Mixed = t.recursion<unknown, unknown, unknown, t.Mixed>('Node', () => t.union([t.tuple([Node]), Leaf]))
    expect(deepestFound(Node, (n) => nested(n, (inner) => [inner]), 200)).toBe(127)
  })

  it('through read-only arrays', () => {
    const Node: t.Mixed = t.recursion<unknown, unknown, unknown, t.Mixed>('Node', () => t.union([t.readonlyArray(Node), Leaf]))
    expect(deepestFound(Node, (n) => nested(n, (inner) => [inner]), 200)).toBe(127)
  })

  it('data far deeper than the bound is walked to the bound without exhausting the stack', () => {
    const Node: t.Mixed = t.recursion<unknown, unknown, unknown, t.Mixed>('Node', () => t.union([t.array(Node), Leaf]))
    expect(found(Node, nested(1000, (inner) => [inner]))).toBe(0)
    expect(found(Node, nested(3, (inner) => [inner]))).toBe(1)
  })
})
