/**
 * What a plain-JavaScript caller passed where TypeScript would have checked the type: the entry
 * points read their arguments through these so that a wrong type becomes a message naming the
 * argument, never a `TypeError` from deep inside, nor a wrong type read as "unset".
 *
 * `null` counts as absent, for an options object and for each of its fields: it is what JSON and
 * YAML write for "nothing", and what `@kubernetes/client-node` objects hold for unset fields.
 *
 * @packageDocumentation
 */
import { renderValue } from './codecs/render.js'

/** What one field of an options object may hold (besides `undefined` and `null`). */
export type FieldRule = 'boolean' | 'string' | 'number' | 'object' | 'array' | ReadonlyArray<string>

/**
 * A value in words for a message: its kind and, for scalars and small objects, the value
 * (`a string ("yes")`, `a number (1)`, `an array ([1,2])`, `an object ({"a":1})`, `a Map object`,
 * `null`). The one wording of the library's own messages: the codecs, the manifest stages and the
 * runtime readers and writers all say "got <this>" with it (test/totality/wording.test.ts pins it).
 */
export function describeValue(u: unknown): string {
  if (u === null) return 'null'
  if (u === undefined) return 'undefined'
  if (Array.isArray(u)) return `an array (${renderValue(u, 40)})`
  switch (typeof u) {
    case 'string':
      return `a string (${renderValue(u, 40)})`
    case 'number':
    case 'bigint':
      return `a ${typeof u} (${renderValue(u)})`
    case 'boolean':
      return `a boolean (${String(u)})`
    case 'function':
      return 'a function'
    case 'symbol':
      return 'a symbol'
  }
  const tag = Object.prototype.toString.call(u).slice(8, -1)
  return tag === 'Object' ? `an object (${renderValue(u, 40)})` : `a ${tag} object`
}

/** An object that is not an array: what options and Kubernetes objects are. */
export function isRecord(u: unknown): u is Readonly<Record<string, unknown>> {
  return typeof u === 'object' && u !== null && !Array.isArray(u)
}

/**
 * A plain object (`Object.prototype.toString` says `[object Object]`): object literals and
 * null-prototype objects, not arrays, Maps, Dates or boxed values. io-ts decodes any `isRecord`
 * value as an object; the codec walks (unknown fields, absent fields) look into these only, since
 * a Map's entries or a boxed string's characters are no fields a manifest could have written.
 */
export function isObjectRecord(u: unknown): u is Readonly<Record<string, unknown>> {
  return Object.prototype.toString.call(u) === '[object Object]'
}

/** Whether an object has its own key, whatever its value (`undefined` included). */
export function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key)
}

function fits(value: unknown, rule: FieldRule): boolean {
  if (typeof rule !== 'string') return typeof value === 'string' && rule.includes(value)
  switch (rule) {
    case 'array':
      return Array.isArray(value)
    case 'object':
      return isRecord(value)
    default:
      return typeof value === rule
  }
}

function expectedOf(rule: FieldRule): string {
  if (typeof rule !== 'string') return `one of ${rule.map((r) => JSON.stringify(r)).join(', ')}`
  return rule === 'array' || rule === 'object' ? `an ${rule}` : `a ${rule}`
}

/**
 * The first problem of an options object, or `undefined` when it is absent or every field it
 * has fits its rule. Fields without a rule are not looked at (they may be read elsewhere).
 *
 * @param name - how the message names the argument (`'decode options'`).
 */
export function optionsProblem(value: unknown, name: string, rules: Readonly<Record<string, FieldRule>>): string | undefined {
  if (value === undefined || value === null) return undefined
  if (!isRecord(value)) return `${name}: expected an object, got ${describeValue(value)}`
  for (const field of Object.keys(rules)) {
    const rule = rules[field]
    const v = value[field]
    if (rule === undefined || v === undefined || v === null || fits(v, rule)) continue
    return `${name}.${field}: expected ${expectedOf(rule)}, got ${describeValue(v)}`
  }
  return undefined
}

/** The options with their `null` fields dropped: `null` is absent (see the module comment). */
export function withoutNulls<O extends object>(options: O | null | undefined): O {
  const out: Record<string, unknown> = {}
  if (options === null || options === undefined) return out as O
  // Defined, not assigned: an own `__proto__` key (JSON.parse and YAML make them) assigned would
  // set the copy's prototype, and a later `length` key would then hit a boxed string's read-only one.
  for (const [k, v] of Object.entries(options)) if (v !== null) Object.defineProperty(out, k, { value: v, writable: true, enumerable: true, configurable: true })
  return out as O
}
