/**
 * Example tests written from the upstream Kubernetes test tables (our own transcription of their
 * cases into the shapes this library reads): pkg/securitycontext TestAddNoNewPrivileges,
 * pkg/apis/core/validation TestValidateSecurityContext, the PodSecurityPolicy provider's
 * TestAllowPrivilegeEscalation, policy TestValidatePodSecurityPolicy, pod-security-admission
 * TestAllowPrivilegeEscalation_1_8/_1_25, and the e2e "AllowPrivilegeEscalation" tests.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, test } from 'vitest'
import { restrictedPodDetail } from '../../src/resolve/podSecurity.js'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import type { ContainerSecurityInput, KubernetesDecision, ResolveInput } from '../../src/resolve/types.js'
import { pspEra } from './pspEra.js'

const k8s = (input: ResolveInput) => resolveNoNewPrivs(input, pspEra({ semantics: 'kubernetes' }))
const noNewPrivsOf = (input: ResolveInput) => {
  const r = k8s(input)
  return E.isRight(r) ? r.right.noNewPrivs : 'rejected'
}

describe('AddNoNewPrivileges (kubelet): no_new_privs iff allowPrivilegeEscalation is false', () => {
  test.each<[string, ContainerSecurityInput | null, boolean]>([
    ['security context nil', null, false],
    ['allowPrivilegeEscalation nil', {}, false],
    ['allowPrivilegeEscalation false', { allowPrivilegeEscalation: false }, true],
    ['allowPrivilegeEscalation true', { allowPrivilegeEscalation: true }, false],
    // The v1.8 development table's rows that validation still admits.
    ['nil, CAP_SYS_ADMIN', { capabilities: { add: ['CAP_SYS_ADMIN'] } }, false],
    ['nil, privileged', { privileged: true }, false],
    ['nil, nonRoot', { runAsUser: 1000 }, false],
    ['nil, root', { runAsUser: 0 }, false],
    ['false, nonRoot', { runAsUser: 1000, allowPrivilegeEscalation: false }, true],
    ['false, root', { runAsUser: 0, allowPrivilegeEscalation: false }, true],
    ['true, CAP_SYS_ADMIN', { capabilities: { add: ['CAP_SYS_ADMIN'] }, allowPrivilegeEscalation: true }, false],
    ['true, privileged', { privileged: true, allowPrivilegeEscalation: true }, false],
    ['true, nonRoot', { runAsUser: 1000, allowPrivilegeEscalation: true }, false],
    ['true, root', { runAsUser: 0, allowPrivilegeEscalation: true }, false],
  ])('%s', (_name, container, expected) => {
    expect(noNewPrivsOf({ container })).toBe(expected)
  })
  test('the v1.8 table rows false+privileged and false+CAP_SYS_ADMIN are rejected by validation today', () => {
    expect(noNewPrivsOf({ container: { privileged: true, allowPrivilegeEscalation: false } })).toBe('rejected')
    expect(noNewPrivsOf({ container: { capabilities: { add: ['CAP_SYS_ADMIN'] }, allowPrivilegeEscalation: false } })).toBe('rejected')
  })
})

describe('ValidateSecurityContext: the escalation cases', () => {
  const base: ContainerSecurityInput = { privileged: false, capabilities: { add: ['foo'], drop: ['bar'] }, runAsUser: 1 }
  test.each<[string, ContainerSecurityInput]>([
    ['all settings', base],
    ['no capabilities', { privileged: false, runAsUser: 1 }],
    ['no priv request', { capabilities: { add: ['foo'], drop: ['bar'] }, runAsUser: 1 }],
    ['no run as user', { privileged: false, capabilities: { add: ['foo'], drop: ['bar'] } }],
  ])('%s is valid', (_name, container) => {
    expect(E.isRight(k8s({ container }))).toBe(true)
  })
  test('with CAP_SYS_ADMIN and allowPrivilegeEscalation false', () => {
    const r = k8s({ container: { ...base, capabilities: { add: ['CAP_SYS_ADMIN'], drop: ['bar'] }, allowPrivilegeEscalation: false } })
    expect(E.isLeft(r) && r.left[0]?.message).toContain('cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN')
  })
  test('with privileged and allowPrivilegeEscalation false', () => {
    const r = k8s({ container: { ...base, privileged: true, allowPrivilegeEscalation: false } })
    expect(E.isLeft(r) && r.left[0]?.message).toContain('cannot set `allowPrivilegeEscalation` to false and `privileged` to true')
  })
})

describe('PodSecurityPolicy provider: TestAllowPrivilegeEscalation (15 rows)', () => {
  // [pspAPE, pspDAPE, podAPE, expected APE after admission or 'error']
  const rows: Array<[boolean, boolean | null, boolean | null, boolean | null | 'error']> = [
    [true, null, null, null], [true, null, false, false], [true, null, true, true],
    [true, false, null, false], [true, false, false, false], [true, false, true, true],
    [true, true, null, true], [true, true, false, false], [true, true, true, true],
    [false, null, null, false], [false, null, false, false], [false, null, true, 'error'],
    [false, false, null, false], [false, false, false, false], [false, false, true, 'error'],
  ]
  test.each(rows)('pspAPE:%s pspDAPE:%s podAPE:%s → %s', (gate, dflt, own, expected) => {
    const r = k8s({
      container: { privileged: false, allowPrivilegeEscalation: own },
      pod: {},
      policy: { spec: { runAsUser: { rule: 'RunAsAny' }, allowPrivilegeEscalation: gate, defaultAllowPrivilegeEscalation: dflt } },
    })
    if (expected === 'error') {
      expect(E.isLeft(r) && r.left).toEqual([
        { code: 'escalation-forbidden-by-policy', target: 'container', path: 'securityContext.allowPrivilegeEscalation', message: 'Allowing privilege escalation for containers is not allowed' },
      ])
    } else {
      expect(E.isRight(r)).toBe(true)
      expect((r as E.Right<KubernetesDecision>).right.setting).toBe(expected)
    }
  })
})

describe('PodSecurityPolicy spec validation and defaults', () => {
  test('invalid defaultAllowPrivilegeEscalation', () => {
    const r = k8s({ policy: { spec: { defaultAllowPrivilegeEscalation: true, allowPrivilegeEscalation: false } } })
    expect(E.isLeft(r) && r.left).toContainEqual({
      code: 'invalid-policy',
      target: 'policy',
      path: 'spec.defaultAllowPrivilegeEscalation',
      message: 'Cannot set DefaultAllowPrivilegeEscalation to true without also setting AllowPrivilegeEscalation to true',
    })
  })
  test('valid defaultAllowPrivilegeEscalation as true', () => {
    expect(E.isRight(k8s({ policy: { spec: { defaultAllowPrivilegeEscalation: true, allowPrivilegeEscalation: true } } }))).toBe(true)
  })
  test('an absent gate defaults to true (since 1.8.1): a container may escalate', () => {
    expect(E.isRight(k8s({ container: { allowPrivilegeEscalation: true }, policy: { spec: {} } }))).toBe(true)
  })
})

describe('e2e: AllowPrivilegeEscalation with runAsUser 1000', () => {
  test.each<[boolean | null, boolean]>([[null, false], [false, true], [true, false]])('allowPrivilegeEscalation %s → no_new_privs %s', (ape, expected) => {
    expect(noNewPrivsOf({ container: { allowPrivilegeEscalation: ape, runAsUser: 1000 } })).toBe(expected)
  })
})

describe('pod-security-admission allowPrivilegeEscalation (v1.8 and v1.25)', () => {
  const containers: Array<[string, ContainerSecurityInput | undefined]> = [
    ['a', undefined], ['b', { allowPrivilegeEscalation: null }], ['c', { allowPrivilegeEscalation: true }], ['d', { allowPrivilegeEscalation: false }],
  ]
  test.each(['v1.8', 'v1.24', 'v1.25', 'latest'] as const)('multiple containers at %s', (version) => {
    const failing = containers.filter(([name, container]) =>
      E.isLeft(resolveNoNewPrivs({ name, container }, { semantics: 'kubernetes', podSecurity: { level: 'restricted', version } })),
    )
    expect(restrictedPodDetail(failing.map(([n]) => n))).toBe('containers "a", "b", "c" must set securityContext.allowPrivilegeEscalation=false')
  })
  test('windows pod, admitted without checking from v1.25; linux pod without a security context rejected', () => {
    expect(E.isRight(resolveNoNewPrivs({ name: 'a', os: 'windows' }, { semantics: 'kubernetes', podSecurity: { level: 'restricted', version: 'v1.25' } }))).toBe(true)
    const r = resolveNoNewPrivs({ name: 'a', os: 'linux' }, { semantics: 'kubernetes', podSecurity: { level: 'restricted', version: 'v1.25' } })
    expect(E.isLeft(r) && r.left.map((v) => v.message)).toEqual(['container "a" must set securityContext.allowPrivilegeEscalation=false'])
  })
})
