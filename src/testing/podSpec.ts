/**
 * `podSpecArbitrary`: pod specs whose every container is steered.
 *
 * @packageDocumentation
 */
import type fc from 'fast-check'
import type { PodSpec } from '../codecs/index.js'
import type { PodConstraints } from './constraints.js'
import { podSpecFor } from './_internals/containerFor.js'
import { osesOf, planOf } from './_internals/plan.js'
import { checkedConstraints, podRules } from './_internals/checkConstraints.js'

/**
 * Generates a pod spec (core/v1 `PodSpec`): 0–2 init containers and 1–3 regular containers,
 * names unique within the pod, a pod `securityContext` (or none), maybe `spec.os`. It decodes
 * with the `PodSpec` codec with no error and no warning, and **every** container keeps
 * `constraints` when resolved with the pod's `securityContext` and `os` (no policy): a column
 * may come from the container's own fields or from the pod's, as in real manifests.
 *
 * No ephemeral containers (they cannot be part of a template); `podArbitrary` adds them.
 *
 * Throws an `Error` when the constraints contradict each other.
 *
 * @example
 * ```ts
 * import fc from 'fast-check'
 * import { podSpecArbitrary } from 'no-new-privs/testing'
 *
 * fc.sample(podSpecArbitrary({ nonRoot: true, os: 'linux' }), 1)
 * // e.g. [{ containers: [{ name: 'app', image: 'nginx:1.27' }], securityContext: { runAsUser: 1000 } }]
 * ```
 * @public
 */
export function podSpecArbitrary(given: PodConstraints = {}): fc.Arbitrary<PodSpec> {
  const constraints = checkedConstraints(given, 'podSpecArbitrary', podRules())
  const plan = planOf(constraints, osesOf(constraints.os, 'any'), 'podSpecArbitrary')
  return podSpecFor(plan, { restartPolicies: ['Always', 'OnFailure', 'Never'], ephemeral: false })
}
