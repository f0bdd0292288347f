/**
 * `replicaSetArbitrary`: `ReplicaSet` objects, steered.
 *
 * @packageDocumentation
 */
import type fc from 'fast-check'
import type { PodConstraints } from './constraints.js'
import { workloadArbitrary } from './workload.js'
import type { GeneratedReplicaSet } from './workloadTypes.js'
import { checkedConstraints, podRules } from './_internals/checkConstraints.js'

/**
 * Generates a `ReplicaSet` (apps/v1), its pod at `spec.template.spec`. It passes `checkManifests` with no error and no warning, and every container
 * of its pod keeps `constraints` (see `PodConstraints`). `workloadArbitrary({ kind: 'ReplicaSet' })`
 * with the precise type.
 *
 * Throws an `Error` when the constraints contradict each other.
 *
 * @example
 * ```ts
 * import fc from 'fast-check'
 * import { replicaSetArbitrary } from 'no-new-privs/testing'
 *
 * fc.sample(replicaSetArbitrary({ violations: 'none' }), 1) // the API server admits every container
 * ```
 * @public
 */
export function replicaSetArbitrary(given: PodConstraints = {}): fc.Arbitrary<GeneratedReplicaSet> {
  const constraints = checkedConstraints(given, 'replicaSetArbitrary', podRules())
  return workloadArbitrary({ ...constraints, kind: 'ReplicaSet' })
}
