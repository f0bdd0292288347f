/**
 * A violation's and a finding's line and column are the offending field's (SARIF, GitHub code
 * scanning and editors jump there), for YAML and JSON, single documents, streams and Lists; and
 * when the field is not written, the container's, said so by `located`.
 */
import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { checkManifests, type CheckOptions } from '../../src/report/check.js'
import { placeOf } from '../../src/report/place.js'
import type { ContainerResult, ReportFinding, ReportViolation } from '../../src/report/report.js'
import { checkStream } from '../../src/manifest/stream.js'

type Item = ReportViolation | ReportFinding

/** The text at an item's line and column. */
function textAt(text: string, item: Item): string {
  const line = text.split('\n')[(item.line ?? 0) - 1] ?? ''
  return line.slice((item.column ?? 1) - 1)
}

function results(text: string, options?: CheckOptions, source = 'pods.yaml'): ReadonlyArray<ContainerResult> {
  const report = checkManifests({ source, text }, options)
  expect(report.errors).toEqual([])
  return report.results
}

async function streamed(text: string, chunk: number, options?: CheckOptions, source = 'pods.yaml'): Promise<ReadonlyArray<ContainerResult>> {
  const chunks = async function* (): AsyncGenerator<string> {
    for (let i = 0; i < text.length; i += chunk) yield text.slice(i, i + chunk)
  }
  const out: ContainerResult[] = []
  for await (const e of checkStream([{ source, chunks: chunks() }], options)) {
    if (e._tag === 'Result') out.push(e.result)
    else if (e._tag === 'Error') throw new Error(e.error.message)
  }
  return out
}

const privilegedPod = `apiVersion: v1
kind: Pod
metadata: { name: debug }
spec:
  containers:
  - name: shell
    image: busybox
    securityContext:
      privileged: true
      allowPrivilegeEscalation: false
`

describe('a violation is placed at its field', () => {
  test('YAML: the allowPrivilegeEscalation key, line and column', () => {
    const [r] = results(privilegedPod)
    expect(r?.line).toBe(6)
    expect(r?.violations).toEqual([
      expect.objectContaining({ code: 'privileged-without-escalation', line: 10, column: 7, located: 'field' }),
    ])
    expect(r?.violations[0]?.field).toBeUndefined()
    expect(textAt(privilegedPod, r!.violations[0]!)).toBe('allowPrivilegeEscalation: false')
  })

  test('YAML: the capabilities.add item that grants SYS_ADMIN, each its own line', () => {
    const text = `kind: Pod
spec:
  containers:
  - name: a
    securityContext:
      allowPrivilegeEscalation: false
      capabilities:
        add:
        - NET_ADMIN
        - sys_admin
        - ALL
`
    const [r] = results(text)
    expect(r?.violations.map((v) => [v.path, v.line, v.column, v.located])).toEqual([
      ['spec.containers[0].securityContext.capabilities.add[1]', 10, 11, 'field'],
      ['spec.containers[0].securityContext.capabilities.add[2]', 11, 11, 'field'],
    ])
  })

  test('a pod field: the Windows pod container field', () => {
    const text = `kind: Pod
spec:
  os: { name: windows }
  containers:
  - name: a
    securityContext:
      allowPrivilegeEscalation: true
`
    const [r] = results(text)
    expect(r?.violations[0]).toMatchObject({ code: 'escalation-field-on-windows', line: 7, located: 'field' })
  })

  test('a false setting that a policy defaulted: the privileged: true it contradicts, with that field named', () => {
    const policy = `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata: { name: p }
spec:
  defaultAllowPrivilegeEscalation: false
  allowPrivilegeEscalation: false
`
    const text = `kind: Pod
spec:
  containers:
  - name: a
    securityContext:
      privileged: true
`
    const [r] = results(text, { semantics: 'kubernetes', kubernetesVersion: 'v1.24', policies: [{ source: 'psp.yaml', text: policy }] })
    expect(r?.violations[0]).toMatchObject({
      code: 'privileged-without-escalation',
      path: 'spec.containers[0].securityContext.allowPrivilegeEscalation',
      line: 6,
      column: 7,
      located: 'field',
      field: 'spec.containers[0].securityContext.privileged',
    })
  })

  test('a field the rule asks for but nobody wrote: the container, located "container"', () => {
    const text = `kind: Pod
spec:
  containers:
  - name: a
    securityContext: { runAsNonRoot: true }
  - name: b
`
    const rs = results(text, { podSecurity: { level: 'restricted' } })
    const places = rs.map((r) => r.violations.filter((v) => v.code === 'restricted-requires-no-escalation').map((v) => [v.line, v.column, v.located]))
    expect(places).toEqual([[[4, 5, 'container']], [[6, 5, 'container']]])
  })

  test("a policy's field is placed in the policy's source", () => {
    const policy = `# the cluster's policy
apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata: { name: p }
spec:
  allowPrivilegeEscalation: false
  defaultAllowPrivilegeEscalation: true
`
    const [r] = results('kind: Pod\nspec:\n  containers: [{ name: a }]\n', {
      semantics: 'kubernetes',
      kubernetesVersion: 'v1.24',
      policies: [{ source: 'psp.yaml', text: policy }],
    })
    const v = r?.violations.find((x) => x.code === 'invalid-policy')
    expect(v).toMatchObject({ path: 'spec.defaultAllowPrivilegeEscalation', line: 7, column: 3, located: 'field', policy: { source: 'psp.yaml' } })
  })

  test('a parsed object has no text: the container line, located "container"', () => {
    const report = checkManifests({ source: 'api', value: { kind: 'Pod', spec: { containers: [{ name: 'a', securityContext: { privileged: true, allowPrivilegeEscalation: false } }] } } })
    expect(report.results[0]?.violations[0]).toMatchObject({ line: 1, column: null, located: 'container' })
  })
})

