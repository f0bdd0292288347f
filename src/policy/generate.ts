/**
 * `admissionPolicies`: the Kubernetes-native admission objects that make the API server enforce a
 * semantics (README: "In the cluster: admission policies"), generated from the violation rules.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import { describeValue, optionsProblem, withoutNulls, type FieldRule } from '../callerInput.js'
import {
  LabelSelector,
  type LabelSelectorRequirement,
  type MatchResources,
  type MutatingAdmissionPolicy,
  type MutatingAdmissionPolicyBinding,
  type ValidatingAdmissionPolicy,
  type ValidatingAdmissionPolicyBinding,
  type ValidationAction,
} from '../codecs/admissionRegistration.js'
import { renderValue } from '../codecs/render.js'
import { minorOf } from '../resolve/podSecurity.js'
import type { PodSecurityVersion, ViolationCode } from '../resolve/types.js'
import { mutatingObjects } from './mutating.js'
import type { AdmissionPolicyOptions, AdmissionPolicyProblem, PolicySemantics } from './options.js'
import { RULES } from '../resolve/rules/index.js'
import { isInCluster, translate, type InClusterRule, type RuleContext } from './rules.js'
import { validatingObjects } from './validating.js'

/**
 * ValidatingAdmissionPolicy is GA (admissionregistration.k8s.io/v1) from this minor version.
 *
 * @example
 * ```ts
 * minorOf('v1.29') < VALIDATING_POLICY_MINOR // true: admissionPolicies refuses v1.29
 * ```
 */
export const VALIDATING_POLICY_MINOR = 30
/**
 * MutatingAdmissionPolicy is GA (admissionregistration.k8s.io/v1) from this minor version: the
 * `proposal` semantics needs it.
 *
 * @example
 * ```ts
 * MUTATING_POLICY_MINOR // 36
 * ```
 */
export const MUTATING_POLICY_MINOR = 36

/**
 * One object `admission-policy` prints.
 *
 * @example
 * ```ts
 * const names = (objects: ReadonlyArray<AdmissionObject>) => objects.map((o) => `${o.kind}/${o.metadata?.name}`)
 * ```
 */
export type AdmissionObject =
  | ValidatingAdmissionPolicy
  | ValidatingAdmissionPolicyBinding
  | MutatingAdmissionPolicy
  | MutatingAdmissionPolicyBinding

/**
 * What happened to one violation code of the semantics: checked by the validating policy, or not
 * checkable in a cluster and why.
 *
 * @example
 * ```ts
 * const account: RuleAccount = { code: 'invalid-policy', enforced: false, why: 'needs a PodSecurityPolicy, …' }
 * ```
 */
export type RuleAccount =
  | { readonly code: ViolationCode; readonly enforced: true }
  | { readonly code: ViolationCode; readonly enforced: false; readonly why: string }

/**
 * The generated objects, in the order `kubectl apply -f` should create them (each policy before
 * its bindings, the mutation before the validation that sees its result).
 *
 * @example
 * ```ts
 * const r = admissionPolicies({ semantics: 'kubernetes' })
 * if (r._tag === 'Right') r.right.objects.map((o) => o.kind)
 * // ['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'ValidatingAdmissionPolicyBinding']
 * ```
 */
export interface AdmissionPolicies {
  readonly semantics: PolicySemantics
  readonly kubernetesVersion: PodSecurityVersion
  readonly objects: ReadonlyArray<AdmissionObject>
  readonly validatingPolicy: ValidatingAdmissionPolicy
  /** The pods binding (the user's actions), then the workloads binding (`Warn` for `Deny`). */
  readonly validatingBindings: readonly [ValidatingAdmissionPolicyBinding, ValidatingAdmissionPolicyBinding]
  /**
   * Under `proposal` only, and not with the restricted level (see `NO_MUTATION_WITH_RESTRICTED`):
   * `null` otherwise.
   */
  readonly mutatingPolicy: MutatingAdmissionPolicy | null
  readonly mutatingBinding: MutatingAdmissionPolicyBinding | null
  /**
   * The restricted level's policy version its checks were selected at: the one asked for (default
   * the cluster's) capped at the cluster's, as the resolver and Pod Security Admission do; `null`
   * when the level is not asked for.
   */
  readonly podSecurityVersion: PodSecurityVersion | null
  /** Every code of the semantics and version, enforced or not, with the reason. */
  readonly rules: ReadonlyArray<RuleAccount>
}

