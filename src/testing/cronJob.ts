/**
 * `cronJobArbitrary`: `CronJob` objects, steered.
 *
 * @packageDocumentation
 */
import type fc from 'fast-check'
import type { PodConstraints } from './constraints.js'
import { workloadArbitrary } from './workload.js'
import type { GeneratedCronJob } from './workloadTypes.js'
import { checkedConstraints, podRules } from './_internals/checkConstraints.js'

/**
 * Generates a `CronJob` (batch/v1), its pod at `spec.jobTemplate.spec.template.spec`. It passes `checkManifests` with no error and no warning, and every container
 * of its pod keeps `constraints` (see `PodConstraints`). `workloadArbitrary({ kind: 'CronJob' })`
 * with the precise type.
 *
 * Throws an `Error` when the constraints contradict each other.
 *
 * @example
 * ```ts
 * import fc from 'fast-check'
 * import { cronJobArbitrary } from 'no-new-privs/testing'
 *
 * fc.sample(cronJobArbitrary({ privileged: false }), 1) // no privileged container, no SYS_ADMIN
 * ```
 * @public
 */
export function cronJobArbitrary(given: PodConstraints = {}): fc.Arbitrary<GeneratedCronJob> {
  const constraints = checkedConstraints(given, 'cronJobArbitrary', podRules())
  return workloadArbitrary({ ...constraints, kind: 'CronJob' })
}
