/**
 * The annotation exemptions of the object that carries a pod.
 *
 * @packageDocumentation
 */
import type { LoadedDocument } from '../read/document.js'
import { segmentsOf } from '../path.js'
import { hasOwn } from '../callerInput.js'
import { parseExemptAnnotation } from './annotation.js'
import type { ExemptionProblem } from './problem.js'
import type { Exemption } from './types.js'
import { EXEMPT_ANNOTATION } from './types.js'

function field(value: unknown, key: string | number): unknown {
  if (typeof value !== 'object' || value === null) return undefined
  return hasOwn(value, String(key)) ? (value as Record<string | number, unknown>)[key] : undefined
}

/**
 * Reads `metadata.annotations["no-new-privs.io/exempt"]` of the object at `objectPath` (`''` for
 * the document, `items[2]` in a List). Only the carrying object's annotation counts, not the
 * pod template's: it is the object people review and own. `base` is where `doc.value` sits in
 * its document: `items[2]` when a List is read item by item (src/read), so `doc.value` is that
 * item while paths and positions stay the whole List's.
 *
 * @example
 * ```ts
 * const { exemptions, problems } = annotationExemptions(doc, '')
 * ```
 */
export function annotationExemptions(
  doc: LoadedDocument,
  objectPath: string,
  base = '',
): { readonly exemptions: ReadonlyArray<Exemption>; readonly problems: ReadonlyArray<ExemptionProblem> } {
  const segments = segmentsOf(objectPath) ?? []
  const skip = base === '' ? 0 : (segmentsOf(base) ?? []).length
  const object = segments.slice(skip).reduce<unknown>(field, doc.value)
  const value = field(field(field(object, 'metadata'), 'annotations'), EXEMPT_ANNOTATION)
  if (value === undefined) return { exemptions: [], problems: [] }
  const path = `${objectPath === '' ? '' : `${objectPath}.`}metadata.annotations[${EXEMPT_ANNOTATION}]`
  // The string path, not segments: an item's position finder takes only paths under its prefix as strings.
  const at = doc.positionOf(path)
  return parseExemptAnnotation(value, { kind: 'annotation', source: doc.source, document: doc.index, line: at === null ? doc.line : at.line, path })
}
