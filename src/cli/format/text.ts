/**
 * `--output text`: one table per source that a person reads at a glance, then one summary line.
 *
 * @packageDocumentation
 */
import type { ExemptionMark } from '../../exemptions/types.js'
import { counts } from '../../exemptions/ledger.js'
import type { ContainerResult, Report, ReportError, ReportSkipped } from '../../report/report.js'
import type { KubernetesVersion } from '../../resolve/types.js'
import { palette } from '../colour.js'
import { isViolationError } from '../exitStatus.js'
import type { Palette } from '../colour.js'
import { allWarnings, containerTypeWord, sourcesOf, why } from './describe.js'
import type { ShownWarning } from './describe.js'
import { decidedBy, decidedByWords } from './decidedBy.js'
import type { DecidedBy } from './decidedBy.js'

/** How to render the text report. */
export interface TextOptions {
  /** ANSI colours (decide with `wantsColour`). Default `false`. */
  readonly colour?: boolean
  /** Sources in the order they were checked, so a source with nothing in it still gets a line. */
  readonly sources?: ReadonlyArray<string>
  /** The cluster version the `kubernetes` semantics decided by, stated on the last line. */
  readonly kubernetesVersion?: KubernetesVersion
}

const HEADER = ['LINE', 'KIND', 'NAME', 'CONTAINER', 'TYPE', 'NO_NEW_PRIVS', 'WHY'] as const

/**
 * Renders a report as text: per source a table of containers (line, kind, name, container, type,
 * `no_new_privs` yes/no/—, why), each container's violations and findings under its row with
 * their full paths, then the source's warnings, errors and skipped documents; last a summary.
 *
 * @example
 * ```ts
 * process.stdout.write(formatText(report, { colour: wantsColour(process.stdout, process.env) }))
 * // decided by semantics proposal
 * //
 * // examples/pod.yaml
 * //   LINE  KIND  NAME  CONTAINER  TYPE       NO_NEW_PRIVS  WHY
 * //   9     Pod   web   app        container  yes           allowPrivilegeEscalation false (from container), runs as root (default)
 * //
 * // 1 container in 1 source: 1 with no_new_privs, 0 without, 0 rejected · 0 violations · 0 findings · 0 warnings · 0 errors · 0 skipped
 * ```
 */
export function formatText(report: Report, options: TextOptions = {}): string {
  const p = palette(options.colour === true)
  const warnings = allWarnings(report)
  const lines: string[] = [decidedByLine(decidedBy(report.semantics, options.kubernetesVersion)), '']
  for (const source of sourcesOf(report, options.sources)) {
    pushAll(lines, sourceSection(source, report, warnings, p))
    lines.push('')
  }
  lines.push(summaryLine(tallyOf(report), warnings.length, sourcesOf(report, options.sources).length, p))
  return `${lines.join('\n')}\n`
}

function sourceSection(source: string, report: Report, warnings: ReadonlyArray<ShownWarning>, p: Palette): string[] {
  const results = report.results.filter((r) => r.source === source)
  const errors = report.errors.filter((e) => e.source === source)
  const skipped = report.skipped.filter((s) => s.source === source)
  const shown = warnings.filter((w) => w.source === source)
  const out = [p.bold(source)]
  if (results.length === 0 && errors.length === 0 && skipped.length === 0 && shown.length === 0) {
    out.push(`  ${p.dim('no containers')}`)
  }
  if (results.length > 0) pushAll(out, table(results, p))
  pushAll(out, sectionTail(errors, skipped, shown, p))
  return out
}

/** `out.push(...more)` without spreading: a table may have more rows than a call has arguments. */
export function pushAll<T>(out: T[], more: ReadonlyArray<T>): void {
  for (let i = 0; i < more.length; i++) out.push(more[i] as T)
}

