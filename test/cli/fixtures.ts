/**
 * Hand-built reports and a fake `checkManifests` for the CLI tests: the formatters and the
 * command are tested against the Report contract, not against the manifest checker.
 */
import type { ContainerResult, Report, ReportError, ReportWarning } from '../../src/report/report.js'
import type { ProposalDecision } from '../../src/resolve/types.js'
import type { CheckManifests, CheckStream, CliCheckOptions, CliSource } from '../../src/cli/deps.js'
import { SourceUnreadable } from '../../src/read/unreadable.js'
import { notUtf8Message, Utf8Decoder } from '../../src/read/utf8.js'

export const yesDecision: ProposalDecision = {
  semantics: 'proposal',
  applicable: true,
  noNewPrivs: true,
  row: 'false',
  rowFrom: { target: 'container', path: 'securityContext.allowPrivilegeEscalation', value: false },
  column: 'nonRoot',
  columnFrom: { target: 'container', path: 'securityContext.runAsUser', value: 1000 },
  warnings: [],
}

export const noDecision: ProposalDecision = {
  semantics: 'proposal',
  applicable: true,
  noNewPrivs: false,
  row: 'nil',
  rowFrom: { target: 'default', path: null, value: null },
  column: 'nonRoot',
  columnFrom: { target: 'pod', path: 'runAsUser', value: 1000 },
  warnings: [],
}

/**
 * A hand-built result. Unless given, its placed `warnings` are its decision's, placed as the
 * check places them when the field is not written: at the container's line, the path joined
 * to the container's (or, for the pod, to the pod spec's).
 */
export function result(overrides: Partial<ContainerResult> = {}): ContainerResult {
  const base = resultWithoutWarnings(overrides)
  if (overrides.warnings !== undefined) return base
  const specPath = base.path.replace(/\.?(initContainers|containers|ephemeralContainers)\[\d+\]$/, '')
  const join = (a: string, b: string): string => (a === '' ? b : b === '' ? a : b.startsWith('[') ? `${a}${b}` : `${a}.${b}`)
  const warnings = (base.reason?.warnings ?? []).map((w) => ({
    source: base.source,
    document: base.document,
    line: base.line,
    path: w.target === 'container' ? join(base.path, w.path) : w.target === 'pod' ? join(specPath, w.path) : w.path,
    code: w.code,
    message: w.message,
  }))
  return { ...base, warnings }
}

function resultWithoutWarnings(overrides: Partial<ContainerResult>): ContainerResult {
  return {
    source: 'deploy.yaml',
    document: 0,
    line: 17,
    kind: 'Deployment',
    namespace: 'default',
    name: 'web',
    container: 'app',
    containerType: 'containers',
    path: 'spec.template.spec.containers[0]',
    noNewPrivs: true,
    violations: [],
    findings: [],
    reason: yesDecision,
    warnings: [],
    policy: null,
    ...overrides,
  }
}

export const rejected: ContainerResult = result({
  source: 'bad.yaml',
  kind: 'Pod',
  namespace: null,
  name: 'debug',
  container: 'shell',
  line: 9,
  path: 'spec.containers[0]',
  noNewPrivs: null,
  reason: null,
  violations: [
    {
      code: 'privileged-without-escalation',
      path: 'spec.containers[0].securityContext.allowPrivilegeEscalation',
      message: 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
    },
  ],
})

export const decodeError: ReportError = {
  source: 'bad.yaml',
  document: 2,
  line: 7,
  column: 3,
  code: 'yaml-syntax',
  message: 'bad indentation of a mapping entry',
  category: 'input',
}

export const typoWarning: ReportWarning = {
  source: 'deploy.yaml',
  document: 0,
  line: 21,
  path: 'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalaton',
  code: 'unknown-field',
  message: 'unknown field "allowPrivilegeEscalaton" (did you mean "allowPrivilegeEscalation"?)',
}

