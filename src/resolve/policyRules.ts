/**
 * The rules about a PodSecurityPolicy alone, whatever the container (SPEC §3.5 and §5
 * `invalid-policy`), for the semantics at hand.
 *
 * @packageDocumentation
 */
import { kubernetesPolicyViolations } from './kubernetes.js'
import { proposalPolicyViolations } from './proposal.js'
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
  if (semantics === 'proposal') proposalPolicyViolations(policy, out)
  else if (semantics === 'kubernetes') kubernetesPolicyViolations(policy, out)
}
