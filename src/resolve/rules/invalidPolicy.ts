/**
 * `invalid-policy`: a PodSecurityPolicy that defaults to escalation its gate does not allow. It is
 * about the policy alone, so it is reported for every pod, Windows included.
 *
 * @packageDocumentation
 */
import type { PolicyInput, Semantics, Violation } from '../types.js'
import { EVERY_VERSION, LAST_PSP_VERSION } from '../versions.js'
import { EVERY_OPERATION, report, type Rule } from './rule.js'

/** Upstream message (PodSecurityPolicy spec validation, ≤ v1.24). */
export const INVALID_POLICY_MESSAGE =
  'Cannot set DefaultAllowPrivilegeEscalation to true without also setting AllowPrivilegeEscalation to true'

const VIOLATION: Violation = Object.freeze({
  code: 'invalid-policy',
  target: 'policy',
  path: 'spec.defaultAllowPrivilegeEscalation',
  message: INVALID_POLICY_MESSAGE,
})

type PolicySpec = NonNullable<PolicyInput['spec']>

/**
 * Is the policy invalid under `semantics`? A default of `true` needs the gate `true`; the design
 * reads an absent gate as `false`, Kubernetes as `true`. The first design gives policies no part.
 *
 * @example
 * ```ts
 * isInvalidPolicy({ defaultAllowPrivilegeEscalation: true }, 'proposal')   // true
 * isInvalidPolicy({ defaultAllowPrivilegeEscalation: true }, 'kubernetes') // false
 * ```
 */
export function isInvalidPolicy(spec: PolicySpec | null | undefined, semantics: Semantics): boolean {
  return isInvalidPolicyOf(spec?.defaultAllowPrivilegeEscalation, spec?.allowPrivilegeEscalation, semantics)
}

/**
 * `isInvalidPolicy` from the policy's default and gate as read.
 *
 * @example
 * ```ts
 * isInvalidPolicyOf(true, null, 'proposal') // true
 * ```
 */
export function isInvalidPolicyOf(defaultEscalation: unknown, gate: unknown, semantics: Semantics): boolean {
  if (defaultEscalation !== true) return false
  if (semantics === 'proposal') return gate !== true
  return semantics === 'kubernetes' && gate === false
}

/**
 * The rule.
 *
 * @example
 * ```ts
 * INVALID_POLICY.target // 'policy'
 * ```
 */
export const INVALID_POLICY: Rule = {
  code: 'invalid-policy',
  description: 'A PodSecurityPolicy cannot default allowPrivilegeEscalation to true while its gate forbids escalation.',
  target: 'policy',
  field: 'spec.defaultAllowPrivilegeEscalation',
  versionOf: 'kubernetes',
  variants: [
    {
      semantics: ['proposal'],
      versions: EVERY_VERSION,
      operations: EVERY_OPERATION,
      pods: 'any',
      when: 'spec.defaultAllowPrivilegeEscalation === true && spec.allowPrivilegeEscalation !== true',
      message: INVALID_POLICY_MESSAGE,
      source: 'seeds/proposal-allowPrivilegeEscalation.md',
      check: (s, out) => (isInvalidPolicyOf(s.defaultEscalation, s.gate, 'proposal') ? report(out, VIOLATION) : out),
    },
    {
      semantics: ['kubernetes'],
      versions: { from: 'v1.8', through: LAST_PSP_VERSION },
      operations: EVERY_OPERATION,
      pods: 'any',
      when: 'spec.defaultAllowPrivilegeEscalation === true && spec.allowPrivilegeEscalation === false',
      message: INVALID_POLICY_MESSAGE,
      source: 'pkg/apis/policy/validation/validation.go ValidatePodSecurityPolicySpec (v1.8 … v1.24)',
      check: (s, out) => (isInvalidPolicyOf(s.defaultEscalation, s.gate, 'kubernetes') ? report(out, VIOLATION) : out),
    },
  ],
}

/**
 * The violation itself, for callers that check a policy document on its own.
 *
 * @example
 * ```ts
 * invalidPolicyViolation().path // 'spec.defaultAllowPrivilegeEscalation'
 * ```
 */
export function invalidPolicyViolation(): Violation {
  return VIOLATION
}
