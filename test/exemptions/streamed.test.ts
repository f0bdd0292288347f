/**
 * The exemption stage on the streamed path: List items read one by one (src/read), checkStream,
 * the streamed writers and the exit tally.
 */
import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { ExitTally, exitStatusOf } from '../../src/cli/exitStatus.js'
import { formatJson } from '../../src/cli/format/json.js'
import { jsonWriter, textWriter } from '../../src/cli/format/streamed.js'
import { createExemptions } from '../../src/exemptions/ledger.js'
import { checkManifests, type ReportEntry } from '../../src/report/check.js'
import { checkStream } from '../../src/manifest/stream.js'

const ANNOTATION = 'privileged-without-escalation reason=host devices'
const agent = (annotated: boolean) => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent', ...(annotated ? { annotations: { 'no-new-privs.io/exempt': ANNOTATION } } : {}) },
  spec: { template: { spec: { containers: [{ name: 'agent', image: 'a', securityContext: { privileged: true, allowPrivilegeEscalation: false } }] } } },
})
const JSON_LIST = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ kind: 'Service', metadata: { name: 's' } }, agent(true)] }, null, 2)
const YAML_LIST = `apiVersion: v1
kind: List
items:
- kind: Service
  metadata: {name: s}
- apiVersion: apps/v1
  kind: DaemonSet
  metadata:
    name: agent
    annotations:
      no-new-privs.io/exempt: ${ANNOTATION}
  spec:
    template:
      spec:
        containers:
        - name: agent
          securityContext: {privileged: true, allowPrivilegeEscalation: false}
`
const FILE = `exemptions:
- name: nothing-like-this
  rules: [privileged-without-escalation]
  reason: stale
`

async function all(entries: AsyncIterable<ReportEntry>): Promise<ReportEntry[]> {
  const out: ReportEntry[] = []
  for await (const e of entries) out.push(e)
  return out
}

describe('exemptions on the streamed path', () => {
  test.each([
    ['l.json', JSON_LIST, 17],
    ['l.yaml', YAML_LIST, 11],
  ])('%s: the annotation of a List item read on its own exempts it, at its line in the List', (source, text, line) => {
    const report = checkManifests({ source, text }, { exemptions: [] })
    expect(report.results.map((r) => r.violations.map((v) => v.exempted))).toEqual([
      [{ reason: 'host devices', source: { kind: 'annotation', source, document: 0, line, path: 'items[1].metadata.annotations[no-new-privs.io/exempt]' } }],
    ])
    expect(exitStatusOf(report)).toBe(0)
  })

  test('checkStream: the files problems first, the unused exemptions after the last source', async () => {
    const bad = `exemptions:\n- rules: [privileged-without-escalation]\n`
    const entries = await all(
      checkStream([{ source: 'a.json', chunks: [JSON_LIST] }, { source: 'b.yaml', chunks: [YAML_LIST] }], {
        exemptions: [
          { source: 'bad.yaml', text: bad },
          { source: 'ex.yaml', text: FILE },
        ],
      }),
    )
    expect(entries[0]).toMatchObject({ _tag: 'Error', error: { source: 'bad.yaml' } })
    expect(entries.at(-1)).toMatchObject({ _tag: 'Warning', warning: { source: 'ex.yaml', code: 'unused-exemption', path: 'exemptions[0]' } })
    expect(entries.filter((e) => e._tag === 'Warning' && e.warning.code === 'unused-exemption')).toHaveLength(1)
  })

  test('checkStream with a shared stage leaves the unused ones to its owner', async () => {
    const stage = createExemptions([{ source: 'ex.yaml', text: FILE }])
    const entries = await all(checkStream([{ source: 'a.json', chunks: [JSON_LIST] }], { exemptions: stage }))
    expect(entries.some((e) => e._tag === 'Warning' && e.warning.code === 'unused-exemption')).toBe(false)
    expect(stage.unused().map((p) => p.code)).toEqual(['unused-exemption'])
  })

  test.prop([fc.boolean(), fc.boolean()])('ExitTally ignores exempted items, as exitStatusOf does', (annotated, required) => {
    const report = checkManifests({ source: 'ds.json', text: JSON.stringify(agent(annotated)) }, { exemptions: [], requireNoNewPrivs: required })
    const tally = new ExitTally()
    for (const r of report.results) tally.add({ _tag: 'Result', result: r })
    for (const e of report.errors) tally.add({ _tag: 'Error', error: e })
    expect(tally.status()).toBe(exitStatusOf(report))
    // The DaemonSet's one violation is exempted by its annotation, and is its only item.
    expect(report.results.flatMap((r) => [...r.violations, ...r.findings]).map((i) => i.exempted !== undefined)).toEqual([annotated])
    expect(tally.status()).toBe(annotated ? 0 : 1)
  })

  test('jsonWriter writes the exemptions list last, byte for byte what formatJson prints', () => {
    const report = checkManifests({ source: 'l.json', text: JSON_LIST }, { exemptions: [{ source: 'ex.yaml', text: FILE }] })
    const entries: ReportEntry[] = [
      ...report.results.map((result): ReportEntry => ({ _tag: 'Result', result })),
      ...report.warnings.map((warning): ReportEntry => ({ _tag: 'Warning', warning })),
      ...report.skipped.map((skipped): ReportEntry => ({ _tag: 'Skipped', skipped })),
    ]
    let text = ''
    const w = jsonWriter({ write: (s) => void (text += s) }, report.semantics)
    for (const e of entries) w.add(e)
    w.end({ exemptions: report.exemptions })
    expect(report.exemptions).toHaveLength(2)
    expect(text).toBe(formatJson(report))
    expect(Object.keys(JSON.parse(text) as object).at(-1)).toBe('exemptions')
    // Without exemptions the keys stay SPEC §10's.
    let plain = ''
    const p = jsonWriter({ write: (s) => void (plain += s) }, report.semantics)
    p.end()
    expect(Object.keys(JSON.parse(plain) as object)).toEqual(['semantics', 'results', 'errors', 'warnings', 'skipped'])
  })

  test('textWriter marks an exempted item and counts it in the summary, not as a violation', () => {
    const report = checkManifests({ source: 'l.json', text: JSON_LIST }, { exemptions: [] })
    let text = ''
    const w = textWriter({ write: (s) => void (text += s) }, { colour: false, sources: ['l.json'], decidedBy: { semantics: 'proposal' } })
    for (const result of report.results) w.add({ _tag: 'Result', result })
    w.end()
    expect(text).toContain('~ privileged-without-escalation at items[1].spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation (exempted)')
    expect(text).toContain('exempted by annotation l.json:17: host devices')
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/0 violations · .* · 1 exempted$/)
  })
})
