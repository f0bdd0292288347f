/**
 * `checkYaml` and `checkObject`: `checkManifests` with a report that unit tests can ask about
 * one container by name.
 *
 * @packageDocumentation
 */
import { checkManifests, type CheckOptions } from '../report/check.js'
import type { ContainerResult, ContainerType, Report, ReportViolation } from '../report/report.js'
import type { ViolationCode } from '../resolve/types.js'

/**
 * Which container to look up: its name, narrowed when several pods share it by the pod
 * (workload) name, the kind, the field it sits in, the document index or the source.
 *
 * @example
 * ```ts
 * const selector: ContainerSelector = { container: 'app', kind: 'Deployment', pod: 'web' }
 * ```
 * @public
 */
export interface ContainerSelector {
  readonly container: string
  /** `metadata.name` of the object that holds the pod (the Deployment's name, not a pod's). */
  readonly pod?: string | undefined
  readonly kind?: string | undefined
  readonly containerType?: ContainerType | undefined
  readonly document?: number | undefined
  readonly source?: string | undefined
}

/**
 * A report with lookups by container. The lookups are test tooling: unlike the rest of the
 * library they **throw** an `Error` when no container (or more than one) matches, with a message
 * that lists what the report holds, so a test fails saying why.
 *
 * @example
 * ```ts
 * const check = checkYaml(manifest)
 * check.noNewPrivs('app')       // true | false | null (null: the container has violations)
 * check.violationCodes('debug') // ['privileged-without-escalation']
 * ```
 * @public
 */
export interface ManifestCheck {
  /** The whole report, as `checkManifests` returns it. */
  readonly report: Report
  /** `report.results`: every container, in input order. */
  readonly results: ReadonlyArray<ContainerResult>
  /** The one result `which` names, or `undefined`; throws only when several match. */
  find(which: string | ContainerSelector): ContainerResult | undefined
  /** The one result `which` names; throws when none or several match. */
  container(which: string | ContainerSelector): ContainerResult
  /** `container(which).noNewPrivs`: the decision, `null` when the container has violations. */
  noNewPrivs(which: string | ContainerSelector): boolean | null
  /** `container(which).violations`. */
  violations(which: string | ContainerSelector): ReadonlyArray<ReportViolation>
  /** The codes of `container(which).violations`, in report order. */
  violationCodes(which: string | ContainerSelector): ReadonlyArray<ViolationCode>
}

function selectorOf(which: string | ContainerSelector): ContainerSelector {
  return typeof which === 'string' ? { container: which } : which
}

function matches(result: ContainerResult, s: ContainerSelector): boolean {
  return (
    result.container === s.container &&
    (s.pod === undefined || result.name === s.pod) &&
    (s.kind === undefined || result.kind === s.kind) &&
    (s.containerType === undefined || result.containerType === s.containerType) &&
    (s.document === undefined || result.document === s.document) &&
    (s.source === undefined || result.source === s.source)
  )
}

function located(r: ContainerResult): string {
  const container = r.container === null ? '(unnamed)' : JSON.stringify(r.container)
  return `${container} in ${r.kind}${r.name === null ? '' : `/${r.name}`} at ${r.source}#${r.document} ${r.path}`
}

function inventory(report: Report): string {
  const found = report.results.length === 0 ? 'no containers' : `containers: ${report.results.map(located).join('; ')}`
  const errors = report.errors.length === 0 ? '' : `; errors: ${report.errors.map((e) => `${e.source}#${e.document ?? '?'}: ${e.message}`).join('; ')}`
  return `${found}${errors}`
}

/** Wraps a report in lookups by container. */
function manifestCheckOf(report: Report): ManifestCheck {
  const find = (which: string | ContainerSelector): ContainerResult | undefined => {
    const selector = selectorOf(which)
    const found = report.results.filter((r) => matches(r, selector))
    if (found.length > 1) {
      throw new Error(
        `${found.length} containers match ${JSON.stringify(selector)}: ${found.map(located).join('; ')}; ` +
          'narrow it with { container, pod, kind, containerType, document, source }',
      )
    }
    return found[0]
  }
  const container = (which: string | ContainerSelector): ContainerResult => {
    const result = find(which)
    if (result === undefined) throw new Error(`no container matches ${JSON.stringify(selectorOf(which))}; the report has ${inventory(report)}`)
    return result
  }
  return {
    report,
    results: report.results,
    find,
    container,
    noNewPrivs: (which) => container(which).noNewPrivs,
    violations: (which) => container(which).violations,
    violationCodes: (which) => container(which).violations.map((v) => v.code),
  }
}

/**
 * Options of `checkYaml` and `checkObject`: those of `checkManifests`, and the source's name.
 *
 * @example
 * ```ts
 * const options: CheckYamlOptions = { source: 'deploy.yaml', semantics: 'kubernetes' }
 * checkYaml(yaml, options)
 * ```
 */
export interface CheckYamlOptions extends CheckOptions {
  /** The name the report gives the input. Default `'<yaml>'` / `'<object>'`. */
  readonly source?: string | undefined
}

/**
 * The options split into the source's name and `checkManifests`' options. What is not an object
 * goes on whole, so that `checkManifests` reports it (`null` and `undefined` are none); a
 * `source` that is not text makes the source invalid there too.
 */
function split(options: unknown, fallback: string): { readonly source: string; readonly rest: CheckOptions | undefined } {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return { source: fallback, rest: options as CheckOptions | undefined }
  const { source = fallback, ...rest } = options as CheckYamlOptions
  return { source, rest }
}

/**
 * Checks one YAML (or JSON) string, one or many `---`-separated documents, with
 * `checkManifests`, and returns the report with lookups by container name.
 *
 * @example
 * ```ts
 * import { checkYaml } from 'no-new-privs/testing'
 *
 * const check = checkYaml(`
 * apiVersion: v1
 * kind: Pod
 * metadata: { name: web }
 * spec:
 *   containers:
 *   - name: app
 *     securityContext: { runAsUser: 1000, allowPrivilegeEscalation: false }
 * `)
 * check.noNewPrivs('app') // true
 * check.container('app').path // 'spec.containers[0]'
 * ```
 * @public
 */
export function checkYaml(yaml: string, options: CheckYamlOptions = {}): ManifestCheck {
  const { source, rest } = split(options, '<yaml>')
  return manifestCheckOf(checkManifests({ source, text: yaml }, rest))
}

/**
 * Checks one already-parsed document (a `Pod`, a `Deployment`, a `List`, … for instance one an
 * arbitrary of this module made) with `checkManifests`, and returns the report with lookups by
 * container name.
 *
 * @example
 * ```ts
 * import { checkObject } from 'no-new-privs/testing'
 *
 * const check = checkObject({ kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'app', securityContext: { privileged: true } }] } })
 * check.container('app').reason // { semantics: 'proposal', column: 'privileged', row: 'nil', noNewPrivs: false, … }
 * ```
 * @public
 */
export function checkObject(value: unknown, options: CheckYamlOptions = {}): ManifestCheck {
  const { source, rest } = split(options, '<object>')
  return manifestCheckOf(checkManifests({ source, value }, rest))
}
