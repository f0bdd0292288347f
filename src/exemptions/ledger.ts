/**
 * The exemption stage: marks the violations and findings of container results that an
 * exemption covers, and remembers which exemptions were used, so that the ones that matched
 * nothing are reported at the end with where they were declared.
 *
 * It is a stage of its own, fed one container result at a time, so any pipeline that produces
 * `ContainerResult`s (one call per file in the CLI, one call for many sources in the library)
 * can run it and ask for the unused ones once everything was seen.
 *
 * @packageDocumentation
 */
import type { ContainerResult, ReportError, ReportWarning } from '../report/report.js'
import { readExemptionsFile } from './file.js'
import { exempts } from './match.js'
import type { ExemptionProblem } from './problem.js'
import type { Exemption, ExemptionMark, ExemptionSummary, ExemptionTarget } from './types.js'

/** One exemptions file, as text. */
export interface ExemptionSource {
  readonly source: string
  readonly text: string
}

/**
 * The stage, holding the exemptions files' exemptions and counting what each one marked.
 *
 * @example
 * ```ts
 * const stage = createExemptions([{ source: 'exemptions.yaml', text }])
 * const marked = stage.apply(result, { image: 'nginx:1.27', local: [] })
 * stage.unused() // the exemptions that matched nothing so far
 * ```
 */
export interface Exemptions {
  /** Problems of the exemptions files (syntax, malformed entries, missing reasons, unknown fields). */
  readonly problems: ReadonlyArray<ExemptionProblem>
  /**
   * `result` with each violation and finding an exemption covers marked `exempted`: the
   * carrying object's own (annotation) exemptions first, then the files' in order. Nothing is
   * removed. `local` exemptions are remembered for `unused` and `summary`.
   */
  apply(result: ContainerResult, context: { readonly image: string | null; readonly local: ReadonlyArray<Exemption> }): ContainerResult
  /** Records annotation exemptions of an object that had no container to apply them to. */
  declare(local: ReadonlyArray<Exemption>): void
  /** Every exemption seen so far that marked nothing, as `unused-exemption` warnings. */
  unused(): ReadonlyArray<ExemptionProblem>
  /** Every exemption seen so far with how many items it marked. */
  summary(): ReadonlyArray<ExemptionSummary>
  /** The exemptions files the stage was built from: another thread builds the same stage from them. */
  readonly files: ReadonlyArray<ExemptionSource>
  /**
   * What this stage counted since the last call, as plain data (it crosses to another thread),
   * and forgets it: a worker thread takes it per file, the main thread adds it to its own stage.
   */
  takeUsage(): ExemptionUsage
  /**
   * Counts `usage` taken from a stage built from the same `files` (a worker thread's) as if this
   * stage had marked it: the files' counts add up, the annotations join in the order they come.
   */
  addUsage(usage: ExemptionUsage): void
}

/**
 * Marks counted by one stage, to be added to another built from the same files: per
 * exemptions-file entry (in declaration order) how many items it marked, and each annotation
 * exemption declared with its count.
 *
 * @example
 * ```ts
 * mainStage.addUsage(workerStage.takeUsage())
 * ```
 */
export interface ExemptionUsage {
  readonly files: ReadonlyArray<number>
  readonly annotations: ReadonlyArray<{ readonly exemption: Exemption; readonly exempted: number }>
}

/**
 * Builds the stage from exemptions files.
 *
 * @example
 * ```ts
 * createExemptions([]).problems // []
 * ```
 */
