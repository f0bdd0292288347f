/**
 * `--output github`: GitHub Actions workflow commands, so each problem shows as an annotation on
 * its file and line in the pull request, plus a Markdown step summary.
 *
 * - a violation, a finding, a policy's violation and input that could not be read or decoded are
 *   `::error` (each makes the exit status non-zero); a warning is `::warning`; an exempted item
 *   is `::notice` (exemptions are reported, never hidden, but it does not fail the run);
 * - the runner shows only 10 annotations of each type per step (50 per job), so every one is
 *   printed (the log keeps them) and, past that, a last annotation (a `::notice`, or a type still
 *   under its limit, so that it shows) says how many there were and points at the step summary;
 * - when `$GITHUB_STEP_SUMMARY` is set, a summary is appended there: the counts, what decided,
 *   and a table of failing containers and errors, capped with "and N more".
 *
 * Annotations are written as they arrive; the summary keeps at most {@link SUMMARY_ROWS} rows.
 *
 * @packageDocumentation
 */
import { counts } from '../../exemptions/ledger.js'
import type { ContainerResult, ReportError, ReportWarning } from '../../report/report.js'
import { isViolationError } from '../exitStatus.js'
import type { CliOutput } from '../io.js'
import { STDIN_SOURCE } from '../sources.js'
import type { DecidedBy } from './decidedBy.js'
import { decidedByWords } from './decidedBy.js'
import { ShownOnce } from './describe.js'
import { caseName } from './junit.js'
import { isAdvisory } from './sarif.js'
import type { EntryWriter } from './streamed.js'
import { emptyTally, summaryLine, tallyError, tallyResult } from './text.js'
import { palette } from '../colour.js'

/** Annotations of one type the runner shows per step. */
export const ANNOTATIONS_SHOWN_PER_STEP = 10

/** Rows of the step summary's table; the rest are counted in an "and N more" line. */
export const SUMMARY_ROWS = 50

/** How {@link githubWriter} writes. */
export interface GithubOptions {
  readonly decidedBy: DecidedBy
  /** `$GITHUB_STEP_SUMMARY`, opened to append, when the runner set it. */
  readonly summary?: CliOutput
}

type Level = 'error' | 'warning' | 'notice'

/** Where and what an annotation is about. */
export interface Annotation {
  readonly file?: string | undefined
  readonly line?: number | null | undefined
  readonly col?: number | null | undefined
  readonly title: string
  readonly message: string
}

/**
 * A workflow command's message escaped as the runner unescapes it: `%`, CR and LF. Without this
 * a message with a newline would end the command, and its next line (`::set-output …` in a
 * container's name) would be read as a command of its own.
 *
 * @example
 * ```ts
 * escapeData('50%\nmore') // '50%25%0Amore'
 * ```
 */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/**
 * A property value (`file=`, `title=`): as {@link escapeData}, and `:` and `,`, which end a
 * property.
 *
 * @example
 * ```ts
 * escapeProperty('a,b:c') // 'a%2Cb%3Ac'
 * ```
 */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/**
 * One workflow command line.
 *
 * @example
 * ```ts
 * workflowCommand('error', { file: 'deploy.yaml', line: 12, title: 'privileged-without-escalation', message: 'cannot set …' })
 * // '::error file=deploy.yaml,line=12,title=privileged-without-escalation::cannot set …'
 * ```
 */
export function workflowCommand(level: Level, a: Annotation): string {
  const props: string[] = []
  if (a.file !== undefined) props.push(`file=${escapeProperty(a.file)}`)
  if (a.line !== undefined && a.line !== null) props.push(`line=${a.line}`)
  if (a.col !== undefined && a.col !== null) props.push(`col=${a.col}`)
  props.push(`title=${escapeProperty(a.title)}`)
  return `::${level} ${props.join(',')}::${escapeData(a.message)}`
}

/** A source is a file in the repository, except standard input, which has no file to annotate. */
const fileOf = (source: string): string | undefined => (source === STDIN_SOURCE ? undefined : source)

/**
 * A Markdown table cell: `|` would split it, a newline end the row, and HTML is rendered, so
 * those are escaped.
 *
 * @example
 * ```ts
 * markdownCell('a|b <c>') // 'a\\|b &lt;c&gt;'
 * ```
 */
export function markdownCell(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n|\r/g, ' ')
}

/**
 * The GitHub Actions report.
 *
 * @example
 * ```ts
 * const w = githubWriter(process.stdout, { decidedBy: { semantics: 'kubernetes', kubernetesVersion: 'v1.32' } })
 * // ::error file=deploy.yaml,line=12,title=privileged-without-escalation (Deployment prod/web%3A container app)::cannot set …
 * ```
 */
