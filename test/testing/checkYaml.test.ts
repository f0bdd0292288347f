import { describe, expect, test } from 'vitest'
import { checkObject, checkYaml } from '../../src/testing/index.js'

const TWO_PODS = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: app
        securityContext: { runAsUser: 1000, allowPrivilegeEscalation: false }
      - name: debug
        securityContext: { privileged: true, allowPrivilegeEscalation: false }
---
apiVersion: v1
kind: Pod
metadata: { name: job }
spec:
  containers:
  - name: app
`

describe('checkYaml', () => {
  test('finds a container by name and gives its decision and path', () => {
    const check = checkYaml(`
kind: Pod
metadata: { name: p }
spec:
  containers:
  - name: app
    securityContext: { runAsUser: 1000, allowPrivilegeEscalation: false }
`)
    expect(check.noNewPrivs('app')).toBe(true)
    expect(check.container('app').path).toBe('spec.containers[0]')
    expect(check.violations('app')).toEqual([])
  })

  test('gives null and the violation codes for a container the API server would reject', () => {
    const check = checkYaml(TWO_PODS)
    expect(check.noNewPrivs({ container: 'debug' })).toBeNull()
    expect(check.violationCodes('debug')).toEqual(['privileged-without-escalation'])
    expect(check.violations('debug')[0]?.path).toBe('spec.template.spec.containers[1].securityContext.allowPrivilegeEscalation')
  })

  test('throws a message naming every match when a name is ambiguous, and narrows by pod or kind', () => {
    const check = checkYaml(TWO_PODS, { source: 'two.yaml' })
    expect(() => check.container('app')).toThrow(
      /2 containers match \{"container":"app"\}: "app" in Deployment\/web at two\.yaml#0 spec\.template\.spec\.containers\[0\]; "app" in Pod\/job at two\.yaml#1 spec\.containers\[0\]/,
    )
    expect(check.noNewPrivs({ container: 'app', kind: 'Deployment' })).toBe(true)
    expect(check.noNewPrivs({ container: 'app', pod: 'job' })).toBe(true)
    expect(check.container({ container: 'app', document: 1 }).kind).toBe('Pod')
  })

  test('throws a message listing what the report holds when no container matches', () => {
    const check = checkYaml(TWO_PODS)
    expect(() => check.container('sidecar')).toThrow(/no container matches \{"container":"sidecar"\}; the report has containers: "app" in Deployment\/web/)
    expect(check.find('sidecar')).toBeUndefined()
  })

  test('lists the report errors when the YAML cannot be read', () => {
    const check = checkYaml('kind: Pod\nspec: [unclosed\n')
    expect(check.report.errors.length).toBeGreaterThan(0)
    expect(() => check.container('app')).toThrow(/no containers; errors: <yaml>#0: /)
  })

  test('passes options through to checkManifests', () => {
    const pod = `
kind: Pod
metadata: { name: p }
spec:
  containers:
  - name: app
    securityContext: { runAsUser: 1000 }
`
    expect(checkYaml(pod).noNewPrivs('app')).toBe(false)
    expect(checkYaml(pod, { semantics: 'kubernetes' }).container('app').reason?.semantics).toBe('kubernetes')
    expect(checkYaml(pod, { podSecurity: { level: 'restricted' } }).violationCodes('app')).toEqual(['restricted-requires-no-escalation'])
    expect(checkYaml(pod, { requireNoNewPrivs: true }).container('app').findings.map((f) => f.code)).toEqual(['no-new-privs-required'])
  })
})

describe('checkObject', () => {
  test('checks a parsed document under the given source name', () => {
    const check = checkObject(
      { kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'app', securityContext: { privileged: true } }] } },
      { source: 'api' },
    )
    expect(check.container('app').source).toBe('api')
    expect(check.container('app').reason).toMatchObject({ semantics: 'proposal', column: 'privileged', row: 'nil', noNewPrivs: false })
  })
})
