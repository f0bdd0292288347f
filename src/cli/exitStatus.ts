/**
 * The exit status of `check`: 0 nothing found, 1 violations or findings, 2 input that could not be read or decoded.
 *
 * @packageDocumentation
 */
import { counts } from '../exemptions/ledger.js'
import type { ReportEntry } from '../report/check.js'
import type { Report, ReportError } from '../report/report.js'

/** `0` nothing found, `1` violations or findings, `2` unreadable or undecodable input (wins over `1`). */
export type ExitStatus = 0 | 1 | 2

/**
 * Whether an error entry is a rule a decoded object breaks rather than input that could not be
 * read or decoded: its `category`, which the check gave it where it knew why (a PodSecurityPolicy
 * document's own violations have no container to hang them on; they are violations all the same,
 * exit 1).
 *
 * @example
 * ```ts
 * isViolationError({ category: 'violation', … }) // true
 * isViolationError({ category: 'input', … })     // false
 * ```
 */
export function isViolationError(error: Pick<ReportError, 'category'>): boolean {
  return error.category === 'violation'
}

/**
 * What the process reports to its caller after `check`.
 *
 * @example
 * ```ts
 * exitStatusOf({ semantics: 'proposal', results: [], errors: [], warnings: [], skipped: [] }) // 0
 * ```
 */
export function exitStatusOf(report: Report): ExitStatus {
  if (report.errors.some((e) => !isViolationError(e))) return 2
  if (report.errors.length > 0) return 1
  // Exempted items are still in the report (never hidden) but do not fail the run.
  return report.results.some((r) => r.violations.some(counts) || r.findings.some(counts)) ? 1 : 0
}

/**
 * The exit status of a report that is never held: fed each entry as it is written.
 *
 * @example
 * ```ts
 * const tally = new ExitTally()
 * tally.add({ _tag: 'Error', error: { source: 'a.yaml', document: 0, line: 1, column: 1, code: 'yaml-syntax', message: '…', category: 'input' } })
 * tally.status() // 2
 * ```
 */
export class ExitTally {
  private unreadable = false
  private found = false

  add(entry: ReportEntry): void {
    if (entry._tag === 'Error') {
      if (isViolationError(entry.error)) this.found = true
      else this.unreadable = true
    } else if (entry._tag === 'Result' && (entry.result.violations.some(counts) || entry.result.findings.some(counts))) {
      // Exempted items are still written (never hidden) but do not fail the run.
      this.found = true
    }
  }

  status(): ExitStatus {
    return this.unreadable ? 2 : this.found ? 1 : 0
  }
}
