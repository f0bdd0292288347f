/**
 * Reading a codec's structure: what wraps what, which fields an object codec knows. Shared by the
 * unknown-field walk and the error-path builder so both see the same shape.
 *
 * Codecs are recognised by their `_tag`, never `instanceof`, so codecs built by another copy of
 * io-ts (the ESM and CJS builds loaded side by side) are read the same way.
 *
 * @packageDocumentation
 */
import type * as t from 'io-ts'

/**
 * Any decoder, as io-ts context entries hold them.
 *
 * @example
 * ```ts
 * const codec: AnyDecoder = SecurityContext
 * tagOf(unwrap(codec)) // 'PartialType'
 * ```
 */
export type AnyDecoder = t.Decoder<unknown, unknown>

/** The structural fields io-ts codecs (and ours) expose. */
interface Structure {
  readonly _tag?: unknown
  readonly type?: unknown
  readonly types?: unknown
  readonly props?: unknown
  readonly codomain?: unknown
}

/** Wrappers that decode like the codec they hold and add no context entry of their own. */
const TRANSPARENT: ReadonlySet<string> = new Set([
  'NullableType',
  'ReadonlyType',
  'RefinementType',
  'ExactType',
  'RecursiveType',
  'RequiredByApiType',
])

/** A value with a `validate` method: something io-ts (and `decode`) can run. */
export function isDecoder(u: unknown): u is AnyDecoder {
  return typeof u === 'object' && u !== null && typeof (u as { validate?: unknown }).validate === 'function'
}

/**
 * The `_tag` of a codec (`'PartialType'`, `'NullableType'`, …), or `undefined`.
 *
 * @example
 * ```ts
 * // internal (not exported by the package)
 * import * as t from 'io-ts'
 * tagOf(t.partial({})) // 'PartialType'
 * ```
 */
export function tagOf(codec: AnyDecoder): string | undefined {
  // Codecs come from callers (`decode`, `fieldsOf`, `unknownFields`): `null` has no tag either.
  if ((typeof codec !== 'object' && typeof codec !== 'function') || codec === null) return undefined
  const tag = (codec as Structure)._tag
  return typeof tag === 'string' ? tag : undefined
}

/** The codec a transparent wrapper holds, or `undefined` when `codec` is not one. */
function innerOf(codec: AnyDecoder): AnyDecoder | undefined {
  const tag = tagOf(codec)
  if (tag === undefined || !TRANSPARENT.has(tag)) return undefined
  const inner = (codec as Structure).type
  return isDecoder(inner) ? inner : undefined
}

// Recursive codecs can wrap themselves; a bound keeps a cycle from looping forever.
const MAX_UNWRAP = 64

/**
 * Follows transparent wrappers (`nullable`, `t.readonly`, refinements, `t.exact`,
 * `t.recursion`, required-by-API markers) down to the codec that gives the shape.
 *
 * @example
 * ```ts
 * // internal (not exported by the package)
 * import { nullable } from 'no-new-privs/codecs'
 * import * as t from 'io-ts'
 * tagOf(unwrap(nullable(t.readonly(t.partial({}))))) // 'PartialType'
 * ```
 */
export function unwrap(codec: AnyDecoder): AnyDecoder {
  let current = codec
  for (let i = 0; i < MAX_UNWRAP; i++) {
    const inner = innerOf(current)
    if (inner === undefined) return current
    current = inner
  }
  return current
}

/** The required-by-API marker among the wrappers of `codec`, if any. */
export function requiredByApiOf(
  codec: AnyDecoder,
): { readonly fields: ReadonlyArray<string>; readonly apiName: string } | undefined {
  let current = codec
  // The codec and up to MAX_UNWRAP wrapped ones: every codec `unwrap` passes through.
  for (let i = 0; i <= MAX_UNWRAP; i++) {
    if (tagOf(current) === 'RequiredByApiType') {
      const marker = current as unknown as { readonly fields: ReadonlyArray<string>; readonly apiName: string }
      return { fields: marker.fields, apiName: marker.apiName }
    }
    const inner = innerOf(current)
    if (inner === undefined) return undefined
    current = inner
  }
  return undefined
}

