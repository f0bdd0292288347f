/**
 * Which violation codes a semantics checks at a cluster version: read from the rule registry, so
 * the generated policy follows the same table as the resolver, the tests and the docs.
 *
 * @packageDocumentation
 */
import type { PodSecurityVersion, ViolationCode } from '../resolve/types.js'
import { VIOLATION_CODES } from '../resolve/violations.js'
import type { PolicySemantics } from './options.js'

/**
 * The codes of `semantics` at `version`, the restricted level's only when it is asked for.
 *
 * @example
 * ```ts
 * codesEnforced('kubernetes', 'latest', false).includes('restricted-requires-no-escalation') // false
 * ```
 */
export function codesEnforced(semantics: PolicySemantics, version: PodSecurityVersion, restricted: boolean): ReadonlyArray<ViolationCode> {
  void semantics
  void version
  // Until the registry (src/resolve/rules) lands, every code of SPEC §3.5/§5/§5a/§5b applies to both semantics.
  return VIOLATION_CODES.filter((code) => restricted || code !== 'restricted-requires-no-escalation')
}
