/**
 * What a policy author writes with `no-new-privs/testing` (this file is the README's example;
 * there the imports read `from 'no-new-privs'` and `from 'no-new-privs/testing'`).
 *
 * The policy under test is the author's own admission rule, `isCompliant`: every container sets
 * `allowPrivilegeEscalation: false` and is neither privileged nor given SYS_ADMIN.
 */
import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import type { Container, Pod } from '../../src/codecs/index.js'
import { checkObject, checkYaml, podArbitrary, podSecurityPolicyArbitrary } from '../../src/testing/index.js'

// ---- the author's policy ----------------------------------------------------------------------
const grantsSysAdmin = (cap: string): boolean => ['SYS_ADMIN', 'ALL'].includes(cap.toUpperCase().replace(/^CAP_/, ''))

function isCompliant(pod: Pod): boolean {
  const spec = pod.spec
  if (spec == null) return true
  const containers: ReadonlyArray<Container> = [...(spec.initContainers ?? []), ...spec.containers, ...(spec.ephemeralContainers ?? [])]
  return containers.every((c) => {
    const sc = c.securityContext
    return sc?.allowPrivilegeEscalation === false && sc.privileged !== true && !(sc.capabilities?.add ?? []).some(grantsSysAdmin)
  })
}

// ---- property tests of the policy ---------------------------------------------------------------
describe('isCompliant', () => {
  // Random pods are rarely compliant: steer half of them towards compliance so the property bites.
  const pods = fc.oneof(podArbitrary({ os: 'linux' }), podArbitrary({ os: 'linux', row: 'false', privileged: false }))

  test.prop([pods])('a compliant pod runs every container with no_new_privs on a real cluster', (pod) => {
    fc.pre(isCompliant(pod))
    const check = checkObject(pod, { semantics: 'kubernetes' })
    expect(check.results.every((r) => r.noNewPrivs === true)).toBe(true)
  })

  test.prop([podArbitrary({ os: 'linux', noNewPrivs: false, semantics: 'kubernetes' })])(
    'a pod with a container that runs without no_new_privs is never compliant',
    (pod) => {
      expect(isCompliant(pod)).toBe(false)
    },
  )

  test.prop([podArbitrary({ column: 'privileged' })])('a privileged pod is never compliant', (pod) => {
    expect(isCompliant(pod)).toBe(false)
  })

  test.prop([podArbitrary({ os: 'linux', row: 'false', privileged: false })])(
    'a pod that keeps every container out of escalation is compliant',
    (pod) => {
      expect(isCompliant(pod)).toBe(true)
    },
  )

  test.prop([podSecurityPolicyArbitrary({ allowPrivilegeEscalation: false }), podArbitrary({ os: 'linux', row: 'true' })])(
    'under a PodSecurityPolicy with a closed gate, a container asking for escalation is rejected',
    (psp, pod) => {
      const check = checkObject(pod, { policies: [{ source: 'psp.yaml', value: psp }] })
      for (const result of check.results) expect(result.violations.map((v) => v.code)).toContain('escalation-forbidden-by-policy')
    },
  )
})

// ---- a unit test of a manifest ----------------------------------------------------------------
test('the web deployment runs its app with no_new_privs and its debug sidecar is rejected', () => {
  const check = checkYaml(`
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      securityContext: { runAsNonRoot: true }
      containers:
      - name: app
        image: nginx:1.27
        securityContext: { allowPrivilegeEscalation: false }
      - name: debug
        image: busybox:1.36
        securityContext:
          allowPrivilegeEscalation: no   # YAML 1.1, as kubectl reads it: false
          capabilities: { add: [SYS_ADMIN] }
`)
  expect(check.noNewPrivs('app')).toBe(true)
  expect(check.noNewPrivs('debug')).toBeNull()
  expect(check.violationCodes('debug')).toEqual(['sys-admin-without-escalation'])
  expect(check.violations('debug')[0]?.path).toBe('spec.template.spec.containers[1].securityContext.capabilities.add[0]')
})
