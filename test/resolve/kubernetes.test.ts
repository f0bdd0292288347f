import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect } from 'vitest'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import type { KubernetesDecision, ResolveInput } from '../../src/resolve/types.js'
import { harmlessCapability, sysAdminSpelling } from './arbitraries.js'
import { pspEra } from './pspEra.js'

const k8s = (input: ResolveInput) => resolveNoNewPrivs(input, pspEra({ semantics: 'kubernetes' }))
const optBool = fc.constantFrom(true, false, null, undefined)
const uid = fc.option(fc.integer({ min: 0, max: 2147483647 }), { nil: undefined })

/** The setting after admission, written from SPEC §5 independently of src/. */
function expectedSetting(ape: boolean | null | undefined, gate: boolean | null | undefined, dflt: boolean | null | undefined, withPolicy: boolean): boolean | null {
  if (ape != null) return ape
  if (!withPolicy) return null
  if (dflt != null) return dflt
  if (gate === false) return false
  return null
}

describe('kubernetes semantics: the setting after admission decides, nothing else', () => {
  test.prop([optBool, optBool, optBool, fc.boolean(), uid, uid, fc.boolean(), fc.array(harmlessCapability, { maxLength: 3 })])(
    'no_new_privs is exactly (setting === false); uid, privileged and harmless capabilities never change it',
    (ape, gate, dflt, withPolicy, cUid, pUid, nonRoot, add) => {
      const input: ResolveInput = {
        container: { allowPrivilegeEscalation: ape, runAsUser: cUid, runAsNonRoot: nonRoot, capabilities: { add } },
        pod: { runAsUser: pUid },
        policy: withPolicy ? { spec: { allowPrivilegeEscalation: gate, defaultAllowPrivilegeEscalation: dflt } } : undefined,
      }
      const setting = expectedSetting(ape, gate, dflt, withPolicy)
      const result = k8s(input)
      const forbidden = withPolicy && gate === false && setting !== false
      const invalid = withPolicy && dflt === true && gate === false
      if (forbidden || invalid) {
        expect(E.isLeft(result)).toBe(true)
        const codes = E.isLeft(result) ? result.left.map((v) => v.code) : []
        expect(codes.includes('escalation-forbidden-by-policy')).toBe(forbidden)
        expect(codes.includes('invalid-policy')).toBe(invalid)
        return
      }
      expect(E.isRight(result)).toBe(true)
      const d = (result as E.Right<KubernetesDecision>).right
      expect(d.setting).toBe(setting)
      expect(d.noNewPrivs).toBe(setting === false)
    },
  )

  test.prop([fc.constantFrom(false, null, undefined), fc.array(harmlessCapability, { maxLength: 2 })])(
    'privileged with a false setting is rejected, also when the false came from the policy',
    (ape, add) => {
      const fromPolicy = ape !== false
      const result = k8s({
        container: { privileged: true, allowPrivilegeEscalation: ape, capabilities: { add } },
        policy: fromPolicy ? { spec: { defaultAllowPrivilegeEscalation: false } } : undefined,
      })
      expect(E.isLeft(result) && result.left).toContainEqual({
        code: 'privileged-without-escalation',
        target: 'container',
        path: 'securityContext.allowPrivilegeEscalation',
        message: 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
      })
    },
  )

  test.prop([fc.array(harmlessCapability, { maxLength: 2 })])('only the literal CAP_SYS_ADMIN is rejected', (before) => {
    const result = k8s({ container: { allowPrivilegeEscalation: false, capabilities: { add: [...before, 'CAP_SYS_ADMIN'] } } })
    expect(E.isLeft(result) && result.left).toEqual([
      {
        code: 'sys-admin-without-escalation',
        target: 'container',
        path: `securityContext.capabilities.add[${before.length}]`,
        message: 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN',
      },
    ])
  })

  test.prop([sysAdminSpelling.filter((s) => s !== 'CAP_SYS_ADMIN')])(
    'other SYS_ADMIN spellings and ALL are admitted with a sys-admin-spelling warning, and no_new_privs is set',
    (cap) => {
      const result = k8s({ container: { allowPrivilegeEscalation: false, capabilities: { add: [cap] } } })
      expect(E.isRight(result)).toBe(true)
      const d = (result as E.Right<KubernetesDecision>).right
      expect(d.noNewPrivs).toBe(true)
      expect(d.warnings).toEqual([expect.objectContaining({ code: 'sys-admin-spelling', target: 'container', path: 'securityContext.capabilities.add[0]' })])
      expect(d.warnings[0]?.message).toContain('kubernetes/kubernetes#119568')
    },
  )

  test('a literal CAP_SYS_ADMIN from the policy defaults is rejected at the policy path, unless dropped', () => {
    const policy = { spec: { defaultAllowPrivilegeEscalation: false, defaultAddCapabilities: ['CAP_SYS_ADMIN'] } }
    const rejected = k8s({ container: {}, policy })
    expect(E.isLeft(rejected) && rejected.left.map((v) => [v.code, v.target, v.path])).toEqual([
      ['sys-admin-without-escalation', 'policy', 'spec.defaultAddCapabilities[0]'],
    ])
    // Kubernetes compares drops as exact strings: SYS_ADMIN does not cancel CAP_SYS_ADMIN.
    expect(E.isLeft(k8s({ container: { capabilities: { drop: ['SYS_ADMIN'] } }, policy }))).toBe(true)
    expect(E.isRight(k8s({ container: { capabilities: { drop: ['CAP_SYS_ADMIN'] } }, policy }))).toBe(true)
  })

  test('the decision says which input decided', () => {
    expect(k8s({ container: {}, policy: { spec: { allowPrivilegeEscalation: false } } })).toEqual(
      E.right({
        semantics: 'kubernetes',
        applicable: true,
        noNewPrivs: true,
        setting: false,
        from: { target: 'policy', path: 'spec.allowPrivilegeEscalation', value: false },
        kubernetesVersion: 'v1.24',
        warnings: [],
      }),
    )
  })
})
