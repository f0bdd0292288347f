/**
 * `replicationControllerArbitrary`: `ReplicationController` objects, steered.
 *
 * @packageDocumentation
 */
import type fc from 'fast-check'
import type { PodConstraints } from './constraints.js'
import { workloadArbitrary } from './workload.js'
import type { GeneratedReplicationController } from './workloadTypes.js'
import { checkedConstraints, podRules } from './_internals/checkConstraints.js'

/**
 * Generates a `ReplicationController` (v1), its pod at `spec.template.spec`. It passes `checkManifests` with no error and no warning, and every container
 * of its pod keeps `constraints` (see `PodConstraints`). `workloadArbitrary({ kind: 'ReplicationController' })`
 * with the precise type.
 *
 * Throws an `Error` when the constraints contradict each other.
 *
 * @example
 * ```ts
 * import fc from 'fast-check'
 * import { replicationControllerArbitrary } from 'no-new-privs/testing'
 *
 * fc.sample(replicationControllerArbitrary({ nonRoot: true }), 1) // every container runs as a non-zero uid
 * ```
 * @public
 */
export function replicationControllerArbitrary(given: PodConstraints = {}): fc.Arbitrary<GeneratedReplicationController> {
  const constraints = checkedConstraints(given, 'replicationControllerArbitrary', podRules())
  return workloadArbitrary({ ...constraints, kind: 'ReplicationController' })
}
