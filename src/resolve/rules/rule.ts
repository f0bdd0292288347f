/**
 * The shape of one rule of the registry (as pod-security-admission's `policy/check_*.go`): its
 * code, what it reports, and variants, each for the semantics, versions, operations and pods it
 * applies to, with its own condition, message and check.
 *
 * Everything but `check` is plain data (JSON-serialisable), so docs and admission-policy
 * generators can be built from the registry without running resolution.
 *
 * @packageDocumentation
 */
import type { AddedCapability } from '../capabilities.js'
import type { VersionRange } from '../versions.js'
import type { ContainerSecurityInput, Operation, PolicyInput, ResolveInput, Semantics, Target, Violation, RuleCode } from '../types.js'

type PolicySpec = NonNullable<PolicyInput['spec']>

/**
 * What a check reads for one container: the input and what its semantics already derived from it,
 * so no rule re-derives the setting or the capability set.
 *
 * @example
 * ```ts
 * const subject: Subject = { input: {}, container: undefined, policy: undefined, spec: undefined, setting: null, sysAdmin: [], oldSpecRelaxesSysAdmin: false }
 * ```
 */
export interface Subject {
  readonly input: ResolveInput
  readonly container: ContainerSecurityInput | null | undefined
  /** The policy as applied (`undefined` when none is given, or PodSecurityPolicy no longer exists). */
  readonly policy: PolicyInput | null | undefined
  readonly spec: PolicySpec | null | undefined
  /**
   * `allowPrivilegeEscalation` as the semantics reads it after policy admission (the row of the
   * proposal table, the admitted setting of Kubernetes, the container's own field on Windows and
   * in the first design); `null` when unset.
   */
  readonly setting: boolean | null
  /** `proposal` only: the effective added capabilities that grant SYS_ADMIN (any spelling of `SYS_ADMIN`, or `ALL`). */
  readonly sysAdmin: ReadonlyArray<AddedCapability>
  /** `kubernetes` update from v1.37: the old pod spec already adds `CAP_SYS_ADMIN` without escalation. */
  readonly oldSpecRelaxesSysAdmin: boolean
}

/**
 * Push the violations of `subject` onto `out` (made on the first one) and return it.
 *
 * @example
 * ```ts
 * const never: Check = (_subject, out) => out
 * ```
 */
export type Check = (subject: Subject, out: Violation[] | undefined) => Violation[] | undefined

/**
 * Which pods a variant checks, by `pod.spec.os.name`.
 *
 * @example
 * ```ts
 * const pods: PodOs = 'windows'
 * ```
 */
export type PodOs = 'linux' | 'windows' | 'any'

/**
 * One variant of a rule: where it applies and what it checks there.
 *
 * @example
 * ```ts
 * const variant: RuleVariant = RULES[0].variants[0]
 * variant.semantics // ['proposal', 'kubernetes']
 * ```
 */
export interface RuleVariant {
  readonly semantics: ReadonlyArray<Semantics>
  /**
   * The versions (of the rule's `versionOf`) it applies to. The `proposal` and `noNewPrivileges`
   * semantics are designs, not releases: Kubernetes versions do not select their variants.
   */
  readonly versions: VersionRange
  readonly operations: ReadonlyArray<Operation>
  readonly pods: PodOs
  /** The condition, in one line, over the fields the rule reads. */
  readonly when: string
  /** The message (the upstream wording where upstream has one; the first part when it is completed per case). */
  readonly message: string
  /** The upstream source this variant encodes (file, function, tag or pull request). */
  readonly source: string
  readonly check: Check
}

/**
 * One violation code and every variant of it.
 *
 * @example
 * ```ts
 * const rule: Rule | undefined = RULES.find((r) => r.code === 'invalid-policy')
 * rule?.target // 'policy'
 * ```
 */
export interface Rule {
  readonly code: RuleCode
  /** One line: what the rule forbids. */
  readonly description: string
  /** The object the reported path is relative to. */
  readonly target: Target
  /** The field it reports, relative to `target` (`[*]`: the offending item's index). */
  readonly field: string
  /** Which version selects variants: the cluster's, or the Pod Security policy version. */
  readonly versionOf: 'kubernetes' | 'podSecurity'
  readonly variants: ReadonlyArray<RuleVariant>
}

/**
 * Both operations.
 *
 * @example
 * ```ts
 * EVERY_OPERATION // ['create', 'update']
 * ```
 */
export const EVERY_OPERATION: ReadonlyArray<Operation> = Object.freeze(['create', 'update'])

/**
 * Push `violation` onto `out`, making the array on the first one.
 *
 * @example
 * ```ts
 * report(undefined, violation) // [violation]
 * ```
 */
export function report(out: Violation[] | undefined, violation: Violation): Violation[] {
  if (out === undefined) return [violation]
  out.push(violation)
  return out
}
