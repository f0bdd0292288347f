import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect } from 'vitest'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import type { ResolveInput, ResolveOptions } from '../../src/resolve/types.js'
import { resolveInputArbitrary } from './arbitraries.js'

const cap = fc.oneof(fc.string(), fc.constantFrom('SYS_ADMIN', 'CAP_SYS_ADMIN', 'ALL', 'sys_admin', 'NET_ADMIN'))
const uid = fc.option(fc.oneof(fc.integer({ min: 0, max: 2147483647 }), fc.constant(0)), { nil: undefined })

/** Any well-typed input: every field absent, null or any value of its type. */
export const anyInput: fc.Arbitrary<ResolveInput> = resolveInputArbitrary(cap, uid)

export const anyOptions: fc.Arbitrary<ResolveOptions | undefined> = fc.option(
  fc.record(
    {
      semantics: fc.constantFrom('proposal' as const, 'noNewPrivileges' as const, 'kubernetes' as const),
      podSecurity: fc.record({ level: fc.constant('restricted' as const), version: fc.constantFrom('latest' as const, 'v1.0' as const, 'v1.8' as const, 'v1.24' as const, 'v1.25' as const, 'v1.37' as const) }, { requiredKeys: ['level'] }),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
)

describe('resolveNoNewPrivs is total', () => {
  test.prop([anyInput, anyOptions], { numRuns: 2000 })('returns a decision or a non-empty list of violations, never throws', (input, options) => {
    const result = resolveNoNewPrivs(input, options)
    if (E.isLeft(result)) {
      expect(result.left.length).toBeGreaterThan(0)
      for (const v of result.left) {
        expect(typeof v.code).toBe('string')
        expect(typeof v.path).toBe('string')
        expect(v.message.length).toBeGreaterThan(0)
      }
    } else {
      expect(typeof result.right.noNewPrivs).toBe('boolean')
      expect(result.right.semantics).toBe(options?.semantics ?? 'proposal')
      expect(Array.isArray(result.right.warnings)).toBe(true)
    }
  })
  test.prop([anyInput, anyOptions])('is deterministic and does not mutate its input', (input, options) => {
    const before = JSON.stringify(input)
    expect(resolveNoNewPrivs(input, options)).toEqual(resolveNoNewPrivs(input, options))
    expect(JSON.stringify(input)).toBe(before)
  })
})
