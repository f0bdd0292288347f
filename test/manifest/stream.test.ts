import { fc, test } from '@fast-check/vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkEntries, type ReportEntry } from '../../src/report/check.js'
import { checkFilesInParallel } from '../../src/manifest/parallel.js'
import { checkStream, documentTexts } from '../../src/manifest/stream.js'
import { yamlDocuments } from '../../bench/generate.js'
import { buildWorker, type BuiltWorker } from './builtWorker.js'

// Pieces a stream is made of: documents, markers that are and are not markers, comments,
// directives, broken YAML, CRLF, a BOM, text with no newline at the end.
const piece = fc.constantFrom(
  'kind: Pod\nmetadata: { name: a }\nspec:\n  containers:\n  - name: c\n    securityContext: { runAsUser: 1000 }\n',
  'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers: [{ name: x, securityContext: { allowPrivilegeEscalation: no } }]\n',
  '---\n',
  '--- \n',
  '---\t# c\n',
  '---',
  '---x\n',
  ' ---\n',
  '# comment\n',
  '%YAML 1.1\n',
  '\n',
  'kind: Service\n',
  'spec: [\n',
  'a: "unterminated\n',
  'kind: Pod\r\nspec:\r\n  containers:\r\n  - name: crlf\r\n',
  'kind: Pod\nspec: { containers: [{ name: dup, name: dup }] }\n',
  '...\n',
  'x: 1',
)
const streamText = fc.tuple(fc.boolean(), fc.array(piece, { maxLength: 12 })).map(([bom, pieces]) => (bom ? '\ufeff' : '') + pieces.join(''))

function cut(text: string, sizes: ReadonlyArray<number>): string[] {
  const chunks: string[] = []
  let at = 0
  for (let i = 0; at < text.length; i++) {
    const size = sizes.length === 0 ? text.length : (sizes[i % sizes.length] as number)
    chunks.push(text.slice(at, at + size))
    at += size
  }
  return chunks
}

async function collect(entries: AsyncIterable<ReportEntry>): Promise<ReportEntry[]> {
  const out: ReportEntry[] = []
  for await (const e of entries) out.push(e)
  return out
}

/** Entries as data: a result's `reason` and every other field, functions aside. */
const asData = (entries: ReadonlyArray<ReportEntry>): unknown => JSON.parse(JSON.stringify(entries))

describe('checkStream gives the entries checkEntries gives for the whole text', () => {
  test.prop([streamText, fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 5 })], { numRuns: 300 })(
    'however the text is cut into chunks: same documents, indices, lines and columns',
    async (text, sizes) => {
      const streamed = await collect(checkStream([{ source: 's.yaml', chunks: cut(text, sizes) }]))
      expect(asData(streamed)).toEqual(asData([...checkEntries({ source: 's.yaml', text })]))
    },
  )

  test.prop([streamText, fc.integer({ min: 1, max: 7 })], { numRuns: 100 })('UTF-8 bytes split inside a character read as the text does', async (text, size) => {
    const bytes = new TextEncoder().encode(`${text}\nname: "é€𝄞"\n`)
    const chunks: Uint8Array[] = []
    for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size))
    const streamed = await collect(checkStream([{ source: 's', chunks }]))
    expect(asData(streamed)).toEqual(asData([...checkEntries({ source: 's', text: new TextDecoder().decode(bytes) })]))
  })

  it('counts every document of a large generated stream once, in order', async () => {
    const text = yamlDocuments(0, 300, 5)
    const docs: number[] = []
    for await (const d of documentTexts(cut(text, [4093]))) docs.push(d.index)
    expect(docs).toEqual(Array.from({ length: 300 }, (_, i) => i))
    const streamed = await collect(checkStream([{ source: 'big', chunks: cut(text, [4093]) }]))
    expect(asData(streamed)).toEqual(asData([...checkEntries({ source: 'big', text })]))
  })

  it('an unreadable file is an error of that source; the next source is still checked', async () => {
    const entries = await collect(
      checkStream([
        { source: 'missing.yaml', path: join(tmpdir(), 'no-such-dir-no-new-privs', 'missing.yaml') },
        { source: 'ok.yaml', chunks: ['kind: Pod\nspec:\n  containers: [{ name: a }]\n'] },
      ]),
    )
    expect(entries[0]).toMatchObject({ _tag: 'Error', error: { source: 'missing.yaml', code: 'unreadable-source' } })
    expect(entries.some((e) => e._tag === 'Result' && e.result.source === 'ok.yaml')).toBe(true)
  })
})

describe('checkFilesInParallel gives the entries of checkStream, in file order', () => {
  let dir = ''
  let worker: BuiltWorker | undefined
  let workerUrl: URL
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'no-new-privs-parallel-'))
    worker = await buildWorker()
    workerUrl = worker.url
  })
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
    worker?.remove()
  })

  it('on many files and two threads, with a broken file and a missing one among them', async () => {
    const files: string[] = []
    for (let f = 0; f < 7; f++) {
      const path = join(dir, `f${f}.yaml`)
      writeFileSync(path, f === 3 ? 'kind: Pod\nspec: [\n---\nkind: Pod\nspec: { containers: [{ name: a }] }\n' : yamlDocuments(f * 40, 40, 9))
      files.push(path)
    }
    files.push(join(dir, 'missing.yaml'))
    const options = { semantics: 'kubernetes' as const, requireNoNewPrivs: true }
    const parallel = await collect(checkFilesInParallel(files, options, { threads: 2, workerUrl }))
    const serial = await collect(checkStream(files.map((path) => ({ source: path, path })), options))
    expect(asData(parallel)).toEqual(asData(serial))
    expect(parallel.filter((e) => e._tag === 'Result').length).toBeGreaterThan(7 * 40 - 40)
  })
})
