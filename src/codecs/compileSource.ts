/**
 * The compiled guard as generated JavaScript: the codecs' structure written out as straight-line
 * checks (one function per object, array and map codec; leaves inlined), as ajv does for JSON
 * Schema. It answers exactly what the closure guard of `compile.ts` answers (both are proven equal
 * to `decode` by test/codecs/compile.test.ts); it is only faster. Where code cannot be generated
 * from strings (`--disallow-code-generation-from-strings`), `compileGuard` keeps the closures.
 *
 * @packageDocumentation
 */
import { decode } from './decode.js'
import { elementOf, isDecoder, requiredByApiOf, tagOf, type AnyDecoder } from './structure.js'

/** A predicate: `true` exactly when `decode` succeeds with no warning. */
type Guard = (value: unknown) => boolean

interface Structure {
  readonly type?: unknown
  readonly props?: unknown
  readonly domain?: unknown
  readonly min?: unknown
  readonly max?: unknown
  readonly values?: unknown
  readonly value?: unknown
  readonly types?: unknown
}

interface Generation {
  readonly functions: string[]
  /** Values the generated code refers to as `R[i]`: the exact fallbacks. */
  readonly refs: unknown[]
  readonly names: Map<unknown, string>
}


let fallbacks = 0

/**
 * How many times, since the module loaded, a compiled guard (generated or closures) asked `decode`
 * for the answer instead of checking itself: the measure of how much of a codec the fast path
 * covers (on plain JSON data with our codecs, none).
 *
 * @example
 * ```ts
 * const before = fallbackCount()
 * compileGuard(SecurityContext)({ runAsUser: 1000 })
 * fallbackCount() - before // 0
 * ```
 */
export function fallbackCount(): number {
  return fallbacks
}

/**
 * The exact answer from `decode` itself: for codecs (or values) no guard is compiled for.
 *
 * @example
 * ```ts
 * exactly(SecurityContext)({ runAsUser: 1000 }) // true
 * ```
 */
export function exactly(codec: AnyDecoder): Guard {
  return (value) => {
    fallbacks++
    const decoded = decode(codec, value)
    return decoded._tag === 'Right' && decoded.right.warnings.length === 0
  }
}

function ref(gen: Generation, value: unknown): string {
  gen.refs.push(value)
  return `R[${gen.refs.length - 1}]`
}

function literal(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value)
  if (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0)) return String(value)
  return undefined
}

/**
 * The codec under the wrappers that add nothing to a check but `null`/`undefined` acceptance
 * (`nullable`, `readonly`, required-by-API), and whether one of them was `nullable`; `undefined`
 * when a wrapper holds no codec (the caller then falls back to `decode`).
 */
export function peelWrappers(codec: AnyDecoder): { readonly core: AnyDecoder; readonly nullable: boolean } | undefined {
  let nullable = false
  let current = codec
  for (let i = 0; i < 64; i++) {
    const tag = tagOf(current)
    if (tag === 'NullableType') nullable = true
    else if (tag !== 'ReadonlyType' && tag !== 'RequiredByApiType') break
    const inner = (current as Structure).type
    if (!isDecoder(inner)) return undefined
    current = inner
  }
  return { core: current, nullable }
}

/** An expression that is true when the variable `v` passes `codec`. */
function expression(gen: Generation, codec: AnyDecoder): string {
  const peeled = peelWrappers(codec)
  if (peeled === undefined) return `${ref(gen, exactly(codec))}(v)`
  const inner = shapeExpression(gen, codec, peeled.core)
  return peeled.nullable ? `(v === null || v === undefined || ${inner})` : inner
}

