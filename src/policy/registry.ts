/**
 * Where each violation code applies in a cluster, read from the rule registry
 * (`src/resolve/rules`) with the resolver's own selection (`variantsFor`), so the generated
 * policy follows the same table as the resolver, the tests and the docs: which pod OS, which
 * admission operation, at the cluster's version (or the restricted level's policy version).
 *
 * @packageDocumentation
 */
import { RULES } from '../resolve/rules/index.js'
import { variantsFor } from '../resolve/rules/select.js'
import type { Operation, RuleCode } from '../resolve/types.js'
import type { PolicySemantics } from './options.js'

/**
 * The operations a code applies to, per pod OS (empty: not at all).
 *
 * @example
 * ```ts
 * const where: Where = { linux: ['create', 'update'], windows: [] }
 * ```
 */
export interface Where {
  readonly linux: ReadonlyArray<Operation>
  readonly windows: ReadonlyArray<Operation>
}

const OPERATIONS: ReadonlyArray<Operation> = ['create', 'update']

/**
 * Where `code` applies under `semantics` at the cluster's `minor` version, the restricted level
 * at `restrictedMinor` (already capped at the cluster's, as the resolver caps it; `undefined`
 * when the level is not asked for).
 *
 * @example
 * ```ts
 * whereApplies('escalation-field-on-windows', 'kubernetes', Infinity, undefined) // { linux: [], windows: ['create', 'update'] }
 * ```
 */
export function whereApplies(code: RuleCode, semantics: PolicySemantics, minor: number, restrictedMinor: number | undefined): Where {
  const ops = (os: 'linux' | 'windows'): ReadonlyArray<Operation> =>
    OPERATIONS.filter((operation) =>
      variantsFor({ semantics, os, kubernetesMinor: minor, podSecurityMinor: restrictedMinor, operation }).some((v) => v.code === code),
    )
  return { linux: ops('linux'), windows: ops('windows') }
}

/**
 * The codes that apply anywhere under `semantics` at the versions, in registry order.
 *
 * @example
 * ```ts
 * codesEnforced('kubernetes', Infinity, undefined).includes('restricted-requires-no-escalation') // false
 * codesEnforced('kubernetes', Infinity, Infinity).includes('restricted-requires-no-escalation')  // true
 * ```
 */
export function codesEnforced(semantics: PolicySemantics, minor: number, restrictedMinor: number | undefined): ReadonlyArray<RuleCode> {
  return RULES.map((r) => r.code).filter((code) => {
    const where = whereApplies(code, semantics, minor, restrictedMinor)
    return where.linux.length > 0 || where.windows.length > 0
  })
}
