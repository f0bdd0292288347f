import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import type { KubernetesVersion, OldPodSpecInput, ResolveInput, ResolveOptions } from '../../src/resolve/types.js'
import { inRange, minorOf } from '../../src/resolve/versions.js'
import { harmlessCapability, resolveInputArbitrary, sysAdminSpelling } from './arbitraries.js'

const codes = (input: ResolveInput, options: ResolveOptions): string[] => {
  const r = resolveNoNewPrivs(input, { semantics: 'kubernetes', ...options })
  return E.isLeft(r) ? r.left.map((v) => v.code) : []
}
const warnings = (input: ResolveInput, options: ResolveOptions): string[] => {
  const r = resolveNoNewPrivs(input, { semantics: 'kubernetes', ...options })
  return E.isRight(r) ? r.right.warnings.map((w) => w.code) : []
}

const sysAdminFalse = { allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } }
const oldWithCombo: OldPodSpecInput = { containers: [{ securityContext: { capabilities: { add: ['CAP_SYS_ADMIN'] } } }] }

describe('versions', () => {
  it('minorOf and inRange read v1.N, latest after every release', () => {
    expect(minorOf('v1.37')).toBe(37)
    expect(minorOf('latest')).toBe(Infinity)
    expect(inRange({ from: 'v1.8', through: 'v1.24' }, 24)).toBe(true)
    expect(inRange({ from: 'v1.8', through: 'v1.24' }, 25)).toBe(false)
    expect(inRange({ from: 'v1.37', through: 'latest' }, Infinity)).toBe(true)
  })
})

describe('PodSecurityPolicy ends at v1.24 (SPEC §5.1)', () => {
  const gateClosed = { metadata: { name: 'p' }, spec: { allowPrivilegeEscalation: false } }

  it.each(['v1.8', 'v1.21', 'v1.24'] as const)('%s applies the policy: its gate defaults the setting to false', (kubernetesVersion) => {
    const r = resolveNoNewPrivs({ container: {}, policy: gateClosed }, { semantics: 'kubernetes', kubernetesVersion })
    expect(E.isRight(r) && r.right.noNewPrivs).toBe(true)
    expect(codes({ container: { allowPrivilegeEscalation: true }, policy: gateClosed }, { kubernetesVersion })).toEqual(['escalation-forbidden-by-policy'])
  })

  it.each(['v1.25', 'v1.30', 'latest'] as const)('%s does not apply it, and says so on every result', (kubernetesVersion) => {
    const r = resolveNoNewPrivs({ container: {}, policy: gateClosed }, { semantics: 'kubernetes', kubernetesVersion })
    expect(E.isRight(r) && r.right.noNewPrivs).toBe(false)
    expect(warnings({ container: { allowPrivilegeEscalation: true }, policy: gateClosed }, { kubernetesVersion })).toEqual(['policy-not-applied'])
    expect(warnings({ os: 'windows', policy: gateClosed }, { kubernetesVersion })).toEqual(['policy-not-applied'])
    const invalid = { spec: { allowPrivilegeEscalation: false, defaultAllowPrivilegeEscalation: true } }
    expect(codes({ container: {}, policy: invalid }, { kubernetesVersion })).toEqual([])
    expect(E.isRight(r) && r.right.warnings[0]?.message).toContain(kubernetesVersion)
  })

  it('without a policy there is nothing to warn about', () => {
    expect(warnings({ container: {} }, { kubernetesVersion: 'latest' })).toEqual([])
  })

  it('the designs are not releases: a version never switches their policy off', () => {
    const r = resolveNoNewPrivs({ container: { allowPrivilegeEscalation: true }, policy: gateClosed }, { semantics: 'proposal', kubernetesVersion: 'latest' })
    expect(E.isLeft(r) && r.left.map((v) => v.code)).toEqual(['escalation-forbidden-by-policy'])
  })
})

