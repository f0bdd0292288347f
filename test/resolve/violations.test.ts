import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect } from 'vitest'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import type { ResolveInput, Semantics, Violation } from '../../src/resolve/types.js'
import { harmlessCapability, sysAdminSpelling } from './arbitraries.js'
import { pspEra } from './pspEra.js'

function violationsOf(input: ResolveInput, semantics: Semantics = 'proposal'): ReadonlyArray<Violation> {
  const result = resolveNoNewPrivs(input, pspEra({ semantics }))
  return E.isLeft(result) ? result.left : []
}

const noise = fc.record(
  {
    runAsUser: fc.integer({ min: 0, max: 2147483647 }),
    runAsNonRoot: fc.boolean(),
    capabilities: fc.record({ add: fc.array(harmlessCapability, { maxLength: 2 }), drop: fc.array(harmlessCapability, { maxLength: 2 }) }),
  },
  { requiredKeys: [] },
)
const podNoise = fc.record({ runAsUser: fc.integer({ min: 0, max: 2147483647 }), runAsNonRoot: fc.boolean() }, { requiredKeys: [] })

describe('privileged-without-escalation (proposal)', () => {
  test.prop([noise, podNoise])('privileged: true with allowPrivilegeEscalation: false is rejected at the container field', (c, pod) => {
    const found = violationsOf({ container: { ...c, privileged: true, allowPrivilegeEscalation: false }, pod })
    expect(found).toContainEqual({
      code: 'privileged-without-escalation',
      target: 'container',
      path: 'securityContext.allowPrivilegeEscalation',
      message: 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
    })
  })
  test.prop([noise, fc.constantFrom(true, null, undefined), fc.constantFrom(false, null, undefined)])(
    'is not reported unless both hold',
    (c, ape, privileged) => {
      const found = violationsOf({ container: { ...c, privileged: privileged ?? undefined, allowPrivilegeEscalation: ape } })
      expect(found.map((v) => v.code)).not.toContain('privileged-without-escalation')
      const other = violationsOf({ container: { ...c, privileged: true, allowPrivilegeEscalation: ape } })
      expect(other.map((v) => v.code)).not.toContain('privileged-without-escalation')
    },
  )
})

describe('sys-admin-without-escalation (proposal)', () => {
  test.prop([fc.array(harmlessCapability, { maxLength: 3 }), sysAdminSpelling, fc.array(harmlessCapability, { maxLength: 3 })])(
    'every SYS_ADMIN spelling in capabilities.add is rejected at its own index',
    (before, cap, after) => {
      const found = violationsOf({ container: { allowPrivilegeEscalation: false, capabilities: { add: [...before, cap, ...after] } } })
      expect(found).toHaveLength(1)
      expect(found[0]).toMatchObject({ code: 'sys-admin-without-escalation', target: 'container', path: `securityContext.capabilities.add[${before.length}]` })
      expect(found[0]?.message).toContain(`"${cap}"`)
    },
  )
  test.prop([sysAdminSpelling, fc.array(harmlessCapability, { maxLength: 2 })])(
    "a SYS_ADMIN default of the policy is rejected at the policy's spec.defaultAddCapabilities[j]",
    (cap, before) => {
      const found = violationsOf({
        container: { allowPrivilegeEscalation: false },
        policy: { spec: { allowPrivilegeEscalation: true, defaultAddCapabilities: [...before, cap] } },
      })
      expect(found).toEqual([
        expect.objectContaining({ code: 'sys-admin-without-escalation', target: 'policy', path: `spec.defaultAddCapabilities[${before.length}]` }),
      ])
    },
  )
  test.prop([sysAdminSpelling.chain((s) => fc.tuple(fc.constant(s), fc.constantFrom(s.toLowerCase(), s.toUpperCase(), `CAP_${s.toUpperCase().replace(/^CAP_/, '')}`)))])(
    'a policy default the container drops (any spelling) is not added',
    ([added, dropped]) => {
      const found = violationsOf({
        container: { allowPrivilegeEscalation: false, capabilities: { drop: [dropped] } },
        policy: { spec: { allowPrivilegeEscalation: true, defaultAddCapabilities: [added] } },
      })
      expect(found).toEqual([])
    },
  )
  test.prop([fc.array(harmlessCapability, { minLength: 1, maxLength: 4 })])('other capabilities are never rejected', (add) => {
    expect(violationsOf({ container: { allowPrivilegeEscalation: false, capabilities: { add } } })).toEqual([])
  })
})

