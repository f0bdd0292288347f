import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect } from 'vitest'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import type { ResolveInput, ResolveOptions } from '../../src/resolve/types.js'

const optBool = fc.constantFrom(true, false, null, undefined)
const cap = fc.oneof(fc.string(), fc.constantFrom('SYS_ADMIN', 'CAP_SYS_ADMIN', 'ALL', 'sys_admin', 'NET_ADMIN'))
const caps = fc.option(fc.record({ add: fc.option(fc.array(cap), { nil: undefined }), drop: fc.option(fc.array(cap), { nil: undefined }) }, { requiredKeys: [] }), { nil: undefined })
const uid = fc.option(fc.oneof(fc.integer({ min: 0, max: 2147483647 }), fc.constant(0)), { nil: undefined })

/** Any well-typed input: every field absent, null or any value of its type. */
export const anyInput: fc.Arbitrary<ResolveInput> = fc.record(
  {
    container: fc.option(
      fc.record({ allowPrivilegeEscalation: optBool, privileged: optBool, capabilities: caps, runAsUser: uid, runAsNonRoot: optBool, noNewPrivileges: optBool }, { requiredKeys: [] }),
    ),
    pod: fc.option(fc.record({ runAsUser: uid, runAsNonRoot: optBool, noNewPrivileges: optBool }, { requiredKeys: [] })),
    policy: fc.option(
      fc.record(
        {
          metadata: fc.option(fc.record({ name: fc.option(fc.string()) }, { requiredKeys: [] })),
          spec: fc.option(
            fc.record(
              {
                allowPrivilegeEscalation: optBool,
                defaultAllowPrivilegeEscalation: optBool,
                defaultAddCapabilities: fc.option(fc.array(cap)),
                runAsUser: fc.option(
                  fc.record({
                    rule: fc.constantFrom('MustRunAs', 'MustRunAsNonRoot', 'RunAsAny'),
                    ranges: fc.option(fc.array(fc.record({ min: fc.integer({ min: 0, max: 99999 }), max: fc.integer({ min: 0, max: 99999 }) }))),
                  }),
                ),
              },
              { requiredKeys: [] },
            ),
          ),
        },
        { requiredKeys: [] },
      ),
    ),
    os: fc.option(fc.constantFrom('linux', 'windows', 'plan9')),
    name: fc.option(fc.string()),
  },
  { requiredKeys: [] },
)

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
