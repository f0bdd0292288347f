/**
 * `escalation-forbidden-by-policy`: escalation where the PodSecurityPolicy's gate forbids it.
 *
 * @packageDocumentation
 */
import type { PolicyInput, Violation } from '../types.js'
import { EVERY_VERSION, LAST_PSP_VERSION } from '../versions.js'
import { ESCALATION_PATH } from '../violations.js'
import { EVERY_OPERATION, report, type Rule } from './rule.js'

/** Upstream message (the PodSecurityPolicy provider, ≤ v1.24). */
export const FORBIDDEN_MESSAGE = 'Allowing privilege escalation for containers is not allowed'

const UPSTREAM: Violation = Object.freeze({
  code: 'escalation-forbidden-by-policy',
  target: 'container',
  path: ESCALATION_PATH,
  message: FORBIDDEN_MESSAGE,
})

function policyName(name: unknown): string {
  return typeof name === 'string' && name !== '' ? `PodSecurityPolicy "${name}"` : 'the PodSecurityPolicy'
}

/**
 * The design's wording, which says why the gate is closed.
 *
 * @example
 * ```ts
 * forbiddenByDesign({ metadata: { name: 'p' }, spec: {} }).message
 * // 'Allowing privilege escalation for containers is not allowed: PodSecurityPolicy "p" does not set spec.allowPrivilegeEscalation, which the design defaults to false'
 * ```
 */
export function forbiddenByDesign(policy: PolicyInput): Violation {
  return forbiddenByDesignOf(policy.metadata?.name, policy.spec?.allowPrivilegeEscalation)
}

/**
 * `forbiddenByDesign` from the policy's name and gate as read.
 *
 * @example
 * ```ts
 * forbiddenByDesignOf('p', false).message
 * // 'Allowing privilege escalation for containers is not allowed: PodSecurityPolicy "p" sets spec.allowPrivilegeEscalation: false'
 * ```
 */
export function forbiddenByDesignOf(name: string | null | undefined, gate: boolean | null | undefined): Violation {
  const why =
    gate == null
      ? `${policyName(name)} does not set spec.allowPrivilegeEscalation, which the design defaults to false`
      : `${policyName(name)} sets spec.allowPrivilegeEscalation: false`
  return { code: 'escalation-forbidden-by-policy', target: 'container', path: ESCALATION_PATH, message: `${FORBIDDEN_MESSAGE}: ${why}` }
}

/**
 * The rule: the design's gate defaults to `false` and reads the container's own `true`; in
 * Kubernetes an absent gate is `true` and the setting after admission must be `false`.
 *
 * @example
 * ```ts
 * ESCALATION_FORBIDDEN_BY_POLICY.variants[1].versions // { from: 'v1.8', through: 'v1.24' }
 * ```
 */
export const ESCALATION_FORBIDDEN_BY_POLICY: Rule = {
  code: 'escalation-forbidden-by-policy',
  description: "A container may not allow privilege escalation when the PodSecurityPolicy's allowPrivilegeEscalation gate is closed.",
  target: 'container',
  field: ESCALATION_PATH,
  versionOf: 'kubernetes',
  variants: [
    {
      semantics: ['proposal'],
      versions: EVERY_VERSION,
      operations: EVERY_OPERATION,
      pods: 'linux',
      when: 'a policy is given && policy spec.allowPrivilegeEscalation !== true && securityContext.allowPrivilegeEscalation === true',
      message: FORBIDDEN_MESSAGE,
      source: 'seeds/proposal-allowPrivilegeEscalation.md ("This field will default to false")',
      check: (s, out) => (s.escalation === true && s.policy && s.gate !== true ? report(out, forbiddenByDesignOf(s.policyName, s.gate)) : out),
    },
    {
      semantics: ['kubernetes'],
      versions: { from: 'v1.8', through: LAST_PSP_VERSION },
      operations: EVERY_OPERATION,
      pods: 'linux',
      when: 'policy spec.allowPrivilegeEscalation === false && setting after admission !== false',
      message: FORBIDDEN_MESSAGE,
      source: 'pkg/security/podsecuritypolicy/provider.go (v1.8 … v1.24; PodSecurityPolicy removed in v1.25)',
      check: (s, out) => (s.setting !== false && s.gate === false ? report(out, UPSTREAM) : out),
    },
  ],
}
