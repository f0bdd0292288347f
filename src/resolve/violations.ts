/**
 * The list of violation codes and the path most rules report. Each rule's own wording and check
 * live in its file under `rules/`.
 *
 * @packageDocumentation
 */
import type { RuleCode } from './types.js'

/**
 * Every rule's violation code, in the order SPEC lists them (`invalid-input`, which no rule
 * reports, is not one of them).
 *
 * @example
 * ```ts
 * VIOLATION_CODES.includes('invalid-policy') // true
 * ```
 */
export const VIOLATION_CODES = [
  'privileged-without-escalation',
  'sys-admin-without-escalation',
  'escalation-forbidden-by-policy',
  'invalid-policy',
  'escalation-field-on-windows',
  'restricted-requires-no-escalation',
] as const satisfies ReadonlyArray<RuleCode>

// Fails to compile if a rule code is added to RuleCode but not to the list above.
const everyCodeListed: [Exclude<RuleCode, (typeof VIOLATION_CODES)[number]>] extends [never] ? true : never = true
void everyCodeListed

/** Path of the container's own `allowPrivilegeEscalation`, relative to the container. */
export const ESCALATION_PATH = 'securityContext.allowPrivilegeEscalation'