export function githubWriter(stdout: CliOutput, options: GithubOptions): EntryWriter {
  const printed: Record<Level, number> = { error: 0, warning: 0, notice: 0 }
  const tally = emptyTally()
  const warned = new ShownOnce()
  // Sources with an entry, for the totals' "in N sources" (one name each: bounded by the operands).
  const sources = new Set<string>()
  const rows: string[] = []
  let moreRows = 0
  const print = (level: Level, a: Annotation): void => {
    printed[level]++
    stdout.write(`${workflowCommand(level, a)}\n`)
  }
  const row = (cells: ReadonlyArray<string>): void => {
    if (rows.length < SUMMARY_ROWS) rows.push(`| ${cells.map(markdownCell).join(' | ')} |`)
    else moreRows++
  }
  const warning = (w: ReportWarning): void => {
    if (warned.first(w)) print('warning', { file: fileOf(w.source), line: w.line, title: w.code, message: `${w.message} (at ${w.path})` })
  }
  const ofResult = (r: ContainerResult): void => {
    tallyResult(tally, r)
    const name = caseName(r)
    const failing: string[] = []
    for (const item of [...r.violations, ...r.findings]) {
      if (counts(item)) {
        failing.push(item.code)
        print(isAdvisory(item) ? 'warning' : 'error', { file: fileOf(r.source), line: item.line ?? r.line, title: `${item.code} (${name})`, message: `${item.message} (at ${item.path})` })
      } else {
        print('notice', { file: fileOf(r.source), line: r.line, title: `exempted: ${item.code} (${name})`, message: `${item.exempted?.reason ?? ''} (at ${item.path})` })
      }
    }
    if (failing.length > 0) row([r.source, String(r.line), name, failing.join(', ')])
    for (const w of r.warnings) warning(w)
  }
  const ofError = (e: ReportError): void => {
    tallyError(tally, e)
    const what = isViolationError(e) ? e.code : `${e.code} (${e.document === null ? 'whole file' : `document ${e.document}`})`
    print('error', { file: fileOf(e.source), line: e.line, col: e.column, title: what, message: e.path === undefined || e.path === '' ? e.message : `${e.message} (at ${e.path})` })
    row([e.source, e.line === null ? '' : String(e.line), e.document === null ? 'whole file' : `document ${e.document}`, e.code])
  }

  return {
    add: (e) => {
      sources.add(e._tag === 'Result' ? e.result.source : e._tag === 'Error' ? e.error.source : e._tag === 'Warning' ? e.warning.source : e.skipped.source)
      switch (e._tag) {
        case 'Result':
          ofResult(e.result)
          break
        case 'Error':
          ofError(e.error)
          break
        case 'Warning':
          warning(e.warning)
          break
        case 'Skipped':
          tally.skipped++
          break
      }
    },
    end: () => {
      const totals = summaryLine(tally, warned.size, sources.size, palette(false))
      const over = (Object.keys(printed) as Level[]).filter((l) => printed[l] > ANNOTATIONS_SHOWN_PER_STEP)
      if (over.length > 0) {
        const counted = over.map((l) => `${printed[l]} ${l === 'error' ? 'errors' : l === 'warning' ? 'warnings' : 'notices'}`).join(' and ')
        const where = options.summary === undefined ? 'every one is in this log above' : 'the step summary lists the failing containers, and every one is in this log above'
        // Of a type still under the limit, so that this one is shown.
        const level = (['notice', 'warning', 'error'] as const).find((l) => printed[l] < ANNOTATIONS_SHOWN_PER_STEP) ?? 'notice'
        stdout.write(`${workflowCommand(level, { title: 'no-new-privs: more annotations than GitHub shows', message: `${counted}: the runner shows only ${ANNOTATIONS_SHOWN_PER_STEP} of each type per step (50 per job); ${where}` })}\n`)
      }
      stdout.write(`no-new-privs: ${totals}; decided by ${decidedByWords(options.decidedBy)}\n`)
      if (options.summary !== undefined) options.summary.write(stepSummary(totals, options.decidedBy, rows, moreRows))
    },
  }
}

function stepSummary(totals: string, decided: DecidedBy, rows: ReadonlyArray<string>, more: number): string {
  const lines = ['## no-new-privs', '', `${markdownCell(totals)}`, '', `Decided by ${decidedByWords(decided)}.`, '']
  if (rows.length > 0) {
    lines.push('| source | line | object | problems |', '| --- | ---: | --- | --- |', ...rows)
    if (more > 0) lines.push('', `and ${more} more (every one is an annotation in the step's log)`)
    lines.push('')
  }
  return `${lines.join('\n')}\n`
}
