/**
 * Which checks of the registry apply to one pod OS, semantics, cluster version, Pod Security
 * version and operation, in registry order.
 *
 * @packageDocumentation
 */
import type { Operation, Semantics } from '../types.js'
import { inRange } from '../versions.js'
import { RULES, type Check, type Rule, type RuleVariant } from './index.js'

/**
 * Where a container is checked.
 *
 * @example
 * ```ts
 * const where: Applicability = { semantics: 'kubernetes', os: 'linux', kubernetesMinor: 37, podSecurityMinor: undefined, operation: 'create' }
 * ```
 */
export interface Applicability {
  readonly semantics: Semantics
  readonly os: 'linux' | 'windows'
  readonly kubernetesMinor: number
  /** `undefined`: no Pod Security level is asked for. */
  readonly podSecurityMinor: number | undefined
  readonly operation: Operation
}

function applies(rule: Rule, v: RuleVariant, at: Applicability): boolean {
  if (!v.semantics.includes(at.semantics) || !v.operations.includes(at.operation)) return false
  if (v.pods !== 'any' && v.pods !== at.os) return false
  if (rule.versionOf === 'podSecurity') return at.podSecurityMinor !== undefined && inRange(v.versions, at.podSecurityMinor)
  // The designs are not releases: only the `kubernetes` semantics selects by cluster version.
  return at.semantics !== 'kubernetes' || inRange(v.versions, at.kubernetesMinor)
}

/**
 * The variants that apply, in registry order (at most one per rule).
 *
 * @example
 * ```ts
 * variantsFor({ semantics: 'kubernetes', os: 'linux', kubernetesMinor: 25, podSecurityMinor: undefined, operation: 'create' })
 *   .map((v) => v.code) // ['privileged-without-escalation', 'sys-admin-without-escalation']
 * ```
 */
export function variantsFor(at: Applicability): ReadonlyArray<RuleVariant & { readonly code: Rule['code'] }> {
  const out: Array<RuleVariant & { readonly code: Rule['code'] }> = []
  for (const rule of RULES) {
    for (const v of rule.variants) if (applies(rule, v, at)) out.push({ ...v, code: rule.code })
  }
  return out
}

/**
 * The checks that apply, in registry order.
 *
 * @example
 * ```ts
 * checksFor({ semantics: 'noNewPrivileges', os: 'linux', kubernetesMinor: Infinity, podSecurityMinor: undefined, operation: 'create' }) // []
 * ```
 */
export function checksFor(at: Applicability): ReadonlyArray<Check> {
  return Object.freeze(variantsFor(at).map((v) => v.check))
}
