/**
 * Constructors for the violations every semantics shares: one place for codes, paths and
 * wording (the upstream Kubernetes messages where upstream has one).
 *
 * @packageDocumentation
 */
import type { AddedCapability } from './capabilities.js'
import type { DecisionWarning, PolicyInput, Violation, ViolationCode } from './types.js'

/**
 * Every violation code, in the order SPEC lists them.
 *
 * @example
 * ```ts
 * VIOLATION_CODES.includes('invalid-policy') // true
 * ```
 */
export const VIOLATION_CODES = [
  'privileged-without-escalation',
  'sys-admin-without-escalation',
  'escalation-forbidden-by-policy',
  'invalid-policy',
  'escalation-field-on-windows',
  'restricted-requires-no-escalation',
] as const satisfies ReadonlyArray<ViolationCode>

// Fails to compile if a code is added to ViolationCode but not to the list above.
const everyCodeListed: [Exclude<ViolationCode, (typeof VIOLATION_CODES)[number]>] extends [never] ? true : never = true
void everyCodeListed

/** Path of the container's own `allowPrivilegeEscalation`, relative to the container. */
export const ESCALATION_PATH = 'securityContext.allowPrivilegeEscalation'

/** Upstream message of `privileged-without-escalation`. */
export const PRIVILEGED_MESSAGE = 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'
/** Upstream message of `sys-admin-without-escalation`. */
export const SYS_ADMIN_MESSAGE = 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN'
/** Upstream message of `escalation-forbidden-by-policy`. */
export const FORBIDDEN_MESSAGE = 'Allowing privilege escalation for containers is not allowed'
/** Upstream message of `invalid-policy`. */
export const INVALID_POLICY_MESSAGE =
  'Cannot set DefaultAllowPrivilegeEscalation to true without also setting AllowPrivilegeEscalation to true'
/** Upstream message of `escalation-field-on-windows`. */
export const WINDOWS_MESSAGE = 'cannot be set for a windows pod'

function policyName(policy: PolicyInput): string {
  const name = policy.metadata?.name
  return typeof name === 'string' && name !== '' ? `PodSecurityPolicy "${name}"` : 'the PodSecurityPolicy'
}

/** `privileged: true` with `allowPrivilegeEscalation: false`. */
export function privilegedWithoutEscalation(): Violation {
  return { code: 'privileged-without-escalation', target: 'container', path: ESCALATION_PATH, message: PRIVILEGED_MESSAGE }
}

/** A capability that grants SYS_ADMIN with `allowPrivilegeEscalation: false`. */
export function sysAdminWithoutEscalation(cap: AddedCapability, upstreamWording: boolean): Violation {
  const where = cap.target === 'policy' ? ' (added by the policy\'s defaultAddCapabilities)' : ''
  return {
    code: 'sys-admin-without-escalation',
    target: cap.target,
    path: cap.path,
    message: upstreamWording
      ? `${SYS_ADMIN_MESSAGE}${where}`
      : `cannot set \`allowPrivilegeEscalation\` to false and add capability "${cap.name}", which grants CAP_SYS_ADMIN${where}`,
  }
}

/** `allowPrivilegeEscalation: true` where the policy's gate does not allow it. */
export function escalationForbiddenByPolicy(policy: PolicyInput, gateAbsent: boolean, upstreamWording: boolean): Violation {
  const why = gateAbsent
    ? `${policyName(policy)} does not set spec.allowPrivilegeEscalation, which the design defaults to false`
    : `${policyName(policy)} sets spec.allowPrivilegeEscalation: false`
  return {
    code: 'escalation-forbidden-by-policy',
    target: 'container',
    path: ESCALATION_PATH,
    message: upstreamWording ? FORBIDDEN_MESSAGE : `${FORBIDDEN_MESSAGE}: ${why}`,
  }
}

/** A policy that defaults to escalation it does not allow. */
export function invalidPolicy(): Violation {
  return { code: 'invalid-policy', target: 'policy', path: 'spec.defaultAllowPrivilegeEscalation', message: INVALID_POLICY_MESSAGE }
}

/** An escalation field set on a container of a Windows pod. */
export function escalationFieldOnWindows(path: string): Violation {
  return { code: 'escalation-field-on-windows', target: 'container', path, message: WINDOWS_MESSAGE }
}

/** A SYS_ADMIN spelling released Kubernetes lets through with `allowPrivilegeEscalation: false`. */
export function sysAdminSpelling(cap: AddedCapability): DecisionWarning {
  return {
    code: 'sys-admin-spelling',
    target: cap.target,
    path: cap.path,
    message:
      `capability "${cap.name}" grants CAP_SYS_ADMIN, but Kubernetes only rejects the literal "CAP_SYS_ADMIN" with ` +
      '`allowPrivilegeEscalation: false` (kubernetes/kubernetes#119568): the pod is admitted and no_new_privs is set',
  }
}
