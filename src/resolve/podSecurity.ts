/**
 * The Pod Security Standards' `restricted` level, `allowPrivilegeEscalation` check (a container must set it to `false`), as
 * pod-security-admission implements it.
 *
 * @packageDocumentation
 */
import type { PodSecurityOptions, Violation } from './types.js'
import { minorOf } from './versions.js'
import { ESCALATION_PATH } from './violations.js'

export { minorOf } from './versions.js'

/**
 * The upstream `forbiddenReason` of the check.
 *
 * @example
 * ```ts
 * import { RESTRICTED_REASON } from 'no-new-privs'
 * console.log(`${RESTRICTED_REASON} (restricted:latest)`) // 'allowPrivilegeEscalation != false (restricted:latest)'
 * ```
 * @public
 */
export const RESTRICTED_REASON = 'allowPrivilegeEscalation != false'

/** The first policy version with the check. */
const FIRST_CHECKED_MINOR = 8
/** From this policy version on, Windows pods are exempt. */
const WINDOWS_EXEMPT_MINOR = 25

/**
 * Does the level check this pod's containers at all? Not before `v1.8`, and not for Windows pods
 * from `v1.25` on.
 *
 * @example
 * ```ts
 * restrictedChecks({ level: 'restricted', version: 'v1.24' }, true) // true
 * restrictedChecks({ level: 'restricted', version: 'v1.25' }, true) // false
 * ```
 * @public
 */
export function restrictedChecks(options: PodSecurityOptions, windows: boolean): boolean {
  const minor = minorOf(options.version)
  if (minor < FIRST_CHECKED_MINOR) return false
  return !(windows && minor >= WINDOWS_EXEMPT_MINOR)
}

function quoted(name: string | null | undefined): string {
  return JSON.stringify(typeof name === 'string' ? name : '')
}

/**
 * The violation for one container whose setting after admission is not `false`.
 *
 * @example
 * ```ts
 * restrictedViolation('a').message // 'container "a" must set securityContext.allowPrivilegeEscalation=false'
 * ```
 * @public
 */
export function restrictedViolation(name: string | null | undefined): Violation {
  return {
    code: 'restricted-requires-no-escalation',
    target: 'container',
    path: ESCALATION_PATH,
    message: `container ${quoted(name)} must set securityContext.allowPrivilegeEscalation=false`,
  }
}

/**
 * The upstream pod-level `forbiddenDetail` for the failing containers, in pod order.
 *
 * @example
 * ```ts
 * restrictedPodDetail(['a', 'b']) // 'containers "a", "b" must set securityContext.allowPrivilegeEscalation=false'
 * ```
 * @public
 */
export function restrictedPodDetail(names: ReadonlyArray<string | null | undefined>): string {
  const list = names.map(quoted).join(', ')
  return `${names.length === 1 ? 'container' : 'containers'} ${list} must set securityContext.allowPrivilegeEscalation=false`
}
