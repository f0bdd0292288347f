/**
 * The registry: every violation rule, in the order resolution reports them. Resolution, the
 * tests, the README's table and (next) the generated admission policies all read this one list.
 *
 * @packageDocumentation
 */
import { ESCALATION_FIELD_ON_WINDOWS } from './escalationFieldOnWindows.js'
import { ESCALATION_FORBIDDEN_BY_POLICY } from './escalationForbiddenByPolicy.js'
import { INVALID_POLICY } from './invalidPolicy.js'
import { PRIVILEGED_WITHOUT_ESCALATION } from './privilegedWithoutEscalation.js'
import { RESTRICTED_REQUIRES_NO_ESCALATION } from './restrictedRequiresNoEscalation.js'
import type { Rule } from './rule.js'
import { SYS_ADMIN_WITHOUT_ESCALATION } from './sysAdminWithoutEscalation.js'

export type { Check, PodOs, Rule, RuleVariant, Subject } from './rule.js'

/**
 * Every rule. Order matters: it is the order of a container's violations (container rules, then
 * the Pod Security level, then the policy's own rule).
 *
 * @example
 * ```ts
 * import { RULES } from 'no-new-privs'
 * RULES.map((r) => r.code)
 * // ['privileged-without-escalation', 'sys-admin-without-escalation', 'escalation-forbidden-by-policy',
 * //  'escalation-field-on-windows', 'restricted-requires-no-escalation', 'invalid-policy']
 * ```
 * @public
 */
export const RULES: ReadonlyArray<Rule> = Object.freeze([
  PRIVILEGED_WITHOUT_ESCALATION,
  SYS_ADMIN_WITHOUT_ESCALATION,
  ESCALATION_FORBIDDEN_BY_POLICY,
  ESCALATION_FIELD_ON_WINDOWS,
  RESTRICTED_REQUIRES_NO_ESCALATION,
  INVALID_POLICY,
])