/**
 * Why `proposal` with the restricted level has no mutating policy. The level rejects every Linux
 * container that does not set `allowPrivilegeEscalation: false` itself, and the mutation sets
 * exactly that on containers that leave it unset: run first, it would make the validating policy
 * admit pods the library (and the level) rejects. Every container the level admits already sets
 * `false`, the design's `false` row, where released Kubernetes' no_new_privs is the design's: there
 * is nothing left to default.
 *
 * @example
 * ```ts
 * admissionPolicies({ semantics: 'proposal', podSecurity: { level: 'restricted' } }) // Right({ mutatingPolicy: null, … })
 * ```
 */
export const NO_MUTATION_WITH_RESTRICTED =
  'no MutatingAdmissionPolicy: the restricted level admits only containers that set allowPrivilegeEscalation: false themselves, ' +
  "where the cluster's no_new_privs already is the design's; defaulting the others would admit pods the level rejects"

const VERSION = /^v1\.(0|[1-9]\d*)$/
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/
const ACTIONS: ReadonlyArray<ValidationAction> = ['Deny', 'Warn', 'Audit']

function problem(code: AdmissionPolicyProblem['code'], message: string): E.Either<AdmissionPolicyProblem, never> {
  return E.left({ code, message })
}

function checkActions(actions: ReadonlyArray<ValidationAction>): string | null {
  if (actions.length === 0) return 'actions: at least one of Deny, Warn, Audit is required'
  for (const a of actions) if (!ACTIONS.includes(a)) return `actions: unknown action "${String(a)}" (Deny, Warn or Audit)`
  if (new Set(actions).size !== actions.length) return 'actions: each action may be given once'
  // The API server refuses this pair: the failure would be reported twice.
  if (actions.includes('Deny') && actions.includes('Warn')) return 'actions: Deny and Warn may not be used together (the API server rejects the binding)'
  return null
}

function selectorsOf(options: AdmissionPolicyOptions): E.Either<string, Pick<MatchResources, 'namespaceSelector' | 'objectSelector'>> {
  const excluded = options.excludeNamespaces ?? []
  for (const ns of excluded) if (typeof ns !== 'string' || ns === '' || !LABEL_VALUE.test(ns) || ns.length > 63) return E.left(`excludeNamespaces: ${typeof ns === 'string' ? `"${ns}"` : describeValue(ns)} is not a namespace name`)
  // Selectors are Kubernetes objects: decoded, so a wrong field is named rather than spread.
  for (const name of ['namespaceSelector', 'objectSelector'] as const) {
    const given = options[name]
    if (given !== undefined && !LabelSelector.is(given)) return E.left(`${name}: not a LabelSelector: ${renderValue(given)}`)
  }
  let namespaceSelector: LabelSelector | undefined = options.namespaceSelector
  if (excluded.length > 0) {
    const exclusion: LabelSelectorRequirement = { key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: [...excluded] }
    namespaceSelector = { ...namespaceSelector, matchExpressions: [...(namespaceSelector?.matchExpressions ?? []), exclusion] }
  }
  return E.right({
    ...(namespaceSelector === undefined ? {} : { namespaceSelector }),
    ...(options.objectSelector === undefined ? {} : { objectSelector: options.objectSelector }),
  })
}

// What each option must hold: checked before anything reads it.
const OPTION_RULES: Readonly<Record<string, FieldRule>> = {
  semantics: 'string',
  kubernetesVersion: 'string',
  actions: 'array',
  namespaceSelector: 'object',
  objectSelector: 'object',
  excludeNamespaces: 'array',
  namePrefix: 'string',
  podSecurity: 'object',
  failurePolicy: 'string',
}

/**
 * Generate the admission objects for a semantics and a cluster version. Returns a problem, never
 * throws: a version without admissionregistration v1 policies (before v1.30, or before v1.36 for
 * the `proposal` semantics' mutation), or options the API server would refuse.
 *
 * @example
 * ```ts
 * import { admissionPolicies } from 'no-new-privs'
 * const r = admissionPolicies({ semantics: 'proposal', actions: ['Warn', 'Audit'], excludeNamespaces: ['kube-system'] })
 * if (r._tag === 'Right') {
 *   r.right.objects.length // 5: the mutating policy and binding, the validating policy and its two bindings
 * }
 * admissionPolicies({ semantics: 'kubernetes', kubernetesVersion: 'v1.29' })
 * // Left({ code: 'unsupported-version', message: 'ValidatingAdmissionPolicy (admissionregistration.k8s.io/v1) needs Kubernetes v1.30 or later, not v1.29' })
 * ```
 * @public
 */
