/**
 * Pod Security Admission's own facts for the `allowPrivilegeEscalation` check, transcribed:
 * staging/src/k8s.io/pod-security-admission/policy/check_allowPrivilegeEscalation.go (the check:
 * restricted level only, from policy version 1.8; `allowPrivilegeEscalation_1_25` admits Windows
 * pods), its tests check_allowPrivilegeEscalation_test.go (TestAllowPrivilegeEscalation_1_8 and
 * _1_25: reason and detail strings) and test/fixtures_allowPrivilegeEscalation.go (the pass and
 * fail pods derived from the minimal restricted pod). A pod is resolved container by container, as
 * the library resolves; the pod is allowed when no container has the restricted violation, and the
 * detail is upstream's, built from the failing containers' names in the order PSA visits them
 * (init containers first).
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, test } from 'vitest'
import { restrictedPodDetail, RESTRICTED_REASON } from '../../src/resolve/podSecurity.js'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import type { ContainerSecurityInput, KubernetesVersion, PodSecurityVersion, Semantics } from '../../src/resolve/types.js'

interface FixtureContainer {
  readonly name: string
  readonly securityContext?: ContainerSecurityInput | null
}
interface FixturePod {
  readonly os?: 'linux' | 'windows'
  readonly initContainers?: ReadonlyArray<FixtureContainer>
  readonly containers: ReadonlyArray<FixtureContainer>
}

/** PSA's verdict as the library gives it: allowed, or the forbidden detail over the pod's containers. */
function check(pod: FixturePod, version: PodSecurityVersion, semantics: Semantics, kubernetesVersion: KubernetesVersion = 'latest'): { allowed: true } | { allowed: false; detail: string } {
  const bad: string[] = []
  for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
    const r = resolveNoNewPrivs(
      { container: c.securityContext, ...(pod.os === undefined ? {} : { os: pod.os }), name: c.name },
      { semantics, kubernetesVersion, podSecurity: { level: 'restricted', version } },
    )
    if (E.isLeft(r) && r.left.some((v) => v.code === 'restricted-requires-no-escalation')) bad.push(c.name)
  }
  return bad.length === 0 ? { allowed: true } : { allowed: false, detail: restrictedPodDetail(bad) }
}

const SEMANTICS: ReadonlyArray<Semantics> = ['proposal', 'kubernetes', 'noNewPrivileges']
// Policy versions below, at and after the check's first (1.8), the last before the Windows
// exemption (1.24), the first with it (1.25), and latest.
const UNCHECKED: ReadonlyArray<PodSecurityVersion> = ['v1.0', 'v1.7']
const CHECKED_1_8: ReadonlyArray<PodSecurityVersion> = ['v1.8', 'v1.16', 'v1.24']
const CHECKED_1_25: ReadonlyArray<PodSecurityVersion> = ['v1.25', 'v1.30', 'latest']
const CHECKED = [...CHECKED_1_8, ...CHECKED_1_25]

// The minimal restricted pod of the fixtures: one init container and one container, both false.
const NO = { allowPrivilegeEscalation: false } as const
const minimal: FixturePod = { initContainers: [{ name: 'initcontainer1', securityContext: NO }], containers: [{ name: 'container1', securityContext: NO }] }

