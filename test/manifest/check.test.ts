import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { checkManifests, EMPTY_DOCUMENT_KIND } from '../../src/report/check.js'
import { loadDocuments } from '../../src/read/yaml/load.js'
import type { Report } from '../../src/report/report.js'

const deployment = (name: string, containers: string) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: prod }
spec:
  template:
    spec:
      containers:
${containers}`

/** Every document index a report mentions, per source. */
function accounted(report: Report, source: string): Set<number> {
  const seen = new Set<number>()
  // SPEC §9: every document appears as container results, a skipped kind or an error.
  for (const list of [report.results, report.errors, report.skipped] as const) {
    for (const e of list) if (e.source === source && typeof e.document === 'number') seen.add(e.document)
  }
  return seen
}

describe('checkManifests', () => {
  test('resolves every container with its full path, line, kind, name and decision', () => {
    const report = checkManifests({
      source: 'web.yaml',
      text: deployment('web', `      - name: app
        securityContext: { runAsUser: 1000, allowPrivilegeEscalation: false }
      - name: side
        securityContext: { runAsUser: 1000 }
`),
    })
    expect(report.errors).toEqual([])
    expect(report.results.map((r) => [r.container, r.path, r.line, r.noNewPrivs])).toEqual([
      ['app', 'spec.template.spec.containers[0]', 8, true],
      ['side', 'spec.template.spec.containers[1]', 10, false],
    ])
    expect(report.results[0]).toMatchObject({ source: 'web.yaml', document: 0, kind: 'Deployment', name: 'web', namespace: 'prod', containerType: 'containers', policy: null })
    expect(report.results[0]?.reason).toMatchObject({ row: 'false', column: 'nonRoot' })
  })

  test('violations carry paths from the document root; a container with violations has no decision', () => {
    const report = checkManifests(deployment('p', `      - name: a
        securityContext: { privileged: true, allowPrivilegeEscalation: false, capabilities: { add: [NET_RAW, CAP_SYS_ADMIN] } }
`))
    const [r] = report.results
    expect(r?.noNewPrivs).toBeNull()
    expect(r?.reason).toBeNull()
    expect(r?.violations.map((v) => [v.code, v.path])).toEqual([
      ['privileged-without-escalation', 'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation'],
      ['sys-admin-without-escalation', 'spec.template.spec.containers[0].securityContext.capabilities.add[1]'],
    ])
  })

  test('YAML 1.1 booleans are booleans: allowPrivilegeEscalation: no means false', () => {
    const report = checkManifests('kind: Pod\nspec:\n  containers:\n  - name: a\n    securityContext:\n      runAsUser: 1000\n      allowPrivilegeEscalation: no\n')
    expect(report.results[0]?.noNewPrivs).toBe(true)
  })

  test('one bad document never hides the others, and every document is accounted for', () => {
    const text = [
      'kind: Pod\nspec:\n  containers:\n  - name: first',
      'kind: Service\nmetadata: { name: s }',
      '',
      'kind: Pod\nspec: [unclosed',
      'kind: Pod\nspec:\n  containers:\n  - name: big\n    securityContext: { runAsUser: 9007199254740993 }',
      'spec: {}',
      'kind: List\nitems: []',
      'kind: Pod\nspec:\n  containers: []',
      'kind: Pod\nspec:\n  containers:\n  - name: last',
    ].join('\n---\n')
    const report = checkManifests({ source: 's.yaml', text })
    expect(report.results.map((r) => [r.document, r.container])).toEqual([[0, 'first'], [8, 'last']])
    expect(report.skipped).toEqual([
      { source: 's.yaml', document: 1, kind: 'Service' },
      { source: 's.yaml', document: 2, kind: EMPTY_DOCUMENT_KIND },
      { source: 's.yaml', document: 6, kind: 'List' },
    ])
    const errors = report.errors.map((e) => [e.document, e.code])
    expect(errors).toContainEqual([3, 'yaml-syntax'])
    expect(errors).toContainEqual([4, 'invalid-value'])
    expect(errors).toContainEqual([5, 'missing-kind'])
    expect(report.errors.find((e) => e.document === 4)).toMatchObject({
      path: 'spec.containers[0].securityContext.runAsUser',
      line: 18,
    })
    expect(report.errors.find((e) => e.document === 4)?.message).toContain('cannot be represented exactly')
    expect(errors).toContainEqual([7, 'no-containers'])
    expect([...accounted(report, 's.yaml')].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8])
  })

  test('unknown fields are warnings with a suggestion, errors in strict mode (and the container is then not resolved)', () => {
    const text = 'kind: Pod\nspec:\n  containers:\n  - name: a\n    securityContext: { allowPrivilegeEscalaton: false }\n'
    const lenient = checkManifests(text)
    expect(lenient.warnings).toEqual([
      expect.objectContaining({ code: 'unknown-field', path: 'spec.containers[0].securityContext.allowPrivilegeEscalaton', line: 5 }),
    ])
    expect(lenient.warnings[0]?.message).toContain('did you mean "allowPrivilegeEscalation"')
    expect(lenient.results).toHaveLength(1)
    const strict = checkManifests(text, { strict: true })
    expect(strict.errors).toEqual([expect.objectContaining({ code: 'unknown-field', path: 'spec.containers[0].securityContext.allowPrivilegeEscalaton' })])
    expect(strict.results).toHaveLength(0)
  })

  test('an error in the pod security context blocks the pod; an error in one container blocks only it', () => {
    const pod = checkManifests('kind: Pod\nspec:\n  securityContext: { runAsUser: "x" }\n  containers:\n  - name: a\n  - name: b\n')
    expect(pod.results).toEqual([])
    expect(pod.errors).toEqual([expect.objectContaining({ path: 'spec.securityContext.runAsUser', line: 3 })])
    const one = checkManifests('kind: Pod\nspec:\n  containers:\n  - name: a\n    securityContext: { privileged: "yes" }\n  - name: b\n')
    expect(one.results.map((r) => r.container)).toEqual(['b'])
  })

  test('every container type, in pod order, and List items with their paths', () => {
    const text = `kind: List
