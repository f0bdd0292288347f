/**
 * The values a plain-JavaScript caller can pass, for the totality suite.
 *
 * Fair game: every value `fc.anything` makes with its options on — boxed primitives
 * (`new String('x')`), null-prototype objects, Maps, Sets, typed and sparse arrays, Dates,
 * bigints — plus the keys the library reads (`kind`, `spec`, `source`, `text`, …) so that objects
 * come close to what the entry points look for, and `__proto__`/`constructor` keys.
 *
 * Out of scope, by decision: getters that throw and Proxies whose traps throw. A value whose own
 * property read throws is the caller's exception, raised by the caller's code; catching it
 * everywhere would put a try/catch around every field read of the hot path. (`checkManifests`
 * still turns one into the document's error: src/report/check.ts `guarded`.)
 */
import { fc } from '@fast-check/vitest'

const KEYS = [
  'kind', 'apiVersion', 'metadata', 'name', 'spec', 'template', 'containers', 'initContainers',
  'securityContext', 'allowPrivilegeEscalation', 'privileged', 'runAsUser', 'capabilities', 'add',
  'items', 'source', 'text', 'value', 'path', 'chunks', 'semantics', 'strict', 'policies',
  'podSpecKinds', 'exemptions', 'load', 'noNewPrivs', 'process', 'noNewPrivileges', 'no_new_privs',
  'isolators', 'daemonNoNewPrivileges', 'actions', 'podSecurity', 'level', 'version',
  '__proto__', 'constructor', 'toString', 'length', '',
] as const

const key: fc.Arbitrary<string> = fc.oneof({ arbitrary: fc.constantFrom(...KEYS), weight: 3 }, { arbitrary: fc.string(), weight: 1 })

/** Any JavaScript value a caller could pass (see the module comment for what is left out). */
export const anyValue: fc.Arbitrary<unknown> = fc.anything({
  key,
  maxDepth: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
})

/** Any value, or `undefined`: what an omitted optional argument is. */
export const anyOptional: fc.Arbitrary<unknown> = fc.oneof(fc.constant(undefined), anyValue)

/** `n` arguments, each any value. */
export function anyArgs(n: number): fc.Arbitrary<ReadonlyArray<unknown>> {
  return fc.tuple(...Array.from({ length: n }, () => anyValue))
}