describe.each(SEMANTICS)('restricted allowPrivilegeEscalation fixtures under %s', (semantics) => {
  test('the reason is upstream\'s', () => {
    expect(RESTRICTED_REASON).toBe('allowPrivilegeEscalation != false')
  })

  test.each(CHECKED)('restricted:%s passes the minimal valid pod (fixtures: generatePass adds nothing)', (version) => {
    expect(check(minimal, version, semantics)).toEqual({ allowed: true })
  })

  // fixtures_allowPrivilegeEscalation.go, generateFail of fixtureData_1_8 (registered at 1.8, so
  // every later version inherits it).
  const fails: ReadonlyArray<readonly [string, FixturePod, string]> = [
    ['explicit true', { ...minimal, containers: [{ name: 'container1', securityContext: { allowPrivilegeEscalation: true } }] }, 'container1'],
    ['initContainers are checked', { ...minimal, initContainers: [{ name: 'initcontainer1', securityContext: { allowPrivilegeEscalation: true } }] }, 'initcontainer1'],
    ['nil AllowPrivilegeEscalation', { ...minimal, containers: [{ name: 'container1', securityContext: {} }] }, 'container1'],
    ['nil security context', { ...minimal, containers: [{ name: 'container1', securityContext: null }] }, 'container1'],
  ]
  describe.each(CHECKED)('restricted:%s', (version) => {
    test.each(fails)('fails: %s', (_, pod, name) => {
      expect(check(pod, version, semantics)).toEqual({ allowed: false, detail: `container "${name}" must set securityContext.allowPrivilegeEscalation=false` })
    })

    // TestAllowPrivilegeEscalation_1_8 / _1_25 "multiple containers".
    test('multiple containers: every container but the false one, in order', () => {
      const pod: FixturePod = {
        containers: [
          { name: 'a' },
          { name: 'b', securityContext: { allowPrivilegeEscalation: null } },
          { name: 'c', securityContext: { allowPrivilegeEscalation: true } },
          { name: 'd', securityContext: { allowPrivilegeEscalation: false } },
        ],
      }
      expect(check(pod, version, semantics)).toEqual({ allowed: false, detail: 'containers "a", "b", "c" must set securityContext.allowPrivilegeEscalation=false' })
    })

    // TestAllowPrivilegeEscalation_1_25 "linux pod, reject if security context is not set".
    test('a pod with os linux and no security context is rejected', () => {
      expect(check({ os: 'linux', containers: [{ name: 'a' }] }, version, semantics)).toEqual({
        allowed: false,
        detail: 'container "a" must set securityContext.allowPrivilegeEscalation=false',
      })
    })
  })

  // TestAllowPrivilegeEscalation_1_25 "windows pod, admit without checking privilegeEscalation";
  // the 1.8 CheckPod reads no OS, so before 1.25 a Windows pod is checked as any other.
  test.each(CHECKED_1_25)('restricted:%s admits a Windows pod without checking', (version) => {
    expect(check({ os: 'windows', containers: [{ name: 'a' }] }, version, semantics)).toEqual({ allowed: true })
  })
  test.each(CHECKED_1_8)('restricted:%s checks a Windows pod (allowPrivilegeEscalation_1_8 has no OS exemption)', (version) => {
    expect(check({ os: 'windows', containers: [{ name: 'a' }] }, version, semantics)).toEqual({
      allowed: false,
      detail: 'container "a" must set securityContext.allowPrivilegeEscalation=false',
    })
  })

  // MinimumVersion 1.8: policy versions before it have no such check, whatever the pod.
  test.each(UNCHECKED)('restricted:%s has no allowPrivilegeEscalation check (MinimumVersion 1.8)', (version) => {
    for (const [, pod] of fails) expect(check(pod, version, semantics)).toEqual({ allowed: true })
  })
})

describe('the policy version selects the check, capped at the cluster version (policy/registry.go EvaluatePod)', () => {
  test('restricted:v1.24 on a latest cluster still checks a Windows pod; restricted:latest (or v1.25) on a v1.24 cluster checks it too: that Pod Security Admission has no Windows exemption yet', () => {
    const windows: FixturePod = { os: 'windows', containers: [{ name: 'a' }] }
    const refused = { allowed: false, detail: 'container "a" must set securityContext.allowPrivilegeEscalation=false' }
    expect(check(windows, 'v1.24', 'kubernetes', 'latest')).toEqual(refused)
    expect(check(windows, 'latest', 'kubernetes', 'v1.24')).toEqual(refused)
    expect(check(windows, 'v1.25', 'kubernetes', 'v1.24')).toEqual(refused)
    expect(check(windows, 'latest', 'kubernetes', 'v1.25')).toEqual({ allowed: true })
  })
})
