/**
 * Where a violation or finding is shown in its source: the offending field's own line and column
 * when the source has the field, else the place of the object that should have it, said so.
 *
 * Only the stage that still holds the document knows places (its `positionOf`), so the place is
 * found here, once, and carried with the item: a format never re-derives it.
 *
 * @packageDocumentation
 */
import type { Position } from '../read/document.js'
import type { FieldPath } from '../path.js'
import type { Located } from './report.js'

/**
 * A place found for an item: the `line`, `column`, `located` (and `field`) of a
 * `ReportViolation` or `ReportFinding`.
 *
 * @example
 * ```ts
 * const at: Placement = { line: 9, column: 9, located: 'field' }
 * ```
 */
export interface Placement {
  readonly line: number
  readonly column: number | null
  readonly located: Located
  /** The field the place is of, when it is not the item's own `path`. */
  readonly field?: string
}

/**
 * The place of the first of `fields` written in the source, else `fallback` marked `located`
 * (`'container'`, or `'policy'` for a field of a policy).
 *
 * `fields[0]` is the item's own path; the others stand in for it when it is not written (the
 * `privileged: true` of a container whose `false` setting came from a policy). A field is never
 * searched above the object (`fallback` is its place), so a place is never a neighbour's.
 *
 * @example
 * ```ts
 * const positionOf = (p: FieldPath) => (p === 'spec.containers[0].securityContext.privileged' ? { line: 7, column: 7 } : null)
 * placeOf(positionOf, ['spec.containers[0].securityContext.allowPrivilegeEscalation', 'spec.containers[0].securityContext.privileged'], { line: 4, column: 5 }, 'container')
 * // { line: 7, column: 7, located: 'field', field: 'spec.containers[0].securityContext.privileged' }
 * ```
 */
export function placeOf(
  positionOf: (path: FieldPath) => Position | null,
  fields: ReadonlyArray<string>,
  fallback: { readonly line: number; readonly column: number | null },
  located: Exclude<Located, 'field'>,
): Placement {
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as string
    const at = field === '' ? null : positionOf(field)
    if (at === null) continue
    return i === 0 ? { line: at.line, column: at.column, located: 'field' } : { line: at.line, column: at.column, located: 'field', field }
  }
  return { line: fallback.line, column: fallback.column, located }
}
