// The compiled guards write a check of their own for every io-ts shape they know, and ask
// decode only for the rest: counted with fallbackCount(), since a fallback's answer is right
// and no equivalence test can see one.
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { compileClosureGuard } from '../../src/codecs/compile.js'
import { fallbackCount, generatedGuard } from '../../src/codecs/compileSource.js'
import { GENERIC_CODECS, PLAIN_VALUES } from './genericCodecs.js'

describe('no fallback to decode for a shape the compilers know', () => {
  it.each(GENERIC_CODECS)('$name', ({ codec, closures, generated }) => {
    const guards = [
      [compileClosureGuard(codec), closures],
      [generatedGuard(codec), generated],
    ] as const
    for (const [guard, checksItself] of guards) {
      expect(guard).toBeDefined()
      for (const value of PLAIN_VALUES) {
        const before = fallbackCount()
        guard?.(value)
        // A guard that checks the shape itself never asks decode; one that does not, once per value.
        expect([value, fallbackCount() - before]).toEqual([value, checksItself ? 0 : 1])
      }
    }
  })

  it('the closures check keyof codecs themselves', () => {
    const guard = compileClosureGuard(t.keyof({ a: null, b: null }))
    expect(PLAIN_VALUES.map((v) => guard(v))).toEqual(PLAIN_VALUES.map((v) => v === 'a' || v === 'b'))
  })
})
