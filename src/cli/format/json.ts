/**
 * `--output json`: the report object (README: "Command line").
 *
 * @packageDocumentation
 */
import type { ContainerResult, Report } from '../../report/report.js'
import type { KubernetesVersion } from '../../resolve/types.js'
import { decidedBy } from './decidedBy.js'

/**
 * The report as one JSON object with exactly the keys `semantics`, `results`, `errors`,
 * `warnings`, `skipped` (in that order), two-space indented, ending in a newline; under the
 * `kubernetes` semantics `kubernetesVersion` follows `semantics` when given (the report
 * states the version it decided by). Each result
 * starts with the fields in their documented order.
 *
 * @example
 * ```ts
 * JSON.parse(formatJson(report)).results[0].noNewPrivs // true
 * JSON.parse(formatJson(kubernetesReport, 'v1.32')).kubernetesVersion // 'v1.32'
 * ```
 */
export function formatJson(report: Report, kubernetesVersion?: KubernetesVersion): string {
  const object = {
    ...decidedBy(report.semantics, kubernetesVersion),
    results: report.results.map(inSpecOrder),
    errors: report.errors,
    warnings: report.warnings,
    skipped: report.skipped,
    // Only when exemptions were given, so reports without them keep the documented keys exactly.
    ...(report.exemptions === undefined ? {} : { exemptions: report.exemptions }),
  }
  return `${JSON.stringify(object, null, 2)}\n`
}

/**
 * The fields the documented report shows first, in its order; any others follow as they are.
 *
 * @example
 * ```ts
 * Object.keys(inSpecOrder(result)).slice(0, 3) // ['source', 'document', 'line']
 * ```
 */
export function inSpecOrder(r: ContainerResult): ContainerResult {
  const { source, document, line, kind, namespace, name, container, containerType, path, noNewPrivs, violations, ...rest } = r
  return { source, document, line, kind, namespace, name, container, containerType, path, noNewPrivs, violations, ...rest }
}
