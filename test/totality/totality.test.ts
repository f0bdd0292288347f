/**
 * Every public function, for any JavaScript value per argument: no throw, and an error as data
 * or a correct answer (test/totality/registry.ts says what that is for each one).
 */
import { fc } from '@fast-check/vitest'
import { describe, expect, test } from 'vitest'
import { ENTRY_MODULES, isCodec } from './entries.js'
import { REGISTRY, type Entry } from './registry.js'
import { anyOptional, anyValue } from './values.js'

type Fn = (...args: ReadonlyArray<unknown>) => unknown

const MAX_ENTRIES = 2_000

/** Runs a generator (sync or async) to its end, as a caller iterating it would. */
async function settled(answer: unknown): Promise<unknown> {
  if (typeof answer !== 'object' || answer === null) return answer
  const o = answer as { next?: unknown; [Symbol.iterator]?: unknown; [Symbol.asyncIterator]?: unknown; then?: unknown }
  if (typeof o.then === 'function') return await (answer as Promise<unknown>)
  if (typeof o.next !== 'function') return answer
  const out: unknown[] = []
  if (typeof o[Symbol.asyncIterator] === 'function') {
    for await (const x of answer as AsyncIterable<unknown>) if (out.push(x) >= MAX_ENTRIES) break
  } else if (typeof o[Symbol.iterator] === 'function') {
    for (const x of answer as Iterable<unknown>) if (out.push(x) >= MAX_ENTRIES) break
  }
  return out
}

for (const entry of Object.keys(REGISTRY) as Entry[]) {
  describe(`${entry}: every function is total`, () => {
    const mod = ENTRY_MODULES[entry]
    for (const [name, coverage] of Object.entries(REGISTRY[entry])) {
      if (coverage._tag === 'Todo') {
        test.todo(`${name}: ${coverage.why}`)
        continue
      }
      if (coverage._tag === 'Elsewhere') continue
      if (coverage._tag === 'Arbitrary') {
        test(`${name}: any constraints make an arbitrary or throw an error that names ${name}`, () => {
          fc.assert(
            fc.property(anyOptional, (constraints) => {
              let made: unknown
              try {
                made = (mod[name] as Fn)(constraints)
              } catch (thrown) {
                expect(thrown).toBeInstanceOf(Error)
                expect((thrown as Error).message.startsWith(`${name}: `)).toBe(true)
                return
              }
              expect(made).toBeInstanceOf(fc.Arbitrary)
              fc.sample(made as fc.Arbitrary<unknown>, { numRuns: 3, seed: 1 })
            }),
            { numRuns: 300 },
          )
        })
        continue
      }
      const fn = mod[name] as Fn
      test(`${name}: never throws; an error as data or a correct answer`, async () => {
        await fc.assert(
          fc.asyncProperty(coverage.args, async (args) => {
            const answer = await settled(coverage.construct === true ? new (fn as unknown as new (...a: ReadonlyArray<unknown>) => unknown)(...args) : fn(...args))
            coverage.check(answer, args)
          }),
          { numRuns: coverage.numRuns ?? 300 },
        )
      })
    }
  })
}

describe('every exported codec decodes any value without throwing', () => {
  for (const [entry, mod] of Object.entries(ENTRY_MODULES)) {
    const found = Object.entries(mod).filter(([, v]) => isCodec(v))
    if (found.length === 0) continue
    test(`${entry}: ${found.length} codecs`, () => {
      fc.assert(
        fc.property(anyValue, (value) => {
          for (const [, codec] of found) {
            if (!isCodec(codec)) continue
            const r = codec.decode(value)
            expect(['Left', 'Right']).toContain(r._tag)
            expect(typeof codec.is(value)).toBe('boolean')
          }
        }),
        { numRuns: 200 },
      )
    })
  }
})
