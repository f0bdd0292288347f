/** Shared by the per-rule tests: a rule's variants as plain rows, and a resolution's codes. */
import * as E from 'fp-ts/lib/Either.js'
import { resolveNoNewPrivs } from '../../../src/resolve/resolve.js'
import type { Rule } from '../../../src/resolve/rules/rule.js'
import type { ResolveInput, ResolveOptions, Violation } from '../../../src/resolve/types.js'

/** Each variant without its check: what the docs and the admission-policy generator read. */
export function rows(rule: Rule): ReadonlyArray<Record<string, unknown>> {
  return rule.variants.map((v) => ({
    semantics: v.semantics,
    versions: `${v.versions.from}…${v.versions.through}`,
    operations: v.operations,
    pods: v.pods,
    message: v.message,
  }))
}

/** The violations of one resolution (`[]` for a decision). */
export function violations(input: ResolveInput, options?: ResolveOptions): ReadonlyArray<Violation> {
  const r = resolveNoNewPrivs(input, options)
  return E.isLeft(r) ? r.left : []
}

/** The violations of `code` only. */
export function of(code: Violation['code'], input: ResolveInput, options?: ResolveOptions): ReadonlyArray<Violation> {
  return violations(input, options).filter((v) => v.code === code)
}
