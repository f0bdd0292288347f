import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { byPolicyName, choosePolicy, policyChangesContainer, type PolicyCandidate } from '../../src/manifest/policies.js'

const c = (name: string, spec: Record<string, unknown>): PolicyCandidate => ({ name, policy: { metadata: { name }, spec } })

describe('choosing a PodSecurityPolicy', () => {
  test('the first by name that admits the pod without changing it wins over an earlier one that changes it', () => {
    const choice = choosePolicy(
      [{ container: {} }],
      [c('a-defaults', { allowPrivilegeEscalation: true, defaultAllowPrivilegeEscalation: false }), c('b-plain', { allowPrivilegeEscalation: true })],
      'proposal',
    )
    expect(choice).toMatchObject({ candidate: { name: 'b-plain' }, admission: 'unchanged' })
  })
  test('else the first that admits it with changes', () => {
    const choice = choosePolicy(
      [{ container: { allowPrivilegeEscalation: true } }, { container: {} }],
      [c('a-closed', {}), c('b-defaults', { allowPrivilegeEscalation: true, defaultAllowPrivilegeEscalation: true }), c('c-defaults', { allowPrivilegeEscalation: true, defaultAllowPrivilegeEscalation: false })],
      'proposal',
    )
    expect(choice).toMatchObject({ candidate: { name: 'b-defaults' }, admission: 'changed' })
  })
  test('if none admits it, the first by name, rejected', () => {
    const choice = choosePolicy([{ container: { allowPrivilegeEscalation: true } }], [c('a', {}), c('b', { allowPrivilegeEscalation: false })], 'proposal')
    expect(choice).toMatchObject({ candidate: { name: 'a' }, admission: 'rejected' })
  })
  test('every container must be admitted by the same policy', () => {
    const choice = choosePolicy(
      [{ container: { allowPrivilegeEscalation: true } }, { container: { allowPrivilegeEscalation: false, privileged: false } }],
      [c('a', { allowPrivilegeEscalation: false }), c('b', { allowPrivilegeEscalation: true })],
      'kubernetes',
    )
    expect(choice.candidate.name).toBe('b')
  })
  test.prop([fc.array(fc.string(), { minLength: 1, maxLength: 8 })])('name order is byte-wise and total', (names) => {
    const sorted = names.map((name) => ({ name })).sort(byPolicyName).map((p) => p.name)
    expect(sorted).toEqual([...names].sort())
  })
})

describe('what counts as a change', () => {
  test.each([
    ['a default escalation for an unset container', {}, { defaultAllowPrivilegeEscalation: true, allowPrivilegeEscalation: true }, 'proposal', true],
    ['no default', {}, { allowPrivilegeEscalation: true }, 'proposal', false],
    ['a closed gate in released Kubernetes', {}, { allowPrivilegeEscalation: false }, 'kubernetes', true],
    ['a closed gate in the design', {}, { allowPrivilegeEscalation: false }, 'proposal', false],
    ['a default capability', {}, { defaultAddCapabilities: ['NET_ADMIN'] }, 'proposal', true],
    ['a default capability the container drops', { capabilities: { drop: ['net_admin'] } }, { defaultAddCapabilities: ['NET_ADMIN'] }, 'proposal', false],
    ['a MustRunAs uid filled in', {}, { runAsUser: { rule: 'MustRunAs', ranges: [{ min: 1, max: 2 }] } }, 'proposal', true],
    ['a MustRunAs uid already there', { runAsUser: 5 }, { runAsUser: { rule: 'MustRunAs', ranges: [{ min: 1, max: 2 }] } }, 'proposal', false],
    ['runAsNonRoot filled in', {}, { runAsUser: { rule: 'MustRunAsNonRoot' } }, 'kubernetes', true],
  ] as const)('%s', (_name, container, spec, semantics, expected) => {
    expect(policyChangesContainer({ container }, { spec }, semantics)).toBe(expected)
  })
})
