/**
 * Windows pods (`pod.spec.os.name: windows`, every semantics): no_new_privs does not exist there.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import * as O from './origins.js'
import type { Plan } from './plan.js'
import type { Reading } from './read.js'
import { runChecks } from './rules/run.js'
import type { DecisionWarning, NotApplicableDecision, ResolveInput, Semantics, Violation } from './types.js'

/**
 * Is this a Windows pod? Only the exact API value `windows` (`pod.spec.os.name` is an enum).
 *
 * @example
 * ```ts
 * isWindows({ os: 'windows' }) // true
 * ```
 * @public
 */
export function isWindows(input: ResolveInput): boolean {
  return input.os === 'windows'
}

/**
 * Resolve a container of a Windows pod, as read into `r`: never `no_new_privs`; the registry's
 * Windows checks (the escalation field of the semantics set at all, the policy's own rule, the
 * `restricted` level before v1.25 on the container's own field); policies do not default its
 * containers. A policy the plan does not apply is already dropped from `r` (`policyGiven` says
 * whether one was given).
 */
export function resolveWindows(r: Reading, plan: Plan, policyGiven: boolean): E.Either<ReadonlyNonEmptyArray<Violation>, NotApplicableDecision> {
  r.setting = r.escalation
  const violations = runChecks(plan.windows, r)
  if (violations !== undefined) return E.left(violations)
  if (policyGiven && !plan.policyApplies) return notAppliedPolicyDecision(plan)
  // The decision depends on the semantics alone.
  return NOT_APPLICABLE[plan.semantics]
}

// One object literal for every not-applicable decision (not a spread of another): they all get one
// hidden class, so a caller's loop over results keeps reading them inline.
function notApplicable(semantics: Semantics, warnings: ReadonlyArray<DecisionWarning> = O.NO_WARNINGS): NotApplicableDecision {
  return { semantics, applicable: false, noNewPrivs: false, from: O.WINDOWS, warnings }
}

const shared = (semantics: Semantics): E.Right<NotApplicableDecision> =>
  Object.freeze(E.right(Object.freeze(notApplicable(semantics)))) as E.Right<NotApplicableDecision>
const NOT_APPLICABLE: Readonly<Record<Semantics, E.Right<NotApplicableDecision>>> = {
  proposal: shared('proposal'),
  noNewPrivileges: shared('noNewPrivileges'),
  kubernetes: shared('kubernetes'),
}

// With a policy that no longer exists, the decision depends on the plan alone (its version's warning).
const withPolicyWarning = new WeakMap<Plan, E.Right<NotApplicableDecision>>()
function notAppliedPolicyDecision(plan: Plan): E.Right<NotApplicableDecision> {
  let made = withPolicyWarning.get(plan)
  if (made === undefined) {
    made = Object.freeze(E.right(Object.freeze(notApplicable(plan.semantics, plan.policyWarnings)))) as E.Right<NotApplicableDecision>
    withPolicyWarning.set(plan, made)
  }
  return made
}
