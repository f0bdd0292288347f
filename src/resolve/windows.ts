/**
 * Windows pods (SPEC §5a): no_new_privs does not exist there.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import * as O from './origins.js'
import { restrictedChecks, restrictedViolation } from './podSecurity.js'
import { policyViolationsInto } from './policyRules.js'
import type { NotApplicableDecision, PodSecurityOptions, ResolveInput, Semantics, Violation } from './types.js'
import { escalationFieldOnWindows, ESCALATION_PATH } from './violations.js'

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
 * Resolve a container of a Windows pod: never `no_new_privs`; setting the escalation field of
 * the semantics is a violation; policies do not default it; only `invalid-policy` (about the
 * policy alone) and the `restricted` level before v1.25 (the container's own field) still apply.
 */
export function resolveWindows(
  input: ResolveInput,
  semantics: Semantics,
  podSecurity: PodSecurityOptions | undefined,
): E.Either<ReadonlyNonEmptyArray<Violation>, NotApplicableDecision> {
  const container = input.container
  // The array of violations is made only when a rule is broken.
  let violations: Violation[] | undefined
  if (semantics === 'noNewPrivileges') {
    if (container?.noNewPrivileges != null) (violations ??= []).push(escalationFieldOnWindows('securityContext.noNewPrivileges'))
  } else if (container?.allowPrivilegeEscalation != null) {
    ;(violations ??= []).push(escalationFieldOnWindows(ESCALATION_PATH))
  }
  if (podSecurity !== undefined && container?.allowPrivilegeEscalation !== false && restrictedChecks(podSecurity, true)) {
    ;(violations ??= []).push(restrictedViolation(input.name))
  }
  if (input.policy != null) policyViolationsInto(input.policy, semantics, (violations ??= []))
  if (violations !== undefined && violations.length > 0) return E.left(violations as unknown as ReadonlyNonEmptyArray<Violation>)
  // The decision depends on the semantics alone.
  return NOT_APPLICABLE[semantics]
}

function notApplicable(semantics: Semantics): NotApplicableDecision {
  return { semantics, applicable: false, noNewPrivs: false, from: O.WINDOWS, warnings: O.NO_WARNINGS }
}

const shared = (semantics: Semantics): E.Right<NotApplicableDecision> =>
  Object.freeze(E.right(Object.freeze(notApplicable(semantics)))) as E.Right<NotApplicableDecision>
const NOT_APPLICABLE: Readonly<Record<Semantics, E.Right<NotApplicableDecision>>> = {
  proposal: shared('proposal'),
  noNewPrivileges: shared('noNewPrivileges'),
  kubernetes: shared('kubernetes'),
}
