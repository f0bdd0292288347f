/**
 * Short words for the parts of a report a person reads: why a decision came out as it did, the
 * kind of container, where a pod's spec sits.
 *
 * @packageDocumentation
 */
import type { ContainerType, Report, ReportWarning } from '../../report/report.js'
import type { Decision, Origin } from '../../resolve/types.js'

/**
 * Why a container got its decision, in a few words.
 *
 * @example
 * ```ts
 * why(proposalDecision) // 'allowPrivilegeEscalation false (container), runs as root (default)'
 * ```
 */
export function why(decision: Decision): string {
  if (!decision.applicable) return 'windows pod: no_new_privs does not exist there'
  switch (decision.semantics) {
    case 'proposal':
      return `allowPrivilegeEscalation ${decision.row} (${originWord(decision.rowFrom)}), ${columnWords(decision.column)} (${originWord(decision.columnFrom)})`
    case 'noNewPrivileges':
      return `noNewPrivileges ${decision.noNewPrivs} (${originWord(decision.from)})`
    case 'kubernetes':
      return `allowPrivilegeEscalation ${decision.setting === null ? 'unset' : String(decision.setting)} after admission (${originWord(decision.from)})`
  }
}

function columnWords(column: 'root' | 'nonRoot' | 'privileged'): string {
  return column === 'root' ? 'runs as root' : column === 'nonRoot' ? 'runs as non-root' : 'privileged'
}

function originWord(origin: Origin): string {
  return origin.target === 'default' ? 'default' : `from ${origin.target}`
}

/**
 * The word the text report uses for where a container sits.
 *
 * @example
 * ```ts
 * containerTypeWord('initContainers') // 'init'
 * ```
 */
export function containerTypeWord(type: ContainerType): string {
  return type === 'initContainers' ? 'init' : type === 'ephemeralContainers' ? 'ephemeral' : 'container'
}

/**
 * Every source a report mentions, in first-mention order (results, then errors, warnings,
 * skipped), after those listed in `order`.
 *
 * @example
 * ```ts
 * sourcesOf(report, ['a.yaml']) // ['a.yaml', 'b.yaml']
 * ```
 */
export function sourcesOf(report: Report, order: ReadonlyArray<string> = []): ReadonlyArray<string> {
  const seen = new Set<string>(order)
  const out = [...seen]
  const add = (source: string): void => {
    if (!seen.has(source)) {
      seen.add(source)
      out.push(source)
    }
  }
  for (const r of report.results) add(r.source)
  for (const e of report.errors) add(e.source)
  for (const w of report.warnings) add(w.source)
  for (const s of report.skipped) add(s.source)
  return out
}

/** A warning with its path from the document root, whichever list it came from. */
export interface ShownWarning {
  readonly source: string
  readonly document: number
  readonly line: number | null
  readonly path: string
  readonly code: string
  readonly message: string
}

/**
 * A report warning (or a result's placed decision warning) as the formats show it.
 *
 * @example
 * ```ts
 * shownWarningOf(report.warnings[0]).line // null when the warning has no line
 * ```
 */
export function shownWarningOf(w: ReportWarning): ShownWarning {
  return { source: w.source, document: w.document, line: w.line ?? null, path: w.path, code: w.code, message: w.message }
}

/**
 * The warnings shown so far, so each is shown once: the same warning may come with many entries
 * (a policy's, with every container it was not applied to).
 *
 * @example
 * ```ts
 * const once = new ShownOnce()
 * once.first(w) // true
 * once.first(w) // false
 * ```
 */
export class ShownOnce {
  private readonly keys = new Set<string>()
  /** How many different warnings were seen. */
  get size(): number {
    return this.keys.size
  }
  /** Whether `w` is seen for the first time (same source, document, path and code). */
  first(w: Pick<ShownWarning, 'source' | 'document' | 'path' | 'code'>): boolean {
    const key = `${w.source}\u0000${w.document}\u0000${w.path}\u0000${w.code}`
    if (this.keys.has(key)) return false
    this.keys.add(key)
    return true
  }
}

/**
 * The report's warnings plus the warnings carried by decisions (such as `sys-admin-spelling`),
 * without showing the same one twice.
 *
 * @example
 * ```ts
 * allWarnings(report).map((w) => w.code) // ['unknown-field', 'sys-admin-spelling']
 * ```
 */
export function allWarnings(report: Report): ReadonlyArray<ShownWarning> {
  const out: ShownWarning[] = []
  const once = new ShownOnce()
  const push = (w: ReportWarning): void => {
    const shown = shownWarningOf(w)
    if (once.first(shown)) out.push(shown)
  }
  for (const w of report.warnings) push(w)
  for (const r of report.results) for (const w of r.warnings) push(w)
  return out
}
