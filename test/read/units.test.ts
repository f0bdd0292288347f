import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { checkManifests, prepareCheck, type ReportEntry } from '../../src/report/check.js'
import { loadDocuments } from '../../src/read/yaml/load.js'
import { checkStream } from '../../src/manifest/stream.js'
import { readAllUnits, readUnits, UnitReader } from '../../src/read/units.js'
import type { Unit } from '../../src/read/unit.js'
import { listArbitrary, workloadArbitrary } from '../../src/testing/index.js'

/** The first version's path, kept here as the oracle: the whole text through the YAML reader. */
const oracle = (text: string, strict: boolean): ReportEntry[] => {
  const prepared = prepareCheck({ strict })
  const out: ReportEntry[] = [...prepared.entries]
  for (const doc of loadDocuments(text, 'in.json')) for (const e of prepared.check(doc)) out.push(e)
  return out
}

/** The bytes of `text` cut at the given offsets, which may fall inside a multi-byte character. */
const bytesCut = (text: string, offsets: ReadonlyArray<number>): Uint8Array[] => {
  const bytes = new TextEncoder().encode(text)
  const cuts = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b)
  const out: Uint8Array[] = []
  let from = 0
  for (const c of cuts) {
    out.push(bytes.slice(from, c))
    from = c
  }
  out.push(bytes.slice(from))
  return out
}

const streamed = async (chunks: ReadonlyArray<Uint8Array | string>, strict: boolean): Promise<ReportEntry[]> => {
  const out: ReportEntry[] = []
  for await (const e of checkStream([{ source: 'in.json', chunks }], { strict })) out.push(e)
  return out
}

const asData = (entries: ReadonlyArray<ReportEntry>): unknown => JSON.parse(JSON.stringify(entries))

