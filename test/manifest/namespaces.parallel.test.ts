import { fc, test } from '@fast-check/vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportEntry } from '../../src/report/check.js'
import { checkFilesInParallel } from '../../src/manifest/parallel.js'
import { checkStream } from '../../src/manifest/stream.js'
import { buildWorker, type BuiltWorker } from './builtWorker.js'

const P = 'pod-security.kubernetes.io/'

async function collect(entries: AsyncIterable<ReportEntry>): Promise<ReportEntry[]> {
  const out: ReportEntry[] = []
  for await (const e of entries) out.push(e)
  return out
}

const asData = (entries: ReadonlyArray<ReportEntry>): unknown => JSON.parse(JSON.stringify(entries))

const namespace = (name: string, mode: string): string => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels:\n    ${P}${mode}: restricted\n`
const pod = (i: number, ns: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\n  namespace: ${ns}\nspec:\n  containers:\n  - name: app\n`

// One file: documents that are Namespaces (of two names, three modes) or pods of those names.
const fileText = fc
  .array(fc.oneof(fc.tuple(fc.constant('ns' as const), fc.constantFrom('a', 'b'), fc.constantFrom('enforce', 'warn', 'audit')), fc.tuple(fc.constant('pod' as const), fc.constantFrom('a', 'b', 'c'), fc.nat({ max: 40 }))), {
    maxLength: 6,
  })
  .map((docs) => docs.map((d, i) => (d[0] === 'ns' ? namespace(d[1], d[2]) : pod(i * 100 + d[2], d[1]).repeat(1))).join('---\n'))

describe('checkFilesInParallel with Namespaces gives the entries of checkStream (one thread)', () => {
  let dir = ''
  let worker: BuiltWorker | undefined
  let workerUrl: URL
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'no-new-privs-ns-parallel-'))
    worker = await buildWorker()
    workerUrl = worker.url
  })
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
    worker?.remove()
  })

  let run = 0
  async function bothWays(texts: ReadonlyArray<string>, threads: number): Promise<{ parallel: ReportEntry[]; serial: ReportEntry[] }> {
    const files = texts.map((text, i) => {
      const path = join(dir, `r${run}-f${i}.yaml`)
      writeFileSync(path, text)
      return path
    })
    run++
    const options = { semantics: 'kubernetes' as const }
    const parallel = await collect(checkFilesInParallel(files, options, { threads, workerUrl }))
    const serial = await collect(checkStream(files.map((path) => ({ source: path, path })), options))
    return { parallel, serial }
  }

  it('a Namespace in the first file applies to the pods of files already sent to other threads', async () => {
    const texts = [namespace('a', 'enforce'), ...Array.from({ length: 6 }, (_, i) => pod(i, 'a'))]
    const { parallel, serial } = await bothWays(texts, 2)
    expect(asData(parallel)).toEqual(asData(serial))
    expect(parallel.filter((e) => e._tag === 'Result' && e.result.violations.length === 1).length).toBe(6)
  })

  it('a file whose stale read comes after more than one batch of entries (512) is resumed where it went wrong', async () => {
    const many = Array.from({ length: 700 }, (_, i) => pod(i, 'c')).join('---\n')
    const texts = [namespace('a', 'enforce'), `${many}---\n${pod(9999, 'a')}`]
    const { parallel, serial } = await bothWays(texts, 2)
    expect(asData(parallel)).toEqual(asData(serial))
    expect(parallel.filter((e) => e._tag === 'Result').length).toBe(701)
  })

  it('a Namespace after pods of it in earlier files counts them, as one thread does', async () => {
    const texts = [pod(1, 'a'), pod(2, 'a'), pod(3, 'b'), namespace('a', 'warn'), pod(4, 'a')]
    const { parallel, serial } = await bothWays(texts, 2)
    expect(asData(parallel)).toEqual(asData(serial))
    const late = parallel.flatMap((e) => (e._tag === 'Warning' && e.warning.code === 'namespace-after-pods' ? [e.warning.message] : []))
    expect(late).toEqual([expect.stringContaining('comes after 2 pods of it')])
  })

  test.prop([fc.array(fileText, { minLength: 1, maxLength: 7 }), fc.integer({ min: 1, max: 3 })], { numRuns: 12 })(
    'any files of Namespaces and pods, on 1 to 3 threads',
    async (texts, threads) => {
      const { parallel, serial } = await bothWays(texts, threads)
      expect(asData(parallel)).toEqual(asData(serial))
    },
  )
})
