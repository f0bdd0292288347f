import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect } from 'vitest'
import { decode, PodSecurityContext } from '../../src/codecs/index.js'
import { columnOf } from '../../src/resolve/proposal.js'
import { podSecurityContextArbitrary } from '../../src/testing/index.js'
import { LINUX_ONLY_POD, linuxOnlyFieldsOf } from './oracle.js'

const constraints = fc.record(
  {
    nonRoot: fc.boolean(),
    os: fc.constantFrom('linux' as const, 'windows' as const),
    semantics: fc.constantFrom('proposal' as const, 'noNewPrivileges' as const, 'kubernetes' as const),
  },
  { requiredKeys: [] },
)

describe('podSecurityContextArbitrary', () => {
  test.prop([constraints.chain((c) => podSecurityContextArbitrary(c).map((psc) => ({ c, psc })))])(
    'decodes strictly with no error and no warning',
    ({ psc }) => {
      expect(decode(PodSecurityContext, psc, { strict: true })).toEqual(E.right({ value: psc, warnings: [] }))
    },
  )

  test.prop([constraints.chain((c) => podSecurityContextArbitrary(c).map((psc) => ({ c, psc })))])(
    'puts a container that sets nothing of its own in the column nonRoot asks for',
    ({ c, psc }) => {
      if (c.nonRoot === undefined) return
      expect(columnOf({ container: {}, pod: psc, os: c.os }).column).toBe(c.nonRoot ? 'nonRoot' : 'root')
    },
  )

  test.prop([podSecurityContextArbitrary({ os: 'windows' })])('sets no Linux-only field on a Windows pod', (psc) => {
    expect(linuxOnlyFieldsOf(psc, LINUX_ONLY_POD)).toEqual([])
  })

  test.prop([podSecurityContextArbitrary({ semantics: 'kubernetes' })])('has no noNewPrivileges outside its semantics', (psc) => {
    expect(psc).not.toHaveProperty('noNewPrivileges')
  })

  test('sets noNewPrivileges under the first design, both ways', () => {
    const flags = new Set(fc.sample(podSecurityContextArbitrary({ semantics: 'noNewPrivileges' }), { numRuns: 200, seed: 3 }).map((p) => p.noNewPrivileges))
    expect(flags).toEqual(new Set([true, false, null, undefined]))
  })
})
