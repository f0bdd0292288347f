/**
 * Constraints of the arbitraries, as a plain-JavaScript caller may pass them. An arbitrary has no
 * error channel but its construction: like fast-check's own (`fc.integer({ min: 2, max: 1 })`),
 * a wrong constraint throws there, once, with a message naming it — never a `TypeError` from
 * inside, and never a constraint of the wrong type silently ignored (`{ noNewPrivs: 'true' }`
 * generating any container). `null` (the whole, or a field) is absent, as in the rest of the API.
 *
 * @packageDocumentation
 */

// Local, not src/callerInput.ts: the build points every import of ./testing from outside
// src/testing at the package root (one module instance, tsup.config.ts), which exports only
// public names.
function isRecord(u: unknown): u is Readonly<Record<string, unknown>> {
  return typeof u === 'object' && u !== null && !Array.isArray(u)
}

function describeValue(u: unknown): string {
  if (u === null) return 'null'
  if (Array.isArray(u)) return 'an array'
  switch (typeof u) {
    case 'string':
      return `a string (${JSON.stringify(u.length > 40 ? `${u.slice(0, 39)}…` : u)})`
    case 'number':
    case 'bigint':
    case 'boolean':
      return `a ${typeof u} (${String(u)})`
    case 'object':
      return Object.prototype.toString.call(u) === '[object Object]' ? 'an object' : `a ${Object.prototype.toString.call(u).slice(8, -1)} object`
    default:
      return `a ${typeof u}`
  }
}

/** One allowed value, a boolean, or one or several of the values listed. */
export type ConstraintRule =
  | { readonly _tag: 'boolean' }
  | { readonly _tag: 'oneOf'; readonly values: ReadonlyArray<string | boolean | null> }
  | { readonly _tag: 'someOf'; readonly values: ReadonlyArray<string> }
  | { readonly _tag: 'integer' }

export const aBoolean: ConstraintRule = { _tag: 'boolean' }
export const anInteger: ConstraintRule = { _tag: 'integer' }
export const oneOf = (...values: ReadonlyArray<string | boolean | null>): ConstraintRule => ({ _tag: 'oneOf', values })
/** One of the values, or an array of them. */
export const someOf = (values: ReadonlyArray<string>): ConstraintRule => ({ _tag: 'someOf', values })

export const SEMANTICS = oneOf('proposal', 'noNewPrivileges', 'kubernetes')
export const VIOLATIONS = oneOf('none', 'allowed')

/** The rules every table-steered arbitrary shares (`NoNewPrivsConstraints`). */
/** `ContainerConstraints`. */
export const containerRules = (): Readonly<Record<string, ConstraintRule>> => ({ ...NO_NEW_PRIVS_RULES, os: oneOf('linux', 'windows') })

/** `PodConstraints`, and the kinds of `WorkloadConstraints` (and the lengths of a list). */
export const podRules = (kinds: ReadonlyArray<string> = []): Readonly<Record<string, ConstraintRule>> => ({
  ...NO_NEW_PRIVS_RULES,
  os: oneOf('linux', 'windows', 'any'),
  ...(kinds.length === 0 ? {} : { kind: someOf(kinds), minLength: anInteger, maxLength: anInteger }),
})

export const NO_NEW_PRIVS_RULES: Readonly<Record<string, ConstraintRule>> = {
  column: someOf(['root', 'nonRoot', 'privileged']),
  privileged: aBoolean,
  nonRoot: aBoolean,
  row: someOf(['nil', 'false', 'true']),
  noNewPrivs: aBoolean,
  violations: VIOLATIONS,
  semantics: SEMANTICS,
}

function fits(value: unknown, rule: ConstraintRule): boolean {
  switch (rule._tag) {
    case 'boolean':
      return typeof value === 'boolean'
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
    case 'oneOf':
      return rule.values.some((v) => v === value)
    case 'someOf':
      return Array.isArray(value) ? value.every((v) => rule.values.includes(v as string)) : rule.values.includes(value as string)
  }
}

function expected(rule: ConstraintRule): string {
  switch (rule._tag) {
    case 'boolean':
      return 'a boolean'
    case 'integer':
      return 'a non-negative integer'
    case 'oneOf':
      return `one of ${rule.values.map((v) => JSON.stringify(v)).join(', ')}`
    case 'someOf':
      return `one of ${rule.values.map((v) => JSON.stringify(v)).join(', ')}, or an array of them`
  }
}

/**
 * `constraints` as an object whose fields fit `rules`, or a `TypeError` naming the first that
 * does not (`podArbitrary: constraint noNewPrivs must be a boolean, got a string ("true")`).
 * Fields without a rule are not looked at.
 */
export function checkedConstraints<C extends object>(constraints: C | null | undefined, caller: string, rules: Readonly<Record<string, ConstraintRule>>): C {
  if (constraints === undefined || constraints === null) return {} as C
  if (!isRecord(constraints)) throw new TypeError(`${caller}: the constraints must be an object, got ${describeValue(constraints)}`)
  const out: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(constraints)) {
    const rule = rules[field]
    // `null` is absent, unless the constraint gives `null` a meaning (a policy field set to null).
    if (value === undefined || (value === null && !(rule?._tag === 'oneOf' && rule.values.includes(null)))) continue
    if (rule !== undefined && !fits(value, rule)) throw new TypeError(`${caller}: constraint ${field} must be ${expected(rule)}, got ${describeValue(value)}`)
    out[field] = value
  }
  return out as C
}