describe('a finding is placed at the field that decided', () => {
  test('allowPrivilegeEscalation: true decides: that line, the field named', () => {
    const text = `kind: Pod
spec:
  containers:
  - name: a
    securityContext:
      runAsUser: 1000
      allowPrivilegeEscalation: true
`
    const [r] = results(text, { requireNoNewPrivs: true })
    expect(r?.findings[0]).toMatchObject({ line: 7, column: 7, located: 'field', field: 'spec.containers[0].securityContext.allowPrivilegeEscalation' })
  })

  test('a privileged container decides by its privileged field', () => {
    const [r] = results('kind: Pod\nspec:\n  containers:\n  - name: a\n    securityContext:\n      privileged: true\n', { requireNoNewPrivs: true })
    expect(r?.findings[0]).toMatchObject({ line: 6, located: 'field', field: 'spec.containers[0].securityContext.privileged' })
  })

  test('the pod-level field decides under noNewPrivileges', () => {
    const text = 'kind: Pod\nspec:\n  securityContext:\n    noNewPrivileges: false\n  containers:\n  - name: a\n'
    const [r] = results(text, { requireNoNewPrivs: true, semantics: 'noNewPrivileges' })
    expect(r?.findings[0]).toMatchObject({ line: 4, column: 5, located: 'field', field: 'spec.securityContext.noNewPrivileges' })
  })

  test('nothing written decides (kubernetes, unset): the container', () => {
    const [r] = results('kind: Pod\nspec:\n  containers:\n  - name: a\n', { requireNoNewPrivs: true, semantics: 'kubernetes' })
    expect(r?.findings[0]).toMatchObject({ line: 4, column: 5, located: 'container' })
    expect(r?.findings[0]?.field).toBeUndefined()
  })
})

