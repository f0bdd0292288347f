/**
 * Fields a codec does not know, found by walking a value along the codec's own structure, so a
 * typo is never silently dropped; and fields the API server requires that a lenient codec let
 * through.
 *
 * @packageDocumentation
 */
import type { DecodeIssue } from './issue.js'
import { formatPath, segmentKeys, type PathSegment } from './path.js'
import { renderValue } from './render.js'
import { hasOwn, isObjectRecord } from '../callerInput.js'
import { suggestName } from './suggest.js'
import { SecurityContext } from './securityContext.js'
import { elementOf, fieldsOf, membersOf, requiredByApiOf, tagOf, unwrap, type AnyDecoder } from './structure.js'

/**
 * Options of `fieldWarnings` and `unknownFields`.
 *
 * @example
 * ```ts
 * const options: FieldWalkOptions = { path: 'spec.containers[0].securityContext' }
 * unknownFields(SecurityContext, { RunAsUser: 0 }, options)[0]?.path // 'spec.containers[0].securityContext.RunAsUser'
 * ```
 */
export interface FieldWalkOptions {
  /** A formatted path to put in front of every issue's path (`spec.template.spec`). */
  readonly path?: string | undefined
}

// Our codecs are a few levels deep; a user's recursive codec over deep data must not blow the stack.
const MAX_DEPTH = 256

interface Walk {
  readonly prefix: string
  readonly segments: Array<PathSegment>
  readonly out: Array<DecodeIssue>
}

/**
 * Types whose fields people often set one level too high: a key unknown here but known there
 * gets a hint saying where it belongs (`allowPrivilegeEscalation` exists per container only).
 */
const COUNTERPARTS: ReadonlyMap<string, { readonly codec: AnyDecoder; readonly where: string }> = new Map([
  ['PodSecurityContext', { codec: SecurityContext, where: "each container's securityContext" }],
])

/** A field of one of `fields`' object-typed fields: `privileged` on a container is `securityContext.privileged`. */
function nestedHome(key: string, fields: ReadonlyMap<string, AnyDecoder>): string | undefined {
  for (const [name, field] of fields) {
    if (fieldsOf(unwrap(field))?.has(key) === true) return `${name}.${key}`
  }
  return undefined
}

// The key is shown with renderValue, as JSON cut to a bounded length: a hostile 4 MB key keeps
// its exact path, but the sentence does not repeat it.
function unknownFieldIssue(w: Walk, typeName: string, key: string, value: unknown, fields: ReadonlyMap<string, AnyDecoder>): DecodeIssue {
  w.segments.push({ kind: 'field', name: key })
  const suggestion = suggestName(key, fields.keys()) ?? nestedHome(key, fields)
  const counterpart = COUNTERPARTS.get(typeName)
  const elsewhere = suggestion === undefined && counterpart !== undefined && fieldsOf(unwrap(counterpart.codec))?.has(key) === true
  const issue: DecodeIssue = {
    code: 'unknown-field',
    severity: 'warning',
    path: formatPath(w.prefix, w.segments),
    segments: segmentKeys(w.segments),
    expected: `a field of ${typeName}`,
    received: renderValue(value),
    message:
      suggestion !== undefined
        ? `unknown field ${renderValue(key)}, did you mean ${JSON.stringify(suggestion)}?`
        : elsewhere
          ? `unknown field ${renderValue(key)}: ${typeName} has no such field; it belongs in ${counterpart.where}`
          : `unknown field ${renderValue(key)}`,
    ...(suggestion === undefined ? {} : { suggestion }),
  }
  w.segments.pop()
  return issue
}

function missingFieldIssue(w: Walk, apiName: string, key: string, value: unknown, expected: string): DecodeIssue {
  w.segments.push({ kind: 'field', name: key })
  const issue: DecodeIssue = {
    code: 'missing-field',
    severity: 'warning',
    path: formatPath(w.prefix, w.segments),
    segments: segmentKeys(w.segments),
    expected,
    received: renderValue(value),
    message: `Required value: the API server requires ${key} in ${apiName} and would reject this object; read as unset`,
  }
  w.segments.pop()
  return issue
}

