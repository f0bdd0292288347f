/**
 * What `decode` reports: plain data, never exceptions.
 *
 * @packageDocumentation
 */

/**
 * - `invalid-value`: a value of the wrong type, outside its range, or not among an enum's values.
 * - `missing-field`: a required field is absent (an error), or a field the API server requires
 *   but this library reads leniently is absent (a warning).
 * - `unknown-field`: a field the API type does not have (a warning; an error in strict mode).
 *
 * @example
 * ```ts
 * const result = decode(SecurityContext, { runAsUser: 'root' })
 * const codes: DecodeIssueCode[] = result._tag === 'Left' ? result.left.map((i) => i.code) : [] // ['invalid-value']
 * ```
 */
export type DecodeIssueCode = 'invalid-value' | 'missing-field' | 'unknown-field'

/**
 * `error`: decoding failed because of it. `warning`: the value decoded; worth fixing anyway.
 *
 * @example
 * ```ts
 * const result = decode(SecurityContext, { privilegd: true })
 * const severities: DecodeIssueSeverity[] = result._tag === 'Right' ? result.right.warnings.map((i) => i.severity) : [] // ['warning']
 * ```
 */
export type DecodeIssueSeverity = 'error' | 'warning'

/**
 * One problem found while decoding.
 *
 * @example
 * ```ts
 * import type { DecodeIssue } from 'no-new-privs/codecs'
 * const issue: DecodeIssue = {
 *   code: 'invalid-value', severity: 'error',
 *   path: 'spec.containers[1].securityContext.runAsUser',
 *   segments: ['containers', 1, 'securityContext', 'runAsUser'],
 *   expected: 'uid', received: '-1',
 *   message: 'Invalid value: -1: must be between 0 and 2147483647, inclusive',
 * }
 * ```
 * @public
 */
export interface DecodeIssue {
  readonly code: DecodeIssueCode
  readonly severity: DecodeIssueSeverity
  /** API-server style, the `path` option's prefix included: `spec.containers[1].securityContext.runAsUser`. */
  readonly path: string
  /** The same place as plain keys relative to the decoded value (prefix not included), for YAML lookups. */
  readonly segments: ReadonlyArray<string | number>
  /** What was expected: a type name (`uid`, `boolean`, `SecurityContext`) or enum values (`"Default" | "Unmasked"`). */
  readonly expected: string
  /** A short rendering of the value found (`undefined` when absent), cut to 80 characters. */
  readonly received: string
  /** A sentence for people, in the API server's wording where it has one. */
  readonly message: string
  /** For `unknown-field`: the known field most likely meant. */
  readonly suggestion?: string | undefined
}