describe('escalation-forbidden-by-policy (proposal)', () => {
  test.prop([noise, fc.constantFrom(false, null, undefined)])(
    "allowPrivilegeEscalation: true is rejected when the policy's gate is false or absent",
    (c, gate) => {
      const spec = gate === undefined ? {} : { allowPrivilegeEscalation: gate }
      const found = violationsOf({ container: { ...c, allowPrivilegeEscalation: true }, policy: { metadata: { name: 'tight' }, spec } })
      expect(found).toContainEqual(
        expect.objectContaining({ code: 'escalation-forbidden-by-policy', target: 'container', path: 'securityContext.allowPrivilegeEscalation' }),
      )
      const v = found.find((x) => x.code === 'escalation-forbidden-by-policy')
      expect(v?.message).toMatch(/^Allowing privilege escalation for containers is not allowed: PodSecurityPolicy "tight" /)
    },
  )
  test.prop([noise, fc.constantFrom(false, null, undefined)])('is not reported when the gate is true, or without a policy, or when the container does not ask', (c, ape) => {
    expect(violationsOf({ container: { ...c, allowPrivilegeEscalation: true }, policy: { spec: { allowPrivilegeEscalation: true } } })).toEqual([])
    expect(violationsOf({ container: { ...c, allowPrivilegeEscalation: true } })).toEqual([])
    const found = violationsOf({ container: { ...c, allowPrivilegeEscalation: ape }, policy: { spec: { allowPrivilegeEscalation: false } } })
    expect(found.map((v) => v.code)).not.toContain('escalation-forbidden-by-policy')
  })
})

describe('invalid-policy', () => {
  test.prop([noise, fc.constantFrom(false, null, undefined), fc.constantFrom<Semantics>('proposal', 'kubernetes')])(
    'defaultAllowPrivilegeEscalation: true without an open gate is rejected at the policy field',
    (c, gate, semantics) => {
      const spec = gate === undefined ? { defaultAllowPrivilegeEscalation: true } : { defaultAllowPrivilegeEscalation: true, allowPrivilegeEscalation: gate }
      const found = violationsOf({ container: c, policy: { spec } }, semantics)
      const expected = {
        code: 'invalid-policy',
        target: 'policy',
        path: 'spec.defaultAllowPrivilegeEscalation',
        message: 'Cannot set DefaultAllowPrivilegeEscalation to true without also setting AllowPrivilegeEscalation to true',
      }
      // Released Kubernetes defaults an absent gate to true: only an explicit false is invalid there.
      if (semantics === 'kubernetes' && gate !== false) expect(found).not.toContainEqual(expected)
      else expect(found).toContainEqual(expected)
    },
  )
  test.prop([noise])('an open gate makes any default valid', (c) => {
    for (const d of [true, false, null]) {
      const found = violationsOf({ container: c, policy: { spec: { defaultAllowPrivilegeEscalation: d, allowPrivilegeEscalation: true } } })
      expect(found.map((v) => v.code)).not.toContain('invalid-policy')
    }
  })
})

describe('every violation is reported, never only the first', () => {
  test.prop([sysAdminSpelling, sysAdminSpelling])('privileged, two SYS_ADMIN grants and an invalid policy, all together', (a, b) => {
    const found = violationsOf({
      container: { privileged: true, allowPrivilegeEscalation: false, capabilities: { add: [a] } },
      policy: { spec: { defaultAllowPrivilegeEscalation: true, defaultAddCapabilities: [b.toLowerCase() === a.toLowerCase() ? 'CAP_NET_ADMIN' : b] } },
    })
    const codes = found.map((v) => v.code)
    expect(codes).toContain('privileged-without-escalation')
    expect(codes.filter((c) => c === 'sys-admin-without-escalation').length).toBeGreaterThanOrEqual(1)
    expect(codes).toContain('invalid-policy')
  })
  test('a forbidden escalation, an invalid policy and the restricted level, all together', () => {
    const result = resolveNoNewPrivs(
      { name: 'app', container: { allowPrivilegeEscalation: true }, policy: { spec: { defaultAllowPrivilegeEscalation: true } } },
      { podSecurity: { level: 'restricted' } },
    )
    expect(E.isLeft(result) && result.left.map((v) => v.code)).toEqual([
      'escalation-forbidden-by-policy',
      'restricted-requires-no-escalation',
      'invalid-policy',
    ])
  })
})
