/**
 * A bad or useless exemption, as data with where it was declared.
 *
 * @packageDocumentation
 */
import type { ExemptionOrigin } from './types.js'

/** The codes of exemption problems. */
export type ExemptionProblemCode = 'invalid-exemption' | 'exemption-without-reason' | 'unknown-field' | 'unused-exemption'

/**
 * A malformed exemption or one without a reason is an `error` (it exempts nothing, and the
 * reader must fix it); one that matched nothing, or an unknown field, is a `warning`.
 *
 * @example
 * ```ts
 * const p: ExemptionProblem = { severity: 'error', code: 'exemption-without-reason', message: '…', at: origin }
 * ```
 */
export interface ExemptionProblem {
  readonly severity: 'error' | 'warning'
  readonly code: ExemptionProblemCode
  readonly message: string
  readonly at: ExemptionOrigin
}
