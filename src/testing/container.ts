/**
 * `containerArbitrary`: whole containers steered by where they land in the design's table.
 *
 * @packageDocumentation
 */
import fc from './_internals/fastCheck.js'
import type { Container } from '../codecs/index.js'
import type { ContainerConstraints } from './constraints.js'
import { containerBodyFor } from './_internals/containerFor.js'
import { osesOf, planOf } from './_internals/plan.js'
import { EMPTY_POD } from './_internals/securityContextFor.js'
import { dnsLabelArbitrary } from './_internals/values.js'
import { checkedConstraints, containerRules } from './_internals/checkConstraints.js'

/**
 * Generates a container (core/v1 `Container`: a DNS-label `name`, an `image`, maybe a command,
 * and a `securityContext` as `securityContextArbitrary` makes them, sometimes left out, empty or
 * `null` when it sets nothing). It decodes with the `Container` codec with no error and no
 * warning, and keeps `constraints` when resolved with no pod `securityContext` and no policy.
 *
 * To put several containers in one pod, use `podSpecArbitrary`: it keeps names unique and
 * steers with the pod's own `securityContext` in view.
 *
 * Throws an `Error` when the constraints contradict each other.
 *
 * @example
 * ```ts
 * import fc from 'fast-check'
 * import { containerArbitrary } from 'no-new-privs/testing'
 *
 * fc.assert(
 *   fc.property(containerArbitrary({ column: 'root', row: 'nil' }), (container) => {
 *     // the design's table: root and nil give no_new_privs = true
 *   }),
 * )
 * ```
 * @public
 */
export function containerArbitrary(given: ContainerConstraints = {}): fc.Arbitrary<Container> {
  const constraints = checkedConstraints(given, 'containerArbitrary', containerRules())
  const plan = planOf(constraints, osesOf(constraints.os, 'linux'), 'containerArbitrary')
  const bodies = [...plan.cells].map(([os, cells]) => containerBodyFor(plan, os, cells, EMPTY_POD))
  return fc.tuple(dnsLabelArbitrary, fc.oneof(...bodies)).map(([name, body]): Container => ({ name, ...body }))
}
