/**
 * The `policy-not-applied` warning: PodSecurityPolicy ends at v1.24 (it was removed in v1.25).
 *
 * @packageDocumentation
 */
import type { DecisionWarning, KubernetesVersion } from './types.js'
import { LAST_PSP_VERSION } from './versions.js'

/**
 * The warning every `kubernetes` result with a policy carries from v1.25 on, saying why the
 * policy played no part.
 *
 * @example
 * ```ts
 * policyNotApplied('v1.25').code // 'policy-not-applied'
 * ```
 * @public
 */
export function policyNotApplied(version: KubernetesVersion): DecisionWarning {
  return {
    code: 'policy-not-applied',
    target: 'policy',
    path: 'spec',
    message:
      `PodSecurityPolicy was removed in Kubernetes v1.25 (${LAST_PSP_VERSION} is the last release with it) and the ` +
      `cluster version is ${version}: the policy is not applied`,
  }
}
