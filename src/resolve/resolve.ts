/**
 * `resolveNoNewPrivs`: the one entry point of resolution.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { oldSpecHasSysAdminWithoutEscalation, resolveKubernetes } from './kubernetes.js'
import { resolveNoNewPrivileges } from './noNewPrivileges.js'
import { inputProblems, oldPodProblems, unreadable } from './guard.js'
import { planOf } from './plan.js'
import { resolveProposal } from './proposal.js'
import type { Decision, InvalidInput, ResolveInput, ResolveOptions, Violation } from './types.js'
import { isWindows, resolveWindows } from './windows.js'

const NO_INPUT: ResolveInput = Object.freeze({})

/**
 * Will this container run with Linux `no_new_privs`, and is its pod admissible?
 *
 * Total: for every well-typed input it returns, never throws. `Left` holds every violation (the
 * API server or admission would reject the pod, nothing runs); `Right` holds the decision and a
 * machine-readable account of which input decided it.
 *
 * @example
 * ```ts
 * import * as E from 'fp-ts/lib/Either.js'
 * import { resolveNoNewPrivs } from 'no-new-privs'
 *
 * const result = resolveNoNewPrivs({ container: { runAsUser: 1000 }, pod: {} })
 * if (E.isRight(result)) {
 *   result.right.noNewPrivs // false: nil row, nonRoot column
 * }
 *
 * resolveNoNewPrivs({ container: { runAsUser: 1000 } }, { semantics: 'kubernetes' })
 * // Right({ noNewPrivs: false, setting: null, ... })
 *
 * resolveNoNewPrivs({ container: { privileged: true, allowPrivilegeEscalation: false } })
 * // Left([{ code: 'privileged-without-escalation', path: 'securityContext.allowPrivilegeEscalation', ... }])
 * ```
 * @public
 */
export function resolveNoNewPrivs(
  input: ResolveInput | null | undefined,
  options?: ResolveOptions,
): E.Either<ReadonlyNonEmptyArray<Violation>, Decision> {
  try {
    return resolveChecked(input, options)
  } catch (error) {
    // Only a value that throws when read gets here (a getter, a Proxy): resolution itself reads
    // checked values and never throws.
    return E.left(unreadable(error))
  }
}

function resolveChecked(input: unknown, options: unknown): E.Either<ReadonlyNonEmptyArray<Violation>, Decision> {
  const plan = planOf(options)
  const problems = inputProblems(input)
  // A plan exists for `undefined` or an object only: an object's `oldPod` is read once, here.
  const oldPod = plan.invalid === undefined && options !== undefined ? (options as ResolveOptions).oldPod : undefined
  const oldProblems = oldPod == null ? undefined : oldPodProblems(oldPod)
  if (plan.invalid !== undefined || problems !== undefined || oldProblems !== undefined) {
    return E.left(concatProblems(problems, plan.invalid?.left, oldProblems))
  }
  const given = (input ?? NO_INPUT) as ResolveInput
  if (isWindows(given)) return resolveWindows(given, plan)
  switch (plan.semantics) {
    case 'kubernetes':
      return resolveKubernetes(given, plan, plan.readsOldPod && oldSpecHasSysAdminWithoutEscalation(oldPod))
    case 'noNewPrivileges':
      return resolveNoNewPrivileges(given, plan)
    default:
      return resolveProposal(given, plan)
  }
}

function concatProblems(...lists: ReadonlyArray<ReadonlyArray<InvalidInput> | undefined>): ReadonlyNonEmptyArray<InvalidInput> {
  const out: InvalidInput[] = []
  for (const list of lists) if (list !== undefined) out.push(...list)
  // Called only when one of the lists is given, and a given list is never empty.
  return out as unknown as ReadonlyNonEmptyArray<InvalidInput>
}
