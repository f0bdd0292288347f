/**
 * What released Kubernetes (≥ 1.8.1) does (README: "Kubernetes versions and operations"): the PodSecurityPolicy plugin mutates the
 * pod, API validation checks the result, and the kubelet sets no_new_privs exactly when the
 * setting is `false` (`pkg/securitycontext` AddNoNewPrivileges).
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { addedCapabilitiesIn, KUBERNETES_SYS_ADMIN } from './capabilities.js'
import * as O from './origins.js'
import type { Plan } from './plan.js'
import type { Reading } from './read.js'
import { runChecks } from './rules/run.js'
import { sysAdminSpelling } from './rules/sysAdminWithoutEscalation.js'
import { grantsSysAdminQuickly, mayAddSysAdminIn } from './sysAdmin.js'
import type { DecisionWarning, KubernetesDecision, KubernetesVersion, OldPodSpecInput, Origin, ResolveInput, Violation } from './types.js'

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
  const spec = input.policy?.spec
  return admittedFrom(input.container?.allowPrivilegeEscalation, spec?.defaultAllowPrivilegeEscalation, spec?.allowPrivilegeEscalation)
}

function admittedFrom(own: boolean | null | undefined, fallback: boolean | null | undefined, gate: boolean | null | undefined): AdmittedSetting {
  return ADMITTED[admittedSlot(own, fallback, gate)] as AdmittedSetting
}

// The admitted setting as its place in `ADMITTED`: the shared decisions are found by it.
function admittedSlot(own: boolean | null | undefined, fallback: boolean | null | undefined, gate: boolean | null | undefined): number {
  if (own === true) return 0
  if (own === false) return 1
  if (fallback === true) return 2
  if (fallback === false) return 3
  if (gate === false) return 4
  return 5
}
const ADMITTED = [FROM_CONTAINER_TRUE, FROM_CONTAINER_FALSE, FROM_DEFAULT_TRUE, FROM_DEFAULT_FALSE, FROM_GATE_FALSE, UNSET] as const

function isOtherSysAdminSpelling(name: string): boolean {
  return name !== KUBERNETES_SYS_ADMIN && grantsSysAdminQuickly(name)
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
// setting and the version alone: shared per plan, made on first use, in the plan's own slots
// (`Plan.kubernetesDecisions`, by `admittedSlot`), so a hit is two array reads.
function sharedDecision(plan: Plan, at: number, admitted: AdmittedSetting, warnings: ReadonlyArray<DecisionWarning>): E.Right<KubernetesDecision> {
  const slot = at + (warnings === O.NO_WARNINGS ? 0 : ADMITTED.length)
  const slots = plan.kubernetesDecisions
  let made = slots[slot]
  if (made === undefined) {
    made = Object.freeze(E.right(Object.freeze(decisionOf(admitted, plan.kubernetesVersion, warnings)))) as E.Right<KubernetesDecision>
    slots[slot] = made
  }
  return made
}

/**
 * Resolve one Linux container, as read into `r`, as released Kubernetes does at the plan's version
 * and operation (with the Pod Security Standards' `restricted` check when asked). Windows pods are
 * handled before this is called; a policy the plan does not apply is already dropped from `r`
 * (`policyGiven` says whether one was given).
 */
export function resolveKubernetes(
  r: Reading,
  plan: Plan,
  policyGiven: boolean,
  oldSpecRelaxesSysAdmin: boolean,
): E.Either<ReadonlyNonEmptyArray<Violation>, KubernetesDecision> {
  const at = admittedSlot(r.escalation, r.defaultEscalation, r.gate)
  const admitted = ADMITTED[at] as AdmittedSetting
  r.setting = admitted.setting
  r.oldSpecRelaxesSysAdmin = oldSpecRelaxesSysAdmin
  const violations = runChecks(plan.linux, r)
  if (violations !== undefined) return E.left(violations)
  let warnings: ReadonlyArray<DecisionWarning> = policyGiven && !plan.policyApplies ? plan.policyWarnings : O.NO_WARNINGS
  if (admitted.setting === false && mayAddSysAdminIn(r.add, r.defaultAdd)) {
    const spellings = addedCapabilitiesIn(r.add, r.drop, r.defaultAdd, 'exact', isOtherSysAdminSpelling)
    if (spellings.length > 0) warnings = [...warnings, ...spellings.map(sysAdminSpelling)]
  }
  if (warnings === O.NO_WARNINGS || warnings === plan.policyWarnings) return sharedDecision(plan, at, admitted, warnings)
  // Frozen like the shared ones: every Right a caller reads then has the same hidden class.
  return Object.freeze(E.right(Object.freeze(decisionOf(admitted, plan.kubernetesVersion, warnings)))) as E.Right<KubernetesDecision>
}
