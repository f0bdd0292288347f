/**
 * `resolveNoNewPrivs`: the one entry point of resolution.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { inputProblems, oldPodProblems, unreadable, unstable } from './guard.js'
import { resolveKubernetes } from './kubernetes.js'
import { resolveNoNewPrivileges } from './noNewPrivileges.js'
import { planOf, type InvalidOptions, type Plan } from './plan.js'
import { resolveProposal } from './proposal.js'
import { dropPolicy, giveBack, OLD_POD_INVALID, OLD_POD_RELAXES, readInput, readOldPod, takeReading, type Reading } from './read.js'
import type { Decision, InvalidInput, ResolveInput, ResolveOptions, Violation } from './types.js'
import { resolveWindows } from './windows.js'

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
  const reading = takeReading()
  try {
    return resolveChecked(input, options, reading)
  } catch (error) {
    // Only a value that throws when read gets here (a getter, a Proxy): resolution itself reads
    // checked values and never throws.
    return E.left(unreadable(error))
  } finally {
    giveBack(reading)
  }
}

function resolveChecked(input: unknown, options: unknown, r: Reading): E.Either<ReadonlyNonEmptyArray<Violation>, Decision> {
  // Options first, then the input, then the old pod: the order in which a throwing getter is met.
  const plan = planOf(options)
  const read = readInput(input, r)
  // A plan exists for `undefined` or an object only: an object's `oldPod` is read once, here.
  const oldPod = plan.invalid === undefined && options !== undefined ? (options as ResolveOptions).oldPod : undefined
  if (plan.invalid !== undefined || !read) return E.left(problemsOf(input, plan, oldPod, read, false))
  const old = readOldPod(oldPod)
  if (old === OLD_POD_INVALID) return E.left(problemsOf(input, plan, oldPod, true, true))
  const policyGiven = r.policy
  if (!plan.policyApplies) dropPolicy(r)
  if (r.windows) return resolveWindows(r, plan, policyGiven)
  switch (plan.semantics) {
    case 'kubernetes':
      return resolveKubernetes(r, plan, policyGiven, plan.readsOldPod && old === OLD_POD_RELAXES)
    case 'noNewPrivileges':
      return resolveNoNewPrivileges(r, plan)
    default:
      return resolveProposal(r, plan)
  }
}

// The slow path: what is wrong, with paths and messages, from the guard (guard.ts), which reads
// the arguments again. The guard and the reads accept exactly the same values; a value that
// reads differently the second time (a getter, a Proxy) is answered as such.
function problemsOf(
  input: unknown,
  plan: Plan | InvalidOptions,
  oldPod: unknown,
  read: boolean,
  oldInvalid: boolean,
): ReadonlyNonEmptyArray<InvalidInput> {
  const problems = read ? undefined : inputProblems(input)
  const oldProblems = oldPod == null ? undefined : oldPodProblems(oldPod)
  if ((!read && problems === undefined) || (oldInvalid && oldProblems === undefined)) return unstable()
  return concatProblems(problems, plan.invalid?.left, oldProblems)
}

function concatProblems(...lists: ReadonlyArray<ReadonlyArray<InvalidInput> | undefined>): ReadonlyNonEmptyArray<InvalidInput> {
  const out: InvalidInput[] = []
  for (const list of lists) if (list !== undefined) out.push(...list)
  // Called only when one of the lists is given, and a given list is never empty.
  return out as unknown as ReadonlyNonEmptyArray<InvalidInput>
}
