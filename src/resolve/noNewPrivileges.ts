/**
 * The first design (`noNewPrivileges` semantics): `noNewPrivileges` on the pod, overridden by the container.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import * as O from './origins.js'
import type { Plan } from './plan.js'
import type { Subject } from './rules/rule.js'
import { runChecks } from './rules/run.js'
import type { NoNewPrivilegesDecision, Origin, ResolveInput, Violation } from './types.js'

/**
 * The flag that decides under the first design: the container's `noNewPrivileges`, else the
 * pod's, else the default `false`.
 *
 * @example
 * ```ts
 * noNewPrivilegesOf({ pod: { noNewPrivileges: true }, container: { noNewPrivileges: false } })
 * // { target: 'container', path: 'securityContext.noNewPrivileges', value: false }
 * ```
 * @public
 */
export function noNewPrivilegesOf(input: ResolveInput): Origin {
  const own = input.container?.noNewPrivileges
  if (own === true) return O.CONTAINER_NO_NEW_PRIVILEGES_TRUE
  if (own === false) return O.CONTAINER_NO_NEW_PRIVILEGES_FALSE
  const pod = input.pod?.noNewPrivileges
  if (pod === true) return O.POD_NO_NEW_PRIVILEGES_TRUE
  if (pod === false) return O.POD_NO_NEW_PRIVILEGES_FALSE
  return O.UNSET
}

function decisionOf(from: Origin): NoNewPrivilegesDecision {
  return { semantics: 'noNewPrivileges', applicable: true, noNewPrivs: from.value === true, from, warnings: O.NO_WARNINGS }
}

// `noNewPrivilegesOf` answers with one of five constant origins, so there are five decisions.
const DECISIONS: ReadonlyMap<Origin, E.Right<NoNewPrivilegesDecision>> = new Map(
  [
    O.CONTAINER_NO_NEW_PRIVILEGES_TRUE,
    O.CONTAINER_NO_NEW_PRIVILEGES_FALSE,
    O.POD_NO_NEW_PRIVILEGES_TRUE,
    O.POD_NO_NEW_PRIVILEGES_FALSE,
    O.UNSET,
  ].map((from) => [from, Object.freeze(E.right(Object.freeze(decisionOf(from)))) as E.Right<NoNewPrivilegesDecision>]),
)

/**
 * Resolve one Linux container under the first design. It has no violations of its own; the
 * `restricted` level (when asked for) reads the container's own `allowPrivilegeEscalation`, since
 * policies play no part here.
 */
export function resolveNoNewPrivileges(input: ResolveInput, plan: Plan): E.Either<ReadonlyNonEmptyArray<Violation>, NoNewPrivilegesDecision> {
  if (plan.linux.length > 0) {
    const container = input.container
    const subject: Subject = {
      input,
      container,
      policy: undefined,
      spec: undefined,
      setting: container?.allowPrivilegeEscalation ?? null,
      sysAdmin: O.NO_WARNINGS,
      oldSpecRelaxesSysAdmin: false,
    }
    const violations = runChecks(plan.linux, subject)
    if (violations !== undefined) return E.left(violations)
  }
  const from = noNewPrivilegesOf(input)
  return DECISIONS.get(from) ?? E.right(decisionOf(from))
}