/** How a child sits in its parent: an object field, an array element, or a map entry. */
export type ChildKind = 'field' | 'index' | 'key' | 'branch'

/**
 * How the children of values of `codec` are addressed. `branch` marks unions and intersections,
 * whose io-ts context entries name a member (`"0"`, `"1"`), not a place in the value.
 */
export function childKindOf(codec: AnyDecoder): ChildKind {
  switch (tagOf(unwrap(codec))) {
    case 'UnionType':
    case 'IntersectionType':
      return 'branch'
    case 'ArrayType':
    case 'ReadonlyArrayType':
    case 'TupleType':
    case 'ReadonlyTupleType':
      return 'index'
    case 'DictionaryType':
      return 'key'
    default:
      return 'field'
  }
}

/** The element codec of an array codec, the value codec of a dictionary codec. */
export function elementOf(codec: AnyDecoder): AnyDecoder | undefined {
  const shape = unwrap(codec) as Structure
  switch (shape._tag) {
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return isDecoder(shape.type) ? shape.type : undefined
    case 'DictionaryType':
      return isDecoder(shape.codomain) ? shape.codomain : undefined
    default:
      return undefined
  }
}

/** The members of a union, intersection or tuple codec. */
export function membersOf(codec: AnyDecoder): ReadonlyArray<AnyDecoder> {
  const types = (unwrap(codec) as Structure).types
  return Array.isArray(types) ? types.filter(isDecoder) : []
}

let propsCache = new WeakMap<object, ReadonlyMap<string, AnyDecoder> | null>()

/**
 * Forgets the fields read from every codec (internal, not exported by the package): mutation runs
 * call it before each test, like `forgetCompiledGuards` (scripts/stryker-seed.ts).
 */
export function forgetFields(): void {
  propsCache = new WeakMap()
}

/**
 * The fields an object codec knows, with their codecs: the `props` of `t.type`/`t.partial`,
 * merged across the members of an intersection. `undefined` when values of `codec` are not
 * objects with known fields (primitives, arrays, dictionaries, `t.unknown`), and for a `codec`
 * that is no codec at all (a plain-JavaScript caller's `fieldsOf(undefined)`): it knows no field.
 *
 * @example
 * ```ts
 * import { fieldsOf, SeccompProfile } from 'no-new-privs/codecs'
 * [...(fieldsOf(SeccompProfile)?.keys() ?? [])] // ['type', 'localhostProfile']
 * ```
 * @public
 */
export function fieldsOf(codec: AnyDecoder): ReadonlyMap<string, AnyDecoder> | undefined {
  if (!isDecoder(codec)) return undefined
  const shape = unwrap(codec)
  const cached = propsCache.get(shape)
  if (cached !== undefined) return cached ?? undefined
  const fields = computeFields(shape, 0)
  propsCache.set(shape, fields ?? null)
  return fields
}

function computeFields(shape: AnyDecoder, depth: number): Map<string, AnyDecoder> | undefined {
  if (depth > MAX_UNWRAP) return undefined
  const structure = shape as Structure
  switch (structure._tag) {
    case 'InterfaceType':
    case 'PartialType':
    case 'StrictType': {
      const props = structure.props
      if (typeof props !== 'object' || props === null) return undefined
      const fields = new Map<string, AnyDecoder>()
      for (const key of Object.keys(props)) {
        const field = (props as Readonly<Record<string, unknown>>)[key]
        if (isDecoder(field)) fields.set(key, field)
      }
      return fields
    }
    case 'IntersectionType': {
      let merged: Map<string, AnyDecoder> | undefined
      for (const member of membersOf(shape)) {
        const fields = computeFields(unwrap(member), depth + 1)
        if (fields === undefined) continue
        merged ??= new Map()
        // A key two members declare keeps the first member's codec.
        for (const [key, field] of fields) if (!merged.has(key)) merged.set(key, field)
      }
      return merged
    }
    default:
      return undefined
  }
}
