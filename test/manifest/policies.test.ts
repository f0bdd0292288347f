import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { byPolicyName, choosePolicy as choose, policyChangesContainer, type PolicyCandidate } from '../../src/inputs/policies.js'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import type { Semantics } from '../../src/resolve/types.js'
import { resolveInputArbitrary } from '../resolve/arbitraries.js'

const c = (name: string, spec: Record<string, unknown>): PolicyCandidate => ({ name, policy: { metadata: { name }, spec } })

/** The choice of well-formed arguments (a Left here is a failed test). */
function choosePolicy<P extends PolicyCandidate>(...args: Parameters<typeof choose<P>>) {
  const r = choose(...args)
  if (E.isLeft(r)) throw new Error(r.left)
  return r.right
}

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

describe('the choice carries the resolutions it was made by', () => {
  const input = resolveInputArbitrary(fc.constantFrom('SYS_ADMIN', 'NET_ADMIN', 'CAP_SYS_ADMIN', 'chown'), fc.option(fc.constantFrom(0, 1000), { nil: undefined }))
  const withoutPolicy = input.map(({ policy: _policy, ...rest }) => rest)
  const policy = input.filter((i) => i.policy != null).map((i) => i.policy as NonNullable<typeof i.policy>)
  const options = fc.oneof(
    fc.constantFrom<Semantics>('proposal', 'noNewPrivileges', 'kubernetes'),
    fc.record({ semantics: fc.constantFrom<Semantics>('proposal', 'noNewPrivileges', 'kubernetes'), kubernetesVersion: fc.constantFrom('v1.8', 'v1.16', 'v1.24') as fc.Arbitrary<'v1.8' | 'v1.16' | 'v1.24'> }),
  )
  test.prop([fc.array(withoutPolicy, { minLength: 0, maxLength: 4 }), fc.array(policy, { minLength: 1, maxLength: 3 }), options])(
    'resolved is every container under the chosen policy with the options it was chosen by',
    (containers, policies, given) => {
      const candidates = policies.map((p, i) => ({ name: `p${i}`, policy: p }))
      const choice = choosePolicy(containers, candidates, given)
      const resolveOptions = typeof given === 'string' ? { semantics: given, kubernetesVersion: 'v1.24' as const } : given
      expect(choice.resolved).toEqual(containers.map((c) => resolveNoNewPrivs({ ...c, policy: choice.candidate.policy }, resolveOptions)))
      // A policy that admits the pod resolves it without violations; only a rejection has them.
      expect(choice.admission === 'rejected' || choice.resolved.every(E.isRight)).toBe(true)
    },
  )
})

describe('choosePolicy is total', () => {
  test.each([
    [[], [], 'proposal', 'choosePolicy: candidates: expected at least one { name, policy }, got an array ([])'],
    [[], 'p', 'proposal', 'choosePolicy: candidates: expected at least one { name, policy }, got a string ("p")'],
    [[], [{ name: 1, policy: {} }], 'proposal', 'choosePolicy: candidates[0]: expected { name: string, policy: object }, got an object ({"name":1,"policy":{}})'],
    [[], [{ name: 'p' }], 'proposal', 'choosePolicy: candidates[0]: expected { name: string, policy: object }, got an object ({"name":"p"})'],
    [null, [{ name: 'p', policy: {} }], 'proposal', 'choosePolicy: containers: expected an array of resolve inputs, got null'],
    [[], [{ name: 'p', policy: {} }], 5, 'choosePolicy: options: expected a semantics or resolve options, got a number (5)'],
  ])('%#: wrong arguments are a Left naming the argument', (containers, candidates, options, message) => {
    expect(choose(containers as never, candidates as never, options as never)).toEqual(E.left(message))
  })
  test('candidates in any order are chosen among in name order', () => {
    const r = choose([{ container: { allowPrivilegeEscalation: true } }], [c('b', { allowPrivilegeEscalation: true }), c('a', { allowPrivilegeEscalation: true })], 'proposal')
    expect(E.isRight(r) && r.right.candidate.name).toBe('a')
  })
  test('a container of the wrong shape is not admitted (the resolver says why), never a throw', () => {
    const r = choose([{ container: { allowPrivilegeEscalation: 'yes' } } as never], [c('a', {})], 'proposal')
    expect(E.isRight(r) && r.right.admission).toBe('rejected')
    expect(E.isRight(r) && r.right.resolved[0]).toMatchObject({ _tag: 'Left', left: [{ code: 'invalid-input' }] })
  })
})
