/**
 * `restricted-requires-no-escalation`: the Pod Security Standards' `restricted` level requires
 * `allowPrivilegeEscalation: false` on every container (pod-security-admission
 * `check_allowPrivilegeEscalation.go`).
 *
 * @packageDocumentation
 */
import { restrictedViolationOf } from '../restrictedCache.js'
import { EVERY_OPERATION, report, type Check, type Rule } from './rule.js'

const check: Check = (s, out) => (s.setting !== false ? report(out, restrictedViolationOf(s.name)) : out)

const SOURCE = 'staging/src/k8s.io/pod-security-admission/policy/check_allowPrivilegeEscalation.go'
const WHEN = 'setting after admission !== false (unset or true fails)'
const MESSAGE = 'container "NAME" must set securityContext.allowPrivilegeEscalation=false'

/**
 * The rule, selected by the Pod Security policy version (which defaults to the cluster's).
 *
 * @example
 * ```ts
 * RESTRICTED_REQUIRES_NO_ESCALATION.versionOf // 'podSecurity'
 * ```
 */
export const RESTRICTED_REQUIRES_NO_ESCALATION: Rule = {
  code: 'restricted-requires-no-escalation',
  description: "The Pod Security Standards' restricted level requires every container to set allowPrivilegeEscalation: false.",
  target: 'container',
  field: 'securityContext.allowPrivilegeEscalation',
  versionOf: 'podSecurity',
  variants: [
    {
      semantics: ['proposal', 'noNewPrivileges', 'kubernetes'],
      versions: { from: 'v1.8', through: 'latest' },
      operations: EVERY_OPERATION,
      pods: 'linux',
      when: WHEN,
      message: MESSAGE,
      source: `${SOURCE} (CheckPod v1.8)`,
      check,
    },
    {
      semantics: ['proposal', 'noNewPrivileges', 'kubernetes'],
      versions: { from: 'v1.8', through: 'v1.24' },
      operations: EVERY_OPERATION,
      pods: 'windows',
      when: `${WHEN}; the container's own field, policies do not default Windows containers`,
      message: MESSAGE,
      source: `${SOURCE} (Windows pods exempt from v1.25)`,
      check,
    },
  ],
}
