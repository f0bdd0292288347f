/**
 * `--output junit`: JUnit XML as GitLab, Jenkins, Azure Pipelines and CircleCI read it.
 *
 * - one `<testsuite>` per source, one `<testcase>` per container (`classname` the source, `name`
 *   the object and container), with `file` and `line`;
 * - violations and findings are one `<failure>` (every item in its text, the first in `message`);
 * - a document that could not be read or decoded is a testcase with an `<error>`;
 * - a skipped document (a kind without a pod) is a testcase with `<skipped>`: it was not checked;
 * - an exempted violation does not fail its testcase: it was checked, and the exemption accepts
 *   it. It is listed with its reason in the testcase's `<system-out>` (exemptions are reported, never
 *   hidden). Not `<skipped>`, which would say it was not checked and swell the counts teams alert on;
 * - warnings are the suite's `<system-err>`; the semantics (and version) are suite properties.
 *
 * The counts stand in the start tags, before what they count, so a suite is spooled (see
 * {@link Spool}) until it ends and the whole document until the run ends: memory stays bounded,
 * and the report appears when it is complete.
 *
 * @packageDocumentation
 */
import { counts } from '../../exemptions/ledger.js'
import type { ExemptionMark } from '../../exemptions/types.js'
import type { ContainerResult, ReportError, ReportSkipped, ReportViolation, ReportFinding, ReportWarning } from '../../report/report.js'
import { isViolationError } from '../exitStatus.js'
import type { CliOutput } from '../io.js'
import { STDIN_SOURCE } from '../sources.js'
import type { DecidedBy } from './decidedBy.js'
import { ShownOnce, why } from './describe.js'
import { Spool } from './spool.js'
import type { EntryWriter } from './streamed.js'
import { xmlAttribute, xmlText } from './xml.js'

/** How {@link junitWriter} writes. */
export interface JunitOptions {
  /** The suites' `semantics` (and `kubernetesVersion`) properties. */
  readonly decidedBy: DecidedBy
  /** Characters a spool holds in memory before it moves to a temporary file (tests lower it). */
  readonly spoolLimit?: number
}

interface Counts {
  tests: number
  failures: number
  errors: number
  skipped: number
}

const zero = (): Counts => ({ tests: 0, failures: 0, errors: 0, skipped: 0 })

const countsAttributes = (c: Counts): string => `tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}"`

/** One source's suite while its cases are written. */
interface Suite {
  readonly source: string
  readonly cases: Spool
  readonly counts: Counts
  readonly warnings: string[]
  readonly warned: ShownOnce
}

/**
 * The JUnit report, written as the entries arrive into spools, and out at `end`.
 *
 * @example
 * ```ts
 * const w = junitWriter(process.stdout, { decidedBy: { semantics: 'kubernetes', kubernetesVersion: 'v1.32' } })
 * for await (const e of checkStream(sources)) w.add(e)
 * w.end() // <?xml …?><testsuites …><testsuite name="deploy.yaml" tests="2" failures="1" …>
 * ```
 */
export function junitWriter(stdout: CliOutput, options: JunitOptions): EntryWriter {
  const body = new Spool(options.spoolLimit)
  const total = zero()
  const properties = [
    `    <properties>\n      <property name="semantics" value="${xmlAttribute(options.decidedBy.semantics)}"/>\n`,
    options.decidedBy.kubernetesVersion === undefined ? '' : `      <property name="kubernetesVersion" value="${xmlAttribute(options.decidedBy.kubernetesVersion)}"/>\n`,
    '    </properties>\n',
  ].join('')
  let suite: Suite | null = null

  const close = (s: Suite): void => {
    body.write(`  <testsuite name="${xmlAttribute(s.source)}" ${countsAttributes(s.counts)}>\n${properties}`)
    s.cases.drainTo(body)
    if (s.warnings.length > 0) body.write(`    <system-err>${xmlText(s.warnings.join('\n'))}</system-err>\n`)
    body.write('  </testsuite>\n')
    total.tests += s.counts.tests
    total.failures += s.counts.failures
    total.errors += s.counts.errors
    total.skipped += s.counts.skipped
  }
  // A source's entries come together; one that comes back later (an exemptions file's unused
  // entries, after every source) gets a second suite of the same name.
  const suiteOf = (source: string): Suite => {
    if (suite !== null && suite.source === source) return suite
    if (suite !== null) close(suite)
    suite = { source, cases: new Spool(options.spoolLimit), counts: zero(), warnings: [], warned: new ShownOnce() }
    return suite
  }
  // A suite is one source's, so its warnings are shown once per suite.
  const warn = (w: ReportWarning): void => {
    const s = suiteOf(w.source)
    if (!s.warned.first(w)) return
    s.warnings.push(`warning ${w.code} at ${w.path} (document ${w.document}${w.line === null || w.line === undefined ? '' : `, line ${w.line}`}): ${w.message}`)
  }

  return {
    add: (e) => {
      switch (e._tag) {
        case 'Result': {
          const s = suiteOf(e.result.source)
          s.counts.tests++
          const failing = [...e.result.violations, ...e.result.findings].filter(counts)
          if (failing.length > 0) s.counts.failures++
          s.cases.write(resultCase(e.result, failing))
          for (const w of e.result.warnings) warn(w)
          break
        }
        case 'Error': {
          const s = suiteOf(e.error.source)
          s.counts.tests++
          if (isViolationError(e.error)) s.counts.failures++
          else s.counts.errors++
          s.cases.write(errorCase(e.error))
          break
        }
        case 'Skipped': {
          const s = suiteOf(e.skipped.source)
          s.counts.tests++
          s.counts.skipped++
          s.cases.write(skippedCase(e.skipped))
          break
        }
        case 'Warning': {
          const w = e.warning
          warn(w)
          break
        }
      }
    },
    end: () => {
      if (suite !== null) close(suite)
      stdout.write(`<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="no-new-privs" ${countsAttributes(total)}>\n`)
      body.drainTo(stdout)
      stdout.write('</testsuites>\n')
    },
  }
}

