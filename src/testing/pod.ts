/**
 * `podArbitrary`: `Pod` objects, steered.
 *
 * @packageDocumentation
 */
import type fc from 'fast-check'
import type { PodConstraints } from './constraints.js'
import { workloadArbitrary } from './workload.js'
import type { GeneratedPod } from './workloadTypes.js'
import { checkedConstraints, podRules } from './_internals/checkConstraints.js'

/**
 * Generates a `Pod` (v1), maybe with ephemeral containers, as the API server returns it. It passes `checkManifests` with no error and no warning, and every container
 * of its pod keeps `constraints` (see `PodConstraints`). `workloadArbitrary({ kind: 'Pod' })`
 * with the precise type.
 *
 * Throws an `Error` when the constraints contradict each other.
 *
 * @example
 * ```ts
 * import fc from 'fast-check'
 * import { podArbitrary } from 'no-new-privs/testing'
 *
 * fc.sample(podArbitrary({ column: 'privileged' }), 1) // every container privileged or adding SYS_ADMIN
 * ```
 * @public
 */
export function podArbitrary(given: PodConstraints = {}): fc.Arbitrary<GeneratedPod> {
  const constraints = checkedConstraints(given, 'podArbitrary', podRules())
  return workloadArbitrary({ ...constraints, kind: 'Pod' })
}
