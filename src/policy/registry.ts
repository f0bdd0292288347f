/**
 * Which violation codes a semantics checks at a cluster version: read from the rule registry
 * (`src/resolve/rules`), so the generated policy follows the same table as the resolver, the tests
 * and the docs. A code is in when one of its variants applies to the semantics at the version
 * that selects it (the cluster's, or the restricted level's policy version).
 *
 * @packageDocumentation
 */
import { RULES } from '../resolve/rules/index.js'
import type { RuleCode } from '../resolve/types.js'
import { inRange } from '../resolve/versions.js'
import type { PolicySemantics } from './options.js'

/**
 * The codes of `semantics` at the cluster's `minor` version; the restricted level's only when
 * `restrictedMinor` (its policy version) is given.
 *
 * @example
 * ```ts
 * codesEnforced('kubernetes', Infinity, undefined).includes('restricted-requires-no-escalation') // false
 * codesEnforced('kubernetes', Infinity, Infinity).includes('restricted-requires-no-escalation')  // true
 * ```
 */
export function codesEnforced(semantics: PolicySemantics, minor: number, restrictedMinor: number | undefined): ReadonlyArray<RuleCode> {
  const codes: RuleCode[] = []
  for (const rule of RULES) {
    const version = rule.versionOf === 'podSecurity' ? restrictedMinor : minor
    if (version === undefined) continue
    if (rule.variants.some((v) => v.semantics.includes(semantics) && inRange(v.versions, version))) codes.push(rule.code)
  }
  return codes
}