// Unicode (two- to four-byte UTF-8) in names and values, so that chunks split characters.
const named = <T extends object>(a: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fc.tuple(a, fc.constantFrom('é', '日本', '🙂', 'a')).map(([o, s]) => ({ ...o, metadata: { name: `n${s}`, annotations: { note: s } } }))

const manifest = fc.oneof(
  named(workloadArbitrary()),
  named(listArbitrary({ maxLength: 4 })),
  fc.record({ kind: fc.constantFrom('PodList', 'DeploymentList'), items: fc.array(named(workloadArbitrary({ kind: 'Pod' })), { maxLength: 3 }) }),
  fc.jsonValue({ maxDepth: 3 }),
)
const indent = fc.constantFrom(0, 1, 2, '\t')

describe('the JSON path gives the entries the first version gave', () => {
  test.prop([manifest, indent, fc.array(fc.nat(), { maxLength: 10 }), fc.boolean()], { numRuns: 200 })(
    'for one JSON document, however its bytes are chunked: documents, values, lines, errors, warnings, skipped',
    async (value, space, offsets, strict) => {
      const text = JSON.stringify(value, null, space)
      if (text === undefined || !/^\s*[[{]/.test(text)) return
      const expected = asData(oracle(text, strict))
      expect(asData(await streamed(bytesCut(text, offsets), strict))).toEqual(expected)
      expect(asData(checkEntriesOf(text, strict))).toEqual(expected)
    },
  )

  test.prop([fc.array(named(workloadArbitrary()), { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 10 })], { numRuns: 60 })(
    'for values back to back, each is the document the first version read alone (its index, its lines)',
    async (values, offsets) => {
      const texts = values.map((v) => JSON.stringify(v, null, 2))
      const got = asData(await streamed(bytesCut(texts.join('\n'), offsets), false))
      let lineBase = 0
      const expected: unknown[] = []
      texts.forEach((t, index) => {
        for (const e of asData(oracle(t, false)) as Array<Record<string, Record<string, unknown>>>) {
          const inner = Object.values(e).find((v) => typeof v === 'object') as Record<string, unknown>
          inner['document'] = index
          // Each value's lines move down by the lines of the values before it.
          if (typeof inner['line'] === 'number') inner['line'] = inner['line'] + lineBase
          // So do the fields' lines of its violations and findings (a policy's live in another source; none here).
          for (const key of ['violations', 'findings']) {
            const items = inner[key]
            if (!Array.isArray(items)) continue
            for (const item of items as Array<Record<string, unknown>>) if (typeof item['line'] === 'number') item['line'] = item['line'] + lineBase
          }
          expected.push(e)
        }
        lineBase += t.split('\n').length
      })
      expect(got).toEqual(expected)
    },
  )
})

function checkEntriesOf(text: string, strict: boolean): ReportEntry[] {
  const report = checkManifests({ source: 'in.json', text }, { strict })
  // checkManifests groups by kind; the oracle's order within each kind is what is compared.
  return [
    ...report.results.map((result) => ({ _tag: 'Result' as const, result })),
    ...report.errors.map((error) => ({ _tag: 'Error' as const, error })),
    ...report.warnings.map((warning) => ({ _tag: 'Warning' as const, warning })),
    ...report.skipped.map((skipped) => ({ _tag: 'Skipped' as const, skipped })),
  ].sort((a, b) => order(a) - order(b))
}
const order = (e: ReportEntry): number => ['Result', 'Error', 'Warning', 'Skipped'].indexOf(e._tag)

describe('reading JSON streams (SPEC §6a)', () => {
  it('reads a duplicate key as kubectl does: the last one wins, with a warning naming both lines', () => {
    const text = '{"kind":"Pod","spec":{"containers":[{"name":"a"}]},\n"spec":{"containers":[{"name":"b"}]}}'
    const report = checkManifests({ source: 'dup.json', text })
    expect(report.results.map((r) => r.container)).toEqual(['b'])
    expect(report.warnings).toEqual([
      { source: 'dup.json', document: 0, line: 2, path: '', code: 'duplicate-key', message: 'key "spec" appears twice in one object (lines 1 and 2): the last one wins, as kubectl reads it' },
    ])
    expect(checkManifests({ source: 'dup.json', text }, { strict: true }).errors).toMatchObject([{ code: 'duplicate-key', line: 2, column: 1 }])
  })

  it('reads values printed back to back as documents, each with its own index and line', () => {
    const text = '{"kind":"Pod","spec":{"containers":[{"name":"a"}]}}\n{"kind":"Service"}\n{\n "kind": "Pod",\n "spec": {"containers": [{"name": "b"}]}}\n'
    const report = checkManifests({ source: 's.json', text })
    expect(report.results.map((r) => [r.document, r.line, r.container])).toEqual([
      [0, 1, 'a'],
      [2, 5, 'b'],
    ])
    expect(report.skipped).toEqual([{ source: 's.json', document: 1, kind: 'Service' }])
  })

  it('reports every complete item of a List cut short, then one error saying where the input ended', () => {
    const pod = (n: string): string => `{"kind":"Pod","spec":{"containers":[{"name":"${n}"}]}}`
    const text = `{"kind":"List","items":[\n${pod('a')},\n${pod('b')},\n{"kind":"Pod","spec":{"contai`
    const report = checkManifests({ source: 'cut.json', text })
    expect(report.results.map((r) => [r.path, r.line])).toEqual([
      ['items[0].spec.containers[0]', 2],
      ['items[1].spec.containers[0]', 3],
    ])
    expect(report.errors).toEqual([
      {
        source: 'cut.json',
        document: 0,
        line: 4,
        column: 30,
        code: 'incomplete-input',
        message: 'the input ended inside items[2] of document 0 (a List starting on line 1): items before it were read, items[2] is incomplete',
        category: 'input',
      },
    ])
  })

  it('keeps the error of a broken document and reads the next one', () => {
    const report = checkManifests({ source: 'b.json', text: '{"kind": "Pod", "spec": [} \n{"kind":"Service"}' })
    expect(report.errors.length).toBeGreaterThan(0)
  })

  it('says where a byte that is not UTF-8 sits, after the documents before it', () => {
    const bytes = [...new TextEncoder().encode('{"kind":"Service"}\n{"kind":"'), 0xff, ...new TextEncoder().encode('"}')]
    const reader = new UnitReader('bad.json')
    const units: Unit[] = [...reader.push(Uint8Array.from(bytes)), ...reader.end()]
    expect(units.map((u) => u._tag)).toEqual(['Whole', 'Problem'])
    expect(units[1]).toMatchObject({ code: 'not-utf8', line: 2, message: 'not UTF-8: byte 28 (0xff) on line 2 is not part of a UTF-8 sequence' })
  })

  it('reads blank input as one empty document, as the YAML reader does', () => {
    expect(readAllUnits('  \n', 'e.json').map((u) => (u._tag === 'Whole' ? u.doc._tag : u._tag))).toEqual(['Empty'])
  })
})

describe('plain-JS callers of checkManifests', () => {
  const pod = { kind: 'Pod', spec: { containers: [{ name: 'a' }] } }

  it('checks a parsed object passed alone, or an array of them', () => {
    expect(checkManifests(pod as never).results.map((r) => r.container)).toEqual(['a'])
    expect(checkManifests([pod, pod] as never).results.map((r) => r.source)).toEqual(['<input>[0]', '<input>[1]'])
  })

  it('says what is wrong with a value that is no input at all', () => {
    expect(checkManifests(undefined as never).errors).toMatchObject([{ code: 'invalid-input', source: '<input>' }])
    expect(checkManifests([{ source: 'x', text: 5 }] as never).errors).toMatchObject([{ code: 'invalid-input', source: 'x' }])
  })

  test.prop([fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true })])(
    'for any JS value: never a throw, never a silent answer (only an empty collection has nothing to report)',
    (value) => {
      const report = checkManifests(value as never)
      const entries = report.results.length + report.errors.length + report.skipped.length
      const empty = typeof value === 'object' && value !== null && Symbol.iterator in value && [...(value as Iterable<unknown>)].length === 0
      if (empty) expect(entries).toBe(0)
      else expect(entries).toBeGreaterThan(0)
    },
  )
})

describe('readUnits as a plain-JavaScript caller may call it', () => {
  const collect = async (chunks: unknown, source: unknown): Promise<Unit[]> => {
    const out: Unit[] = []
    for await (const u of readUnits(chunks as never, source as never)) out.push(u)
    return out
  }
  const messageOf = (u: Unit | undefined): unknown => (u?._tag === 'Whole' && u.doc._tag === 'Error' ? u.doc.message : u?._tag)

  it('chunks that are no iterable: one invalid-input error unit, never a TypeError', async () => {
    const units = await collect(5, 'x.yaml')
    expect(units).toHaveLength(1)
    expect(messageOf(units[0])).toBe('the chunks must be an iterable of strings or bytes, got a number (5)')
  })

  it('a chunk that is neither text nor bytes ends the source after the units before it', async () => {
    const units = await collect(['kind: Pod\n---\n', 7, 'kind: Job\n'], 's.yaml')
    expect(units.map((u) => u._tag)).toEqual(['Whole', 'Whole'])
    expect(units[0]?._tag === 'Whole' && units[0].doc._tag).toBe('Document')
    expect(messageOf(units[1])).toBe('chunk 1 is a number (7), not text or bytes: the rest of s.yaml is not read')
  })
})
