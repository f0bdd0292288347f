/**
 * The report written as its entries arrive, in every format, so that a batch of any size is
 * never held: text, JSON and SARIF (each still one document, the same one `formatText`,
 * `formatJson` and `formatSarif` print for the whole report) and NDJSON (one entry per line).
 *
 * Results, the bulk of a batch, are written at once. Errors, warnings and skipped documents come
 * after the results in JSON and SARIF, so they wait for the end in a spool (src/cli/format/spool.ts):
 * in memory while small, in a temporary file past 8 MiB, so a batch where every document has one
 * is not held either. The text format prints a source's warnings, errors and skipped documents
 * under that source's table: they are held until the source ends.
 *
 * @packageDocumentation
 */
import type { ExemptionSummary } from '../../exemptions/types.js'
import type { ReportEntry } from '../../report/check.js'
import type { ContainerResult, ReportError, ReportSkipped, ReportWarning } from '../../report/report.js'
import type { KubernetesVersion, Semantics } from '../../resolve/types.js'
import type { CliOutput } from '../io.js'
import { decidedBy } from './decidedBy.js'
import type { DecidedBy } from './decidedBy.js'
import { palette } from '../colour.js'
import type { Palette } from '../colour.js'
import { ShownOnce, shownWarningOf } from './describe.js'
import type { ShownWarning } from './describe.js'
import { inSpecOrder } from './json.js'
import { Spool, SpooledValues } from './spool.js'
import { runProperties, SARIF_SCHEMA_URI, SarifBuilder } from './sarif.js'
import type { SarifOptions } from './sarif.js'
import { decidedByLine, emptyTally, headerLine, sectionTail, summaryLine, tableRows, tallyError, tallyResult, widthsOf } from './text.js'

/** What is known only once every entry was seen, written at the end. */
export interface ReportEnd {
  /** The exemptions with how many items each marked (README: "Exemptions"), when exemptions were given. */
  readonly exemptions?: ReadonlyArray<ExemptionSummary> | undefined
}

/** Receives the entries of a report, then its end. */
export interface EntryWriter {
  readonly add: (entry: ReportEntry) => void
  readonly end: (last?: ReportEnd) => void
}

/** Output buffered into writes of about this many characters. */
const FLUSH_AT = 1 << 16

/** Writes in large pieces: one `write` per entry would cost more than formatting it. */
class Buffered {
  private parts: string[] = []
  private size = 0
  constructor(private readonly out: CliOutput) {}
  write(s: string): void {
    this.parts.push(s)
    this.size += s.length
    if (this.size >= FLUSH_AT) this.flush()
  }
  flush(): void {
    if (this.parts.length === 0) return
    this.out.write(this.parts.join(''))
    this.parts = []
    this.size = 0
  }
}

