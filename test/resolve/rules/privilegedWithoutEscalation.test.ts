import { describe, expect, it } from 'vitest'
import { PRIVILEGED_MESSAGE, PRIVILEGED_WITHOUT_ESCALATION as RULE } from '../../../src/resolve/rules/privilegedWithoutEscalation.js'
import { of, rows } from './helpers.js'

const CODE = 'privileged-without-escalation'
const clash = { container: { privileged: true, allowPrivilegeEscalation: false } }

describe(CODE, () => {
  it('is one variant: proposal and kubernetes, every version and operation, Linux pods', () => {
    expect({ target: RULE.target, field: RULE.field, versionOf: RULE.versionOf }).toEqual({
      target: 'container',
      field: 'securityContext.allowPrivilegeEscalation',
      versionOf: 'kubernetes',
    })
    expect(rows(RULE)).toEqual([
      { semantics: ['proposal', 'kubernetes'], versions: 'v1.8…latest', operations: ['create', 'update'], pods: 'linux', message: PRIVILEGED_MESSAGE },
    ])
    expect(PRIVILEGED_MESSAGE).toBe('cannot set `allowPrivilegeEscalation` to false and `privileged` to true')
  })

  it.each(['v1.8', 'v1.24', 'v1.25', 'v1.36', 'v1.37', 'latest'] as const)('kubernetes %s, create and update: reported at the container field, upstream message', (kubernetesVersion) => {
    for (const operation of ['create', 'update'] as const) {
      expect(of(CODE, clash, { semantics: 'kubernetes', kubernetesVersion, operation })).toEqual([
        { code: CODE, target: 'container', path: 'securityContext.allowPrivilegeEscalation', message: PRIVILEGED_MESSAGE },
      ])
    }
  })

  it('when: the setting after admission is false (the policy default or gate counts in kubernetes) and privileged is true', () => {
    const privileged = { container: { privileged: true } }
    expect(of(CODE, { ...privileged, policy: { spec: { defaultAllowPrivilegeEscalation: false } } }, { semantics: 'kubernetes', kubernetesVersion: 'v1.24' })).toHaveLength(1)
    expect(of(CODE, { ...privileged, policy: { spec: { allowPrivilegeEscalation: false } } }, { semantics: 'kubernetes', kubernetesVersion: 'v1.24' })).toHaveLength(1)
    // From v1.25 the policy is not applied: no false setting, no violation.
    expect(of(CODE, { ...privileged, policy: { spec: { allowPrivilegeEscalation: false } } }, { semantics: 'kubernetes', kubernetesVersion: 'v1.25' })).toEqual([])
    // The design keeps `true` for a privileged container a false default would otherwise reach.
    expect(of(CODE, { ...privileged, policy: { spec: { defaultAllowPrivilegeEscalation: false } } })).toEqual([])
    expect(of(CODE, { container: { privileged: false, allowPrivilegeEscalation: false } })).toEqual([])
    expect(of(CODE, { container: { privileged: true, allowPrivilegeEscalation: true } })).toEqual([])
  })

  it('does not apply to the first design nor to Windows pods', () => {
    expect(of(CODE, clash, { semantics: 'noNewPrivileges' })).toEqual([])
    expect(of(CODE, { ...clash, os: 'windows' })).toEqual([])
  })
})
