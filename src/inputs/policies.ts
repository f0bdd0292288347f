/**
 * Choosing among several PodSecurityPolicies as the admission plugin did: policies in name order;
 * the first that admits the pod without changing it; else the first that admits it with changes;
 * if none admits it, the pod is judged under the first by name.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { describeValue, isRecord } from '../callerInput.js'
import { addedCapabilitiesWhere } from '../capabilities.js'
import { resolveNoNewPrivs } from '../resolve/resolve.js'
import type { Decision, PolicyInput, ResolveInput, ResolveOptions, Semantics, Violation } from '../resolve/types.js'

/**
 * A policy that may be chosen, with the name it is ordered by.
 *
 * @example
 * ```ts
 * const candidates: PolicyCandidate[] = [
 *   { name: 'restricted', policy: { spec: { allowPrivilegeEscalation: false } } },
 *   { name: 'privileged', policy: { spec: { allowPrivilegeEscalation: true } } },
 * ]
 * choosePolicy([{ container: { allowPrivilegeEscalation: true } }], candidates).candidate.name // 'privileged'
 * ```
 */
export interface PolicyCandidate {
  readonly name: string
  readonly policy: PolicyInput
}

/**
 * How the chosen policy treated the pod.
 *
 * @example
 * ```ts
 * const choice = choosePolicy([{ container: {} }], [{ name: 'p', policy: { spec: { defaultAllowPrivilegeEscalation: false } } }])
 * const admission: Admission = choice.admission // 'changed': the policy defaulted the container
 * ```
 */
export type Admission = 'unchanged' | 'changed' | 'rejected'

/**
 * The policy the pod is judged under.
 *
 * @example
 * ```ts
 * const choice: PolicyChoice<PolicyCandidate> = choosePolicy([{ container: {} }], [{ name: 'p', policy: { spec: {} } }])
 * choice.candidate.name // 'p'
 * choice.admission // 'unchanged'
 * ```
 */
export interface PolicyChoice<P extends PolicyCandidate> {
  readonly candidate: P
  readonly admission: Admission
  /**
   * Every container resolved under the chosen policy with the options it was chosen by, in the
   * order given: a caller that resolves with the same options needs no second resolution.
   */
  readonly resolved: ReadonlyArray<E.Either<ReadonlyArray<Violation>, Decision>>
}

/**
 * Order policies as the admission plugin did: by name, byte-wise (Go's `sort.Strings`).
 *
 * @example
 * ```ts
 * [{ name: 'b' }, { name: 'B' }, { name: 'a' }].sort(byPolicyName).map((p) => p.name) // ['B', 'a', 'b']
 * ```
 */
