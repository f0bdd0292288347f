import { describe, expect, it } from 'vitest'
import { ESCALATION_FIELD_ON_WINDOWS as RULE, WINDOWS_MESSAGE } from '../../../src/resolve/rules/escalationFieldOnWindows.js'
import { of, rows, violations } from './helpers.js'

const CODE = 'escalation-field-on-windows'

describe(CODE, () => {
  it('has one variant for the allowPrivilegeEscalation semantics and one for the first design, Windows pods only', () => {
    expect({ target: RULE.target, field: RULE.field, versionOf: RULE.versionOf }).toEqual({
      target: 'container',
      field: 'securityContext.allowPrivilegeEscalation',
      versionOf: 'kubernetes',
    })
    expect(rows(RULE)).toEqual([
      { semantics: ['proposal', 'kubernetes'], versions: 'v1.8…latest', operations: ['create', 'update'], pods: 'windows', message: WINDOWS_MESSAGE },
      { semantics: ['noNewPrivileges'], versions: 'v1.8…latest', operations: ['create', 'update'], pods: 'windows', message: WINDOWS_MESSAGE },
    ])
    expect(WINDOWS_MESSAGE).toBe('cannot be set for a windows pod')
  })

  it.each([true, false])('allowPrivilegeEscalation: %s on a Windows pod (proposal, kubernetes at any version)', (value) => {
    const input = { os: 'windows', container: { allowPrivilegeEscalation: value } }
    const expected = [{ code: CODE, target: 'container', path: 'securityContext.allowPrivilegeEscalation', message: WINDOWS_MESSAGE }]
    expect(of(CODE, input)).toEqual(expected)
    for (const kubernetesVersion of ['v1.8', 'v1.24', 'v1.25', 'latest'] as const) expect(of(CODE, input, { semantics: 'kubernetes', kubernetesVersion })).toEqual(expected)
  })

  it('first design: the noNewPrivileges field instead', () => {
    expect(of(CODE, { os: 'windows', container: { noNewPrivileges: false } }, { semantics: 'noNewPrivileges' })).toEqual([
      { code: CODE, target: 'container', path: 'securityContext.noNewPrivileges', message: WINDOWS_MESSAGE },
    ])
    expect(of(CODE, { os: 'windows', container: { allowPrivilegeEscalation: false } }, { semantics: 'noNewPrivileges' })).toEqual([])
  })

  it('unset (or null) is fine, Linux pods are not concerned, and no other container rule applies to Windows', () => {
    expect(of(CODE, { os: 'windows', container: { allowPrivilegeEscalation: null } })).toEqual([])
    expect(of(CODE, { os: 'linux', container: { allowPrivilegeEscalation: true } })).toEqual([])
    expect(violations({ os: 'windows', container: { allowPrivilegeEscalation: false, privileged: true } }).map((v) => v.code)).toEqual([CODE])
  })
})
