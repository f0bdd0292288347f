/**
 * PodSecurityPolicy ends at v1.24 (SPEC §5.1). From v1.25 the API server no longer serves
 * policy/v1beta1 PodSecurityPolicy, so in the `kubernetes` semantics a policy is not applied
 * (`policy-not-applied`), not validated (`invalid-policy` is the validation of a PSP object, and
 * there is no such object to validate), and not chosen among (there is no PSP admission).
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { checkManifests } from '../../src/report/check.js'
import { policiesExist, policyViolationsInto } from '../../src/resolve/policyRules.js'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import type { KubernetesVersion, PolicyInput, Violation } from '../../src/resolve/types.js'

const invalid: PolicyInput = { metadata: { name: 'invalid' }, spec: { allowPrivilegeEscalation: false, defaultAllowPrivilegeEscalation: true } }

const codesAt = (kubernetesVersion: KubernetesVersion, os?: string) => {
  const r = resolveNoNewPrivs({ container: {}, policy: invalid, ...(os === undefined ? {} : { os }) }, { semantics: 'kubernetes', kubernetesVersion })
  return E.isLeft(r) ? r.left.map((v) => v.code) : r.right.warnings.map((w) => w.code)
}

describe('PodSecurityPolicy at the v1.24 / v1.25 boundary (kubernetes semantics)', () => {
  it('policiesExist: through v1.24 (and before v1.8, read as v1.8), not from v1.25', () => {
    expect(['v1.0', 'v1.8', 'v1.23', 'v1.24'].map((v) => policiesExist('kubernetes', v as KubernetesVersion))).toEqual([true, true, true, true])
    expect(['v1.25', 'v1.26', 'v1.37', 'latest'].map((v) => policiesExist('kubernetes', v as KubernetesVersion))).toEqual([false, false, false, false])
    expect(policiesExist('kubernetes', undefined)).toBe(false)
    expect(policiesExist('proposal', 'latest') && policiesExist('noNewPrivileges', 'v1.30')).toBe(true)
  })

  it.each([undefined, 'windows'])('invalid-policy at v1.24, policy-not-applied (and no invalid-policy) at v1.25 (os %s)', (os) => {
    expect(codesAt('v1.24', os)).toContain('invalid-policy')
    expect(codesAt('v1.25', os)).toEqual(['policy-not-applied'])
  })

  it("the policy's own check (a PSP object in the input) follows the same boundary", () => {
    const at = (v: KubernetesVersion | undefined): ReadonlyArray<string> => {
      const out: Violation[] = []
      policyViolationsInto(invalid, 'kubernetes', out, v)
      return out.map((x) => x.code)
    }
    expect(at('v1.24')).toEqual(['invalid-policy'])
    expect(at('v1.25')).toEqual([])
    expect(at(undefined)).toEqual([])
    const out: Violation[] = []
    policyViolationsInto(invalid, 'proposal', out, 'v1.25')
    expect(out.map((x) => x.code)).toEqual(['invalid-policy'])
  })

  const psp = (name: string, spec: string) =>
    `apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: ${name}\nspec:\n${spec}  seLinux: {rule: RunAsAny}\n  supplementalGroups: {rule: RunAsAny}\n  runAsUser: {rule: RunAsAny}\n  fsGroup: {rule: RunAsAny}\n`
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n'
  const policies = [
    { source: 'a.yaml', text: psp('a-closed', '  allowPrivilegeEscalation: false\n') },
    { source: 'b.yaml', text: psp('b-open', '  allowPrivilegeEscalation: true\n') },
  ]

  it('checkManifests chooses a policy at v1.24 and none at v1.25, where every result says why', () => {
    const at = (kubernetesVersion: KubernetesVersion) =>
      checkManifests({ source: 'pod.yaml', text: pod }, { semantics: 'kubernetes', kubernetesVersion, policies }).results
    const [r24] = at('v1.24')
    // v1.24: both admit the pod; a-closed would change it (its gate defaults the setting to
    // false), b-open admits it unchanged, and the PSP plugin prefers that one.
    expect(r24?.policy).toBe('b-open')
    expect(r24?.reason?.warnings).toEqual([])
    const [alone24] = checkManifests({ source: 'pod.yaml', text: pod }, { semantics: 'kubernetes', kubernetesVersion: 'v1.24', policies: policies.slice(0, 1) }).results
    expect([alone24?.policy, alone24?.noNewPrivs]).toEqual(['a-closed', true])
    const [r25] = at('v1.25')
    expect(r25?.policy).toBeNull()
    expect(r25?.noNewPrivs).toBe(false)
    expect(r25?.reason?.warnings.map((w) => w.code)).toEqual(['policy-not-applied'])
  })

  it('an invalid PodSecurityPolicy in the checked input is an error at v1.24, not at v1.25', () => {
    const text = psp('bad', '  allowPrivilegeEscalation: false\n  defaultAllowPrivilegeEscalation: true\n')
    const errors = (kubernetesVersion: KubernetesVersion) =>
      checkManifests({ source: 'psp.yaml', text }, { semantics: 'kubernetes', kubernetesVersion }).errors.map((e) => e.code)
    expect(errors('v1.24')).toEqual(['invalid-policy'])
    expect(errors('v1.25')).toEqual([])
  })
})