function walkObject(codec: AnyDecoder, shape: AnyDecoder, value: unknown, w: Walk, depth: number): void {
  const fields = fieldsOf(shape)
  if (fields === undefined || !isObjectRecord(value)) return
  for (const key of Object.keys(value)) {
    const field = hasOwn(value, key) ? fields.get(key) : undefined
    if (field === undefined) {
      w.out.push(unknownFieldIssue(w, shape.name, key, value[key], fields))
      continue
    }
    w.segments.push({ kind: 'field', name: key })
    walk(field, value[key], w, depth + 1)
    w.segments.pop()
  }
  const required = requiredByApiOf(codec)
  if (required === undefined) return
  for (const key of required.fields) {
    const present = hasOwn(value, key) ? value[key] : undefined
    if (present !== undefined && present !== null) continue
    const field = fields.get(key)
    w.out.push(missingFieldIssue(w, required.apiName, key, present, field === undefined ? 'unknown' : unwrap(field).name))
  }
}

function walk(codec: AnyDecoder, value: unknown, w: Walk, depth: number): void {
  if (value === null || value === undefined || depth > MAX_DEPTH) return
  const shape = unwrap(codec)
  switch (tagOf(shape)) {
    case 'ArrayType':
    case 'ReadonlyArrayType': {
      const element = elementOf(shape)
      if (element === undefined || !Array.isArray(value)) return
      for (let i = 0; i < value.length; i++) {
        w.segments.push({ kind: 'index', index: i })
        walk(element, value[i], w, depth + 1)
        w.segments.pop()
      }
      return
    }
    case 'TupleType': {
      if (!Array.isArray(value)) return
      const members = membersOf(shape)
      for (let i = 0; i < members.length && i < value.length; i++) {
        const member = members[i]
        if (member === undefined) continue
        w.segments.push({ kind: 'index', index: i })
        walk(member, value[i], w, depth + 1)
        w.segments.pop()
      }
      return
    }
    case 'DictionaryType': {
      const element = elementOf(shape)
      if (element === undefined || !isObjectRecord(value)) return
      for (const key of Object.keys(value)) {
        w.segments.push({ kind: 'key', key })
        walk(element, value[key], w, depth + 1)
        w.segments.pop()
      }
      return
    }
    case 'UnionType': {
      // Walk the member the value belongs to; when none accepts it, decoding fails anyway.
      const member = membersOf(shape).find((m) => m.decode(value)._tag === 'Right')
      if (member !== undefined) walk(member, value, w, depth + 1)
      return
    }
    case 'InterfaceType':
    case 'PartialType':
    case 'StrictType':
    case 'IntersectionType':
      walkObject(codec, shape, value, w, depth)
      return
    default:
      return
  }
}

/**
 * Walks `value` along `codec`'s own structure (object fields, intersections, unions, arrays,
 * records, `nullable` and other wrappers) and reports:
 * - `unknown-field` for every key the codec does not know, with a "did you mean" suggestion for
 *   a near miss (`allowPrivilegeEscalaton` → `allowPrivilegeEscalation`, `RunAsUser` → `runAsUser`);
 * - `missing-field` for a field the API server requires that the codec reads leniently
 *   (PodSecurityPolicy's strategies).
 *
 * Every issue has severity `warning`. Keys are read with `Object.keys`, so `__proto__`,
 * `constructor` and `prototype` are plain unknown fields; nothing is written. Fields typed
 * `t.unknown` are not looked into.
 *
 * @example
 * ```ts
 * import { fieldWarnings, SecurityContext } from 'no-new-privs/codecs'
 * fieldWarnings(SecurityContext, { allowPrivilegeEscalaton: false })[0]?.message
 * // 'unknown field "allowPrivilegeEscalaton", did you mean "allowPrivilegeEscalation"?'
 * ```
 * @public
 */
export function fieldWarnings(
  codec: AnyDecoder,
  value: unknown,
  options: FieldWalkOptions = {},
): ReadonlyArray<DecodeIssue> {
  // `null` options are no options, as everywhere in the public API.
  const w: Walk = { prefix: typeof options?.path === 'string' ? options.path : '', segments: [], out: [] }
  walk(codec, value, w, 0)
  return w.out
}

/**
 * The `unknown-field` warnings of `fieldWarnings` alone.
 *
 * @example
 * ```ts
 * import { unknownFields, SecurityContext } from 'no-new-privs/codecs'
 * unknownFields(SecurityContext, { RunAsUser: 0 })[0]?.suggestion // 'runAsUser'
 * ```
 * @public
 */
export function unknownFields(
  codec: AnyDecoder,
  value: unknown,
  options: FieldWalkOptions = {},
): ReadonlyArray<DecodeIssue> {
  return fieldWarnings(codec, value, options).filter((issue) => issue.code === 'unknown-field')
}
