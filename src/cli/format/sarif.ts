/**
 * `--output sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
 *
 * @packageDocumentation
 */
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Location, Log, ReportingDescriptor, Result, Run, Suppression } from 'sarif'
import type { ExemptionMark } from '../../exemptions/types.js'
import type { ContainerResult, Report, ReportError } from '../../manifest/report.js'
import { STDIN_SOURCE } from '../sources.js'
import { INFORMATION_URI, VERSION } from '../version.js'
import { allWarnings } from './describe.js'
import type { ShownWarning } from './describe.js'
import { KNOWN_RULES, ruleForUnknownCode } from './rules.js'
import type { RuleLevel, RuleText } from './rules.js'

/** How to render SARIF. */
export interface SarifOptions {
  /** The directory relative paths are relative to (the repository root under CI). Default `process.cwd()`. */
  readonly cwd?: string
}

/** The JSON schema SARIF 2.1.0 logs name. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json'

/**
 * The report as a SARIF 2.1.0 log with one run: every violation, finding, decode error and
 * warning is a result whose rule id is its code, located by the source's relative URI, the line
 * (and column when known), and the field path as a logical location.
 *
 * @example
 * ```ts
 * const log = JSON.parse(formatSarif(report, { cwd: '/repo' }))
 * log.runs[0].results[0].ruleId // 'privileged-without-escalation'
 * ```
 */
export function formatSarif(report: Report, options: SarifOptions = {}): string {
  return `${JSON.stringify(sarifLog(report, options), null, 2)}\n`
}

/**
 * The SARIF log object behind {@link formatSarif}.
 *
 * @example
 * ```ts
 * sarifLog(report).version // '2.1.0'
 * ```
 */
export function sarifLog(report: Report, options: SarifOptions = {}): Log {
  const builder = new SarifBuilder(options)
  const results: Result[] = []
  for (const r of report.results) for (const item of builder.ofResult(r)) results.push(item)
  for (const e of report.errors) results.push(builder.ofError(e))
  for (const w of allWarnings(report)) results.push(builder.ofWarning(w))
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{ tool: builder.tool(), columnKind: 'utf16CodeUnits', results, properties: { semantics: report.semantics } }],
  }
}

/**
 * SARIF results one entry at a time, with the rule table they fill as they go: what
 * {@link sarifLog} builds for a whole report, and what a streamed log writes as entries arrive.
 *
 * @example
 * ```ts
 * const builder = new SarifBuilder({ cwd: '/repo' })
 * const items = builder.ofResult(result) // one SARIF result per violation and finding
 * builder.tool().driver.rules?.length // the known rules, then the codes met
 * ```
 */
export class SarifBuilder {
  private readonly cwd: string
  private readonly rules = new RuleTable()

  constructor(options: SarifOptions = {}) {
    this.cwd = options.cwd ?? process.cwd()
  }

  private locate(source: string, line: number | null, column: number | null, path: string | undefined): Location {
    return location(uriOf(source, this.cwd), line, column, path)
  }

  /** The SARIF results of one container: its violations and findings. */
  ofResult(r: ContainerResult): Result[] {
    const rules = this.rules
    const locate = this.locate.bind(this)
    const results: Result[] = []
    const where = `container "${r.container ?? '?'}" of ${r.kind}${r.name === null ? '' : ` "${r.name}"`}`
    const properties = {
      document: r.document,
      kind: r.kind,
      namespace: r.namespace,
      name: r.name,
      container: r.container,
      containerType: r.containerType,
      ...(r.policy === null ? {} : { admittedBy: r.policy }),
    }
    for (const v of r.violations) {
      const { rule, index } = rules.use(v.code, 'error')
      const at = v.policy === undefined ? this.locate(r.source, r.line, null, v.path) : this.locate(v.policy.source, null, null, v.path)
      results.push({
        ruleId: rule.id,
        ruleIndex: index,
        level: rule.level,
        message: { text: `${v.message} (${where}, at ${v.path})` },
        locations: [at],
        ...suppressionsOf(v.exempted, locate),
        properties: v.policy === undefined ? properties : { ...properties, policy: v.policy },
      })
    }
    for (const f of r.findings) {
      const { rule, index } = rules.use(f.code, 'error')
      results.push({
        ruleId: rule.id,
        ruleIndex: index,
        level: rule.level,
        message: { text: `${f.message} (${where})` },
        locations: [this.locate(r.source, r.line, null, f.path)],
        ...suppressionsOf(f.exempted, locate),
        properties,
      })
    }
    return results
  }