function shapeExpression(gen: Generation, codec: AnyDecoder, shape: AnyDecoder): string {
  const s = shape as Structure
  switch (tagOf(shape)) {
    case 'UnknownType':
      return 'true'
    case 'StringType':
      return 'typeof v === "string"'
    case 'BooleanType':
      return 'typeof v === "boolean"'
    case 'NumberType':
      return 'typeof v === "number"'
    case 'NullType':
      return 'v === null'
    case 'UndefinedType':
      return 'v === undefined'
    case 'IntegerType': {
      const min = literal(s.min)
      const max = literal(s.max)
      if (typeof s.min !== 'number' || typeof s.max !== 'number' || min === undefined || max === undefined) break
      return `(typeof v === "number" && Number.isSafeInteger(v) && v >= ${min} && v <= ${max})`
    }
    case 'EnumType': {
      if (!Array.isArray(s.values)) break
      const values = s.values.map(literal)
      if (values.length === 0 || values.some((x) => x === undefined || !x.startsWith('"'))) break
      return `(${values.map((x) => `v === ${x as string}`).join(' || ')})`
    }
    case 'LiteralType': {
      const value = literal(s.value)
      if (value === undefined) break
      return `v === ${value}`
    }
    case 'InterfaceType':
    case 'PartialType':
    case 'IntersectionType': {
      const name = objectFunction(gen, codec, shape)
      if (name !== undefined) return `${name}(v)`
      break
    }
    case 'ArrayType':
    case 'ReadonlyArrayType': {
      const element = elementOf(shape)
      if (element !== undefined) return `${arrayFunction(gen, shape, element)}(v)`
      break
    }
    case 'DictionaryType': {
      const values = stringMapValuesOf(shape)
      if (values !== undefined) return `${dictionaryFunction(gen, codec, shape, values)}(v)`
      break
    }
    default:
      break
  }
  return `${ref(gen, exactly(codec))}(v)`
}

function declare(gen: Generation, key: unknown): { readonly name: string; readonly fresh: boolean } {
  const known = gen.names.get(key)
  if (known !== undefined) return { name: known, fresh: false }
  const name = `f${gen.names.size}`
  gen.names.set(key, name)
  return { name, fresh: true }
}

/**
 * The value codec of a `t.record(t.string, C)`, as both guard compilers read it; `undefined` for
 * other keys, for a part that is no codec, and for an `any` value codec (which also accepts
 * arrays): those maps are left to io-ts.
 */
export function stringMapValuesOf(shape: AnyDecoder): AnyDecoder | undefined {
  const { domain } = shape as Structure
  const values = elementOf(shape)
  if (!isDecoder(domain) || tagOf(domain) !== 'StringType' || values === undefined) return undefined
  return tagOf(values) === 'AnyType' ? undefined : values
}

const PLAIN = 'const p = getPrototypeOf(o); if (p !== OP && p !== null)'

/** One declaration of a field by a member of an object codec. */
export interface ObjectField {
  /** Declared by `t.type`: checked even when the key is absent (io-ts's `t.partial` skips `undefined`). */
  readonly required: boolean
  readonly codec: AnyDecoder
}

/**
 * The fields of an object codec, as both guard compilers read it: a `t.type`, a `t.partial`, or an
 * intersection of them (each member first passed through `unwrapMember`), every key with each
 * member's declaration of it, in member order. `undefined` when a member is no such object, a
 * field is no codec, or a key is one `Object.prototype` also has: io-ts reads a field through the
 * prototype, so for such a key absent is not `undefined` (no Kubernetes field is named so); those
 * codecs are left to io-ts.
 */
export function objectFieldsOf(
  shape: AnyDecoder,
  unwrapMember: (member: AnyDecoder) => AnyDecoder,
): ReadonlyMap<string, ReadonlyArray<ObjectField>> | undefined {
  const members = tagOf(shape) === 'IntersectionType' ? (shape as Structure).types : [shape]
  // An intersection of no codecs accepts anything: no object check says so.
  if (!Array.isArray(members) || members.length === 0) return undefined
  const fields = new Map<string, ObjectField[]>()
  for (const codec of members as ReadonlyArray<unknown>) {
    if (!isDecoder(codec)) return undefined
    const member = unwrapMember(codec)
    const tag = tagOf(member)
    if (tag !== 'InterfaceType' && tag !== 'PartialType') return undefined
    const props = (member as Structure).props
    if (typeof props !== 'object' || props === null) return undefined
    for (const key of Object.keys(props)) {
      if (key in Object.prototype) return undefined
      const field = (props as Readonly<Record<string, unknown>>)[key]
      if (!isDecoder(field)) return undefined
      const list = fields.get(key) ?? []
      list.push({ required: tag === 'InterfaceType', codec: field })
      fields.set(key, list)
    }
  }
  return fields
}

