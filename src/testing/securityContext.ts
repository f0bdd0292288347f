/**
 * `securityContextArbitrary`: container security contexts steered by where they land in the
 * design's table.
 *
 * @packageDocumentation
 */
import fc from './_internals/fastCheck.js'
import type { SecurityContext } from '../codecs/index.js'
import type { ContainerConstraints } from './constraints.js'
import { osesOf, planOf } from './_internals/plan.js'
import { EMPTY_POD, securityContextFor } from './_internals/securityContextFor.js'
import { checkedConstraints, containerRules } from './_internals/checkConstraints.js'

/**
 * Generates a container's `securityContext` (core/v1 `SecurityContext`) that decodes with the
 * `SecurityContext` codec with no error and no warning, and that keeps `constraints` when
 * resolved on its own: `resolveNoNewPrivs({ container: sc, os })` with no pod `securityContext`
 * and no policy.
 *
 * Every way into a column is used: `privileged: true` or an added `SYS_ADMIN` in any spelling
 * (`sys_admin`, `CAP_SYS_ADMIN`, `ALL`); uid 0, a non-zero uid, or `runAsNonRoot`. Unset fields
 * are left out or written `null`. Under `os: 'windows'` with `violations: 'none'` no Linux-only
 * field is set, as the API server requires.
 *
 * Throws an `Error` when the constraints contradict each other.
 *
 * @example
 * ```ts
 * import fc from 'fast-check'
 * import { securityContextArbitrary } from 'no-new-privs/testing'
 *
 * fc.sample(securityContextArbitrary({ privileged: true }), 1)
 * // e.g. [{ privileged: true, capabilities: { add: ['NET_ADMIN'] } }]
 * fc.sample(securityContextArbitrary({ nonRoot: true, row: 'false' }), 1)
 * // e.g. [{ allowPrivilegeEscalation: false, runAsUser: 1000 }]
 * ```
 * @public
 */
export function securityContextArbitrary(given: ContainerConstraints = {}): fc.Arbitrary<SecurityContext> {
  const constraints = checkedConstraints(given, 'securityContextArbitrary', containerRules())
  const plan = planOf(constraints, osesOf(constraints.os, 'linux'), 'securityContextArbitrary')
  const ways: Array<fc.Arbitrary<SecurityContext>> = []
  for (const [os, cells] of plan.cells) {
    for (const cell of cells) {
      ways.push(securityContextFor({ cell, os, semantics: plan.semantics, strict: plan.strict, noNewPrivs: plan.noNewPrivs }, EMPTY_POD))
    }
  }
  return fc.oneof(...ways)
}