/** The lines under a source's table: its warnings, errors and skipped documents. */
export function sectionTail(errors: ReadonlyArray<ReportError>, skipped: ReadonlyArray<ReportSkipped>, shown: ReadonlyArray<ShownWarning>, p: Palette): string[] {
  const out: string[] = []
  for (const w of shown) {
    out.push(`  ${p.yellow('! warning')} ${w.code} at ${w.path}${lineSuffix(w.line, w.document)}: ${w.message}`)
  }
  for (const e of errors) {
    const label = isViolationError(e) ? '✗ violation' : '✖ error'
    out.push(`  ${p.red(label)} ${e.code}${errorPlace(e)}: ${e.message}`)
  }
  if (skipped.length > 0) out.push(`  ${p.dim(`skipped: ${skipped.map(skippedWords).join(', ')}`)}`)
  return out
}

function table(results: ReadonlyArray<ContainerResult>, p: Palette): string[] {
  const widths = widthsOf(results)
  const out = [headerLine(widths, p)]
  pushAll(out, tableRows(results, widths, p))
  return out
}

function cellsOf(r: ContainerResult): string[] {
  return [
    String(r.line),
    r.kind,
    r.namespace === null ? (r.name ?? '—') : `${r.namespace}/${r.name ?? '—'}`,
    r.container ?? '—',
    containerTypeWord(r.containerType),
    verdictWord(r),
    whyColumn(r),
  ]
}

/**
 * The width of each column for these rows (a loop, not `Math.max(...rows)`: a spread of a
 * hundred thousand rows overflows the call stack).
 */
export function widthsOf(results: ReadonlyArray<ContainerResult>): number[] {
  const widths = HEADER.map((h) => h.length)
  for (const r of results) {
    const cells = cellsOf(r)
    for (let i = 0; i < cells.length; i++) if ((cells[i] as string).length > (widths[i] as number)) widths[i] = (cells[i] as string).length
  }
  return widths
}

function render(widths: ReadonlyArray<number>, cells: ReadonlyArray<string>, style: (cell: string, i: number) => string): string {
  return `  ${cells.map((c, i) => (i === cells.length - 1 ? style(c, i) : style(c.padEnd(widths[i]!), i))).join('  ')}`.trimEnd()
}

/** The table's header line. */
export function headerLine(widths: ReadonlyArray<number>, p: Palette): string {
  return render(widths, HEADER, (c) => p.dim(c))
}

/** The lines of these rows (and their violations and findings) in columns of these widths. */
export function tableRows(results: ReadonlyArray<ContainerResult>, widths: ReadonlyArray<number>, p: Palette): string[] {
  const out: string[] = []
  results.forEach((r) => {
    out.push(render(widths, cellsOf(r), (c, i) => (i === 5 ? verdictStyle(r, p)(c) : c)))
    for (const v of r.violations) {
      const from = v.policy === undefined ? '' : ` (policy ${v.policy.name}, ${v.policy.source} document ${v.policy.document})`
      out.push(itemLine(v, from, p), `        ${v.message}`, ...exemptedLine(v.exempted))
    }
    for (const f of r.findings) {
      out.push(itemLine(f, '', p), `        ${f.message}`, ...exemptedLine(f.exempted))
    }
  })
  return out
}

/** An exempted item keeps its line, marked `~ exempted` instead of `✗`, so nothing is hidden. */
function itemLine(item: { readonly code: string; readonly path: string; readonly exempted?: ExemptionMark | undefined }, from: string, p: Palette): string {
  if (item.exempted !== undefined) return `      ${p.dim('~')} ${item.code} at ${item.path}${from} ${p.yellow('(exempted)')}`
  return `      ${p.red('✗')} ${p.red(item.code)} at ${item.path}${from}`
}

function exemptedLine(mark: ExemptionMark | undefined): string[] {
  if (mark === undefined) return []
  const { kind, source, line } = mark.source
  const where = `${kind === 'annotation' ? 'annotation' : 'exemptions file'} ${source}${line === null ? '' : `:${line}`}`
  return [`        exempted by ${where}: ${mark.reason}`]
}

function whyColumn(r: ContainerResult): string {
  const base = r.reason !== null ? why(r.reason) : r.noNewPrivs === null ? 'rejected: nothing runs' : '—'
  return r.policy === null ? base : `${base}; policy ${r.policy}`
}