items:
- kind: Pod
  metadata: { name: p }
  spec:
    initContainers: [{ name: i }]
    containers: [{ name: c }]
    ephemeralContainers: [{ name: e }]
- kind: CronJob
  metadata: { name: cj }
  spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: job }] } } } } }
`
    const report = checkManifests(text)
    expect(report.results.map((r) => [r.kind, r.name, r.containerType, r.path])).toEqual([
      ['Pod', 'p', 'initContainers', 'items[0].spec.initContainers[0]'],
      ['Pod', 'p', 'containers', 'items[0].spec.containers[0]'],
      ['Pod', 'p', 'ephemeralContainers', 'items[0].spec.ephemeralContainers[0]'],
      ['CronJob', 'cj', 'containers', 'items[1].spec.jobTemplate.spec.template.spec.containers[0]'],
    ])
  })

  test('policies: the admission choice is named in the result, and violations inside a policy point into it', () => {
    const policies = [
      { source: 'psp.yaml', text: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata: { name: b-open }
spec: { allowPrivilegeEscalation: true }
---
apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata: { name: a-closed }
spec: { allowPrivilegeEscalation: false, defaultAllowPrivilegeEscalation: false }
` },
    ]
    const text = 'kind: Pod\nspec:\n  containers:\n  - name: quiet\n---\nkind: Pod\nspec:\n  containers:\n  - name: loud\n    securityContext: { allowPrivilegeEscalation: true }\n'
    const report = checkManifests(text, { policies })
    // quiet: a-closed admits it but changes it (default false); b-open admits it unchanged.
    expect(report.results.map((r) => [r.container, r.policy, r.noNewPrivs])).toEqual([
      ['quiet', 'b-open', true],
      ['loud', 'b-open', false],
    ])
    const bad = checkManifests(text, { policies: [{ source: 'bad.yaml', text: 'kind: PodSecurityPolicy\nmetadata: { name: bad }\nspec: { defaultAllowPrivilegeEscalation: true }\n' }] })
    expect(bad.results[0]?.violations).toContainEqual({
      code: 'invalid-policy',
      path: 'spec.defaultAllowPrivilegeEscalation',
      message: 'Cannot set DefaultAllowPrivilegeEscalation to true without also setting AllowPrivilegeEscalation to true',
      policy: { source: 'bad.yaml', document: 0, name: 'bad' },
      // Placed in the policy's own source, at the field.
      line: 3,
      column: 9,
      located: 'field',
    })
  })

  test("a checked PodSecurityPolicy's own violations are errors of category 'violation'; unreadable input is 'input'", () => {
    const report = checkManifests(
      'kind: PodSecurityPolicy\nmetadata: { name: bad }\nspec: { defaultAllowPrivilegeEscalation: true }\n---\na: [1\n---\nkind: Pod\nspec: { containers: [{ name: a, image: 5 }] }\n',
    )
    expect(report.errors.map((e) => [e.document, e.code, e.category])).toEqual([
      [0, 'invalid-policy', 'violation'],
      [1, 'yaml-syntax', 'input'],
      [2, 'invalid-value', 'input'],
    ])
  })

  test("a decision's warnings are placed: full path, the field's line, a policy's in the policy's own source", () => {
    const pod = 'kind: Pod\nspec:\n  containers:\n  - name: a\n    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        add: [NET_RAW, SYS_ADMIN]\n'
    const [spelling] = checkManifests(pod, { semantics: 'kubernetes' }).results
    expect(spelling?.warnings).toEqual([
      expect.objectContaining({ source: '<input>', document: 0, line: 8, path: 'spec.containers[0].securityContext.capabilities.add[1]', code: 'sys-admin-spelling' }),
    ])
    const policies = [{ source: 'psp.yaml', text: '# the policy\nkind: PodSecurityPolicy\nmetadata: { name: p }\nspec:\n  allowPrivilegeEscalation: false\n' }]
    const [late] = checkManifests({ source: 'pod.yaml', text: 'kind: Pod\nspec: { containers: [{ name: a }] }\n' }, { semantics: 'kubernetes', kubernetesVersion: 'v1.25', policies }).results
    expect(late?.warnings).toEqual([expect.objectContaining({ source: 'psp.yaml', document: 0, line: 4, path: 'spec', code: 'policy-not-applied' })])
    // The decision itself keeps the resolver's relative paths.
    expect(late?.reason?.warnings.map((w) => [w.target, w.path])).toEqual([['policy', 'spec']])
  })

  test('a policy file that holds something else is an error of that file', () => {
    const report = checkManifests('kind: Pod\nspec: { containers: [{ name: a }] }\n', { policies: [{ source: 'p.yaml', text: 'kind: Deployment\nspec: {}\n' }] })
    expect(report.errors).toEqual([expect.objectContaining({ source: 'p.yaml', code: 'not-a-policy' })])
    expect(report.results[0]?.policy).toBeNull()
  })

  test('--require-no-new-privs: a Linux container without no_new_privs is a finding; a Windows one is not', () => {
    const text = 'kind: Pod\nspec:\n  containers:\n  - name: a\n    securityContext: { runAsUser: 1000 }\n---\nkind: Pod\nspec:\n  os: { name: windows }\n  containers:\n  - name: w\n'
    const report = checkManifests(text, { requireNoNewPrivs: true })
    expect(report.results.map((r) => r.findings.map((f) => f.code))).toEqual([['no-new-privs-required'], []])
  })

  test('the restricted level and the kubernetes semantics travel through', () => {
    const report = checkManifests('kind: Pod\nspec:\n  containers:\n  - name: a\n  - name: b\n    securityContext: { allowPrivilegeEscalation: false }\n', {
      semantics: 'kubernetes',
      podSecurity: { level: 'restricted', version: 'v1.30' },
    })
    expect(report.semantics).toBe('kubernetes')
    expect(report.results.map((r) => r.violations.map((v) => v.message))).toEqual([
      ['container "a" must set securityContext.allowPrivilegeEscalation=false'],
      [],
    ])
  })

  test('a parsed object is a source too', () => {
    const report = checkManifests({ source: 'api', value: { kind: 'Pod', spec: { containers: [{ name: 'a', securityContext: { runAsUser: 0 } }] } } })
    expect(report.results.map((r) => [r.source, r.line, r.noNewPrivs])).toEqual([['api', 1, true]])
  })
})

