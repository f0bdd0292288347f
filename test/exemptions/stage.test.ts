import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { exitStatusOf } from '../../src/cli/exitStatus.js'
import { createExemptions } from '../../src/exemptions/ledger.js'
import { checkManifests } from '../../src/report/check.js'
import type { Report } from '../../src/report/report.js'

const POD = (annotation: string | null): string => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  namespace: monitoring
${annotation === null ? '' : `  annotations:\n    no-new-privs.io/exempt: ${annotation}\n`}spec:
  template:
    spec:
      containers:
      - name: agent
        image: registry.example/agent:1.2
        securityContext: { privileged: true, allowPrivilegeEscalation: false }
      - name: side
        image: busybox:1.36
        securityContext: { allowPrivilegeEscalation: true }
`
const FILE = `exemptions:
- kind: DaemonSet
  image: "busybox:*"
  rules: [no-new-privs-required]
  reason: legacy sidecar
- name: nothing-like-this
  rules: [privileged-without-escalation]
  reason: stale
`
const options = { requireNoNewPrivs: true } as const

function items(report: Report): ReadonlyArray<{ code: string; path: string; message: string }> {
  return report.results.flatMap((r) => [...r.violations, ...r.findings]).map(({ code, path, message }) => ({ code, path, message }))
}

describe('checkManifests with exemptions', () => {
  test('annotation and file exemptions mark items, with reason and source', () => {
    const report = checkManifests({ source: 'ds.yaml', text: POD('"privileged-without-escalation:agent reason=needs host devices"') }, { ...options, exemptions: [{ source: 'ex.yaml', text: FILE }] })
    const [agent, side] = report.results
    expect(agent?.violations[0]?.exempted).toEqual({
      reason: 'needs host devices',
      source: { kind: 'annotation', source: 'ds.yaml', document: 0, line: 7, path: 'metadata.annotations[no-new-privs.io/exempt]' },
    })
    expect(side?.findings[0]?.exempted).toEqual({
      reason: 'legacy sidecar',
      source: { kind: 'file', source: 'ex.yaml', document: 0, line: 2, path: 'exemptions[0]' },
    })
    expect(exitStatusOf(report)).toBe(0)
    // The stale file entry is reported at the end, where it was declared.
    expect(report.warnings.at(-1)).toMatchObject({ source: 'ex.yaml', line: 6, path: 'exemptions[1]', code: 'unused-exemption' })
    expect(report.exemptions?.map((e) => [e.source.kind, e.exempted])).toEqual([['file', 1], ['file', 0], ['annotation', 1]])
  })

  test('nothing hidden: with or without exemptions, the same items, only marked', () => {
    const annotations = ['"privileged-without-escalation reason=a"', '"no-new-privs-required:side reason=b"', '"privileged-without-escalation,no-new-privs-required:agent,side reason=c"', null]
    fc.assert(
      fc.property(fc.constantFrom(...annotations), fc.boolean(), (annotation, withFile) => {
        const text = POD(annotation)
        const plain = checkManifests({ source: 'ds.yaml', text }, options)
        const exempted = checkManifests({ source: 'ds.yaml', text }, { ...options, exemptions: withFile ? [{ source: 'ex.yaml', text: FILE }] : [] })
        expect(items(exempted)).toEqual(items(plain))
        const counted = exempted.results.flatMap((r) => [...r.violations, ...r.findings]).filter((i) => i.exempted === undefined).length
        expect(exitStatusOf(exempted)).toBe(counted > 0 ? 1 : 0)
      }),
    )
  })

  test('a bad annotation is an error with line and path, and exempts nothing', () => {
    const report = checkManifests({ source: 'ds.yaml', text: POD('"privileged-without-escalation"') }, { exemptions: [] })
    expect(report.errors).toEqual([
      {
        source: 'ds.yaml',
        document: 0,
        line: 7,
        column: null,
        path: 'metadata.annotations[no-new-privs.io/exempt]',
        code: 'exemption-without-reason',
        message: 'annotation no-new-privs.io/exempt: exempts privileged-without-escalation without a reason (add reason=WHY); it exempts nothing',
        category: 'input',
      },
    ])
    expect(report.results[0]?.violations[0]?.exempted).toBeUndefined()
    expect(exitStatusOf(report)).toBe(2)
  })

  test('file problems come first in errors; the annotation is ignored without the option', () => {
    const report = checkManifests({ source: 'ds.yaml', text: POD('"privileged-without-escalation reason=x"') }, { exemptions: [{ source: 'ex.yaml', value: { exemptions: [{ rules: ['no-new-privs-required'] }] } }] })
    expect(report.errors[0]).toMatchObject({ source: 'ex.yaml', code: 'exemption-without-reason' })
    const without = checkManifests({ source: 'ds.yaml', text: POD('"privileged-without-escalation reason=x"') })
    expect(without.results[0]?.violations[0]?.exempted).toBeUndefined()
    expect(without.exemptions).toBeUndefined()
  })

  test('a shared stage sees several calls; its owner reports the unused ones', () => {
    const stage = createExemptions([{ source: 'ex.yaml', text: FILE }])
    const first = checkManifests({ source: 'a.yaml', text: 'kind: Pod\nspec:\n  containers: [{ name: a }]\n' }, { ...options, exemptions: stage })
    expect(first.warnings).toEqual([])
    checkManifests({ source: 'ds.yaml', text: POD(null) }, { ...options, exemptions: stage })
    expect(stage.unused().map((p) => p.at.path)).toEqual(['exemptions[1]'])
  })

  test('annotations on an object without containers are still declared (and unused)', () => {
    const stage = createExemptions([])
    checkManifests({ source: 'p.yaml', text: 'kind: Pod\nmetadata:\n  annotations:\n    no-new-privs.io/exempt: "no-new-privs-required reason=x"\nspec:\n  containers: []\n' }, { exemptions: stage })
    expect(stage.unused().map((p) => p.message)).toEqual(['exemption of no-new-privs-required matched nothing (reason: x); remove it or fix what it names'])
  })
})

describe('checkEntries with exemptions files', () => {
  test('file problems first, unused exemptions last', async () => {
    const { checkEntries } = await import('../../src/report/check.js')
    const entries = [...checkEntries({ source: 'ds.yaml', text: POD(null) }, { ...options, exemptions: [{ source: 'ex.yaml', text: `${FILE}- rules: [x]\n  reason: why\n` }] })]
    expect(entries[0]).toMatchObject({ _tag: 'Error', error: { code: 'invalid-exemption', line: 9 } })
    expect(entries.at(-1)).toMatchObject({ _tag: 'Warning', warning: { code: 'unused-exemption', path: 'exemptions[1]' } })
  })
})

describe('checkStream with exemptions files', () => {
  test('marks items as it goes and reports unused exemptions after the last source', async () => {
    const { checkStream } = await import('../../src/manifest/stream.js')
    const entries = []
    for await (const e of checkStream([{ source: 'ds.yaml', chunks: [POD(null)] }], { ...options, exemptions: [{ source: 'ex.yaml', text: FILE }] })) entries.push(e)
    const side = entries.find((e) => e._tag === 'Result' && e.result.container === 'side')
    expect(side?._tag === 'Result' ? side.result.findings[0]?.exempted?.reason : undefined).toBe('legacy sidecar')
    expect(entries.at(-1)).toMatchObject({ _tag: 'Warning', warning: { code: 'unused-exemption', path: 'exemptions[1]' } })
  })
})
