/**
 * A fast path for valid input, compiled from the io-ts codecs' own structure.
 *
 * `compileGuard(codec)` answers one question in a single pass that allocates nothing: would
 * `decode(codec, value)` succeed with no warning at all? When it would, the decoded value is the
 * value itself (io-ts returns its input when nothing needed decoding), so `compileDecoder` hands it
 * back without building a context, an error or a warning list. Anything else (invalid input, an
 * unknown field, a field the API server requires) takes `decode` itself, which builds the issues.
 *
 * The codecs stay the single source of truth: the guard is built by walking them (`objectFieldsOf`,
 * `unwrap`, `tagOf`, the leaves' own `is`), and a codec it does not know how to compile is
 * delegated to `decode`, never guessed. test/codecs/compile.test.ts proves, for arbitrary JSON,
 * that the guard accepts exactly what `decode` accepts without warnings.
 *
 * @packageDocumentation
 */
import { right, type Either } from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import type * as t from 'io-ts'
import { exactly, generatedGuard, objectFieldsOf, peelWrappers, stringMapValuesOf } from './compileSource.js'
import { decode, type DecodeOptions, type Decoded } from './decode.js'
import type { DecodeIssue } from './issue.js'
import { elementOf, requiredByApiOf, tagOf, unwrap, type AnyDecoder } from './structure.js'

/**
 * A predicate compiled from a codec: `true` exactly when decoding succeeds with no warning.
 *
 * @example
 * ```ts
 * const isCleanSecurityContext: Guard = compileGuard(SecurityContext)
 * isCleanSecurityContext({ runAsUser: 1000 })      // true
 * isCleanSecurityContext({ runAsUser: -1 })        // false: decode reports an error
 * isCleanSecurityContext({ allowPrivilegeEscalaton: false }) // false: an unknown-field warning
 * ```
 */
export type Guard = (value: unknown) => boolean

const hasOwn = Object.prototype.hasOwnProperty
const objectPrototype = Object.prototype

/**
 * Leaves whose `is` is exactly "`validate` succeeds" and under which the field walk finds
 * nothing: io-ts's primitives and this library's integer and enum codecs.
 */
const EXACT_IS: ReadonlySet<string> = new Set([
  'StringType',
  'NumberType',
  'BooleanType',
  'NullType',
  'UndefinedType',
  'LiteralType',
  'KeyofType',
  'IntegerType',
  'EnumType',
])

const ACCEPT_ALL: Guard = () => true

/** A plain JSON object: the only kind the compiled object guards read. */
function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === objectPrototype || proto === null
}

interface FieldCheck {
  readonly guard: Guard
  /** A `t.type` member's field: checked even when the key is absent. */
  readonly required: boolean
}

/** One known field: the combined check of every member codec that names it. */
interface Field {
  readonly accepts: Guard
  readonly required: boolean
}

function fieldOf(checks: ReadonlyArray<FieldCheck>): Field {
  // io-ts's `t.partial` skips an `undefined` field; `t.type` checks it.
  const guards = checks.map(({ guard, required }): Guard => (required ? guard : (v) => v === undefined || guard(v)))
  // One member's check is that check itself; several must all accept.
  const accepts = guards.reduce((earlier, guard) => (v) => earlier(v) && guard(v))
  return { required: checks.some((c) => c.required), accepts }
}

/**
 * An object codec (`t.type`, `t.partial`, their intersections): every own key must be a known
 * field whose every member codec accepts the value; required fields are checked when absent too;
 * fields the API server requires (a `RequiredByApiType` wrapper) must be present and not `null`.
 */
function objectGuard(codec: AnyDecoder, shape: AnyDecoder, compile: (c: AnyDecoder) => Guard): Guard | undefined {
  const declared = objectFieldsOf(shape, unwrap)
  if (declared === undefined) return undefined
  const fields = new Map<string, Field>()
  for (const [key, list] of declared) fields.set(key, fieldOf(list.map((f) => ({ guard: compile(f.codec), required: f.required }))))
  const required = [...fields].filter(([, f]) => f.required)
  const requiredKeys = required.map(([key]) => key)
  const requiredChecks = required.map(([, f]) => f.accepts)
  const apiRequired = requiredByApiOf(codec)?.fields ?? []
  const exact = exactly(codec)
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
    if (!isPlainObject(value)) return exact(value)
    const record = value as Readonly<Record<string, unknown>>
    for (const key in record) {
      if (!hasOwn.call(record, key)) continue
      const field = fields.get(key)
      if (field === undefined) return false
      if (!field.required && !field.accepts(record[key])) return false
    }
    for (let i = 0; i < requiredKeys.length; i++) {
      if (!(requiredChecks[i] as Guard)(record[requiredKeys[i] as string])) return false
    }
    for (let i = 0; i < apiRequired.length; i++) {
      const key = apiRequired[i] as string
      if (!hasOwn.call(record, key) || record[key] === null || record[key] === undefined) return false
    }
    return true
  }
}

function arrayGuard(shape: AnyDecoder, compile: (c: AnyDecoder) => Guard): Guard | undefined {
  const element = elementOf(shape)
  if (element === undefined) return undefined
  const guard = compile(element)
  return (value) => {
    if (!Array.isArray(value)) return false
    for (let i = 0; i < value.length; i++) if (!guard(value[i])) return false
    return true
  }
}