function verdictWord(r: ContainerResult): string {
  if (r.noNewPrivs === null) return '—'
  if (r.reason !== null && !r.reason.applicable) return 'no (n/a)'
  return r.noNewPrivs ? 'yes' : 'no'
}

function verdictStyle(r: ContainerResult, p: Palette): (s: string) => string {
  if (r.noNewPrivs === null || r.findings.some(counts)) return p.red
  return r.noNewPrivs ? p.green : p.yellow
}

function lineSuffix(line: number | null, document: number): string {
  return line === null ? ` (document ${document})` : ` (document ${document}, line ${line})`
}

function errorPlace(e: ReportError): string {
  const parts: string[] = []
  if (e.document !== null) parts.push(`document ${e.document}`)
  if (e.line !== null) parts.push(e.column === null ? `line ${e.line}` : `line ${e.line}, column ${e.column}`)
  if (e.path !== undefined && e.path !== '') parts.push(`at ${e.path}`)
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`
}

function skippedWords(s: ReportSkipped): string {
  return s.reason === undefined ? `${s.kind} (document ${s.document})` : s.reason
}

/** What the summary line counts. */
export interface TextTally {
  containers: number
  yes: number
  no: number
  rejected: number
  violations: number
  findings: number
  errors: number
  skipped: number
  /** Violations and findings an exemption covers: shown, not counted above. */
  exempted: number
}

/** An empty tally. */
export const emptyTally = (): TextTally => ({ containers: 0, yes: 0, no: 0, rejected: 0, violations: 0, findings: 0, errors: 0, skipped: 0, exempted: 0 })

/** Counts one result into a tally. */
export function tallyResult(t: TextTally, r: ContainerResult): void {
  t.containers++
  if (r.noNewPrivs === true) t.yes++
  else if (r.noNewPrivs === false) t.no++
  else t.rejected++
  const violations = r.violations.filter(counts).length
  const findings = r.findings.filter(counts).length
  t.violations += violations
  t.findings += findings
  t.exempted += r.violations.length - violations + r.findings.length - findings
}

/** Counts one error into a tally: a policy's violation is a violation, anything else an error. */
export function tallyError(t: TextTally, e: ReportError): void {
  if (isViolationError(e)) t.violations++
  else t.errors++
}

function tallyOf(report: Report): TextTally {
  const t = emptyTally()
  for (const r of report.results) tallyResult(t, r)
  for (const e of report.errors) tallyError(t, e)
  t.skipped = report.skipped.length
  return t
}

/**
 * The closing line: how many containers got `no_new_privs`, how many did not, how many were
 * rejected, and the count of every other kind of entry.
 */
export function summaryLine(t: TextTally, warnings: number, sources: number, p: Palette): string {
  const head = `${count(t.containers, 'container')} in ${count(sources, 'source')}: ${t.yes} with no_new_privs, ${t.no} without, ${t.rejected} rejected`
  const tail = [
    colourIf(t.violations > 0, p.red, count(t.violations, 'violation')),
    colourIf(t.findings > 0, p.red, count(t.findings, 'finding')),
    colourIf(warnings > 0, p.yellow, count(warnings, 'warning')),
    colourIf(t.errors > 0, p.red, count(t.errors, 'error')),
    `${t.skipped} skipped`,
    // Only when something was exempted, so the usual line stays as it was.
    ...(t.exempted > 0 ? [`${t.exempted} exempted`] : []),
  ]
  return [head, ...tail].join(' · ')
}

function colourIf(cond: boolean, style: (s: string) => string, s: string): string {
  return cond ? style(s) : s
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

/**
 * The report's first line: what decided it (the semantics, and the version for `kubernetes`), read before the first `yes` or `no`,
 * which it explains. (The totals stay the last line, for `tail -1`.)
 *
 * @example
 * ```ts
 * decidedByLine({ semantics: 'kubernetes', kubernetesVersion: 'v1.32' }) // 'decided by semantics kubernetes at Kubernetes v1.32'
 * ```
 */
export function decidedByLine(d: DecidedBy): string {
  return `decided by ${decidedByWords(d)}`
}
