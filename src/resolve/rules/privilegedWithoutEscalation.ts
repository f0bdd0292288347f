/**
 * `privileged-without-escalation`: `privileged: true` with `allowPrivilegeEscalation: false`.
 *
 * @packageDocumentation
 */
import { EVERY_VERSION } from '../versions.js'
import { ESCALATION_PATH } from '../violations.js'
import type { Violation } from '../types.js'
import { EVERY_OPERATION, report, type Rule } from './rule.js'

/** Upstream message (pkg/apis/core/validation ValidateSecurityContext). */
export const PRIVILEGED_MESSAGE = 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'

const VIOLATION: Violation = Object.freeze({
  code: 'privileged-without-escalation',
  target: 'container',
  path: ESCALATION_PATH,
  message: PRIVILEGED_MESSAGE,
})

/**
 * The rule. One variant serves both semantics: in `proposal` a policy's `false` default is never
 * applied to a privileged container, so "setting false" there is exactly "the container says false".
 *
 * @example
 * ```ts
 * PRIVILEGED_WITHOUT_ESCALATION.variants[0].operations // ['create', 'update']
 * ```
 */
export const PRIVILEGED_WITHOUT_ESCALATION: Rule = {
  code: 'privileged-without-escalation',
  description: 'A privileged container cannot run with no_new_privs: allowPrivilegeEscalation false contradicts privileged true.',
  target: 'container',
  field: ESCALATION_PATH,
  versionOf: 'kubernetes',
  variants: [
    {
      semantics: ['proposal', 'kubernetes'],
      versions: EVERY_VERSION,
      operations: EVERY_OPERATION,
      pods: 'linux',
      when: 'setting after admission === false && securityContext.privileged === true',
      message: PRIVILEGED_MESSAGE,
      source: 'pkg/apis/core/validation/validation.go ValidateSecurityContext (v1.8 … v1.37)',
      check: (s, out) => (s.setting === false && s.privileged ? report(out, VIOLATION) : out),
    },
  ],
}
