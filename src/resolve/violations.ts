/**
 * The list of violation codes and the path most rules report. Each rule's own wording and check
 * live in its file under `rules/`.
 *
 * @packageDocumentation
 */
import type { ViolationCode } from './types.js'

/**
 * Every violation code, in the order SPEC lists them.
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
] as const satisfies ReadonlyArray<ViolationCode>

// Fails to compile if a code is added to ViolationCode but not to the list above.
const everyCodeListed: [Exclude<ViolationCode, (typeof VIOLATION_CODES)[number]>] extends [never] ? true : never = true
void everyCodeListed

/** Path of the container's own `allowPrivilegeEscalation`, relative to the container. */
export const ESCALATION_PATH = 'securityContext.allowPrivilegeEscalation'