function objectFunction(gen: Generation, codec: AnyDecoder, shape: AnyDecoder): string | undefined {
  const fields = objectFieldsOf(shape, unwrapReadonly)
  if (fields === undefined) return undefined
  const apiRequired = requiredByApiOf(codec)?.fields ?? []
  const { name, fresh } = declare(gen, apiRequired.length > 0 ? codec : shape)
  if (!fresh) return name
  const cases: string[] = []
  const required: string[] = []
  for (const [key, list] of fields) {
    const k = JSON.stringify(key)
    const checks = list.map((f) => (f.required ? expression(gen, f.codec) : `(v === undefined || ${expression(gen, f.codec)})`))
    if (list.some((f) => f.required)) {
      cases.push(`case ${k}: break;`)
      required.push(`{ const v = o[${k}]; if (!(${checks.join(' && ')})) return false; }`)
    } else cases.push(`case ${k}: { const v = o[k]; if (!(${checks.join(' && ')})) return false; break; }`)
  }
  const api = apiRequired.map((key) => `if (!HOP.call(o, ${JSON.stringify(key)}) || o[${JSON.stringify(key)}] == null) return false;`)
  gen.functions.push(
    `function ${name}(o) {
  if (typeof o !== "object" || o === null || Array.isArray(o)) return false;
  { ${PLAIN} return ${ref(gen, exactly(codec))}(o); }
  for (const k in o) {
    switch (k) {
      ${cases.join('\n      ')}
      default: if (HOP.call(o, k)) return false;
    }
  }
  ${required.join('\n  ')}
  ${api.join('\n  ')}
  return true;
}`,
  )
  return name
}

function unwrapReadonly(codec: AnyDecoder): AnyDecoder {
  let current = codec
  for (let i = 0; i < 64 && tagOf(current) === 'ReadonlyType' && isDecoder((current as Structure).type); i++) current = (current as Structure).type as AnyDecoder
  return current
}

function arrayFunction(gen: Generation, shape: AnyDecoder, element: AnyDecoder): string {
  const { name, fresh } = declare(gen, shape)
  if (!fresh) return name
  gen.functions.push(
    `function ${name}(a) {
  if (!Array.isArray(a)) return false;
  for (let i = 0; i < a.length; i++) { const v = a[i]; if (!(${expression(gen, element)})) return false; }
  return true;
}`,
  )
  return name
}

function dictionaryFunction(gen: Generation, codec: AnyDecoder, shape: AnyDecoder, codomain: AnyDecoder): string {
  const { name, fresh } = declare(gen, shape)
  if (!fresh) return name
  gen.functions.push(
    `function ${name}(o) {
  if (typeof o !== "object" || o === null || Array.isArray(o)) return false;
  { ${PLAIN} return ${ref(gen, exactly(codec))}(o); }
  for (const k in o) { if (!HOP.call(o, k)) continue; const v = o[k]; if (!(${expression(gen, codomain)})) return false; }
  return true;
}`,
  )
  return name
}

/**
 * The generated guard's source, and the values it refers to as `R[i]`: the exact fallbacks to
 * `decode`, one per object or map function for values that are not plain objects, and one per
 * part of the codec no check could be written for.
 *
 * @example
 * ```ts
 * const { source, refs } = guardSource(SecurityContext)
 * source.includes('function guard(v)') // true
 * refs.length                           // the exact fallbacks
 * ```
 */
export function guardSource(codec: AnyDecoder): { readonly source: string; readonly refs: ReadonlyArray<unknown> } {
  const gen: Generation = { functions: [], refs: [], names: new Map() }
  const top = expression(gen, codec)
  return { source: `"use strict";\n${gen.functions.join('\n')}\nreturn function guard(v) { return ${top}; };`, refs: gen.refs }
}

/**
 * The guard of `codec` as generated code, or `undefined` where code generation is not allowed.
 *
 * @example
 * ```ts
 * generatedGuard(SecurityContext)?.({ runAsUser: 1000 }) // true
 * ```
 */
export function generatedGuard(codec: AnyDecoder): Guard | undefined {
  const { source, refs } = guardSource(codec)
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const make = new Function('R', 'OP', 'getPrototypeOf', 'HOP', source) as (...args: unknown[]) => Guard
    return make(refs, Object.prototype, Object.getPrototypeOf, Object.prototype.hasOwnProperty)
  } catch {
    return undefined
  }
}
