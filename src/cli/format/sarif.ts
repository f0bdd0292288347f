/**
 * `--output sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
 *
 * @packageDocumentation
 */
import { isAbsolute, parse, relative, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ArtifactLocation, Location, Log, ReportingDescriptor, Result, Run, Suppression } from 'sarif'
import type { ExemptionMark } from '../../exemptions/types.js'
import type { ContainerResult, Located, Report, ReportError, ReportFinding, ReportViolation } from '../../report/report.js'
import type { KubernetesVersion, Semantics } from '../../resolve/types.js'
import { STDIN_SOURCE } from '../sources.js'
import { INFORMATION_URI, VERSION } from '../version.js'
import { allWarnings } from './describe.js'
import type { ShownWarning } from './describe.js'
import { KNOWN_RULES, README_URI, ruleForUnknownCode } from './rules.js'
import type { RuleLevel, RuleText } from './rules.js'

/** How to render SARIF. */
export interface SarifOptions {
  /** The directory relative paths are relative to (the repository root under CI): `%SRCROOT%`. Default `process.cwd()`. */
  readonly cwd?: string
  /** The cluster version the `kubernetes` semantics decided by, stated in `run.properties` (SPEC: every report says it). */
  readonly kubernetesVersion?: KubernetesVersion
}

/**
 * The base every URI inside the working directory is relative to (GitHub code scanning's name for the checkout).
 *
 * @example
 * ```ts
 * sarifLog(report, { cwd: '/repo' }).runs[0].originalUriBaseIds?.[SRCROOT] // { uri: 'file:///repo/', … }
 * ```
 */
export const SRCROOT = '%SRCROOT%'

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
    runs: [
      {
        tool: builder.tool(),
        columnKind: 'utf16CodeUnits',
        properties: runProperties(report.semantics, options.kubernetesVersion),
        results,
        originalUriBaseIds: builder.originalUriBaseIds(),
      },
    ],
  }
}

/**
 * What decided, for every reader of the log: the semantics and, under `kubernetes`, the cluster
 * version (`latest` when none was given), as the text and JSON reports state them.
 *
 * @example
 * ```ts
 * runProperties('kubernetes', 'v1.24') // { semantics: 'kubernetes', kubernetesVersion: 'v1.24' }
 * runProperties('proposal', 'v1.24')   // { semantics: 'proposal' }
 * ```
 */