/** `t.record(t.string, C)`: every own key's value must be a `C`. */
function dictionaryGuard(codec: AnyDecoder, shape: AnyDecoder, compile: (c: AnyDecoder) => Guard): Guard | undefined {
  const values = stringMapValuesOf(shape)
  if (values === undefined) return undefined
  const guard = compile(values)
  const exact = exactly(codec)
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
    if (!isPlainObject(value)) return exact(value)
    const record = value as Readonly<Record<string, unknown>>
    for (const key in record) if (hasOwn.call(record, key) && !guard(record[key])) return false
    return true
  }
}

let guards = new WeakMap<object, Guard>()
let closureGuards = new WeakMap<object, Guard>()

/**
 * Forgets every compiled guard (internal, not exported by the package): mutation runs call it
 * before each test, so that a guard compiled while one mutant was active is never read
 * while another is (scripts/stryker-seed.ts).
 */
export function forgetCompiledGuards(): void {
  guards = new WeakMap()
  closureGuards = new WeakMap()
}

/**
 * Compiles `codec` into a guard that is `true` exactly when `decode(codec, value)` is a `Right`
 * with no warning (no unknown field, no field the API server requires missing). It allocates
 * nothing on valid input. The guard is generated JavaScript where the platform allows it, else a
 * tree of closures; both are built from the codec's structure. Compiled once per codec and kept.
 *
 * @example
 * ```ts
 * import { compileGuard, SecurityContext } from 'no-new-privs/codecs'
 * const isClean = compileGuard(SecurityContext)
 * isClean({ allowPrivilegeEscalation: false, runAsUser: 1000 }) // true
 * isClean({ runAsUser: -1 })                                    // false: decode fails
 * isClean({ allowPrivilegeEscalaton: false })                   // false: an unknown field warns
 * ```
 * @public
 */
export function compileGuard(codec: AnyDecoder): Guard {
  const known = guards.get(codec)
  if (known !== undefined) return known
  const compiled = generatedGuard(codec) ?? compileClosureGuard(codec)
  guards.set(codec, compiled)
  return compiled
}

/**
 * The same guard as closures, with no code generated from strings: what `compileGuard` falls back
 * to, and what the equivalence tests check alongside it.
 *
 * @example
 * ```ts
 * compileClosureGuard(SecurityContext)({ runAsUser: 1000 }) // true
 * ```
 */
export function compileClosureGuard(codec: AnyDecoder): Guard {
  const known = closureGuards.get(codec)
  if (known !== undefined) return known
  // Recursive codecs refer to themselves: a placeholder ends the cycle.
  let compiled: Guard | undefined
  closureGuards.set(codec, (value) => (compiled as Guard)(value))
  compiled = build(codec)
  closureGuards.set(codec, compiled)
  return compiled
}

function build(codec: AnyDecoder): Guard {
  const peeled = peelWrappers(codec)
  if (peeled === undefined) return exactly(codec)
  const inner = buildShape(codec, peeled.core)
  if (inner === undefined) return exactly(codec)
  return peeled.nullable ? (value) => value === null || value === undefined || inner(value) : inner
}

function buildShape(codec: AnyDecoder, shape: AnyDecoder): Guard | undefined {
  const tag = tagOf(shape)
  if (tag === undefined) return undefined
  if (tag === 'UnknownType') return ACCEPT_ALL
  if (EXACT_IS.has(tag)) {
    const is = (shape as unknown as { readonly is?: unknown }).is
    return typeof is === 'function' ? (is.bind(shape) as Guard) : undefined
  }
  switch (tag) {
    case 'InterfaceType':
    case 'PartialType':
    case 'IntersectionType':
      return objectGuard(codec, shape, compileClosureGuard)
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return arrayGuard(shape, compileClosureGuard)
    case 'DictionaryType':
      return dictionaryGuard(codec, shape, compileClosureGuard)
    default:
      return undefined
  }
}

/**
 * `decode`, with valid input on the compiled fast path: when `compileGuard(codec)` accepts the
 * value, the answer is `Right({ value, warnings: [] })` with the value itself, without running
 * io-ts; otherwise `decode(codec, value, options)` builds every issue with its path. The result is
 * the one `decode` gives (test/codecs/compile.test.ts).
 *
 * @example
 * ```ts
 * import { compileDecoder, PodSpec } from 'no-new-privs/codecs'
 * const decodePodSpec = compileDecoder(PodSpec)
 * decodePodSpec({ containers: [{ name: 'app' }] }) // Right({ value: { containers: [...] }, warnings: [] })
 * decodePodSpec({ containers: 'app' }, { path: 'spec' }) // Left([{ path: 'spec.containers', ... }])
 * ```
 * @public
 */
export function compileDecoder<A>(
  codec: t.Decoder<unknown, A>,
): (value: unknown, options?: DecodeOptions) => Either<ReadonlyNonEmptyArray<DecodeIssue>, Decoded<A>> {
  const guard = compileGuard(codec as AnyDecoder)
  return (value, options) => (guard(value) ? right({ value: value as A, warnings: NO_ISSUES }) : decode(codec, value, options))
}

const NO_ISSUES: ReadonlyArray<DecodeIssue> = Object.freeze([])