const indented = (value: unknown, pad: string): string => JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad}`)

/** The warnings a report shows, deduplicated as `allWarnings` does. */
class Warnings extends ShownOnce {
  shown(reported: ReadonlyArray<ShownWarning>, decided: ReadonlyArray<ShownWarning>): ShownWarning[] {
    const out: ShownWarning[] = []
    for (const list of [reported, decided]) for (const w of list) if (this.first(w)) out.push(w)
    return out
  }
}

/**
 * `--output json`, streamed: byte for byte what `formatJson` prints for the whole report.
 *
 * @example
 * ```ts
 * const w = jsonWriter(process.stdout, 'proposal')
 * for await (const e of checkStream(sources)) w.add(e)
 * w.end()
 * ```
 */
export function jsonWriter(stdout: CliOutput, semantics: Semantics, kubernetesVersion?: KubernetesVersion, options: SpoolOptions = {}): EntryWriter {
  const out = new Buffered(stdout)
  // Their place is after the results: held as JSON text, in a temporary file past the limit.
  const errors = new SpooledArray(options.spoolLimit)
  const warnings = new SpooledArray(options.spoolLimit)
  const skipped = new SpooledArray(options.spoolLimit)
  let results = 0
  const version = decidedBy(semantics, kubernetesVersion).kubernetesVersion
  out.write(`{\n  "semantics": ${JSON.stringify(semantics)},${version === undefined ? '' : `\n  "kubernetesVersion": ${JSON.stringify(version)},`}\n  "results": [`)
  return {
    add: (e) => {
      switch (e._tag) {
        case 'Result':
          out.write(`${results === 0 ? '' : ','}\n    ${indented(inSpecOrder(e.result), '    ')}`)
          results++
          break
        case 'Error':
          errors.push(e.error)
          break
        case 'Warning':
          warnings.push(e.warning)
          break
        case 'Skipped':
          skipped.push(e.skipped)
          break
      }
    },
    end: (last) => {
      out.write(results === 0 ? ']' : '\n  ]')
      out.write(',\n  "errors": ')
      errors.drainTo(out)
      out.write(',\n  "warnings": ')
      warnings.drainTo(out)
      out.write(',\n  "skipped": ')
      skipped.drainTo(out)
      // Only when exemptions were given (as formatJson does), and last: the counts are final only now.
      if (last?.exemptions !== undefined) out.write(`,\n  "exemptions": ${indented(last.exemptions, '  ')}`)
      out.write('\n}\n')
      out.flush()
    },
  }
}

/** Where a streamed writer holds what it writes last. */
export interface SpoolOptions {
  /** Characters held in memory before a temporary file takes them (default 8 MiB). */
  readonly spoolLimit?: number | undefined
}

/**
 * A JSON array of the report's second-level lists (errors, warnings, skipped), written as
 * `formatJson` indents it (`JSON.stringify(list, null, 2)` under two spaces), element by element
 * into a spool, so a list of any length is never held.
 */
class SpooledArray {
  private readonly spool: Spool
  private count = 0
  constructor(limit: number | undefined) {
    this.spool = new Spool(limit)
  }
  get onDisk(): boolean {
    return this.spool.onDisk
  }
  push(value: unknown): void {
    this.spool.write(`${this.count === 0 ? '' : ','}\n    ${indented(value, '    ')}`)
    this.count++
  }
  drainTo(out: Buffered): void {
    if (this.count === 0) {
      out.write('[]')
      return
    }
    out.write('[')
    out.flush()
    this.spool.drainTo(out)
    out.write('\n  ]')
  }
}

/**
 * `--output ndjson`: one JSON object per line as entries arrive, `type` first (`result`,
 * `error`, `warning`, `skipped`), then a last `summary` line with the counts, so a pipeline
 * knows the report is complete; under `kubernetes` it carries `kubernetesVersion` too.
 *
 * @example
 * ```ts
 * // {"type":"result","source":"pod.yaml","document":0,"line":5,…}
 * // {"type":"summary","semantics":"proposal","results":1,"errors":0,"warnings":0,"skipped":0}
 * ```
 */
export function ndjsonWriter(stdout: CliOutput, semantics: Semantics, kubernetesVersion?: KubernetesVersion): EntryWriter {
  const out = new Buffered(stdout)
  const counts = { results: 0, errors: 0, warnings: 0, skipped: 0 }
  return {
    add: (e) => {
      switch (e._tag) {
        case 'Result':
          counts.results++
          out.write(`${JSON.stringify({ type: 'result', ...inSpecOrder(e.result) })}\n`)
          break
        case 'Error':
          counts.errors++
          out.write(`${JSON.stringify({ type: 'error', ...e.error })}\n`)
          break
        case 'Warning':
          counts.warnings++
          out.write(`${JSON.stringify({ type: 'warning', ...e.warning })}\n`)
          break
        case 'Skipped':
          counts.skipped++
          out.write(`${JSON.stringify({ type: 'skipped', ...e.skipped })}\n`)
          break
      }
    },
    end: () => {
      out.write(`${JSON.stringify({ type: 'summary', ...decidedBy(semantics, kubernetesVersion), ...counts })}\n`)
      out.flush()
    },
  }
}

/**
 * `--output sarif`, streamed: the log `formatSarif` prints (the same results in the same order,
 * the same rule indices), with the run's `tool` written after its results, once every rule met
 * is known.
 *
 * @example
 * ```ts
 * const w = sarifWriter(process.stdout, 'proposal', { cwd: process.cwd() })
 * ```
 */
export function sarifWriter(stdout: CliOutput, semantics: Semantics, options: SarifOptions & SpoolOptions = {}): EntryWriter {
  const out = new Buffered(stdout)
  const builder = new SarifBuilder(options)
  // Written after the results, as formatSarif orders them: held as JSON lines, in a temporary file past the limit.
  const errors = new SpooledValues<ReportError>(options.spoolLimit)
  const reported = new SpooledValues<ShownWarning>(options.spoolLimit)
  const decided = new SpooledValues<ShownWarning>(options.spoolLimit)
  let results = 0
  const pad = '        '
  const item = (r: unknown): void => {
    out.write(`${results === 0 ? '' : ','}\n${pad}${indented(r, pad)}`)
    results++
  }
  out.write(`{\n  "$schema": ${JSON.stringify(SARIF_SCHEMA_URI)},\n  "version": "2.1.0",\n  "runs": [\n    {\n      "columnKind": "utf16CodeUnits",\n      "properties": ${indented(runProperties(semantics, options.kubernetesVersion), '      ')},\n      "results": [`)
  return {
    add: (e) => {
      if (e._tag === 'Result') {
        for (const r of builder.ofResult(e.result)) item(r)
        for (const w of e.result.warnings) decided.push(shownWarningOf(w))
      } else if (e._tag === 'Error') errors.push(e.error)
      else if (e._tag === 'Warning') reported.push(shownWarningOf(e.warning))
    },
    end: () => {
      errors.drain((e) => item(builder.ofError(e)))
      const shown = new ShownOnce()
      const each = (w: ShownWarning): void => {
        if (shown.first(w)) item(builder.ofWarning(w))
      }
      reported.drain(each)
      decided.drain(each)
      out.write(results === 0 ? ']' : '\n      ]')
      // The bases are known once every location was made: written last, as the tool is.
      out.write(`,\n      "originalUriBaseIds": ${indented(builder.originalUriBaseIds(), '      ')}`)
      out.write(`,\n      "tool": ${indented(builder.tool(), '      ')}\n    }\n  ]\n}\n`)
      out.flush()
    },
  }
}

/** How {@link textWriter} renders the report. */
export interface TextWriterOptions {
  readonly colour: boolean
  /** Sources in the order they are checked, so a source with nothing in it still gets a line. */
  readonly sources: ReadonlyArray<string>
  /** Stated on the report's first line, before any `yes` or `no`. */
  readonly decidedBy: DecidedBy
  /**
   * Only containers with violations or findings (exempted ones too), errors and warnings, then
   * the totals: in a CI log of 2,000 passing containers the one that fails is what is read.
   */
  readonly failuresOnly?: boolean
}

/** The line --failures-only ends with, so a reader knows rows were left out on purpose. */
const hiddenLine = (n: number): string => `${n} container${n === 1 ? '' : 's'} without violations or findings not shown (--failures-only)`

/** A source's part of the text report while it is being written. */
interface Section {
  readonly source: string
  results: ContainerResult[]
  widths: number[] | null
  readonly errors: ReportError[]
  readonly skipped: ReportSkipped[]
  readonly reported: ShownWarning[]
  readonly decided: ShownWarning[]
  any: boolean
  titled: boolean
}

/** Rows a table is measured on before it starts printing; rows after them keep those widths. */
export const TEXT_TABLE_WINDOW = 1000

const sectionOf = (source: string): Section => ({ source, results: [], widths: null, errors: [], skipped: [], reported: [], decided: [], any: false, titled: false })

/**
 * `--output text`, streamed: what `formatText` prints, a source at a time. A table's columns are
 * as wide as its first {@link TEXT_TABLE_WINDOW} rows need (all of them, for smaller tables: the
 * same table `formatText` prints); rows are printed as they come after that.
 *
 * @example
 * ```ts
 * const w = textWriter(process.stdout, { colour: false, sources: ['a.yaml'], decidedBy: { semantics: 'proposal' } })
 * ```
 */
export function textWriter(stdout: CliOutput, options: TextWriterOptions): EntryWriter {
  const out = new Buffered(stdout)
  const failuresOnly = options.failuresOnly === true
  // Containers --failures-only left out, said in one line so nothing is silently dropped.
  let hidden = 0
  const p: Palette = palette(options.colour)
  const order = options.sources
  const inOrder = new Set(order)
  const tally = emptyTally()
  const dedupe = new Warnings()
  let shownWarnings = 0
  let next = 0
  let current: Section | null = null
  // Sources the operands did not name (a policy file's problems): printed last, as formatText does.
  const others = new Map<string, Section>()

  const writeLines = (lines: ReadonlyArray<string>): void => {
    for (const line of lines) out.write(`${line}\n`)
  }
  writeLines([decidedByLine(options.decidedBy), ''])
  const title = (s: Section): void => {
    if (s.titled) return
    s.titled = true
    writeLines([p.bold(s.source)])
  }
  const flushRows = (s: Section): void => {
    if (s.results.length === 0) return
    title(s)
    if (s.widths === null) {
      s.widths = widthsOf(s.results)
      writeLines([headerLine(s.widths, p)])
    }
    writeLines(tableRows(s.results, s.widths, p))
    s.results = []
  }
  const finish = (s: Section): void => {
    const shown = dedupe.shown(s.reported, s.decided)
    shownWarnings += shown.length
    if (failuresOnly && !s.titled && s.results.length === 0 && s.errors.length === 0 && shown.length === 0) return
    title(s)
    if (!s.any && shown.length === 0) writeLines([`  ${p.dim('no containers')}`])
    flushRows(s)
    writeLines(sectionTail(s.errors, s.skipped, shown, p))
    out.write('\n')
  }
  const open = (source: string): Section => {
    if (current !== null && current.source === source) return current
    const other = others.get(source)
    if (other !== undefined) return other
    if (!inOrder.has(source)) {
      const s = sectionOf(source)
      others.set(source, s)
      return s
    }
    if (current !== null) finish(current)
    current = null
    // Sources named before this one that gave no entry at all still get their line.
    while (next < order.length && order[next] !== source) finish(sectionOf(order[next++] as string))
    next++
    current = sectionOf(source)
    return current
  }

  return {
    add: (e) => {
      switch (e._tag) {
        case 'Result': {
          const s = open(e.result.source)
          tallyResult(tally, e.result)
          // A decision's warning is shown under its own source (a policy's, in the policy's file).
          for (const w of e.result.warnings)
            (w.source === e.result.source ? s : open(w.source)).decided.push(shownWarningOf(w))
          // An exempted item still shows (exemptions are reported, never hidden), so it keeps its row.
          if (failuresOnly && e.result.violations.length === 0 && e.result.findings.length === 0) {
            hidden++
            break
          }
          s.any = true
          s.results.push(e.result)
          if (s === current && s.results.length >= TEXT_TABLE_WINDOW) flushRows(s)
          break
        }
        case 'Error': {
          const s = open(e.error.source)
          s.any = true
          tallyError(tally, e.error)
          s.errors.push(e.error)
          break
        }
        case 'Warning': {
          const s = open(e.warning.source)
          const w = e.warning
          s.reported.push(shownWarningOf(w))
          break
        }
        case 'Skipped': {
          const s = open(e.skipped.source)
          tally.skipped++
          if (failuresOnly) break
          s.any = true
          s.skipped.push(e.skipped)
          break
        }
      }
    },
    end: () => {
      if (current !== null) finish(current)
      while (next < order.length) finish(sectionOf(order[next++] as string))
      for (const s of others.values()) finish(s)
      const sources = order.length + others.size
      if (hidden > 0) out.write(`${p.dim(hiddenLine(hidden))}\n`)
      out.write(`${summaryLine(tally, shownWarnings, sources, p)}\n`)
      out.flush()
    },
  }
}
