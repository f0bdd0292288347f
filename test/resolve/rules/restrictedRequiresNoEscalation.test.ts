import { describe, expect, it } from 'vitest'
import { RESTRICTED_REQUIRES_NO_ESCALATION as RULE } from '../../../src/resolve/rules/restrictedRequiresNoEscalation.js'
import type { PodSecurityVersion } from '../../../src/resolve/types.js'
import { of, rows } from './helpers.js'

const CODE = 'restricted-requires-no-escalation'
const MESSAGE = 'container "NAME" must set securityContext.allowPrivilegeEscalation=false'
const restricted = (version?: PodSecurityVersion) => ({ podSecurity: { level: 'restricted' as const, ...(version === undefined ? {} : { version }) } })

describe(CODE, () => {
  it('selects by the Pod Security version: Linux from v1.8, Windows v1.8 … v1.24', () => {
    expect({ target: RULE.target, field: RULE.field, versionOf: RULE.versionOf }).toEqual({
      target: 'container',
      field: 'securityContext.allowPrivilegeEscalation',
      versionOf: 'podSecurity',
    })
    const every = ['proposal', 'noNewPrivileges', 'kubernetes']
    expect(rows(RULE)).toEqual([
      { semantics: every, versions: 'v1.8…latest', operations: ['create', 'update'], pods: 'linux', message: MESSAGE },
      { semantics: every, versions: 'v1.8…v1.24', operations: ['create', 'update'], pods: 'windows', message: MESSAGE },
    ])
  })

  it('unset or true fails, with the container named; false passes', () => {
    expect(of(CODE, { name: 'app', container: {} }, restricted())).toEqual([
      { code: CODE, target: 'container', path: 'securityContext.allowPrivilegeEscalation', message: 'container "app" must set securityContext.allowPrivilegeEscalation=false' },
    ])
    expect(of(CODE, { name: 'app', container: { allowPrivilegeEscalation: true } }, restricted())).toHaveLength(1)
    expect(of(CODE, { name: 'app', container: { allowPrivilegeEscalation: false } }, restricted())).toEqual([])
    expect(of(CODE, { container: {} })).toEqual([])
  })

  it('the setting is read after policy admission (kubernetes: the gate false defaults it)', () => {
    const input = { container: {}, policy: { spec: { allowPrivilegeEscalation: false } } }
    expect(of(CODE, input, { semantics: 'kubernetes', kubernetesVersion: 'v1.24', ...restricted() })).toEqual([])
    // From v1.25 the policy is gone: the container's own (unset) value fails.
    expect(of(CODE, input, { semantics: 'kubernetes', kubernetesVersion: 'v1.25', ...restricted() })).toHaveLength(1)
  })

  it('versions: none before v1.8; Windows pods exempt from v1.25; the default version is the cluster version', () => {
    expect(of(CODE, { container: {} }, restricted('v1.7'))).toEqual([])
    expect(of(CODE, { container: {} }, restricted('v1.8'))).toHaveLength(1)
    expect(of(CODE, { os: 'windows', container: {} }, restricted('v1.24'))).toHaveLength(1)
    expect(of(CODE, { os: 'windows', container: {} }, restricted('v1.25'))).toEqual([])
    expect(of(CODE, { os: 'windows', container: {} }, { semantics: 'kubernetes', kubernetesVersion: 'v1.24', ...restricted() })).toHaveLength(1)
    expect(of(CODE, { os: 'windows', container: {} }, { semantics: 'kubernetes', kubernetesVersion: 'v1.25', ...restricted() })).toEqual([])
  })
})