export function runProperties(semantics: Semantics, kubernetesVersion: KubernetesVersion | undefined): { semantics: Semantics; kubernetesVersion?: KubernetesVersion } {
  return semantics === 'kubernetes' ? { semantics, kubernetesVersion: kubernetesVersion ?? 'latest' } : { semantics }
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
  /** The bases met so far besides `%SRCROOT%` (roots of files outside the working directory). */
  private readonly bases = new Map<string, string>()

  constructor(options: SarifOptions = {}) {
    this.cwd = options.cwd ?? process.cwd()
  }

  private locate(source: string, line: number | null, column: number | null, path: string | undefined): Location {
    const artifact = artifactLocationOf(source, this.cwd)
    if (artifact !== null && artifact.uriBaseId !== SRCROOT) this.bases.set(artifact.uriBaseId, rootUriOf(resolve(this.cwd, source)))
    return location(artifact, line, column, path)
  }

  /** `run.originalUriBaseIds`: `%SRCROOT%` (the working directory) and the root of each file outside it. */
  originalUriBaseIds(): NonNullable<Run['originalUriBaseIds']> {
    const out: NonNullable<Run['originalUriBaseIds']> = {
      [SRCROOT]: { uri: directoryUri(this.cwd), description: { text: 'The working directory no-new-privs ran in (the repository root under CI).' } },
    }
    for (const [id, uri] of [...this.bases].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      out[id] = { uri, description: { text: 'The file system root of files outside the working directory.' } }
    }
    return out
  }

  /** The place of a violation or finding: its own (the field's) when the pipeline found one, else the container's. */
  private locateItem(r: ContainerResult, item: ReportViolation | ReportFinding, source: string): Location {
    if (item.line === undefined) return this.locate(source, source === r.source ? r.line : null, null, item.path)
    return this.locate(source, item.line, item.column ?? null, item.field ?? item.path)
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
      const at = this.locateItem(r, v, v.policy?.source ?? r.source)
      results.push({
        ruleId: rule.id,
        ruleIndex: index,
        level: rule.level,
        message: { text: `${v.message} (${where}, at ${v.path})${notWritten(v.located)}` },
        locations: [at],
        ...suppressionsOf(v.exempted, locate),
        properties: { ...properties, ...placeProperties(v, at, v.policy?.source ?? r.source), ...(v.policy === undefined ? {} : { policy: v.policy }) },
      })
    }
    for (const f of r.findings) {
      const { rule, index } = rules.use(f.code, 'error')
      const at = this.locateItem(r, f, r.source)
      results.push({
        ruleId: rule.id,
        ruleIndex: index,
        // A namespace's warn or audit level does not reject the pod (Pod Security Admission warns
        // the user, or records it): a warning, while the same rule enforced is an error.
        level: isAdvisory(f) ? 'warning' : rule.level,
        message: { text: `${f.message} (${where})${notWritten(f.located)}` },
        locations: [at],
        ...suppressionsOf(f.exempted, locate),
        properties: { ...properties, ...placeProperties(f, at, r.source) },
      })
    }
    return results
  }

  /** The SARIF result of an error entry. */
  ofError(e: ReportError): Result {
    const { rule, index } = this.rules.use(e.code, 'error')
    const at = this.locate(e.source, e.line, e.column, e.path)
    const properties = { ...(e.document === null ? {} : { document: e.document }), ...stdinProperties(at, e.source) }
    return {
      ruleId: rule.id,
      ruleIndex: index,
      level: 'error',
      message: { text: e.document === null ? e.message : `document ${e.document}: ${e.message}` },
      locations: [at],
      ...(Object.keys(properties).length === 0 ? {} : { properties }),
    }
  }

  /** The SARIF result of a warning (of the report, or carried by a decision). */
  ofWarning(w: ShownWarning): Result {
    const { rule, index } = this.rules.use(w.code, 'warning')
    const at = this.locate(w.source, w.line, null, w.path)
    return {
      ruleId: rule.id,
      ruleIndex: index,
      level: rule.level,
      message: { text: `${w.message} (at ${w.path})` },
      locations: [at],
      properties: { document: w.document, ...stdinProperties(at, w.source) },
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
      helpUri: `${README_URI}#${r.anchor}`,
      defaultConfiguration: { level: r.level },
      properties: {
        // GitHub files a rule with a security severity and the `security` tag under security alerts;
        // unreadable input is a problem of the run, not a security one.
        tags: r.securitySeverity === null ? ['kubernetes', ...r.tags] : ['kubernetes', 'security', ...r.tags],
        precision: 'very-high',
        'problem.severity': PROBLEM_SEVERITY[r.level],
        ...(r.securitySeverity === null ? {} : { 'security-severity': r.securitySeverity.toFixed(1) }),
      },
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

/** GitHub's `problem.severity` for a rule's level. */
const PROBLEM_SEVERITY: Readonly<Record<RuleLevel, 'error' | 'warning' | 'recommendation'>> = { error: 'error', warning: 'warning', note: 'recommendation' }

/** Said in the message when the place is the container's: code scanning shows the message, not the properties. */
function notWritten(located: Located | undefined): string {
  if (located === 'container') return '; the field is not written in the manifest, so this points at the container'
  if (located === 'policy') return '; the field is not written in the policy, so this points at the policy'
  return ''
}

/** The place's provenance, for tools: `located` (field, container or policy) and the field it is of. */
function placeProperties(item: ReportViolation | ReportFinding, at: Location, source: string): Record<string, unknown> {
  return {
    ...(item.located === undefined ? {} : { located: item.located }),
    ...(item.field === undefined ? {} : { field: item.field }),
    ...stdinProperties(at, source),
  }
}

/** A result read from standard input without `--stdin-filename` has no file: say so plainly. */
function stdinProperties(at: Location, source: string): Record<string, unknown> {
  return at.physicalLocation === undefined && source === STDIN_SOURCE ? { source: STDIN_SOURCE } : {}
}

function stripMarkdown(s: string): string {
  return s.replace(/`/g, '')
}

function location(artifact: ArtifactLocation | null, line: number | null, column: number | null, path: string | undefined): Location {
  const logical = path === undefined || path === '' ? {} : { logicalLocations: [logicalLocation(path)] }
  if (artifact === null) return logical
  const region = line === null ? {} : { region: column === null ? { startLine: line } : { startLine: line, startColumn: column } }
  return { physicalLocation: { artifactLocation: artifact, ...region }, ...logical }
}

/** A directory's `file:` URL, ending in `/` as SARIF requires of a base. */
function directoryUri(directory: string): string {
  const href = pathToFileURL(resolve(directory)).href
  return href.endsWith('/') ? href : `${href}/`
}

/** The `file:` URL of the root of an absolute path (`file:///`, or `file:///C:/` on Windows). */
function rootUriOf(absolute: string): string {
  return directoryUri(parse(absolute).root)
}

/** The base id of a root: `ROOT`, or `ROOT_C` for a Windows drive (each drive is its own base). */
function rootIdOf(absolute: string): string {
  const drive = /^([A-Za-z]):/.exec(parse(absolute).root)?.[1]
  return drive === undefined ? 'ROOT' : `ROOT_${drive.toUpperCase()}`
}

/**
 * A source's artifact location as code scanning wants it: a relative URI against a base, never
 * an absolute `file:` URI. Inside `cwd`: relative to `%SRCROOT%`. Outside: its path from the
 * file system root, against `ROOT` (`originalUriBaseIds` says where that is). Standard input
 * without `--stdin-filename`: `null`, no file to open.
 *
 * @example
 * ```ts
 * artifactLocationOf('k8s/my pod.yaml', '/repo')  // { uri: 'k8s/my%20pod.yaml', uriBaseId: '%SRCROOT%' }
 * artifactLocationOf('/elsewhere/a.yaml', '/repo') // { uri: 'elsewhere/a.yaml', uriBaseId: 'ROOT' }
 * artifactLocationOf('<stdin>', '/repo')           // null
 * ```
 */
export function artifactLocationOf(source: string, cwd: string): { uri: string; uriBaseId: string } | null {
  const uri = uriOf(source, cwd)
  if (uri === null) return null
  if (!uri.startsWith('file:')) return { uri, uriBaseId: SRCROOT }
  const absolute = resolve(cwd, source)
  const fromRoot = relative(parse(absolute).root, absolute)
  return { uri: uriOf(fromRoot, parse(absolute).root) ?? fromRoot, uriBaseId: rootIdOf(absolute) }
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

/** A finding of a Pod Security level that warns or audits, which admission does not reject. */
export function isAdvisory(f: Pick<ReportFinding, 'podSecurity'>): boolean {
  return f.podSecurity?.mode === 'warn' || f.podSecurity?.mode === 'audit'
}