export function admissionPolicies(given: AdmissionPolicyOptions = {}): E.Either<AdmissionPolicyProblem, AdmissionPolicies> {
  // A plain-JavaScript caller's options are checked before use; `null` is no options.
  const shape = optionsProblem(given, 'options', OPTION_RULES)
  if (shape !== undefined) return problem('invalid-option', shape)
  const options: AdmissionPolicyOptions = withoutNulls(given)
  const semantics = options.semantics ?? 'proposal'
  if (semantics !== 'kubernetes' && semantics !== 'proposal') return problem('invalid-option', `semantics: "${String(semantics)}" is not kubernetes or proposal`)
  const kubernetesVersion = options.kubernetesVersion ?? 'latest'
  if (kubernetesVersion !== 'latest' && !VERSION.test(kubernetesVersion)) return problem('invalid-option', `kubernetesVersion: "${kubernetesVersion}" is not latest or v1.N`)
  const minor = minorOf(kubernetesVersion)
  if (minor < VALIDATING_POLICY_MINOR) {
    return problem('unsupported-version', `ValidatingAdmissionPolicy (admissionregistration.k8s.io/v1) needs Kubernetes v1.${VALIDATING_POLICY_MINOR} or later, not ${kubernetesVersion}`)
  }
  const actions = options.actions ?? ['Deny']
  const badActions = checkActions(actions)
  if (badActions !== null) return problem('invalid-option', badActions)
  const selectors = selectorsOf(options)
  if (E.isLeft(selectors)) return problem('invalid-option', selectors.left)
  const restrictedVersion = options.podSecurity?.version ?? kubernetesVersion
  if (options.podSecurity !== undefined && options.podSecurity.level !== 'restricted') {
    return problem('invalid-option', `podSecurity.level: expected "restricted", got ${describeValue(options.podSecurity.level)}`)
  }
  if (options.podSecurity !== undefined && (typeof restrictedVersion !== 'string' || (restrictedVersion !== 'latest' && !VERSION.test(restrictedVersion)))) {
    return problem('invalid-option', `podSecurity.version: "${restrictedVersion}" is not latest or v1.N`)
  }
  // Pod Security Admission of cluster v1.C has no newer checks than C's: the level's version is
  // capped at the cluster's, as the resolver caps it (src/resolve/plan.ts).
  const restrictedMinor = options.podSecurity === undefined ? undefined : Math.min(minorOf(restrictedVersion), minor)
  const context: RuleContext = { semantics, minor, restrictedMinor }
  const enforced: InClusterRule[] = []
  const rules: RuleAccount[] = []
  for (const { code } of RULES) {
    const translation = translate(code, context)
    if (translation === null) continue
    if (isInCluster(translation)) {
      enforced.push(translation)
      rules.push({ code, enforced: true })
    } else {
      rules.push({ code, enforced: false, why: translation.notInCluster })
    }
  }
  const mutates = semantics === 'proposal' && !enforced.some((r) => r.code === 'restricted-requires-no-escalation')
  if (mutates && minor < MUTATING_POLICY_MINOR) {
    return problem(
      'unsupported-version',
      `the proposal semantics needs MutatingAdmissionPolicy (admissionregistration.k8s.io/v1), GA in Kubernetes v1.${MUTATING_POLICY_MINOR}, not ${kubernetesVersion}: use --semantics kubernetes`,
    )
  }
  const prefix = options.namePrefix ?? ''
  const name = `${prefix}no-new-privs`
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name) || name.length > 240) return problem('invalid-option', `namePrefix: "${prefix}" does not make a valid object name`)
  const labels = { 'app.kubernetes.io/managed-by': 'no-new-privs', 'no-new-privs.io/semantics': semantics }
  const failurePolicy = options.failurePolicy ?? 'Fail'
  const [validatingPolicy, pods, workloads] = validatingObjects({ name, rules: enforced, actions, selectors: selectors.right, failurePolicy, labels })
  const mutating = mutates ? mutatingObjects({ name: `${name}-default`, selectors: selectors.right, failurePolicy, labels }) : null
  const objects: AdmissionObject[] = [...(mutating ?? []), validatingPolicy, pods, workloads]
  return E.right({
    semantics,
    kubernetesVersion,
    objects,
    validatingPolicy,
    validatingBindings: [pods, workloads],
    mutatingPolicy: mutating?.[0] ?? null,
    mutatingBinding: mutating?.[1] ?? null,
    podSecurityVersion: restrictedMinor === undefined ? null : restrictedMinor === Infinity ? 'latest' : `v1.${restrictedMinor}`,
    rules,
  })
}
