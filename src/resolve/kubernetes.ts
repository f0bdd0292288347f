/**
 * What released Kubernetes (≥ 1.8.1) does (SPEC §5): the PodSecurityPolicy plugin mutates the
 * pod, API validation checks the result, and the kubelet sets no_new_privs exactly when the
 * setting is `false` (`pkg/securitycontext` AddNoNewPrivileges).
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { addedCapabilitiesWhere, grantsSysAdmin, KUBERNETES_SYS_ADMIN, type AddedCapability } from './capabilities.js'
import * as O from './origins.js'
import { mayAddSysAdmin } from './sysAdmin.js'
import { restrictedChecks, restrictedViolation } from './podSecurity.js'
import type { DecisionWarning, KubernetesDecision, Origin, PodSecurityOptions, PolicyInput, ResolveInput, Violation } from './types.js'
import {
  escalationForbiddenByPolicy,
  invalidPolicy,
  privilegedWithoutEscalation,
  sysAdminSpelling,
  sysAdminWithoutEscalation,
} from './violations.js'

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
  const own = input.container?.allowPrivilegeEscalation
  if (own === true) return FROM_CONTAINER_TRUE
  if (own === false) return FROM_CONTAINER_FALSE
  const spec = input.policy?.spec
  const fallback = spec?.defaultAllowPrivilegeEscalation
  if (fallback === true) return FROM_DEFAULT_TRUE
  if (fallback === false) return FROM_DEFAULT_FALSE
  if (spec?.allowPrivilegeEscalation === false) return FROM_GATE_FALSE
  return UNSET
}

type PolicySpec = NonNullable<PolicyInput['spec']>

/** PSP spec validation: is a default of `true` paired with the gate `false`? */
function isInvalidKubernetesPolicy(spec: PolicySpec | null | undefined): boolean {
  return spec?.defaultAllowPrivilegeEscalation === true && spec.allowPrivilegeEscalation === false
}

/** The policy's own rule, whatever the container: push `invalid-policy` when it is broken. */
export function kubernetesPolicyViolations(policy: PolicyInput | null | undefined, out: Violation[]): void {
  if (isInvalidKubernetesPolicy(policy?.spec)) out.push(invalidPolicy())
}

function isLiteralSysAdmin(name: string): boolean {
  return name === KUBERNETES_SYS_ADMIN
}

function isOtherSysAdminSpelling(name: string): boolean {
  return name !== KUBERNETES_SYS_ADMIN && grantsSysAdmin(name)
}

function decisionOf(admitted: AdmittedSetting, warnings: ReadonlyArray<DecisionWarning>): KubernetesDecision {
  return { semantics: 'kubernetes', applicable: true, noNewPrivs: admitted.setting === false, setting: admitted.setting, from: admitted.from, warnings }
}

// A decision without warnings depends on the admitted setting alone, which is one of six constants.
const DECISIONS: ReadonlyMap<AdmittedSetting, E.Right<KubernetesDecision>> = new Map(
  [FROM_CONTAINER_TRUE, FROM_CONTAINER_FALSE, FROM_DEFAULT_TRUE, FROM_DEFAULT_FALSE, FROM_GATE_FALSE, UNSET].map((admitted) => [
    admitted,
    Object.freeze(E.right(Object.freeze(decisionOf(admitted, O.NO_WARNINGS)))) as E.Right<KubernetesDecision>,
  ]),
)

/**
 * Resolve one Linux container as released Kubernetes does (SPEC §5, and §5b when `podSecurity`
 * is given). Windows pods are handled by `resolveNoNewPrivs` before this is called.
 */
export function resolveKubernetes(
  input: ResolveInput,
  podSecurity: PodSecurityOptions | undefined,
): E.Either<ReadonlyNonEmptyArray<Violation>, KubernetesDecision> {
  const { container, policy } = input
  const admitted = admittedSettingOf(input)
  const spec = policy?.spec
  let violations: Violation[] | undefined
  let warnings: ReadonlyArray<DecisionWarning> = O.NO_WARNINGS
  if (admitted.setting === false) {
    if (container?.privileged === true) (violations ??= []).push(privilegedWithoutEscalation())
    // Every name either list could hold grants SYS_ADMIN: skip both when none could.
    if (mayAddSysAdmin(container, policy)) {
      const literal = addedCapabilitiesWhere(container, policy, 'exact', isLiteralSysAdmin)
      for (let i = 0; i < literal.length; i++) (violations ??= []).push(sysAdminWithoutEscalation(literal[i] as AddedCapability, true))
      const spellings = addedCapabilitiesWhere(container, policy, 'exact', isOtherSysAdminSpelling)
      if (spellings.length > 0) warnings = spellings.map(sysAdminSpelling)
    }
  } else if (spec?.allowPrivilegeEscalation === false) {
    ;(violations ??= []).push(escalationForbiddenByPolicy(policy as PolicyInput, false, true))
  }
  if (podSecurity !== undefined && admitted.setting !== false && restrictedChecks(podSecurity, false)) {
    ;(violations ??= []).push(restrictedViolation(input.name))
  }
  if (isInvalidKubernetesPolicy(spec)) (violations ??= []).push(invalidPolicy())
  if (violations !== undefined) return E.left(violations as unknown as ReadonlyNonEmptyArray<Violation>)
  if (warnings === O.NO_WARNINGS) return DECISIONS.get(admitted) ?? E.right(decisionOf(admitted, warnings))
  return E.right(decisionOf(admitted, warnings))
}