describe('every reader gives the same places', () => {
  const docs = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      kind: 'Pod',
      metadata: { name: `p${i}` },
      spec: { containers: [{ name: 'c', securityContext: { privileged: true, allowPrivilegeEscalation: false } }] },
    }))

  test('a YAML stream of several documents: each in its own document', () => {
    const text = `---\n${privilegedPod}---\n# between\n${privilegedPod}`
    const rs = results(text)
    expect(rs.map((r) => [r.document, r.violations[0]?.line])).toEqual([
      [0, 11],
      [1, 23],
    ])
  })

  test('a JSON document, pretty-printed', () => {
    const text = JSON.stringify(docs(1)[0], null, 2)
    const [r] = results(text, undefined, 'pod.json')
    const v = r!.violations[0]!
    expect(v.located).toBe('field')
    expect(textAt(text, v)).toMatch(/^"allowPrivilegeEscalation": false/)
  })

  test('a JSON stream of objects (kubectl get -o json per object) and a JSON List', async () => {
    const stream = docs(3).map((d) => JSON.stringify(d, null, 2)).join('\n')
    const list = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: docs(3) }, null, 2)
    for (const text of [stream, list]) {
      for (const rs of [results(text, undefined, 'pods.json'), await streamed(text, 7, undefined, 'pods.json')]) {
        expect(rs).toHaveLength(3)
        for (const r of rs) {
          const v = r.violations[0]!
          expect(v.located).toBe('field')
          expect(textAt(text, v)).toMatch(/^"allowPrivilegeEscalation": false/)
        }
      }
    }
  })

  test('a YAML List: the field of each item', async () => {
    const text = `apiVersion: v1
kind: List
items:
${docs(2)
  .map(
    (d) => `- kind: Pod
  metadata: { name: ${d.metadata.name} }
  spec:
    containers:
    - name: c
      securityContext:
        privileged: true
        allowPrivilegeEscalation: false
`,
  )
  .join('')}`
    for (const rs of [results(text), await streamed(text, 5)]) {
      expect(rs.map((r) => [r.path, r.violations[0]?.path, r.violations[0]?.line, r.violations[0]?.column])).toEqual([
        ['items[0].spec.containers[0]', 'items[0].spec.containers[0].securityContext.allowPrivilegeEscalation', 11, 9],
        ['items[1].spec.containers[0]', 'items[1].spec.containers[0].securityContext.allowPrivilegeEscalation', 19, 9],
      ])
    }
  })
})