export function byPolicyName(a: { readonly name: string }, b: { readonly name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0
}

const always = (): boolean => true

/**
 * Would admitting this container under `policy` change it? Only the defaulting that this library
 * models counts: `allowPrivilegeEscalation` (from the policy's default, or in released
 * Kubernetes from a closed gate), `defaultAddCapabilities` not already there or dropped, and a uid
 * or `runAsNonRoot` filled in by the `runAsUser` strategy.
 *
 * @example
 * ```ts
 * policyChangesContainer({ container: {} }, { spec: { defaultAllowPrivilegeEscalation: false } }, 'proposal') // true
 * policyChangesContainer({ container: { allowPrivilegeEscalation: false } }, { spec: { defaultAllowPrivilegeEscalation: false } }, 'proposal') // false
 * ```
 */
export function policyChangesContainer(input: ResolveInput, policy: PolicyInput, semantics: Semantics): boolean {
  if (semantics === 'noNewPrivileges' || input.os === 'windows') return false
  const spec = policy.spec
  if (spec == null) return false
  const container = input.container
  if (container?.allowPrivilegeEscalation == null) {
    if (spec.defaultAllowPrivilegeEscalation != null) return true
    if (semantics === 'kubernetes' && spec.allowPrivilegeEscalation === false) return true
  }
  const comparison = semantics === 'kubernetes' ? 'exact' : 'normalised'
  if (addedCapabilitiesWhere(container, policy, comparison, always).some((c) => c.target === 'policy')) return true
  const rule = spec.runAsUser?.rule
  const uidKnown = container?.runAsUser != null || input.pod?.runAsUser != null
  if (rule === 'MustRunAs' && !uidKnown) return true
  if (rule === 'MustRunAsNonRoot' && !uidKnown && (container?.runAsNonRoot ?? input.pod?.runAsNonRoot) == null) return true
  return false
}

/**
 * Choose the policy a pod is judged under, as the admission plugin did: policies in name order
 * (byte-wise, Go's `sort.Strings`); the first that admits the pod without changing it; else the
 * first that admits it with changes; if none admits it, the first by name, `rejected`.
 * `containers` are the pod's containers without a policy; `options` is the semantics, or the
 * resolve options to admit with (a semantics alone is asked of v1.24, the last cluster that had
 * the PodSecurityPolicy admission plugin); leave `podSecurity` out of them: the Pod Security
 * Standards are a separate admission.
 *
 * Total: arguments of the wrong shape (no candidate, a candidate without a string `name` or a
 * `policy` object, containers that are not an array of objects, options that are neither) are a `Left` with a
 * message naming the argument; a container or policy whose fields have the wrong types is answered
 * as `resolveNoNewPrivs` answers it (an `invalid-input` violation: it is not admitted).
 *
 * @example
 * ```ts
 * const choice = choosePolicy(
 *   [{ container: { allowPrivilegeEscalation: true } }],
 *   [{ name: 'b-permissive', policy: { spec: { allowPrivilegeEscalation: true } } },
 *    { name: 'a-restricted', policy: { spec: { allowPrivilegeEscalation: false } } }],
 *   'proposal',
 * )
 * if (E.isRight(choice)) {
 *   choice.right.candidate.name // 'b-permissive'
 *   choice.right.admission      // 'unchanged'
 *   choice.right.resolved[0]    // Right(the decision under b-permissive)
 * }
 * choosePolicy([], [], 'proposal') // Left('choosePolicy: candidates: expected at least one { name, policy }, got an array ([])')
 * ```
 * @public
 */
export function choosePolicy<P extends PolicyCandidate>(
  containers: ReadonlyArray<ResolveInput>,
  candidates: ReadonlyArray<P>,
  options: Semantics | ResolveOptions,
): E.Either<string, PolicyChoice<P>> {
  const given: unknown = candidates
  if (!Array.isArray(given) || given.length === 0) return E.left(`choosePolicy: candidates: expected at least one { name, policy }, got ${describeValue(given)}`)
  for (let i = 0; i < given.length; i++) {
    const c: unknown = given[i]
    if (!isRecord(c) || typeof c['name'] !== 'string' || !isRecord(c['policy']))
      return E.left(`choosePolicy: candidates[${i}]: expected { name: string, policy: object }, got ${describeValue(c)}`)
  }
  const inputs: unknown = containers
  if (!Array.isArray(inputs)) return E.left(`choosePolicy: containers: expected an array of resolve inputs, got ${describeValue(inputs)}`)
  const list: ReadonlyArray<unknown> = Array.from(inputs)
  for (let i = 0; i < list.length; i++) {
    if (!isRecord(list[i])) return E.left(`choosePolicy: containers[${i}]: expected a resolve input object, got ${describeValue(list[i])}`)
  }
  const how: unknown = options
  if (!(typeof how === 'string' || isRecord(how))) return E.left(`choosePolicy: options: expected a semantics or resolve options, got ${describeValue(how)}`)
  // The admission plugin's order, whatever order the caller gave them in.
  const ordered = [...(given as ReadonlyArray<P>)].sort(byPolicyName) as unknown as ReadonlyNonEmptyArray<P>
  return E.right(choosePolicyAmong(list as ReadonlyArray<ResolveInput>, ordered, options))
}

/**
 * Choose the policy a pod is judged under. `candidates` must be in name order (`byPolicyName`)
 * and non-empty; `containers` are the pod's containers without a policy.
 *
 * A policy admits the pod when every container resolves without a violation under it (the Pod
 * Security Standards are a separate admission and are not consulted here: leave `podSecurity` out
 * of `options`). `options` is the semantics, or the resolve options to admit with; a semantics
 * alone is asked of v1.24, the last cluster that had the PodSecurityPolicy admission plugin.
 *
 * The typed building block of {@link choosePolicy}, for callers whose arguments are known to be
 * well-formed (the check's own): no argument is looked at before it is used.
 *
 * @example
 * ```ts
 * const choice = choosePolicyAmong(
 *   [{ container: { allowPrivilegeEscalation: true } }],
 *   [{ name: 'a-restricted', policy: { spec: { allowPrivilegeEscalation: false } } },
 *    { name: 'b-permissive', policy: { spec: { allowPrivilegeEscalation: true } } }],
 *   'proposal',
 * )
 * choice.candidate.name // 'b-permissive'
 * choice.admission      // 'unchanged'
 * choice.resolved[0]    // Right(the decision under b-permissive)
 * ```
 */
export function choosePolicyAmong<P extends PolicyCandidate>(
  containers: ReadonlyArray<ResolveInput>,
  candidates: ReadonlyNonEmptyArray<P>,
  options: Semantics | ResolveOptions,
): PolicyChoice<P> {
  const resolveOptions: ResolveOptions = typeof options === 'string' ? { semantics: options, kubernetesVersion: 'v1.24' } : options
  const semantics = resolveOptions.semantics ?? 'proposal'
  const under = (candidate: P) => (input: ResolveInput) => resolveNoNewPrivs({ ...input, policy: candidate.policy }, resolveOptions)
  let changed: { readonly candidate: P; readonly resolved: ReadonlyArray<E.Either<ReadonlyArray<Violation>, Decision>> } | undefined
  for (const candidate of candidates) {
    const resolve = under(candidate)
    const resolved: Array<E.Either<ReadonlyArray<Violation>, Decision>> = []
    let admits = true
    let changes = false
    for (const input of containers) {
      const result = resolve(input)
      if (E.isLeft(result)) {
        admits = false
        break
      }
      resolved.push(result)
      if (!changes && policyChangesContainer(input, candidate.policy, semantics)) changes = true
    }
    if (!admits) continue
    if (!changes) return { candidate, admission: 'unchanged', resolved }
    changed ??= { candidate, resolved }
  }
  if (changed !== undefined) return { candidate: changed.candidate, admission: 'changed', resolved: changed.resolved }
  const first = candidates[0]
  return { candidate: first, admission: 'rejected', resolved: containers.map(under(first)) }
}
