/**
 * The rules about a PodSecurityPolicy alone, whatever the container (SPEC §3.5 and §5
 * `invalid-policy`), for the semantics at hand: read from the registry's `invalid-policy` rule.
 *
 * @packageDocumentation
 */
import { invalidPolicyViolation, isInvalidPolicy } from './rules/invalidPolicy.js'
import type { PolicyInput, Semantics, Violation } from './types.js'

/**
 * Push the policy's own violations under `semantics` onto `out`. The first design gives policies
 * no part, so nothing is pushed there.
 *
 * @example
 * ```ts
 * const out: Violation[] = []
 * policyViolationsInto({ spec: { defaultAllowPrivilegeEscalation: true } }, 'proposal', out)
 * out[0]?.code // 'invalid-policy'
 * ```
 */
export function policyViolationsInto(policy: PolicyInput | null | undefined, semantics: Semantics, out: Violation[]): void {
  if (isInvalidPolicy(policy?.spec, semantics)) out.push(invalidPolicyViolation())
}
