/**
 * `jobArbitrary`: `Job` objects, steered.
 *
 * @packageDocumentation
 */
import type fc from 'fast-check'
import type { PodConstraints } from './constraints.js'
import { workloadArbitrary } from './workload.js'
import type { GeneratedJob } from './workloadTypes.js'
import { checkedConstraints, podRules } from './_internals/checkConstraints.js'

/**
 * Generates a `Job` (batch/v1), its pod at `spec.template.spec`, restarting `Never` or `OnFailure`. It passes `checkManifests` with no error and no warning, and every container
 * of its pod keeps `constraints` (see `PodConstraints`). `workloadArbitrary({ kind: 'Job' })`
 * with the precise type.
 *
 * Throws an `Error` when the constraints contradict each other.
 *
 * @example
 * ```ts
 * import fc from 'fast-check'
 * import { jobArbitrary } from 'no-new-privs/testing'
 *
 * fc.sample(jobArbitrary({ noNewPrivs: false, semantics: 'kubernetes' }), 1) // no container gets no_new_privs on a real cluster
 * ```
 * @public
 */
export function jobArbitrary(given: PodConstraints = {}): fc.Arbitrary<GeneratedJob> {
  const constraints = checkedConstraints(given, 'jobArbitrary', podRules())
  return workloadArbitrary({ ...constraints, kind: 'Job' })
}