/**
 * The testcase's name: the object and the container, so it reads on its own in a CI test list
 * and stays the same when lines move (test history is keyed by name).
 *
 * @example
 * ```ts
 * caseName(result) // 'Deployment prod/web: init container migrate'
 * ```
 */
export function caseName(r: Pick<ContainerResult, 'kind' | 'namespace' | 'name' | 'container' | 'containerType'>): string {
  const object = r.namespace === null ? (r.name ?? '(unnamed)') : `${r.namespace}/${r.name ?? '(unnamed)'}`
  const where = r.containerType === 'initContainers' ? 'init container' : r.containerType === 'ephemeralContainers' ? 'ephemeral container' : 'container'
  return `${r.kind} ${object}: ${where} ${r.container ?? '(unnamed)'}`
}

// Standard input is no file in the repository: a `file` there would be a broken link in the CI's UI.
const opening = (source: string, name: string, line: number | null): string =>
  `    <testcase classname="${xmlAttribute(source)}" name="${xmlAttribute(name)}"${source === STDIN_SOURCE ? '' : ` file="${xmlAttribute(source)}"`}${line === null ? '' : ` line="${line}"`}`

function itemLines(item: ReportViolation | ReportFinding, line: number): string {
  const policy = 'policy' in item && item.policy !== undefined ? ` (policy ${item.policy.name}, ${item.policy.source} document ${item.policy.document})` : ''
  return `${item.code} at ${item.path}${policy} (line ${line}): ${item.message}`
}

function exemptedLine(item: { readonly code: string; readonly path: string }, mark: ExemptionMark): string {
  const { kind, source, line } = mark.source
  const by = `${kind === 'annotation' ? 'annotation' : 'exemptions file'} ${source}${line === null ? '' : `:${line}`}`
  return `exempted: ${item.code} at ${item.path}, by ${by}: ${mark.reason}`
}

function resultCase(r: ContainerResult, failing: ReadonlyArray<ReportViolation | ReportFinding>): string {
  const parts = [`${opening(r.source, caseName(r), r.line)}>\n`]
  const first = failing[0]
  if (first !== undefined) {
    const more = failing.length > 1 ? ` (and ${failing.length - 1} more)` : ''
    parts.push(
      `      <failure type="${xmlAttribute(first.code)}" message="${xmlAttribute(`${first.code}: ${first.message}${more}`)}">`,
      xmlText(failing.map((f) => itemLines(f, r.line)).join('\n')),
      '</failure>\n',
    )
  }
  // The decision (and what exempted an item) is the case's output: what the tool answered for it.
  const verdict = r.noNewPrivs === null ? 'no_new_privs: — (rejected: nothing runs)' : `no_new_privs: ${r.noNewPrivs ? 'yes' : 'no'}${r.reason === null ? '' : ` (${why(r.reason)})`}`
  const exempted = [...r.violations, ...r.findings].flatMap((i) => (i.exempted === undefined ? [] : [exemptedLine(i, i.exempted)]))
  const policy = r.policy === null ? [] : [`policy: ${r.policy}`]
  parts.push(`      <system-out>${xmlText([`${r.path}`, verdict, ...policy, ...exempted].join('\n'))}</system-out>\n`, '    </testcase>\n')
  return parts.join('')
}

function errorPlace(e: ReportError): string {
  const parts: string[] = []
  if (e.document !== null) parts.push(`document ${e.document}`)
  if (e.line !== null) parts.push(e.column === null ? `line ${e.line}` : `line ${e.line}, column ${e.column}`)
  if (e.path !== undefined && e.path !== '') parts.push(`at ${e.path}`)
  return parts.join(', ')
}

function errorCase(e: ReportError): string {
  const name = e.document === null ? e.code : `document ${e.document}: ${e.code}`
  const element = isViolationError(e) ? 'failure' : 'error'
  const place = errorPlace(e)
  return [
    `${opening(e.source, name, e.line)}>\n`,
    `      <${element} type="${xmlAttribute(e.code)}" message="${xmlAttribute(e.message)}">`,
    xmlText(place === '' ? e.message : `${place}: ${e.message}`),
    `</${element}>\n    </testcase>\n`,
  ].join('')
}

function skippedCase(s: ReportSkipped): string {
  const why = s.reason ?? `kind ${s.kind} carries no pod`
  return `${opening(s.source, `document ${s.document}: ${s.kind}`, null)}>\n      <skipped message="${xmlAttribute(why)}"/>\n    </testcase>\n`
}
