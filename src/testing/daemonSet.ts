/**
 * `daemonSetArbitrary`: `DaemonSet` objects, steered.
 *
 * @packageDocumentation
 */
import type fc from 'fast-check'
import type { PodConstraints } from './constraints.js'
import { workloadArbitrary } from './workload.js'
import type { GeneratedDaemonSet } from './workloadTypes.js'
import { checkedConstraints, podRules } from './_internals/checkConstraints.js'

/**
 * Generates a `DaemonSet` (apps/v1), its pod at `spec.template.spec`. It passes `checkManifests` with no error and no warning, and every container
 * of its pod keeps `constraints` (see `PodConstraints`). `workloadArbitrary({ kind: 'DaemonSet' })`
 * with the precise type.
 *
 * Throws an `Error` when the constraints contradict each other.
 *
 * @example
 * ```ts
 * import fc from 'fast-check'
 * import { daemonSetArbitrary } from 'no-new-privs/testing'
 *
 * fc.sample(daemonSetArbitrary({ column: 'root', row: 'nil' }), 1) // root, escalation unset: no_new_privs in the design
 * ```
 * @public
 */
export function daemonSetArbitrary(given: PodConstraints = {}): fc.Arbitrary<GeneratedDaemonSet> {
  const constraints = checkedConstraints(given, 'daemonSetArbitrary', podRules())
  return workloadArbitrary({ ...constraints, kind: 'DaemonSet' })
}