/** A generated manifest: some documents, each a pod whose containers break rules in known fields. */
const manifest = fc.record({
  json: fc.boolean(),
  list: fc.boolean(),
  before: fc.array(fc.constantFrom('kind: Service\nmetadata: { name: s }\n', '# a comment\n', 'kind: ConfigMap\ndata:\n  a: b\n'), { maxLength: 2 }),
  pods: fc.array(
    fc.array(
      fc.record({
        privileged: fc.boolean(),
        capability: fc.option(fc.constantFrom('SYS_ADMIN', 'sys_admin', 'ALL', 'CAP_SYS_ADMIN'), { nil: undefined }),
        runAsUser: fc.option(fc.constantFrom(0, 1000), { nil: undefined }),
        escalation: fc.constantFrom(false, true, undefined),
        first: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    { minLength: 1, maxLength: 3 },
  ),
  chunk: fc.integer({ min: 1, max: 64 }),
})

interface GeneratedContainer {
  readonly privileged: boolean
  readonly capability: string | undefined
  readonly runAsUser: number | undefined
  readonly escalation: boolean | undefined
  readonly first: boolean
}

function securityContextOf(c: GeneratedContainer): Record<string, unknown> {
  const own: Record<string, unknown> = {}
  // Key order varies: a place must not depend on where in the map the field sits.
  if (c.first && c.escalation !== undefined) own.allowPrivilegeEscalation = c.escalation
  if (c.runAsUser !== undefined) own.runAsUser = c.runAsUser
  if (c.privileged) own.privileged = true
  if (c.capability !== undefined) own.capabilities = { add: ['NET_ADMIN', c.capability] }
  if (!c.first && c.escalation !== undefined) own.allowPrivilegeEscalation = c.escalation
  return own
}

function yamlOf(value: unknown, indent: string): string {
  if (Array.isArray(value)) return value.map((v) => `\n${indent}- ${yamlOf(v, `${indent}  `).replace(/^\n\s*/, '')}`).join('')
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .map(([k, v]) => {
        const inner = yamlOf(v, `${indent}  `)
        return `\n${indent}${k}:${typeof v === 'object' && v !== null ? inner : ` ${inner}`}`
      })
      .join('')
  }
  return JSON.stringify(value)
}

describe('property: every field-located item points at its own field', () => {
  test.prop([manifest], { numRuns: 60 })('the text at line and column is the field (or the list item) the item names', async (m) => {
    const objects = m.pods.map((containers, i) => ({
      kind: 'Pod',
      metadata: { name: `p${i}` },
      spec: { containers: containers.map((c, j) => ({ name: `c${j}`, securityContext: securityContextOf(c) })) },
    }))
    const docs = m.list ? [{ apiVersion: 'v1', kind: 'List', items: objects }] : objects
    const text = m.json
      ? docs.map((d) => JSON.stringify(d, null, 2)).join('\n')
      : [...m.before, ...docs.map((d) => `${yamlOf(d, '').slice(1)}\n`)].join('---\n')
    const options: CheckOptions = { requireNoNewPrivs: true }
    const all = [results(text, options), await streamed(text, m.chunk, options)]
    expect(all[1]).toEqual(all[0])
    let items = 0
    for (const r of all[0]!) {
      for (const item of [...r.violations, ...r.findings]) {
        items++
        expect(item.line).toBeGreaterThanOrEqual(1)
        const at = textAt(text, item)
        const field = item.field ?? item.path
        const last = /([^.[\]]+)$/.exec(field)?.[1]
        if (item.located === 'container') {
          // The container's own place: the start of its item.
          expect(at.replace(/^- /, '')).toMatch(m.json ? /^\{/ : /^name: "?c\d/)
          continue
        }
        expect(item.located).toBe('field')
        if (field.endsWith(']')) expect(at).toMatch(/^"(SYS_ADMIN|sys_admin|ALL|CAP_SYS_ADMIN)"/)
        else expect(at.startsWith(m.json ? `"${last}"` : `${last}:`), `${field} at ${item.line}:${item.column}: ${at}`).toBe(true)
      }
    }
    // A privileged, SYS_ADMIN or escalating container always gives something to place.
    const some = m.pods.some((cs) => cs.some((c) => c.privileged || c.capability !== undefined || c.escalation === true))
    if (some) expect(items).toBeGreaterThan(0)
  })
})

describe('placeOf', () => {
  const positions: Record<string, { line: number; column: number }> = { 'a.b': { line: 3, column: 5 }, 'a.c': { line: 4, column: 5 } }
  const positionOf = (p: string | ReadonlyArray<string | number>) => (typeof p === 'string' ? (positions[p] ?? null) : null)

  test('the first written field wins; a stand-in is named', () => {
    expect(placeOf(positionOf, ['a.b', 'a.c'], { line: 1, column: 1 }, 'container')).toEqual({ line: 3, column: 5, located: 'field' })
    expect(placeOf(positionOf, ['a.x', 'a.c'], { line: 1, column: 1 }, 'container')).toEqual({ line: 4, column: 5, located: 'field', field: 'a.c' })
  })
  test('nothing written: the fallback, marked', () => {
    expect(placeOf(positionOf, ['a.x'], { line: 2, column: null }, 'policy')).toEqual({ line: 2, column: null, located: 'policy' })
    expect(placeOf(positionOf, [''], { line: 2, column: 3 }, 'container')).toEqual({ line: 2, column: 3, located: 'container' })
  })
})