describe('CAP_SYS_ADMIN with allowPrivilegeEscalation false, by version and operation (kubernetes/kubernetes#138834)', () => {
  it.each(['v1.8', 'v1.36', 'v1.37', 'latest'] as const)('%s: a create is rejected', (kubernetesVersion) => {
    expect(codes({ container: sysAdminFalse }, { kubernetesVersion })).toEqual(['sys-admin-without-escalation'])
    expect(codes({ container: sysAdminFalse }, { kubernetesVersion, operation: 'create', oldPod: oldWithCombo })).toEqual(['sys-admin-without-escalation'])
  })

  it('v1.36: an update is rejected even when the old spec had the combination', () => {
    expect(codes({ container: sysAdminFalse }, { kubernetesVersion: 'v1.36', operation: 'update', oldPod: oldWithCombo })).toEqual([
      'sys-admin-without-escalation',
    ])
  })

  it.each(['v1.37', 'latest'] as const)('%s: an update whose old spec had it is admitted, for every container', (kubernetesVersion) => {
    const options: ResolveOptions = { kubernetesVersion, operation: 'update', oldPod: oldWithCombo }
    expect(codes({ container: sysAdminFalse }, options)).toEqual([])
    const r = resolveNoNewPrivs({ container: sysAdminFalse }, { semantics: 'kubernetes', ...options })
    expect(E.isRight(r) && r.right.noNewPrivs).toBe(true)
  })

  it.each([
    ['no old spec', undefined],
    ['an old spec without it', { containers: [{ securityContext: { allowPrivilegeEscalation: false } }] }],
    ['an old container that allowed escalation', { containers: [{ securityContext: { allowPrivilegeEscalation: true, capabilities: { add: ['CAP_SYS_ADMIN'] } } }] }],
    ['an old container with another spelling', { initContainers: [{ securityContext: { capabilities: { add: ['SYS_ADMIN'] } } }] }],
  ] as const)('v1.37: an update with %s is still rejected', (_what, oldPod) => {
    expect(codes({ container: sysAdminFalse }, { kubernetesVersion: 'v1.37', operation: 'update', oldPod })).toEqual(['sys-admin-without-escalation'])
  })

  it('the old spec is read in init and ephemeral containers too', () => {
    for (const key of ['initContainers', 'ephemeralContainers'] as const) {
      const oldPod = { [key]: [null, { securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } } }] }
      expect(codes({ container: sysAdminFalse }, { kubernetesVersion: 'v1.37', operation: 'update', oldPod })).toEqual([])
    }
  })

  it('privileged with false stays rejected everywhere', () => {
    for (const kubernetesVersion of ['v1.8', 'v1.37', 'latest'] as const) {
      for (const operation of ['create', 'update'] as const) {
        expect(codes({ container: { ...sysAdminFalse, privileged: true } }, { kubernetesVersion, operation, oldPod: oldWithCombo })).toContain(
          'privileged-without-escalation',
        )
      }
    }
  })
})

describe('the decision states the version it decided by', () => {
  it.each(['v1.24', 'v1.37', 'latest'] as const)('%s', (kubernetesVersion) => {
    const r = resolveNoNewPrivs({ container: { allowPrivilegeEscalation: false } }, { semantics: 'kubernetes', kubernetesVersion })
    expect(E.isRight(r) && r.right.semantics === 'kubernetes' && r.right.applicable && r.right.kubernetesVersion).toBe(kubernetesVersion)
  })

  it('default latest', () => {
    const r = resolveNoNewPrivs({ container: {} }, { semantics: 'kubernetes' })
    expect(E.isRight(r) && r.right.semantics === 'kubernetes' && r.right.applicable && r.right.kubernetesVersion).toBe('latest')
  })
})

describe('the Pod Security version defaults to the cluster version', () => {
  it('a Windows pod is checked by restricted at v1.24 and exempt at v1.25', () => {
    const input: ResolveInput = { os: 'windows', name: 'a', container: {} }
    expect(codes(input, { kubernetesVersion: 'v1.24', podSecurity: { level: 'restricted' } })).toEqual(['restricted-requires-no-escalation'])
    expect(codes(input, { kubernetesVersion: 'v1.25', podSecurity: { level: 'restricted' } })).toEqual([])
    // An explicit policy version wins.
    expect(codes(input, { kubernetesVersion: 'v1.25', podSecurity: { level: 'restricted', version: 'v1.24' } })).toEqual([
      'restricted-requires-no-escalation',
    ])
  })
})

describe('from v1.25, without a policy, creates decide the same at every version', () => {
  const version = fc.integer({ min: 25, max: 60 }).map((n) => `v1.${n}` as KubernetesVersion)
  test.prop([resolveInputArbitrary(fc.oneof(harmlessCapability, sysAdminSpelling), fc.option(fc.nat(), { nil: undefined })), version, version])('only kubernetesVersion differs', (input, a, b) => {
    const { policy: _policy, ...rest } = input
    const strip = (v: KubernetesVersion) => {
      const r = resolveNoNewPrivs(rest, { semantics: 'kubernetes', kubernetesVersion: v })
      return E.isRight(r) ? E.right({ ...r.right, kubernetesVersion: null }) : r
    }
    // v1.37 only relaxes updates: creates are the same from v1.25 on.
    expect(strip(a)).toEqual(strip(b))
  })
})
