/**
 * `escalation-field-on-windows`: an escalation field set on a container of a Windows pod.
 *
 * @packageDocumentation
 */
import type { Violation } from '../types.js'
import { EVERY_VERSION } from '../versions.js'
import { ESCALATION_PATH } from '../violations.js'
import { EVERY_OPERATION, report, type Rule } from './rule.js'

/** Upstream message (validation of pods with `os.name: windows`). */
export const WINDOWS_MESSAGE = 'cannot be set for a windows pod'

const ESCALATION_FIELD: Violation = Object.freeze({
  code: 'escalation-field-on-windows',
  target: 'container',
  path: ESCALATION_PATH,
  message: WINDOWS_MESSAGE,
})
const NO_NEW_PRIVILEGES_FIELD: Violation = Object.freeze({
  code: 'escalation-field-on-windows',
  target: 'container',
  path: 'securityContext.noNewPrivileges',
  message: WINDOWS_MESSAGE,
})

/**
 * The rule: the field of the semantics at hand, set at all, on a Windows pod.
 *
 * @example
 * ```ts
 * ESCALATION_FIELD_ON_WINDOWS.variants.every((v) => v.pods === 'windows') // true
 * ```
 */
export const ESCALATION_FIELD_ON_WINDOWS: Rule = {
  code: 'escalation-field-on-windows',
  description: 'no_new_privs does not exist on Windows: a Windows pod cannot set the escalation field.',
  target: 'container',
  field: ESCALATION_PATH,
  versionOf: 'kubernetes',
  variants: [
    {
      semantics: ['proposal', 'kubernetes'],
      versions: EVERY_VERSION,
      operations: EVERY_OPERATION,
      pods: 'windows',
      when: 'pod.spec.os.name === "windows" && securityContext.allowPrivilegeEscalation is set',
      message: WINDOWS_MESSAGE,
      source: 'pkg/apis/core/validation/validation.go, the checks of pods with spec.os.name windows',
      check: (s, out) => (s.escalation !== null ? report(out, ESCALATION_FIELD) : out),
    },
    {
      semantics: ['noNewPrivileges'],
      versions: EVERY_VERSION,
      operations: EVERY_OPERATION,
      pods: 'windows',
      when: 'pod.spec.os.name === "windows" && securityContext.noNewPrivileges is set',
      message: WINDOWS_MESSAGE,
      source: 'seeds/proposal-noNewPrivileges.md, with the Windows rule every semantics shares (no_new_privs does not exist on Windows)',
      check: (s, out) => (s.noNewPrivileges !== null ? report(out, NO_NEW_PRIVILEGES_FIELD) : out),
    },
  ],
}
