/**
 * `listArbitrary`: `List` documents of steered workloads, as `kubectl get -o yaml` prints them.
 *
 * @packageDocumentation
 */
import fc from './_internals/fastCheck.js'
import { WORKLOAD_KINDS, type WorkloadKind, type WorkloadOf } from './workloadTypes.js'
import { osesOf, planOf } from './_internals/plan.js'
import { kindsOf, workloadOfKind, type WorkloadConstraints } from './workload.js'
import { checkedConstraints, podRules } from './_internals/checkConstraints.js'

/**
 * Constraints of `listArbitrary`: those of `workloadArbitrary` for every item, and how many items.
 *
 * @example
 * ```ts
 * import { listArbitrary } from 'no-new-privs/testing'
 * listArbitrary({ kind: 'Pod', maxLength: 5, violations: 'none' })
 * ```
 * @public
 */
export interface ListConstraints<K extends WorkloadKind = WorkloadKind> extends WorkloadConstraints<K> {
  /** Fewest items. Default 0. */
  readonly minLength?: number | undefined
  /** Most items. Default 3. */
  readonly maxLength?: number | undefined
}

/**
 * A `List` (v1) of workloads.
 *
 * @example
 * ```ts
 * fc.sample(listArbitrary({ kind: 'Pod' }), 1)[0]?.items.map((p) => p.kind) // ['Pod', …]
 * ```
 * @public
 */
export interface GeneratedList<K extends WorkloadKind = WorkloadKind> {
  readonly apiVersion: 'v1'
  readonly kind: 'List'
  readonly metadata: { readonly resourceVersion: string }
  readonly items: ReadonlyArray<WorkloadOf<K>>
}

/**
 * Generates a `List` (v1) whose `items` are workloads as `workloadArbitrary` makes them, every
 * container of every item keeping `constraints`. In reports, paths start with the item:
 * `items[2].spec.template.spec.containers[0]`.
 *
 * Throws an `Error` when the constraints contradict each other or `minLength > maxLength`.
 *
 * @example
 * ```ts
 * import fc from 'fast-check'
 * import { listArbitrary } from 'no-new-privs/testing'
 *
 * fc.sample(listArbitrary({ kind: ['Deployment', 'Job'], minLength: 1 }), 1)
 * // e.g. [{ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items: [{ kind: 'Job', … }] }]
 * ```
 * @public
 */
export function listArbitrary<K extends WorkloadKind = WorkloadKind>(given: ListConstraints<K> = {}): fc.Arbitrary<GeneratedList<K>> {
  const constraints = checkedConstraints(given, 'listArbitrary', podRules(WORKLOAD_KINDS))
  const plan = planOf(constraints, osesOf(constraints.os, 'any'), 'listArbitrary')
  const item = fc.oneof(...kindsOf(constraints.kind).map((kind) => workloadOfKind(kind, plan)))
  const minLength = constraints.minLength ?? 0
  const maxLength = constraints.maxLength ?? Math.max(3, minLength)
  if (minLength > maxLength) throw new Error(`listArbitrary: minLength ${minLength} is more than maxLength ${maxLength}`)
  return fc
    .array(item, { minLength, maxLength })
    .map((items): GeneratedList<K> => ({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items }))
}
