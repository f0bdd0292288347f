/**
 * The rules an exemption may name: every violation code and the `--require-no-new-privs` finding.
 *
 * @packageDocumentation
 */
import { suggestName } from '../codecs/suggest.js'
import { VIOLATION_CODES } from '../resolve/violations.js'

/** Every rule id an exemption may name. */
export const EXEMPTIBLE_RULES: ReadonlyArray<string> = [...VIOLATION_CODES, 'no-new-privs-required']

/**
 * `undefined` when `rule` is a known rule, else a sentence saying so (with a did-you-mean),
 * because a misspelt rule would otherwise exempt nothing and no one would notice.
 *
 * @example
 * ```ts
 * unknownRule('privileged-without-escalaton') // 'unknown rule "privileged-without-escalaton" (did you mean "privileged-without-escalation"?)'
 * ```
 */
export function unknownRule(rule: string): string | undefined {
  if (EXEMPTIBLE_RULES.includes(rule)) return undefined
  const guess = suggestName(rule, EXEMPTIBLE_RULES)
  return `unknown rule ${JSON.stringify(rule)}${guess === undefined ? '' : ` (did you mean ${JSON.stringify(guess)}?)`}`
}
