/**
 * Shared `Origin` values: the common answers to "which input decided" are constants, so the hot
 * path allocates only when an origin carries an input's own value (a uid, a capability).
 *
 * @packageDocumentation
 */
import type { Origin } from './types.js'

function origin(target: Origin['target'], path: string | null, value: unknown): Origin {
  return Object.freeze({ target, path, value })
}

export const UNSET: Origin = origin('default', null, null)
export const CONTAINER_PRIVILEGED: Origin = origin('container', 'securityContext.privileged', true)
export const CONTAINER_ESCALATION_TRUE: Origin = origin('container', 'securityContext.allowPrivilegeEscalation', true)
export const CONTAINER_ESCALATION_FALSE: Origin = origin('container', 'securityContext.allowPrivilegeEscalation', false)
export const POLICY_DEFAULT_TRUE: Origin = origin('policy', 'spec.defaultAllowPrivilegeEscalation', true)
export const POLICY_DEFAULT_FALSE: Origin = origin('policy', 'spec.defaultAllowPrivilegeEscalation', false)
export const POLICY_GATE_FALSE: Origin = origin('policy', 'spec.allowPrivilegeEscalation', false)
export const POLICY_MUST_RUN_AS_NON_ROOT: Origin = origin('policy', 'spec.runAsUser.rule', 'MustRunAsNonRoot')
export const CONTAINER_RUN_AS_NON_ROOT_TRUE: Origin = origin('container', 'securityContext.runAsNonRoot', true)
export const CONTAINER_RUN_AS_NON_ROOT_FALSE: Origin = origin('container', 'securityContext.runAsNonRoot', false)
export const POD_RUN_AS_NON_ROOT_TRUE: Origin = origin('pod', 'securityContext.runAsNonRoot', true)
export const POD_RUN_AS_NON_ROOT_FALSE: Origin = origin('pod', 'securityContext.runAsNonRoot', false)
export const CONTAINER_NO_NEW_PRIVILEGES_TRUE: Origin = origin('container', 'securityContext.noNewPrivileges', true)
export const CONTAINER_NO_NEW_PRIVILEGES_FALSE: Origin = origin('container', 'securityContext.noNewPrivileges', false)
export const POD_NO_NEW_PRIVILEGES_TRUE: Origin = origin('pod', 'securityContext.noNewPrivileges', true)
export const POD_NO_NEW_PRIVILEGES_FALSE: Origin = origin('pod', 'securityContext.noNewPrivileges', false)
export const WINDOWS: Origin = origin('pod', 'os.name', 'windows')

/** A uid that decided the column. */
export function uidOrigin(target: 'container' | 'pod' | 'policy', value: number): Origin {
  return { target, path: target === 'policy' ? 'spec.runAsUser.ranges[0].min' : 'securityContext.runAsUser', value }
}

/** A capability that put the container in the `privileged` column. */
export function capabilityOrigin(target: 'container' | 'policy', path: string, value: string): Origin {
  return { target, path, value }
}

/** A shared empty list of warnings. */
export const NO_WARNINGS: ReadonlyArray<never> = Object.freeze([])
