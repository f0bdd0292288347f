import { describe, expect, it } from 'vitest'
import { INVALID_POLICY as RULE, INVALID_POLICY_MESSAGE } from '../../../src/resolve/rules/invalidPolicy.js'
import { of, rows } from './helpers.js'

const CODE = 'invalid-policy'
const VIOLATION = { code: CODE, target: 'policy', path: 'spec.defaultAllowPrivilegeEscalation', message: INVALID_POLICY_MESSAGE }

describe(CODE, () => {
  it('has the design variant and the kubernetes one (v1.8 … v1.24), for every pod os', () => {
    expect({ target: RULE.target, field: RULE.field, versionOf: RULE.versionOf }).toEqual({
      target: 'policy',
      field: 'spec.defaultAllowPrivilegeEscalation',
      versionOf: 'kubernetes',
    })
    expect(rows(RULE)).toEqual([
      { semantics: ['proposal'], versions: 'v1.8…latest', operations: ['create', 'update'], pods: 'any', message: INVALID_POLICY_MESSAGE },
      { semantics: ['kubernetes'], versions: 'v1.8…v1.24', operations: ['create', 'update'], pods: 'any', message: INVALID_POLICY_MESSAGE },
    ])
    expect(INVALID_POLICY_MESSAGE).toBe('Cannot set DefaultAllowPrivilegeEscalation to true without also setting AllowPrivilegeEscalation to true')
  })

  it('design: default true with the gate false or absent', () => {
    expect(of(CODE, { policy: { spec: { defaultAllowPrivilegeEscalation: true } } })).toEqual([VIOLATION])
    expect(of(CODE, { policy: { spec: { defaultAllowPrivilegeEscalation: true, allowPrivilegeEscalation: false } } })).toEqual([VIOLATION])
    expect(of(CODE, { policy: { spec: { defaultAllowPrivilegeEscalation: true, allowPrivilegeEscalation: true } } })).toEqual([])
    expect(of(CODE, { policy: { spec: { defaultAllowPrivilegeEscalation: false } } })).toEqual([])
  })

  it('kubernetes: only with the gate false (absent is true), and only while PodSecurityPolicy exists', () => {
    const invalid = { policy: { spec: { defaultAllowPrivilegeEscalation: true, allowPrivilegeEscalation: false } } }
    expect(of(CODE, invalid, { semantics: 'kubernetes', kubernetesVersion: 'v1.24' })).toEqual([VIOLATION])
    expect(of(CODE, { policy: { spec: { defaultAllowPrivilegeEscalation: true } } }, { semantics: 'kubernetes', kubernetesVersion: 'v1.24' })).toEqual([])
    expect(of(CODE, invalid, { semantics: 'kubernetes', kubernetesVersion: 'v1.25' })).toEqual([])
  })

  it('is about the policy alone: reported for Windows pods too, whatever the container', () => {
    const invalid = { spec: { defaultAllowPrivilegeEscalation: true } }
    expect(of(CODE, { os: 'windows', policy: invalid })).toEqual([VIOLATION])
    expect(of(CODE, { container: { allowPrivilegeEscalation: false, runAsUser: 1000 }, policy: invalid })).toEqual([VIOLATION])
    expect(of(CODE, { policy: invalid }, { semantics: 'noNewPrivileges' })).toEqual([])
  })
})
