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
import type { Operation, RuleCode, Semantics, Target, Violation } from '../types.js'

/**
 * What a check reads for one container: each input field as resolution read it (once, its type
 * checked; `null` when unset) and what its semantics already derived from them, so no rule reads
 * the caller's objects again or re-derives the setting or the capability set.
 *
 * @example
 * ```ts
 * const subject: Subject = {
 *   escalation: false, privileged: true, noNewPrivileges: null, add: null, drop: null, name: 'app',
 *   policy: false, policyName: null, gate: null, defaultEscalation: null, defaultAdd: null,
 *   setting: false, sysAdmin: [], oldSpecRelaxesSysAdmin: false,
 * }
 * PRIVILEGED_WITHOUT_ESCALATION.variants[0].check(subject, undefined)?.[0].code // 'privileged-without-escalation'
 * ```
 */
export interface Subject {
  /** The container's own `securityContext.allowPrivilegeEscalation`. */
  readonly escalation: boolean | null
  /** `securityContext.privileged === true`. */
  readonly privileged: boolean
  /** The container's own `securityContext.noNewPrivileges` (the first design's flag). */
  readonly noNewPrivileges: boolean | null
  /** `securityContext.capabilities.add` and `.drop`. */
  readonly add: ReadonlyArray<string> | null
  readonly drop: ReadonlyArray<string> | null
  /** The container's name (messages only). */
  readonly name: string | null
  /**
   * A policy is given and applied (`false` when none is given, or PodSecurityPolicy no longer
   * exists at the cluster's version, or the semantics gives policies no part); the policy's
   * fields below are then all `null`.
   */
  readonly policy: boolean
  readonly policyName: string | null
  /** The policy's `spec.allowPrivilegeEscalation`. */
  readonly gate: boolean | null
  /** The policy's `spec.defaultAllowPrivilegeEscalation`. */
  readonly defaultEscalation: boolean | null
  /** The policy's `spec.defaultAddCapabilities`. */
  readonly defaultAdd: ReadonlyArray<string> | null
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
