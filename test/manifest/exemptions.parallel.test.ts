import { fc, test } from '@fast-check/vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExemptions } from '../../src/exemptions/ledger.js'
import type { ReportEntry } from '../../src/report/check.js'
import { checkFilesInParallel } from '../../src/manifest/parallel.js'
import { checkStream } from '../../src/manifest/stream.js'
import { buildWorker, type BuiltWorker } from './builtWorker.js'

// Exemptions on worker threads: each worker marks with a stage built from the same files, and the
// main thread adds up what they marked, so "matched nothing" and the per-exemption counts are what
// one thread (checkStream) gives.

async function collect(entries: AsyncIterable<ReportEntry>): Promise<ReportEntry[]> {
  const out: ReportEntry[] = []
  for await (const e of entries) out.push(e)
  return out
}
const asData = (v: unknown): unknown => JSON.parse(JSON.stringify(v))

const P = 'pod-security.kubernetes.io/'
const namespace = (name: string): string => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels:\n    ${P}enforce: restricted\n`
/** A pod in namespace `ns`; privileged + false is a violation; the annotation exempts it (or a rule it never breaks). */
function pod(i: number, ns: string, annotation: 'none' | 'used' | 'unused'): string {
  const notes = {
    none: '',
    used: `  annotations:\n    no-new-privs.io/exempt: "privileged-without-escalation reason=used ${i}"\n`,
    unused: `  annotations:\n    no-new-privs.io/exempt: "invalid-policy reason=unused ${i}"\n`,
  }[annotation]
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\n  namespace: ${ns}\n${notes}spec:\n  containers:\n  - name: app\n    image: img/app:${i % 3}\n    securityContext: { privileged: true, allowPrivilegeEscalation: false }\n`
}

/** An exemptions file: entries matching by name, image or namespace, some of which match nothing. */
const exemptionsFile = fc
  .array(fc.oneof(fc.nat({ max: 30 }).map((n) => `- name: p${n}\n  rules: [privileged-without-escalation]\n  reason: by name ${n}\n`), fc.nat({ max: 4 }).map((n) => `- image: "img/app:${n}"\n  rules: [restricted-requires-no-escalation]\n  reason: by image ${n}\n`), fc.constantFrom('a', 'b', 'z').map((ns) => `- namespace: ${ns}\n  rules: [privileged-without-escalation]\n  reason: by namespace ${ns}\n`)), { maxLength: 5 })
  .map((entries) => `exemptions:\n${entries.join('')}${entries.length === 0 ? '- rules: [invalid-policy]\n  reason: never\n' : ''}`)

const fileText = fc
  .array(fc.oneof({ weight: 1, arbitrary: fc.constantFrom('a', 'b').map((n) => namespace(n)) }, { weight: 4, arbitrary: fc.tuple(fc.nat({ max: 30 }), fc.constantFrom('a', 'b', 'c'), fc.constantFrom('none' as const, 'used' as const, 'unused' as const)).map(([i, ns, a]) => pod(i, ns, a)) }), { maxLength: 5 })
  .map((docs) => docs.join('---\n'))