const fragment = fc.oneof(
  fc.constant('kind: Pod\nspec:\n  containers:\n  - name: a'),
  fc.constant('kind: Deployment\nspec:\n  template:\n    spec:\n      containers: [{ name: d, securityContext: { allowPrivilegeEscalation: yes } }]'),
  fc.constant('kind: ConfigMap'),
  fc.constant(''),
  fc.constant('# only a comment'),
  fc.constant('kind: Pod\nspec: {containers: [}'),
  fc.constant('a: &a [1]\nb: *a\nkind: Pod'),
  fc.constant('kind: PodSecurityPolicy\nspec: { allowPrivilegeEscalation: true }'),
  fc.constant('kind: List\nitems: [{ kind: Pod, spec: { containers: [{ name: x }] } }, 5]'),
  fc.string({ maxLength: 40 }).filter((s) => !s.includes('---') && !s.includes('...')),
)

describe('nothing is lost', () => {
  test.prop([fc.array(fragment, { minLength: 1, maxLength: 8 })])('every document of a stream appears in the report', (parts) => {
    const text = parts.join('\n---\n')
    const report = checkManifests({ source: 'x', text })
    // SPEC §6a: a stream whose first non-blank character is { or [ is JSON, and `---` is no cut there.
    if (/^\ufeff?[ \t\r\n]*[[{]/.test(text)) {
      expect(report.results.length + report.errors.length + report.skipped.length).toBeGreaterThan(0)
      return
    }
    const documents = loadDocuments(text, 'x').length
    const seen = accounted(report, 'x')
    for (let i = 0; i < documents; i++) expect(seen.has(i), `document ${i} of\n${text}`).toBe(true)
  })
  test.prop([fc.string({ maxLength: 200 })])('any string gives a report, never an exception', (text) => {
    const report = checkManifests(text)
    expect(Array.isArray(report.results)).toBe(true)
    if (/^\ufeff?[ \t\r\n]*[[{]/.test(text)) {
      // JSON (SPEC §6a): its values are its documents, and something is always reported.
      expect(report.results.length + report.errors.length + report.skipped.length).toBeGreaterThan(0)
      return
    }
    const documents = loadDocuments(text, '<input>').length
    expect(accounted(report, '<input>').size).toBe(documents)
  })
})
