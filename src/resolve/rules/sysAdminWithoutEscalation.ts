/**
 * `sys-admin-without-escalation`: a capability that grants SYS_ADMIN with
 * `allowPrivilegeEscalation: false`; and its companion warning `sys-admin-spelling`.
 *
 * @packageDocumentation
 */
import { addedCapabilitiesIn, KUBERNETES_SYS_ADMIN, type AddedCapability } from '../capabilities.js'
import { derivedFrom } from '../capabilityCache.js'
import { mayAddSysAdminIn } from '../sysAdmin.js'
import type { DecisionWarning, Violation } from '../types.js'
import { EVERY_VERSION } from '../versions.js'
import { report, type Check, type Rule } from './rule.js'

/** Upstream message (pkg/apis/core/validation ValidateSecurityContext). */
export const SYS_ADMIN_MESSAGE = 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN'

function where(cap: AddedCapability): string {
  return cap.target === 'policy' ? " (added by the policy's defaultAddCapabilities)" : ''
}

/**
 * The violation for one capability, in the upstream wording (`kubernetes`) or the design's.
 *
 * @example
 * ```ts
 * sysAdminViolation({ name: 'sys_admin', target: 'container', path: 'securityContext.capabilities.add[0]' }, false).path
 * // 'securityContext.capabilities.add[0]'
 * ```
 */
export function sysAdminViolation(cap: AddedCapability, upstreamWording: boolean): Violation {
  return {
    code: 'sys-admin-without-escalation',
    target: cap.target,
    path: cap.path,
    message: upstreamWording
      ? `${SYS_ADMIN_MESSAGE}${where(cap)}`
      : `cannot set \`allowPrivilegeEscalation\` to false and add capability "${cap.name}", which grants CAP_SYS_ADMIN${where(cap)}`,
  }
}

/**
 * A SYS_ADMIN spelling released Kubernetes lets through with `allowPrivilegeEscalation: false`.
 *
 * @example
 * ```ts
 * sysAdminSpelling({ name: 'SYS_ADMIN', target: 'container', path: 'securityContext.capabilities.add[0]' }).code // 'sys-admin-spelling'
 * ```
 */
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

/**
 * Kubernetes compares the exact string.
 *
 * @example
 * ```ts
 * isLiteralSysAdmin('CAP_SYS_ADMIN') // true
 * isLiteralSysAdmin('SYS_ADMIN')     // false
 * ```
 */
export function isLiteralSysAdmin(name: string): boolean {
  return name === KUBERNETES_SYS_ADMIN
}

// The design's wording names the capability: made once per (shared) capability, not per call.
const designViolationOf = derivedFrom((cap) => Object.freeze(sysAdminViolation(cap, false)))

const proposalCheck: Check = (s, out) => {
  if (s.setting !== false) return out
  let acc = out
  for (let i = 0; i < s.sysAdmin.length; i++) acc = report(acc, designViolationOf(s.sysAdmin[i] as AddedCapability))
  return acc
}

const kubernetesCheck: Check = (s, out) => {
  // Every name either list could hold grants SYS_ADMIN: skip both when none could.
  if (s.setting !== false || !mayAddSysAdminIn(s.add, s.defaultAdd)) return out
  const literal = addedCapabilitiesIn(s.add, s.drop, s.defaultAdd, 'exact', isLiteralSysAdmin)
  let acc = out
  for (let i = 0; i < literal.length; i++) acc = report(acc, sysAdminViolation(literal[i] as AddedCapability, true))
  return acc
}

const SOURCE = 'pkg/apis/core/validation/validation.go ValidateSecurityContext'

/**
 * The rule: the design compares normalised names; Kubernetes the literal `CAP_SYS_ADMIN`, and from
 * v1.37 (kubernetes/kubernetes#138834, `AllowSysAdminWhenPrivilegeEscalationFalse`) not on an
 * update whose old pod spec already had the combination.
 *
 * @example
 * ```ts
 * SYS_ADMIN_WITHOUT_ESCALATION.variants.map((v) => v.operations.join('+')) // ['create+update', 'create', 'update', 'update']
 * ```
 */
export const SYS_ADMIN_WITHOUT_ESCALATION: Rule = {
  code: 'sys-admin-without-escalation',
  description: 'A container given CAP_SYS_ADMIN cannot run with no_new_privs: allowPrivilegeEscalation false contradicts it.',
  target: 'container',
  field: 'securityContext.capabilities.add[*]',
  versionOf: 'kubernetes',
  variants: [
    {
      semantics: ['proposal'],
      versions: EVERY_VERSION,
      operations: ['create', 'update'],
      pods: 'linux',
      when: 'securityContext.allowPrivilegeEscalation === false && an effective added capability normalises to SYS_ADMIN or ALL',
      message: 'cannot set `allowPrivilegeEscalation` to false and add capability "NAME", which grants CAP_SYS_ADMIN',
      source: 'seeds/proposal-allowPrivilegeEscalation.md',
      check: proposalCheck,
    },
    {
      semantics: ['kubernetes'],
      versions: EVERY_VERSION,
      operations: ['create'],
      pods: 'linux',
      when: "setting after admission === false && the effective added capabilities hold the exact string 'CAP_SYS_ADMIN'",
      message: SYS_ADMIN_MESSAGE,
      source: `${SOURCE} (v1.8 … v1.37: creates stay rejected)`,
      check: kubernetesCheck,
    },
    {
      semantics: ['kubernetes'],
      versions: { from: 'v1.8', through: 'v1.36' },
      operations: ['update'],
      pods: 'linux',
      when: "setting after admission === false && the effective added capabilities hold the exact string 'CAP_SYS_ADMIN'",
      message: SYS_ADMIN_MESSAGE,
      source: `${SOURCE} (the whole pod is validated on update)`,
      check: kubernetesCheck,
    },
    {
      semantics: ['kubernetes'],
      versions: { from: 'v1.37', through: 'latest' },
      operations: ['update'],
      pods: 'linux',
      when:
        "as on create, unless the old pod spec has a container adding exactly 'CAP_SYS_ADMIN' with allowPrivilegeEscalation not true",
      message: SYS_ADMIN_MESSAGE,
      source: `${SOURCE} with pkg/api/pod/util.go AllowSysAdminWhenPrivilegeEscalationFalse (kubernetes/kubernetes#138834, v1.37.0)`,
      check: (s, out) => (s.oldSpecRelaxesSysAdmin ? out : kubernetesCheck(s, out)),
    },
  ],
}
