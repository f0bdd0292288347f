/**
 * The `no-new-privs.io/exempt` annotation.
 *
 * Its value holds one exemption per line:
 *
 *     RULE[,RULE…][:CONTAINER[,CONTAINER…]] reason=TEXT
 *
 * Rule ids and container names (RFC 1123 labels) never contain `,`, `:`, spaces or `=`, so the
 * line splits without quoting; the reason is everything after `reason=`, free text. Blank lines
 * are ignored, so a YAML block scalar (`|`) can list several.
 *
 * @packageDocumentation
 */
import type { ExemptionProblem } from './problem.js'
import { unknownRule } from './ruleIds.js'
import type { Exemption, ExemptionOrigin } from './types.js'
import { EXEMPT_ANNOTATION } from './types.js'

const NAME = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const LINE = new RegExp(`^(?<rules>${NAME}(,${NAME})*)(:(?<containers>${NAME}(,${NAME})*))?(\\s+reason=(?<reason>.*))?$`)

/** The format, as error messages show it. */
export const ANNOTATION_FORMAT = 'RULE[,RULE…][:CONTAINER[,CONTAINER…]] reason=TEXT'

/**
 * Parses the annotation's value. `origin` is where the annotation sits (its line is the
 * annotation's; each exemption's origin is that of its line within the value).
 *
 * @example
 * ```ts
 * parseExemptAnnotation('privileged-without-escalation:agent reason=needs /dev/kmsg', origin)
 * // { exemptions: [{ rules: ['privileged-without-escalation'], containers: ['agent'], reason: 'needs /dev/kmsg', origin }], problems: [] }
 * ```
 */
export function parseExemptAnnotation(
  value: unknown,
  origin: ExemptionOrigin,
): { readonly exemptions: ReadonlyArray<Exemption>; readonly problems: ReadonlyArray<ExemptionProblem> } {
  if (typeof value !== 'string') {
    return {
      exemptions: [],
      problems: [{ severity: 'error', code: 'invalid-exemption', message: `annotation ${EXEMPT_ANNOTATION} must be a string, one ${ANNOTATION_FORMAT} per line`, at: origin }],
    }
  }
  const exemptions: Exemption[] = []
  const problems: ExemptionProblem[] = []
  const lines = value.split(/\r?\n/)
  lines.forEach((raw, i) => {
    const text = raw.trim()
    if (text === '') return
    // The annotation's own line, shifted for a block scalar's later lines when the line is known.
    const at: ExemptionOrigin = lines.length === 1 || origin.line === null ? origin : { ...origin, line: origin.line + i + 1 }
    const where = lines.length === 1 ? `annotation ${EXEMPT_ANNOTATION}` : `annotation ${EXEMPT_ANNOTATION} line ${i + 1}`
    const m = LINE.exec(text)
    if (m === null) {
      problems.push({ severity: 'error', code: 'invalid-exemption', message: `${where}: expected ${ANNOTATION_FORMAT}, got ${JSON.stringify(text)}`, at })
      return
    }
    const rules = (m.groups?.['rules'] ?? '').split(',')
    const bad = rules.map(unknownRule).filter((s): s is string => s !== undefined)
    if (bad.length > 0) {
      problems.push({ severity: 'error', code: 'invalid-exemption', message: `${where}: ${bad.join('; ')}`, at })
      return
    }
    const reason = (m.groups?.['reason'] ?? '').trim()
    if (reason === '') {
      problems.push({
        severity: 'error',
        code: 'exemption-without-reason',
        message: `${where}: exempts ${rules.join(', ')} without a reason (add reason=WHY); it exempts nothing`,
        at,
      })
      return
    }
    const listed = m.groups?.['containers']
    const containers = listed === undefined ? undefined : listed.split(',')
    exemptions.push({ rules, ...(containers === undefined ? {} : { containers }), reason, origin: at })
  })
  return { exemptions, problems }
}
