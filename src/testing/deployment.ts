/**
 * `deploymentArbitrary`: `Deployment` objects, steered.
 *
 * @packageDocumentation
 */
import type fc from 'fast-check'
import type { PodConstraints } from './constraints.js'
import { workloadArbitrary } from './workload.js'
import type { GeneratedDeployment } from './workloadTypes.js'
import { checkedConstraints, podRules } from './_internals/checkConstraints.js'

/**
 * Generates a `Deployment` (apps/v1), its pod at `spec.template.spec`. It passes `checkManifests` with no error and no warning, and every container
 * of its pod keeps `constraints` (see `PodConstraints`). `workloadArbitrary({ kind: 'Deployment' })`
 * with the precise type.
 *
 * Throws an `Error` when the constraints contradict each other.
 *
 * @example
 * ```ts
 * import fc from 'fast-check'
 * import { deploymentArbitrary } from 'no-new-privs/testing'
 *
 * fc.sample(deploymentArbitrary({ noNewPrivs: true }), 1) // every container runs with no_new_privs
 * ```
 * @public
 */
export function deploymentArbitrary(given: PodConstraints = {}): fc.Arbitrary<GeneratedDeployment> {
  const constraints = checkedConstraints(given, 'deploymentArbitrary', podRules())
  return workloadArbitrary({ ...constraints, kind: 'Deployment' })
}
