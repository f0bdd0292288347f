/**
 * The rules about a PodSecurityPolicy alone, whatever the container (the `invalid-policy`
 * violations of the `proposal` and `kubernetes` semantics), for the semantics at hand: read from
 * the registry's `invalid-policy` rule.
 *
 * @packageDocumentation
 */
import { invalidPolicyViolation, isInvalidPolicy } from './rules/invalidPolicy.js'
import type { KubernetesVersion, PolicyInput, Semantics, Violation } from './types.js'
import { LAST_PSP_VERSION, minorOf } from './versions.js'

/**
 * Does a PodSecurityPolicy exist at all for `semantics` at `kubernetesVersion`? Not in the
 * `kubernetes` semantics from v1.25: the API server no longer serves policy/v1beta1
 * PodSecurityPolicy, so there is no policy to validate, to choose or to apply. The designs
 * (`proposal`, `noNewPrivileges`) are not releases and keep their policies.
 *
 * @example
 * ```ts
 * policiesExist('kubernetes', 'v1.24') // true
 * policiesExist('kubernetes', 'v1.25') // false
 * policiesExist('proposal', 'latest')  // true
 * ```
 */
export function policiesExist(semantics: Semantics, kubernetesVersion: KubernetesVersion | undefined): boolean {
  return semantics !== 'kubernetes' || Math.max(8, minorOf(kubernetesVersion ?? 'latest')) <= minorOf(LAST_PSP_VERSION)
}

/**
 * Push the policy's own violations under `semantics` (at `kubernetesVersion`, default `latest`)
 * onto `out`. The first design gives policies no part, so nothing is pushed there; nor for the
 * `kubernetes` semantics from v1.25, where a PodSecurityPolicy is not an object the API server
 * knows (a rule "about the policy alone" presumes a policy type that exists).
 *
 * @example
 * ```ts
 * const out: Violation[] = []
 * policyViolationsInto({ spec: { defaultAllowPrivilegeEscalation: true } }, 'proposal', out)
 * out[0]?.code // 'invalid-policy'
 * ```
 */
export function policyViolationsInto(
  policy: PolicyInput | null | undefined,
  semantics: Semantics,
  out: Violation[],
  kubernetesVersion?: KubernetesVersion,
): void {
  if (!policiesExist(semantics, kubernetesVersion)) return
  if (isInvalidPolicy(policy?.spec, semantics)) out.push(invalidPolicyViolation())
}
