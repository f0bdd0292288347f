/**
 * `statefulSetArbitrary`: `StatefulSet` objects, steered.
 *
 * @packageDocumentation
 */
import type fc from 'fast-check'
import type { PodConstraints } from './constraints.js'
import { workloadArbitrary } from './workload.js'
import type { GeneratedStatefulSet } from './workloadTypes.js'
import { checkedConstraints, podRules } from './_internals/checkConstraints.js'

/**
 * Generates a `StatefulSet` (apps/v1), its pod at `spec.template.spec`. It passes `checkManifests` with no error and no warning, and every container
 * of its pod keeps `constraints` (see `PodConstraints`). `workloadArbitrary({ kind: 'StatefulSet' })`
 * with the precise type.
 *
 * Throws an `Error` when the constraints contradict each other.
 *
 * @example
 * ```ts
 * import fc from 'fast-check'
 * import { statefulSetArbitrary } from 'no-new-privs/testing'
 *
 * fc.sample(statefulSetArbitrary({ os: 'windows' }), 1) // a Windows pod
 * ```
 * @public
 */
export function statefulSetArbitrary(given: PodConstraints = {}): fc.Arbitrary<GeneratedStatefulSet> {
  const constraints = checkedConstraints(given, 'statefulSetArbitrary', podRules())
  return workloadArbitrary({ ...constraints, kind: 'StatefulSet' })
}
