/**
 * `podTemplateArbitrary`: `PodTemplate` objects, steered.
 *
 * @packageDocumentation
 */
import type fc from 'fast-check'
import type { PodConstraints } from './constraints.js'
import { workloadArbitrary } from './workload.js'
import type { GeneratedPodTemplate } from './workloadTypes.js'
import { checkedConstraints, podRules } from './_internals/checkConstraints.js'

/**
 * Generates a `PodTemplate` (v1), its pod at `template.spec`. It passes `checkManifests` with no error and no warning, and every container
 * of its pod keeps `constraints` (see `PodConstraints`). `workloadArbitrary({ kind: 'PodTemplate' })`
 * with the precise type.
 *
 * Throws an `Error` when the constraints contradict each other.
 *
 * @example
 * ```ts
 * import fc from 'fast-check'
 * import { podTemplateArbitrary } from 'no-new-privs/testing'
 *
 * fc.sample(podTemplateArbitrary({ row: 'false' }), 1) // every container sets allowPrivilegeEscalation: false
 * ```
 * @public
 */
export function podTemplateArbitrary(given: PodConstraints = {}): fc.Arbitrary<GeneratedPodTemplate> {
  const constraints = checkedConstraints(given, 'podTemplateArbitrary', podRules())
  return workloadArbitrary({ ...constraints, kind: 'PodTemplate' })
}
