import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect } from 'vitest'
import { restrictedPodDetail, RESTRICTED_REASON } from '../../src/resolve/podSecurity.js'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import type { KubernetesVersion, PodSecurityVersion, ResolveInput, Semantics } from '../../src/resolve/types.js'
import { pspEra } from './pspEra.js'

const semantics = fc.constantFrom<Semantics>('proposal', 'noNewPrivileges', 'kubernetes')
const checkedVersion = fc.oneof(fc.integer({ min: 8, max: 40 }).map((n) => `v1.${n}` as PodSecurityVersion), fc.constant<PodSecurityVersion>('latest'))
const uncheckedVersion = fc.integer({ min: 0, max: 7 }).map((n) => `v1.${n}` as PodSecurityVersion)

/** The restricted level's messages, on a v1.24 cluster (`pspEra`) unless `cluster` says another. */
function restrictedCodes(input: ResolveInput, s: Semantics, version?: PodSecurityVersion, cluster?: KubernetesVersion): string[] {
  const podSecurity = { level: 'restricted' as const, ...(version ? { version } : {}) }
  const result = resolveNoNewPrivs(input, cluster === undefined ? pspEra({ semantics: s, podSecurity }) : { semantics: s, kubernetesVersion: cluster, podSecurity })
  return E.isLeft(result) ? result.left.filter((v) => v.code === 'restricted-requires-no-escalation').map((v) => v.message) : []
}

describe('Pod Security Standards, restricted', () => {
  test.prop([semantics, checkedVersion, fc.constantFrom(true, null, undefined), fc.string()])(
    'unset or true fails with the upstream per-container wording',
    (s, version, ape, name) => {
      expect(restrictedCodes({ name, container: { allowPrivilegeEscalation: ape } }, s, version)).toEqual([
        `container ${JSON.stringify(name)} must set securityContext.allowPrivilegeEscalation=false`,
      ])
    },
  )
  test.prop([semantics, checkedVersion])('an explicit false passes', (s, version) => {
    expect(restrictedCodes({ name: 'a', container: { allowPrivilegeEscalation: false } }, s, version)).toEqual([])
  })
  test.prop([semantics, uncheckedVersion, fc.constantFrom(true, null, undefined)])('before v1.8 the level has no such check', (s, version, ape) => {
    expect(restrictedCodes({ name: 'a', container: { allowPrivilegeEscalation: ape } }, s, version)).toEqual([])
  })
  test('the setting is read after policy admission: a policy default of false passes, except for a privileged container in the design', () => {
    const policy = { spec: { defaultAllowPrivilegeEscalation: false } }
    expect(restrictedCodes({ name: 'a', container: {}, policy }, 'proposal')).toEqual([])
    expect(restrictedCodes({ name: 'a', container: {}, policy }, 'kubernetes')).toEqual([])
    expect(restrictedCodes({ name: 'a', container: {}, policy: { spec: { allowPrivilegeEscalation: false } } }, 'kubernetes')).toEqual([])
    expect(restrictedCodes({ name: 'a', container: { privileged: true }, policy }, 'proposal')).toHaveLength(1)
  })
  test.prop([semantics, fc.integer({ min: 25, max: 40 }).map((n) => `v1.${n}` as PodSecurityVersion)])('from v1.25 on, Windows pods are exempt (on a cluster that has v1.25)', (s, version) => {
    expect(restrictedCodes({ name: 'a', os: 'windows', container: {} }, s, version, 'latest')).toEqual([])
    expect(restrictedCodes({ name: 'a', os: 'windows', container: {} }, s, version, 'v1.25')).toEqual([])
  })
  test.prop([
    semantics,
    fc.integer({ min: 8, max: 40 }),
    fc.oneof(fc.integer({ min: 0, max: 45 }).map((n) => `v1.${n}` as PodSecurityVersion), fc.constant<PodSecurityVersion>('latest')),
    fc.constantFrom<ResolveInput>({ name: 'a', os: 'windows', container: {} }, { name: 'a', container: {} }, { name: 'a', os: 'windows', container: { allowPrivilegeEscalation: false } }),
  ])(
    "a level version above the cluster's (latest included) is evaluated as the cluster's: its Pod Security Admission has no newer checks",
    (s, clusterMinor, version, input) => {
      const cluster = `v1.${clusterMinor}` as KubernetesVersion
      const asked = version === 'latest' ? Infinity : Number(version.slice(3))
      const evaluated = asked > clusterMinor ? (`v1.${clusterMinor}` as PodSecurityVersion) : version
      expect(restrictedCodes(input, s, version, cluster)).toEqual(restrictedCodes(input, s, evaluated, cluster))
    },
  )
  test('restricted:latest on a v1.24 cluster checks a Windows pod; on a v1.25 cluster it does not', () => {
    const windows: ResolveInput = { name: 'a', os: 'windows', container: {} }
    expect(restrictedCodes(windows, 'kubernetes', 'latest', 'v1.24')).toHaveLength(1)
    expect(restrictedCodes(windows, 'kubernetes', 'v1.30', 'v1.24')).toHaveLength(1)
    expect(restrictedCodes(windows, 'kubernetes', undefined, 'v1.24')).toHaveLength(1)
    expect(restrictedCodes(windows, 'kubernetes', 'latest', 'v1.25')).toEqual([])
    expect(restrictedCodes(windows, 'proposal', 'latest', 'v1.24')).toHaveLength(1)
  })
  test.prop([semantics, fc.integer({ min: 8, max: 24 }).map((n) => `v1.${n}` as PodSecurityVersion)])(
    "before v1.25 a Windows pod's container is checked on its own field",
    (s, version) => {
      expect(restrictedCodes({ name: 'a', os: 'windows', container: {}, policy: { spec: { defaultAllowPrivilegeEscalation: false } } }, s, version)).toHaveLength(1)
    },
  )
  test('the pod-level detail lists the containers in pod order, as upstream', () => {
    expect(RESTRICTED_REASON).toBe('allowPrivilegeEscalation != false')
    expect(restrictedPodDetail(['a'])).toBe('container "a" must set securityContext.allowPrivilegeEscalation=false')
    expect(restrictedPodDetail(['a', 'b', 'c'])).toBe('containers "a", "b", "c" must set securityContext.allowPrivilegeEscalation=false')
  })
})
