/**
 * What released Kubernetes (≥ 1.8.1) does (README: "Kubernetes versions and operations"): the PodSecurityPolicy plugin mutates the
 * pod, API validation checks the result, and the kubelet sets no_new_privs exactly when the
 * setting is `false` (`pkg/securitycontext` AddNoNewPrivileges).
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { addedCapabilitiesWhere, grantsSysAdmin, KUBERNETES_SYS_ADMIN } from './capabilities.js'
import * as O from './origins.js'
import type { Plan } from './plan.js'
import type { Subject } from './rules/rule.js'
import { runChecks } from './rules/run.js'
import { sysAdminSpelling } from './rules/sysAdminWithoutEscalation.js'
import { mayAddSysAdmin } from './sysAdmin.js'
import type { DecisionWarning, KubernetesDecision, KubernetesVersion, OldPodSpecInput, Origin, PolicyInput, ResolveInput, Violation } from './types.js'

/**
 * `allowPrivilegeEscalation` after admission and the input that decided it.
 *
 * @example
 * ```ts
 * const admitted: AdmittedSetting = admittedSettingOf({ policy: { spec: { allowPrivilegeEscalation: false } } })
 * admitted.setting // false: the policy's gate defaults it
 * admitted.from.target // 'policy'
 * ```
 */
export interface AdmittedSetting {
  readonly setting: boolean | null
  readonly from: Origin
}

const FROM_CONTAINER_TRUE: AdmittedSetting = Object.freeze({ setting: true, from: O.CONTAINER_ESCALATION_TRUE })
const FROM_CONTAINER_FALSE: AdmittedSetting = Object.freeze({ setting: false, from: O.CONTAINER_ESCALATION_FALSE })
const FROM_DEFAULT_TRUE: AdmittedSetting = Object.freeze({ setting: true, from: O.POLICY_DEFAULT_TRUE })
const FROM_DEFAULT_FALSE: AdmittedSetting = Object.freeze({ setting: false, from: O.POLICY_DEFAULT_FALSE })
const FROM_GATE_FALSE: AdmittedSetting = Object.freeze({ setting: false, from: O.POLICY_GATE_FALSE })
const UNSET: AdmittedSetting = Object.freeze({ setting: null, from: O.UNSET })

/**
 * The container's `allowPrivilegeEscalation` after PodSecurityPolicy admission: its own value,
 * else the policy's default, else `false` when the policy's gate is `false` (an absent gate is
 * `true`, the API default since 1.8.1), else unset.
 *
 * @example
 * ```ts
 * admittedSettingOf({ policy: { spec: { allowPrivilegeEscalation: false } } }).setting // false
 * admittedSettingOf({ policy: { spec: {} } }).setting                                   // null
 * ```
 * @public
 */
export function admittedSettingOf(input: ResolveInput): AdmittedSetting {
  return admittedFrom(input.container?.allowPrivilegeEscalation, input.policy?.spec)
}

function admittedFrom(own: boolean | null | undefined, spec: PolicySpec | null | undefined): AdmittedSetting {
  if (own === true) return FROM_CONTAINER_TRUE
  if (own === false) return FROM_CONTAINER_FALSE
  const fallback = spec?.defaultAllowPrivilegeEscalation
  if (fallback === true) return FROM_DEFAULT_TRUE
  if (fallback === false) return FROM_DEFAULT_FALSE
  if (spec?.allowPrivilegeEscalation === false) return FROM_GATE_FALSE
  return UNSET
}

type PolicySpec = NonNullable<PolicyInput['spec']>

function isOtherSysAdminSpelling(name: string): boolean {
  return name !== KUBERNETES_SYS_ADMIN && grantsSysAdmin(name)
}

function decisionOf(admitted: AdmittedSetting, version: KubernetesVersion, warnings: ReadonlyArray<DecisionWarning>): KubernetesDecision {
  return {
    semantics: 'kubernetes',
    applicable: true,
    noNewPrivs: admitted.setting === false,
    setting: admitted.setting,
    from: admitted.from,
    kubernetesVersion: version,
    warnings,
  }
}

