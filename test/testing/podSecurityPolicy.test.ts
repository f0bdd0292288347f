import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect } from 'vitest'
import { grantsSysAdmin } from '../../src/capabilities.js'
import { decode, PodSecurityPolicy } from '../../src/codecs/index.js'
import { checkManifests } from '../../src/report/check.js'
import { podSecurityPolicyArbitrary, type PodSecurityPolicyConstraints } from '../../src/testing/index.js'
import { steered } from './oracle.js'

const setting = fc.constantFrom(true, false, null)
const constraints: fc.Arbitrary<PodSecurityPolicyConstraints> = fc.record(
  {
    allowPrivilegeEscalation: setting,
    defaultAllowPrivilegeEscalation: setting,
    runAsUser: fc.constantFrom('MustRunAs' as const, 'MustRunAsNonRoot' as const, 'RunAsAny' as const),
    sysAdminByDefault: fc.boolean(),
    violations: fc.constantFrom('none' as const, 'allowed' as const),
    semantics: fc.constantFrom('proposal' as const, 'noNewPrivileges' as const, 'kubernetes' as const),
  },
  { requiredKeys: [] },
)

/** SPEC §3.5 and §5: a `true` default needs the gate open (an absent gate is closed in the design only). */
function isInvalidPolicy(gate: boolean | null | undefined, fallback: boolean | null | undefined, semantics: string): boolean {
  if (fallback !== true) return false
  if (semantics === 'proposal') return gate !== true
  if (semantics === 'kubernetes') return gate === false
  return false
}

describe('podSecurityPolicyArbitrary', () => {
  test.prop([podSecurityPolicyArbitrary()])('decodes strictly with no error and no warning (every required strategy set)', (psp) => {
    expect(decode(PodSecurityPolicy, psp, { strict: true })).toEqual(E.right({ value: psp, warnings: [] }))
  })

  test.prop([podSecurityPolicyArbitrary()])('never both adds by default and requires dropping a capability', (psp) => {
    const dropped = new Set(psp.spec?.requiredDropCapabilities ?? [])
    expect((psp.spec?.defaultAddCapabilities ?? []).filter((c) => dropped.has(c))).toEqual([])
  })

  test.prop([podSecurityPolicyArbitrary({ runAsUser: 'MustRunAs' })])('gives MustRunAs valid ranges', (psp) => {
    const ranges = psp.spec?.runAsUser?.ranges ?? []
    expect(ranges.length).toBeGreaterThan(0)
    for (const r of ranges) expect(0 <= r.min && r.min <= r.max).toBe(true)
  })

  test.prop([steered(constraints, podSecurityPolicyArbitrary)], { numRuns: 300 })(
    'keeps every field it is asked to fix, and refuses only an invalid policy asked to be valid',
    ({ constraints: c, value }) => {
      const semantics = c.semantics ?? 'proposal'
      const satisfiable = !(c.violations === 'none' && c.allowPrivilegeEscalation !== undefined && c.defaultAllowPrivilegeEscalation !== undefined && isInvalidPolicy(c.allowPrivilegeEscalation, c.defaultAllowPrivilegeEscalation, semantics))
      expect(value !== null).toBe(satisfiable)
      if (value === null) return
      const spec = value.spec
      if (c.allowPrivilegeEscalation !== undefined) expect(spec?.allowPrivilegeEscalation ?? null).toBe(c.allowPrivilegeEscalation)
      if (c.defaultAllowPrivilegeEscalation !== undefined) expect(spec?.defaultAllowPrivilegeEscalation ?? null).toBe(c.defaultAllowPrivilegeEscalation)
      if (c.runAsUser !== undefined) expect(spec?.runAsUser?.rule).toBe(c.runAsUser)
      if (c.sysAdminByDefault !== undefined) expect((spec?.defaultAddCapabilities ?? []).some(grantsSysAdmin)).toBe(c.sysAdminByDefault)
      // A PodSecurityPolicy is validated only where it exists: the kubernetes semantics through v1.24.
      const report = checkManifests({ source: 'psp', value }, { semantics, strict: true, kubernetesVersion: 'v1.24' })
      expect(report.warnings).toEqual([])
      if (c.violations === 'none') expect(report.errors).toEqual([])
      const invalid = isInvalidPolicy(spec?.allowPrivilegeEscalation, spec?.defaultAllowPrivilegeEscalation, semantics)
      expect(report.errors.map((e) => e.code)).toEqual(invalid ? ['invalid-policy'] : [])
    },
  )

  test('refuses a true default behind a closed gate when asked for a valid policy', () => {
    expect(() => podSecurityPolicyArbitrary({ allowPrivilegeEscalation: false, defaultAllowPrivilegeEscalation: true, violations: 'none' })).toThrow(
      /no valid policy satisfies/,
    )
  })

  test('writes an unset gate both left out and null', () => {
    const seen = new Set(fc.sample(podSecurityPolicyArbitrary({ allowPrivilegeEscalation: null }), { numRuns: 100, seed: 2 }).map((p) => ('allowPrivilegeEscalation' in (p.spec ?? {}) ? 'null' : 'absent')))
    expect(seen).toEqual(new Set(['null', 'absent']))
  })
})
