import { readdirSync, readFileSync } from 'node:fs'
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { checkEntries, type ReportEntry } from '../../src/report/check.js'
import type { Report } from '../../src/report/report.js'
import { formatJson } from '../../src/cli/format/json.js'
import { formatSarif } from '../../src/cli/format/sarif.js'
import { formatText } from '../../src/cli/format/text.js'
import { jsonWriter, ndjsonWriter, sarifWriter, textWriter, TEXT_TABLE_WINDOW, type EntryWriter } from '../../src/cli/format/streamed.js'
import { ExitTally, exitStatusOf } from '../../src/cli/exitStatus.js'
import { fullReport } from './fixtures.js'

const written = (make: (out: { write: (s: string) => void }) => EntryWriter, entries: ReadonlyArray<ReportEntry>): string => {
  let text = ''
  const w = make({ write: (s) => void (text += s) })
  for (const e of entries) w.add(e)
  w.end()
  return text
}

const collect = (entries: ReadonlyArray<ReportEntry>, semantics: Report['semantics'] = 'proposal'): Report => ({
  semantics,
  results: entries.flatMap((e) => (e._tag === 'Result' ? [e.result] : [])),
  errors: entries.flatMap((e) => (e._tag === 'Error' ? [e.error] : [])),
  warnings: entries.flatMap((e) => (e._tag === 'Warning' ? [e.warning] : [])),
  skipped: entries.flatMap((e) => (e._tag === 'Skipped' ? [e.skipped] : [])),
})

const sourceOf = (e: ReportEntry): string =>
  e._tag === 'Result' ? e.result.source : e._tag === 'Error' ? e.error.source : e._tag === 'Warning' ? e.warning.source : e.skipped.source

/** Entries as a stream gives them: a source's entries together, the sources in the order named. */
const inStreamOrder = (entries: ReadonlyArray<ReportEntry>, sources: ReadonlyArray<string>): ReportEntry[] =>
  sources.flatMap((s) => entries.filter((e) => sourceOf(e) === s))

const entriesOf = (r: Report): ReportEntry[] => [
  ...r.results.map((result) => ({ _tag: 'Result' as const, result })),
  ...r.errors.map((error) => ({ _tag: 'Error' as const, error })),
  ...r.warnings.map((warning) => ({ _tag: 'Warning' as const, warning })),
  ...r.skipped.map((skipped) => ({ _tag: 'Skipped' as const, skipped })),
]

// The examples directory, checked for real: every kind of entry, in the order the check gives them.
const examples = readdirSync('examples')
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .map((f) => ({ source: `examples/${f}`, text: readFileSync(`examples/${f}`, 'utf8') }))
const exampleEntries = [...checkEntries(examples, { requireNoNewPrivs: true })]

describe('the streamed formats print what the whole-report formats print', () => {
  const cases: Array<[string, ReadonlyArray<ReportEntry>]> = [
    ['the examples', exampleEntries],
    ['a report with every kind of entry', entriesOf(fullReport)],
    ['an empty report', []],
  ]
  for (const [name, given] of cases) {
    const sources = [...new Set(given.map(sourceOf))]
    const entries = inStreamOrder(given, sources)
    const report = collect(entries)
    it(`JSON, byte for byte: ${name}`, () => {
      expect(written((o) => jsonWriter(o, 'proposal'), entries)).toBe(formatJson(report))
    })
    it(`SARIF, as the same log: ${name}`, () => {
      expect(JSON.parse(written((o) => sarifWriter(o, 'proposal', { cwd: '/repo' }), entries))).toEqual(JSON.parse(formatSarif(report, { cwd: '/repo' })))
    })
    it(`JSON and SARIF with a 1-character spool (errors, warnings, skipped through a temporary file): ${name}`, () => {
      expect(written((o) => jsonWriter(o, 'proposal', undefined, { spoolLimit: 1 }), entries)).toBe(formatJson(report))
      expect(JSON.parse(written((o) => sarifWriter(o, 'proposal', { cwd: '/repo', spoolLimit: 1 }), entries))).toEqual(JSON.parse(formatSarif(report, { cwd: '/repo' })))
    })
    it(`text, byte for byte: ${name}`, () => {
      expect(written((o) => textWriter(o, { colour: false, sources, decidedBy: { semantics: 'proposal' } }), entries)).toBe(formatText(report, { colour: false, sources }))
    })
  }

  test.prop([fc.subarray(exampleEntries), fc.subarray(examples.map((e) => e.source))])(
    'text, for any selection of entries and of named sources (sources without entries get their line)',
    (selected, named) => {
      const sources = [...named, ...selected.map(sourceOf)].filter((s, i, all) => all.indexOf(s) === i)
      const entries = inStreamOrder(selected, sources)
      const report = collect(entries)
      expect(written((o) => textWriter(o, { colour: true, sources, decidedBy: { semantics: 'proposal' } }), entries)).toBe(formatText(report, { colour: true, sources }))
    },
  )

  it('a text table longer than the window keeps the widths of its first rows and prints every row', () => {
    const one = exampleEntries.find((e) => e._tag === 'Result')!
    const entries = Array.from({ length: TEXT_TABLE_WINDOW * 2 + 5 }, () => one)
    const text = written((o) => textWriter(o, { colour: false, sources: [], decidedBy: { semantics: 'proposal' } }), entries)
    const rows = text.split('\n').filter((l) => l.startsWith('  ') && !l.startsWith('  LINE') && !l.startsWith('    '))
    expect(rows).toHaveLength(TEXT_TABLE_WINDOW * 2 + 5)
    expect(text.match(/ {2}LINE/g)).toHaveLength(1)
  })
})

describe('the exit status tallied entry by entry', () => {
  test.prop([fc.subarray([...exampleEntries, ...entriesOf(fullReport)])])('is the status of the whole report', (entries) => {
    const tally = new ExitTally()
    for (const e of entries) tally.add(e)
    expect(tally.status()).toBe(exitStatusOf(collect(entries)))
  })
})

describe('--output ndjson', () => {
  it('writes one object per entry, its type first, then a summary line', () => {
    const lines = written((o) => ndjsonWriter(o, 'kubernetes'), entriesOf(fullReport)).trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines.map((l) => l['type'])).toEqual([...fullReport.results.map(() => 'result'), 'error', 'warning', 'skipped', 'summary'])
    expect(lines.at(-1)).toEqual({ type: 'summary', semantics: 'kubernetes', results: fullReport.results.length, errors: 1, warnings: 1, skipped: 1 })
    expect(lines[0]).toEqual({ type: 'result', ...JSON.parse(JSON.stringify(fullReport.results[0])) })
  })
})
