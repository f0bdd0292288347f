import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect } from 'vitest'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import type { KubernetesVersion, OldPodSpecInput, ResolveInput, ResolveOptions } from '../../src/resolve/types.js'
import { FLOOR_CODES, floorAnswer, NNP_FALSE, NNP_TRUE } from '../../bench/floor.js'
import { resolveCases } from '../../bench/generate.js'
import { resolveInputArbitrary } from '../resolve/arbitraries.js'

/** `resolveNoNewPrivs`'s answer folded as the floor folds it: the OR of the codes, else the boolean. */
function folded(input: ResolveInput, options: ResolveOptions): number {
  const r = resolveNoNewPrivs(input, options)
  if (E.isRight(r)) return r.right.noNewPrivs ? NNP_TRUE : NNP_FALSE
  return r.left.reduce((bits, v) => bits | (v.code === 'invalid-input' ? 256 : FLOOR_CODES[v.code]), 0)
}

// The spellings each comparison treats differently (exact `CAP_SYS_ADMIN`, normalised, Unicode
// case mappings), next to anything.
const capability = fc.oneof(
  fc.constantFrom('CAP_SYS_ADMIN', 'SYS_ADMIN', 'sys_admin', 'cap_sys_admin', 'ALL', 'CAP_ALL', 'NET_ADMIN', 'CAP_', ''),
  fc.constantFrom('ſYS_ADMIN', 'CAP_ſYS_ADMıN', 'aLL', 'ßYS_ADMIN'),
  fc.string({ maxLength: 14 }),
)
const uid = fc.option(fc.oneof(fc.integer({ min: 0, max: 2147483647 }), fc.constantFrom(0, 1000, 65534, -0)), { nil: undefined })
const input = resolveInputArbitrary(capability, uid, fc.option(fc.constantFrom('linux', 'windows')))
// Below v1.8 (read as v1.8), the last PodSecurityPolicy release and the first without, around the
// v1.37 relaxation, and past it.
const version = fc.constantFrom<KubernetesVersion>('v1.3', 'v1.8', 'v1.16', 'v1.24', 'v1.25', 'v1.30', 'v1.36', 'v1.37', 'v1.40', 'latest')
const optBool = fc.constantFrom(true, false, null, undefined)
const oldContainer = fc.option(
  fc.record(
    {
      securityContext: fc.option(
        fc.record({ allowPrivilegeEscalation: optBool, capabilities: fc.option(fc.record({ add: fc.option(fc.array(capability, { maxLength: 2 })) }, { requiredKeys: [] })) }, { requiredKeys: [] }),
      ),
    },
    { requiredKeys: [] },
  ),
)
const oldList = fc.option(fc.array(oldContainer, { maxLength: 2 }))
const oldPod: fc.Arbitrary<OldPodSpecInput | null> = fc.option(
  fc.record({ containers: oldList, initContainers: oldList, ephemeralContainers: oldList }, { requiredKeys: [] }),
)
const options: fc.Arbitrary<ResolveOptions> = fc.record(
  {
    semantics: fc.constantFrom('proposal', 'noNewPrivileges', 'kubernetes', undefined),
    kubernetesVersion: fc.option(version, { nil: undefined }),
    operation: fc.constantFrom('create', 'update', undefined),
    oldPod,
    podSecurity: fc.option(fc.record({ level: fc.constant('restricted' as const), version: fc.option(version, { nil: undefined }) }, { requiredKeys: ['level'] }), { nil: undefined }),
  },
  { requiredKeys: [] },
)

describe('the whole-domain floor is resolveNoNewPrivs, folded', () => {
  test.prop([input, options], { numRuns: 2000 })('floorAnswer(input, options) === folded(resolveNoNewPrivs(input, options))', (i, o) => {
    expect(floorAnswer(i, o)).toBe(folded(i, o))
  })

  test('on the benchmark batch itself, every answer agrees, and the batch reaches every answer', () => {
    const seen = new Set<number>()
    for (const c of resolveCases(10_000, 1)) {
      const answer = floorAnswer(c.input, c.options)
      expect(answer).toBe(folded(c.input, c.options))
      seen.add(answer === NNP_TRUE || answer === NNP_FALSE ? answer : answer & -answer)
      for (const bit of Object.values(FLOOR_CODES)) if ((answer & bit) !== 0) seen.add(bit)
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([...Object.values(FLOOR_CODES), NNP_TRUE, NNP_FALSE].sort((a, b) => a - b))
  })
})
