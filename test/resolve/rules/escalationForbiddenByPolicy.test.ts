import { describe, expect, it } from 'vitest'
import { ESCALATION_FORBIDDEN_BY_POLICY as RULE, FORBIDDEN_MESSAGE } from '../../../src/resolve/rules/escalationForbiddenByPolicy.js'
import { of, rows } from './helpers.js'

const CODE = 'escalation-forbidden-by-policy'
const wantsEscalation = { allowPrivilegeEscalation: true }

describe(CODE, () => {
  it('has the design variant (every version) and the kubernetes one (v1.8 … v1.24, PodSecurityPolicy)', () => {
    expect({ target: RULE.target, field: RULE.field, versionOf: RULE.versionOf }).toEqual({
      target: 'container',
      field: 'securityContext.allowPrivilegeEscalation',
      versionOf: 'kubernetes',
    })
    expect(rows(RULE)).toEqual([
      { semantics: ['proposal'], versions: 'v1.8…latest', operations: ['create', 'update'], pods: 'linux', message: FORBIDDEN_MESSAGE },
      { semantics: ['kubernetes'], versions: 'v1.8…v1.24', operations: ['create', 'update'], pods: 'linux', message: FORBIDDEN_MESSAGE },
    ])
    expect(FORBIDDEN_MESSAGE).toBe('Allowing privilege escalation for containers is not allowed')
  })

  it('design: a given policy whose gate is false or absent forbids a container true, naming the policy', () => {
    expect(of(CODE, { container: wantsEscalation, policy: { metadata: { name: 'p' }, spec: {} } })).toEqual([
      {
        code: CODE,
        target: 'container',
        path: 'securityContext.allowPrivilegeEscalation',
        message: `${FORBIDDEN_MESSAGE}: PodSecurityPolicy "p" does not set spec.allowPrivilegeEscalation, which the design defaults to false`,
      },
    ])
    expect(of(CODE, { container: wantsEscalation, policy: { spec: { allowPrivilegeEscalation: false } } })[0]?.message).toBe(
      `${FORBIDDEN_MESSAGE}: the PodSecurityPolicy sets spec.allowPrivilegeEscalation: false`,
    )
    expect(of(CODE, { container: wantsEscalation, policy: { spec: { allowPrivilegeEscalation: true } } })).toEqual([])
    expect(of(CODE, { container: wantsEscalation })).toEqual([])
    // Only the container's own true: a policy default of true is invalid-policy's business.
    expect(of(CODE, { container: {}, policy: { spec: { defaultAllowPrivilegeEscalation: true } } })).toEqual([])
  })

  it('kubernetes: the gate false forbids a setting after admission that is not false (an absent gate is true)', () => {
    const options = { semantics: 'kubernetes', kubernetesVersion: 'v1.24' } as const
    expect(of(CODE, { container: wantsEscalation, policy: { spec: { allowPrivilegeEscalation: false } } }, options)).toEqual([
      { code: CODE, target: 'container', path: 'securityContext.allowPrivilegeEscalation', message: FORBIDDEN_MESSAGE },
    ])
    expect(of(CODE, { container: {}, policy: { spec: { allowPrivilegeEscalation: false, defaultAllowPrivilegeEscalation: true } } }, options)).toHaveLength(1)
    // The gate defaults an unset container to false: admitted.
    expect(of(CODE, { container: {}, policy: { spec: { allowPrivilegeEscalation: false } } }, options)).toEqual([])
    expect(of(CODE, { container: wantsEscalation, policy: { spec: {} } }, options)).toEqual([])
  })

  it('kubernetes v1.25 on: no PodSecurityPolicy, no violation', () => {
    for (const kubernetesVersion of ['v1.25', 'v1.37', 'latest'] as const) {
      expect(of(CODE, { container: wantsEscalation, policy: { spec: { allowPrivilegeEscalation: false } } }, { semantics: 'kubernetes', kubernetesVersion })).toEqual([])
    }
  })

  it('does not apply to the first design nor to Windows pods', () => {
    const input = { container: wantsEscalation, policy: { spec: { allowPrivilegeEscalation: false } } }
    expect(of(CODE, input, { semantics: 'noNewPrivileges' })).toEqual([])
    expect(of(CODE, { ...input, os: 'windows' })).toEqual([])
  })
})
