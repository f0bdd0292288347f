/**
 * The first design (`noNewPrivileges` semantics): `noNewPrivileges` on the pod, overridden by the container.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import * as O from './origins.js'
import type { Plan } from './plan.js'
import { dropPolicy, type Reading } from './read.js'
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
  return flagFrom(input.container?.noNewPrivileges, input.pod?.noNewPrivileges)
}

function flagFrom(own: boolean | null | undefined, pod: boolean | null | undefined): Origin {
  return FLAGS[flagSlot(own, pod)] as Origin
}

// The deciding flag as its place in `FLAGS` (and in `DECISIONS`).
function flagSlot(own: boolean | null | undefined, pod: boolean | null | undefined): number {
  if (own === true) return 0
  if (own === false) return 1
  if (pod === true) return 2
  if (pod === false) return 3
  return 4
}
const FLAGS = [
  O.CONTAINER_NO_NEW_PRIVILEGES_TRUE,
  O.CONTAINER_NO_NEW_PRIVILEGES_FALSE,
  O.POD_NO_NEW_PRIVILEGES_TRUE,
  O.POD_NO_NEW_PRIVILEGES_FALSE,
  O.UNSET,
] as const

function decisionOf(from: Origin): NoNewPrivilegesDecision {
  return { semantics: 'noNewPrivileges', applicable: true, noNewPrivs: from.value === true, from, warnings: O.NO_WARNINGS }
}

// `noNewPrivilegesOf` answers with one of five constant origins, so there are five decisions, by `flagSlot`.
const DECISIONS: ReadonlyArray<E.Right<NoNewPrivilegesDecision>> = FLAGS.map(
  (from) => Object.freeze(E.right(Object.freeze(decisionOf(from)))) as E.Right<NoNewPrivilegesDecision>,
)

/**
 * Resolve one Linux container, as read into `r`, under the first design. It has no violations of
 * its own; the `restricted` level (when asked for) reads the container's own
 * `allowPrivilegeEscalation`, since policies play no part here.
 */
export function resolveNoNewPrivileges(r: Reading, plan: Plan): E.Either<ReadonlyNonEmptyArray<Violation>, NoNewPrivilegesDecision> {
  if (plan.linux.length > 0) {
    dropPolicy(r)
    r.setting = r.escalation
    const violations = runChecks(plan.linux, r)
    if (violations !== undefined) return E.left(violations)
  }
  return DECISIONS[flagSlot(r.noNewPrivileges, r.podNoNewPrivileges)] as E.Right<NoNewPrivilegesDecision>
}