  /** The SARIF result of an error entry. */
  ofError(e: ReportError): Result {
    const { rule, index } = this.rules.use(e.code, 'error')
    return {
      ruleId: rule.id,
      ruleIndex: index,
      level: 'error',
      message: { text: e.document === null ? e.message : `document ${e.document}: ${e.message}` },
      locations: [this.locate(e.source, e.line, e.column, e.path)],
      ...(e.document === null ? {} : { properties: { document: e.document } }),
    }
  }

  /** The SARIF result of a warning (of the report, or carried by a decision). */
  ofWarning(w: ShownWarning): Result {
    const { rule, index } = this.rules.use(w.code, 'warning')
    return {
      ruleId: rule.id,
      ruleIndex: index,
      level: rule.level,
      message: { text: `${w.message} (at ${w.path})` },
      locations: [this.locate(w.source, w.line, null, w.path)],
      properties: { document: w.document },
    }
  }

  /** The `tool` of the run, with every rule met so far. */
  tool(): Run['tool'] {
    return {
      driver: {
        name: 'no-new-privs',
        informationUri: INFORMATION_URI,
        version: VERSION,
        semanticVersion: VERSION,
        rules: this.rules.descriptors(),
      },
    }
  }
}

/** Rules in a fixed order: the known ones first, then codes met in the report, as first met. */
class RuleTable {
  private readonly rules: RuleText[] = [...KNOWN_RULES]
  private readonly index = new Map<string, number>(KNOWN_RULES.map((r, i) => [r.id, i]))

  use(code: string, level: RuleLevel): { readonly rule: RuleText; readonly index: number } {
    let i = this.index.get(code)
    if (i === undefined) {
      i = this.rules.length
      this.rules.push(ruleForUnknownCode(code, level))
      this.index.set(code, i)
    }
    return { rule: this.rules[i]!, index: i }
  }

  descriptors(): ReportingDescriptor[] {
    return this.rules.map((r) => ({
      id: r.id,
      name: r.name,
      shortDescription: { text: r.short },
      fullDescription: { text: r.full },
      help: { text: stripMarkdown(r.help), markdown: r.help },
      helpUri: `${INFORMATION_URI}#${r.id}`,
      defaultConfiguration: { level: r.level },
      properties: { tags: ['kubernetes', 'security', ...r.tags], precision: 'very-high' },
    }))
  }
}

/**
 * An exempted item is a suppressed result: `inSource` when the manifest's annotation exempts
 * it, `external` when an exemptions file does; accepted, with the reason as justification.
 */
function suppressionsOf(
  mark: ExemptionMark | undefined,
  locate: (source: string, line: number | null, column: number | null, path: string | undefined) => Location,
): { suppressions?: Suppression[] } {
  if (mark === undefined) return {}
  const { kind, source, line, path } = mark.source
  return {
    suppressions: [
      { kind: kind === 'annotation' ? 'inSource' : 'external', status: 'accepted', justification: mark.reason, location: locate(source, line, null, path) },
    ],
  }
}

function stripMarkdown(s: string): string {
  return s.replace(/`/g, '')
}

function location(uri: string | null, line: number | null, column: number | null, path: string | undefined): Location {
  const logical = path === undefined || path === '' ? {} : { logicalLocations: [logicalLocation(path)] }
  if (uri === null) return logical
  const region = line === null ? {} : { region: column === null ? { startLine: line } : { startLine: line, startColumn: column } }
  return { physicalLocation: { artifactLocation: { uri }, ...region }, ...logical }
}

function logicalLocation(path: string): { name: string; fullyQualifiedName: string; kind: string } {
  const name = /([^.[\]]+|\[\d+\])$/.exec(path)?.[0] ?? path
  return { name, fullyQualifiedName: path, kind: path.endsWith(']') ? 'object' : 'property' }
}

/**
 * A source's URI as code scanning wants it: relative to `cwd` with forward slashes and each
 * segment percent-encoded; a `file:` URL when the file lies outside `cwd`; `null` for standard
 * input, which has no location a viewer could open.
 *
 * @example
 * ```ts
 * uriOf('examples/my pod.yaml', '/repo') // 'examples/my%20pod.yaml'
 * uriOf('/elsewhere/a.yaml', '/repo')    // 'file:///elsewhere/a.yaml'
 * ```
 */
export function uriOf(source: string, cwd: string): string | null {
  if (source === STDIN_SOURCE) return null
  const rel = isAbsolute(source) ? relative(cwd, source) : source
  if (rel === '..' || rel.startsWith(`..${sep}`) || rel.startsWith('../') || isAbsolute(rel)) {
    return pathToFileURL(resolve(cwd, source)).href
  }
  return rel
    .split(sep === '\\' ? /[\\/]/ : /\//)
    .filter((segment, i) => !(segment === '.' || (segment === '' && i > 0)))
    .map(encodeURIComponent)
    .join('/')
}