/**
 * Does the old pod spec of an update already have a container that adds exactly `CAP_SYS_ADMIN`
 * with `allowPrivilegeEscalation` not `true` (kubernetes/kubernetes#138834)? Then v1.37 on skips
 * the `CAP_SYS_ADMIN` check for every container of the new spec.
 *
 * @example
 * ```ts
 * oldSpecHasSysAdminWithoutEscalation({ containers: [{ securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } } }] }) // true
 * ```
 */
export function oldSpecHasSysAdminWithoutEscalation(oldPod: OldPodSpecInput | null | undefined): boolean {
  if (oldPod == null) return false
  return anyRelaxes(oldPod.initContainers) || anyRelaxes(oldPod.containers) || anyRelaxes(oldPod.ephemeralContainers)
}

function anyRelaxes(list: unknown): boolean {
  if (!Array.isArray(list)) return false
  for (const item of list as ReadonlyArray<unknown>) {
    const sc = (item as { securityContext?: unknown } | null)?.securityContext as
      | { allowPrivilegeEscalation?: unknown; capabilities?: { add?: unknown } | null }
      | null
      | undefined
    if (sc == null || sc.allowPrivilegeEscalation === true) continue
    const add = sc.capabilities?.add
    if (Array.isArray(add) && add.includes(KUBERNETES_SYS_ADMIN)) return true
  }
  return false
}

// Decisions without warnings (and with only the policy-not-applied one) depend on the admitted
// setting and the version alone: shared per plan, made on first use.
const shared = new WeakMap<Plan, Map<AdmittedSetting, E.Right<KubernetesDecision>>>()
const sharedNotApplied = new WeakMap<Plan, Map<AdmittedSetting, E.Right<KubernetesDecision>>>()

function sharedDecision(plan: Plan, admitted: AdmittedSetting, warnings: ReadonlyArray<DecisionWarning>): E.Right<KubernetesDecision> {
  const table = warnings === O.NO_WARNINGS ? shared : sharedNotApplied
  let byPlan = table.get(plan)
  if (byPlan === undefined) table.set(plan, (byPlan = new Map()))
  let made = byPlan.get(admitted)
  if (made === undefined) {
    made = Object.freeze(E.right(Object.freeze(decisionOf(admitted, plan.kubernetesVersion, warnings)))) as E.Right<KubernetesDecision>
    byPlan.set(admitted, made)
  }
  return made
}

/**
 * Resolve one Linux container as released Kubernetes does at the plan's version and operation
 * (with the Pod Security Standards' `restricted` check when asked). Windows pods are handled before this is called.
 */
export function resolveKubernetes(
  input: ResolveInput,
  plan: Plan,
  oldSpecRelaxesSysAdmin: boolean,
): E.Either<ReadonlyNonEmptyArray<Violation>, KubernetesDecision> {
  const container = input.container
  const given = input.policy
  const policy = plan.policyApplies ? given : undefined
  const spec = policy?.spec
  const admitted = admittedFrom(container?.allowPrivilegeEscalation, spec)
  const subject: Subject = { input, container, policy, spec, setting: admitted.setting, sysAdmin: NONE, oldSpecRelaxesSysAdmin }
  const violations = runChecks(plan.linux, subject)
  if (violations !== undefined) return E.left(violations)
  let warnings: ReadonlyArray<DecisionWarning> = given != null && !plan.policyApplies ? plan.policyWarnings : O.NO_WARNINGS
  if (admitted.setting === false && mayAddSysAdmin(container, policy, spec)) {
    const spellings = addedCapabilitiesWhere(container, policy, 'exact', isOtherSysAdminSpelling)
    if (spellings.length > 0) warnings = [...warnings, ...spellings.map(sysAdminSpelling)]
  }
  if (warnings === O.NO_WARNINGS || warnings === plan.policyWarnings) return sharedDecision(plan, admitted, warnings)
  return E.right(decisionOf(admitted, plan.kubernetesVersion, warnings))
}

const NONE: ReadonlyArray<never> = Object.freeze([])