export function report(overrides: Partial<Report> = {}): Report {
  return { semantics: 'proposal', results: [], errors: [], warnings: [], skipped: [], ...overrides }
}

/** A report with one of everything. */
export const fullReport: Report = report({
  results: [
    result(),
    result({
      container: 'sidecar',
      containerType: 'initContainers',
      path: 'spec.template.spec.initContainers[0]',
      line: 12,
      noNewPrivs: false,
      reason: noDecision,
      findings: [
        {
          code: 'no-new-privs-required',
          path: 'spec.template.spec.initContainers[0]',
          message: 'the container runs without no_new_privs',
        },
      ],
    }),
    rejected,
  ],
  errors: [decodeError],
  warnings: [typoWarning],
  skipped: [{ source: 'deploy.yaml', document: 1, kind: 'Service' }],
})

/** What the fake checker was called with. */
export interface FakeCall {
  readonly sources: ReadonlyArray<CliSource>
  readonly options: CliCheckOptions | undefined
}

/**
 * A stand-in for `checkManifests` whose answer depends on marker words in the text:
 * `VIOLATION` → a rejected container, `DECODE-ERROR` → an error entry, `NO-NNP` → a container
 * without no_new_privs, anything else → one clean container.
 */
export function fakeChecker(): { readonly check: CheckManifests; readonly stream: CheckStream; readonly calls: FakeCall[] } {
  const calls: FakeCall[] = []
  const check: CheckManifests = (sources, options) => {
    calls.push({ sources, options })
    const results: ContainerResult[] = []
    const errors: ReportError[] = []
    for (const { source, text } of sources) {
      if (text.includes('DECODE-ERROR')) {
        errors.push({ ...decodeError, source })
      } else if (text.includes('VIOLATION')) {
        results.push({ ...rejected, source })
      } else if (text.includes('NO-NNP')) {
        results.push(
          result({
            source,
            noNewPrivs: false,
            reason: noDecision,
            findings:
              options?.requireNoNewPrivs === true
                ? [{ code: 'no-new-privs-required', path: 'spec.template.spec.containers[0]', message: 'runs without no_new_privs' }]
                : [],
          }),
        )
      } else {
        results.push(result({ source }))
      }
    }
    return report({ semantics: options?.semantics ?? 'proposal', results, errors })
  }
  return { check, stream: streamOf(check), calls }
}

/**
 * `checkStream` built on a report-returning checker, as the CLI sees the real one: each source
 * is read whole, decoded as the real reader decodes (a source that is not UTF-8 is its error),
 * an unreadable source is its `unreadable` error, and the report's entries come out in order.
 */
export function streamOf(check: CheckManifests): CheckStream {
  return async function* (sources, options) {
    for await (const s of sources) {
      const parts: Uint8Array[] = []
      try {
        for await (const c of s.chunks) parts.push(typeof c === 'string' ? new TextEncoder().encode(c) : c)
      } catch (thrown) {
        if (!(thrown instanceof SourceUnreadable)) throw thrown
        yield { _tag: 'Error', error: { source: s.source, document: null, line: null, column: null, code: 'unreadable', message: `cannot read: ${thrown.reason}`, category: 'input' } }
        continue
      }
      const decoder = new Utf8Decoder()
      const first = decoder.push(Buffer.concat(parts))
      const rest = decoder.end()
      const bad = typeof first === 'string' ? (typeof rest === 'string' ? null : rest) : first
      if (bad !== null) {
        yield { _tag: 'Error', error: { source: s.source, document: null, line: bad.line, column: null, code: 'not-utf8', message: notUtf8Message(bad), category: 'input' } }
        continue
      }
      const r = check([{ source: s.source, text: `${first as string}${rest as string}` }], options)
      for (const result of r.results) yield { _tag: 'Result', result }
      for (const error of r.errors) yield { _tag: 'Error', error }
      for (const warning of r.warnings) yield { _tag: 'Warning', warning }
      for (const skipped of r.skipped) yield { _tag: 'Skipped', skipped }
    }
  }
}