export function createExemptions(files: ReadonlyArray<ExemptionSource>): Exemptions {
  const fromFiles: Exemption[] = []
  const problems: ExemptionProblem[] = []
  for (const f of files) {
    const read = readExemptionsFile(f.source, f.text)
    fromFiles.push(...read.exemptions)
    problems.push(...read.problems)
  }
  // Insertion order is declaration order: files first, then annotations as they are met.
  const counts = new Map<Exemption, number>(fromFiles.map((e) => [e, 0]))
  // What takeUsage has not handed over yet: the marks of each exemption since the last call, the
  // annotations declared since included (at 0), in declaration order.
  let since = new Map<Exemption, number>()
  const inFiles = new Set(fromFiles)
  const declare = (local: ReadonlyArray<Exemption>): void => {
    for (const e of local) {
      if (counts.has(e)) continue
      counts.set(e, 0)
      since.set(e, 0)
    }
  }
  const markOf = (target: ExemptionTarget, local: ReadonlyArray<Exemption>, code: string): ExemptionMark | undefined => {
    const found = local.find((e) => exempts(e, target, code)) ?? fromFiles.find((e) => exempts(e, target, code))
    if (found === undefined) return undefined
    counts.set(found, (counts.get(found) ?? 0) + 1)
    since.set(found, (since.get(found) ?? 0) + 1)
    return { reason: found.reason, source: found.origin }
  }
  return {
    problems,
    files,
    declare,
    takeUsage() {
      const annotations = [...since].filter(([e]) => !inFiles.has(e)).map(([exemption, exempted]) => ({ exemption, exempted }))
      const usage: ExemptionUsage = { files: fromFiles.map((e) => since.get(e) ?? 0), annotations }
      since = new Map()
      return usage
    },
    addUsage(usage) {
      usage.files.forEach((n, i) => {
        const e = fromFiles[i]
        if (e !== undefined) counts.set(e, (counts.get(e) ?? 0) + n)
      })
      for (const { exemption, exempted } of usage.annotations) counts.set(exemption, (counts.get(exemption) ?? 0) + exempted)
    },
    apply(result, { image, local }) {
      declare(local)
      if (result.violations.length === 0 && result.findings.length === 0) return result
      const target: ExemptionTarget = { namespace: result.namespace, kind: result.kind, name: result.name, container: result.container, image }
      const mark = <A extends { readonly code: string }>(item: A): A => {
        const exempted = markOf(target, local, item.code)
        return exempted === undefined ? item : { ...item, exempted }
      }
      return { ...result, violations: result.violations.map(mark), findings: result.findings.map(mark) }
    },
    unused() {
      const out: ExemptionProblem[] = []
      for (const [e, n] of counts) {
        if (n > 0) continue
        out.push({ severity: 'warning', code: 'unused-exemption', message: `exemption of ${e.rules.join(', ')}${scopeWords(e)} matched nothing (reason: ${e.reason}); remove it or fix what it names`, at: e.origin })
      }
      return out
    },
    summary() {
      return [...counts].map(([e, n]) => ({
        rules: e.rules,
        ...(e.namespace === undefined ? {} : { namespace: e.namespace }),
        ...(e.kind === undefined ? {} : { kind: e.kind }),
        ...(e.name === undefined ? {} : { name: e.name }),
        ...(e.containers === undefined ? {} : { containers: e.containers }),
        ...(e.image === undefined ? {} : { image: e.image }),
        reason: e.reason,
        source: e.origin,
        exempted: n,
      }))
    },
  }
}

function scopeWords(e: Exemption): string {
  const parts: string[] = []
  if (e.namespace !== undefined) parts.push(`namespace ${e.namespace}`)
  if (e.kind !== undefined) parts.push(`kind ${e.kind}`)
  if (e.name !== undefined) parts.push(`name ${e.name}`)
  if (e.containers !== undefined) parts.push(`container ${e.containers.join(', ')}`)
  if (e.image !== undefined) parts.push(`image ${e.image}`)
  return parts.length === 0 ? '' : ` for ${parts.join(', ')}`
}

/**
 * A problem as the report's entry: errors exempt nothing and stop the run's success (exit 2, as
 * undecodable input does); warnings are advice.
 *
 * @example
 * ```ts
 * const entry = problemEntry(problem) // { _tag: 'Error', error } or { _tag: 'Warning', warning }
 * ```
 */
export function problemEntry(p: ExemptionProblem): { readonly _tag: 'Error'; readonly error: ReportError } | { readonly _tag: 'Warning'; readonly warning: ReportWarning } {
  const { source, document, line, path } = p.at
  if (p.severity === 'error') return { _tag: 'Error', error: { source, document, line, column: null, path, code: p.code, message: p.message, category: 'input' } }
  return { _tag: 'Warning', warning: { source, document, line, path, code: p.code, message: p.message } }
}

/**
 * Whether a violation or finding counts towards the exit status.
 *
 * @example
 * ```ts
 * report.results.some((r) => r.violations.some(counts))
 * ```
 */
export function counts(item: { readonly exempted?: ExemptionMark | undefined }): boolean {
  return item.exempted === undefined
}