describe('checkFilesInParallel with exemptions gives the entries and counts of checkStream (one thread)', () => {
  let dir = ''
  let worker: BuiltWorker | undefined
  let workerUrl: URL
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'no-new-privs-ex-parallel-'))
    worker = await buildWorker()
    workerUrl = worker.url
  })
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
    worker?.remove()
  })

  let run = 0
  function filesOf(texts: ReadonlyArray<string>): string[] {
    const files = texts.map((text, i) => {
      const path = join(dir, `r${run}-f${i}.yaml`)
      writeFileSync(path, text)
      return path
    })
    run++
    return files
  }

  it('an exemption used only in a file a worker checked is not reported unused; one used nowhere is, once, at the end', async () => {
    const files = filesOf([pod(1, 'c', 'none'), pod(2, 'c', 'none'), pod(3, 'c', 'unused'), pod(4, 'c', 'used')])
    const exemptions = [{ source: 'ex.yaml', text: 'exemptions:\n- name: p2\n  rules: [privileged-without-escalation]\n  reason: only p2\n- name: nobody\n  rules: [privileged-without-escalation]\n  reason: no such pod\n' }]
    const parallel = await collect(checkFilesInParallel(files, { exemptions }, { threads: 2, workerUrl }))
    const serial = await collect(checkStream(files.map((path) => ({ source: path, path })), { exemptions }))
    expect(asData(parallel)).toEqual(asData(serial))
    const unused = parallel.flatMap((e) => (e._tag === 'Warning' && e.warning.code === 'unused-exemption' ? [e.warning.message] : []))
    expect(unused).toEqual([expect.stringContaining('name nobody'), expect.stringContaining('(reason: unused 3)')])
    expect(parallel.slice(-2).every((e) => e._tag === 'Warning' && e.warning.code === 'unused-exemption')).toBe(true)
    const marked = parallel.flatMap((e) => (e._tag === 'Result' ? e.result.violations.filter((v) => v.exempted !== undefined).map((v) => v.exempted?.reason) : []))
    expect(marked).toEqual(['only p2', 'used 4'])
  })

  it('a shared stage counts what the workers marked: its summary and unused ones equal one thread\'s', async () => {
    const files = filesOf([pod(1, 'c', 'used'), pod(2, 'c', 'none'), pod(5, 'c', 'unused'), pod(2, 'a', 'none')])
    const text = 'exemptions:\n- name: p2\n  rules: [privileged-without-escalation]\n  reason: p2\n- namespace: z\n  rules: [privileged-without-escalation]\n  reason: z\n'
    const a = createExemptions([{ source: 'ex.yaml', text }])
    const b = createExemptions([{ source: 'ex.yaml', text }])
    const parallel = await collect(checkFilesInParallel(files, { exemptions: a }, { threads: 2, workerUrl }))
    const serial = await collect(checkStream(files.map((path) => ({ source: path, path })), { exemptions: b }))
    expect(asData(parallel)).toEqual(asData(serial))
    expect(asData(a.summary())).toEqual(asData(b.summary()))
    expect(a.summary().map((s) => s.exempted)).toEqual([2, 0, 1, 0])
    expect(asData(a.unused())).toEqual(asData(b.unused()))
  })

  it('with no file at all, every exemption is unused', async () => {
    const exemptions = [{ source: 'ex.yaml', text: 'exemptions:\n- name: p2\n  rules: [privileged-without-escalation]\n  reason: p2\n' }]
    const parallel = await collect(checkFilesInParallel([], { exemptions }, { threads: 2, workerUrl }))
    expect(parallel.map((e) => (e._tag === 'Warning' ? e.warning.code : e._tag))).toEqual(['unused-exemption'])
  })

  // Each run starts worker threads four times: shrinking would outlast the timeout, so a failure
  // reports the first counterexample as found (it found the interleaved-files bug in checkWorker.ts).
  test.prop([fc.array(fileText, { minLength: 1, maxLength: 6 }), exemptionsFile, fc.integer({ min: 1, max: 3 })], { numRuns: 10, endOnFailure: true })(
    'any files of pods (annotated or not) and Namespaces, any exemptions file, on 1 to 3 threads',
    async (texts, exemptionsText, threads) => {
      const files = filesOf(texts)
      const exemptions = [{ source: 'ex.yaml', text: exemptionsText }]
      const parallel = await collect(checkFilesInParallel(files, { exemptions, semantics: 'kubernetes' }, { threads, workerUrl }))
      const serial = await collect(checkStream(files.map((path) => ({ source: path, path })), { exemptions, semantics: 'kubernetes' }))
      expect(asData(parallel)).toEqual(asData(serial))
      const sa = createExemptions(exemptions)
      const sb = createExemptions(exemptions)
      await collect(checkFilesInParallel(files, { exemptions: sa, semantics: 'kubernetes' }, { threads, workerUrl }))
      await collect(checkStream(files.map((path) => ({ source: path, path })), { exemptions: sb, semantics: 'kubernetes' }))
      expect(asData(sa.summary())).toEqual(asData(sb.summary()))
    },
  )
})
