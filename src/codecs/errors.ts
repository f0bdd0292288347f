/**
 * io-ts `Errors` turned into `DecodeIssue`s: API-server paths, one issue per place.
 *
 * @packageDocumentation
 */
import type * as t from 'io-ts'
import type { DecodeIssue } from './issue.js'
import { formatPath, segmentKeys, type PathSegment } from './path.js'
import { renderValue } from './render.js'
import { describeValue, hasOwn, isObjectRecord, isRecord } from '../callerInput.js'
import { childKindOf, tagOf, unwrap, type AnyDecoder } from './structure.js'

/**
 * How an issue names what was expected: enum values when the codec is an enum, else its name
 * (wrappers such as `nullable` are looked through: the issue is about a set value).
 *
 * @example
 * ```ts
 * // internal (not exported by the package): what `DecodeIssue.expected` says
 * expectedOf(ProcMountType) // '"Default" | "Unmasked"'
 * ```
 */
export function expectedOf(codec: AnyDecoder): string {
  const shape = unwrap(codec)
  if (tagOf(shape) === 'EnumType') {
    const values = (shape as unknown as { readonly values: ReadonlyArray<string> }).values
    return values.map((v) => JSON.stringify(v)).join(' | ')
  }
  return shape.name
}

/**
 * The path of a context, skipping the entries io-ts adds for union and intersection members, and
 * the object that holds the last segment (what an absent field is absent from).
 */
function segmentsOf(context: t.Context): { readonly segments: Array<PathSegment>; readonly holder: unknown } {
  const segments: Array<PathSegment> = []
  let holder: unknown
  for (let i = 1; i < context.length; i++) {
    const entry = context[i] as t.ContextEntry
    const parent = context[i - 1] as t.ContextEntry
    // A branch (a union member, an intersection part, a wrapper) adds no segment.
    const kind = childKindOf(parent.type)
    if (kind === 'branch') continue
    holder = parent.actual
    if (kind === 'index') segments.push({ kind: 'index', index: Number(entry.key) })
    else if (kind === 'key') segments.push({ kind: 'key', key: entry.key })
    else segments.push({ kind: 'field', name: entry.key })
  }
  return { segments, holder }
}

/**
 * Is the error about a field its object does not have at all (rather than a bad value)? Also
 * when the field's codec is a union, whose members each report the absent value.
 */
function isAbsentField(error: t.ValidationError, last: PathSegment | undefined, holder: unknown): boolean {
  if (error.value !== undefined || last?.kind !== 'field') return false
  return isObjectRecord(holder) && !hasOwn(holder, last.name)
}

function issueOf(error: t.ValidationError, prefix: string): DecodeIssue {
  const { segments, holder } = segmentsOf(error.context)
  const last = error.context[error.context.length - 1]
  const expected = last === undefined ? 'unknown' : expectedOf(last.type)
  const received = renderValue(error.value)
  const absent = isAbsentField(error, segments[segments.length - 1], holder)
  // An absent required field reads "Required value" whatever the codec says about `undefined`.
  const message = absent
    ? `Required value: expected ${expected}`
    : (error.message ?? `Invalid value: ${received}: expected ${expected}`)
  return {
    code: absent ? 'missing-field' : 'invalid-value',
    severity: 'error',
    path: formatPath(prefix, segments),
    segments: segmentKeys(segments),
    expected,
    received,
    message,
  }
}

/** Several issues at one place (a union's members each failing): one issue naming every alternative. */
function mergeAt(first: DecodeIssue, next: DecodeIssue): DecodeIssue {
  const alternatives = [...new Set([...first.expected.split(' | '), ...next.expected.split(' | ')])]
  const expected = alternatives.join(' | ')
  return {
    ...first,
    code: first.code === next.code ? first.code : 'invalid-value',
    expected,
    message:
      first.code === 'missing-field' && next.code === 'missing-field'
        ? `Required value: expected ${expected}`
        : `Invalid value: ${first.received}: expected ${expected}`,
  }
}

/**
 * Turns io-ts validation errors into issues: API-server paths under `prefix`, no segments for
 * union or intersection members, one issue per path (a union's branches are merged into one
 * issue listing every expected alternative), in the order io-ts found them.
 *
 * @example
 * ```ts
 * import { issuesFromErrors, SecurityContext } from 'no-new-privs/codecs'
 * import { isLeft } from 'fp-ts/lib/Either.js'
 * const r = SecurityContext.decode({ runAsUser: -1 })
 * if (isLeft(r)) issuesFromErrors(r.left, 'spec.containers[0].securityContext')[0]?.path
 * // 'spec.containers[0].securityContext.runAsUser'
 * ```
 * @public
 */
export function issuesFromErrors(errors: t.Errors, prefix: string = ''): ReadonlyArray<DecodeIssue> {
  const issues: Array<DecodeIssue> = []
  const atPath = new Map<string, number>()
  for (const error of errors) {
    const issue = issueOf(error, prefix)
    const index = atPath.get(issue.path)
    if (index === undefined) {
      atPath.set(issue.path, issues.length)
      issues.push(issue)
      continue
    }
    const seen = issues[index]
    if (seen === undefined || (seen.expected === issue.expected && seen.message === issue.message)) continue
    issues[index] = mergeAt(seen, issue)
  }
  return issues
}

/**
 * One line for people: `path: message` (`<root>` for the value itself).
 *
 * @example
 * ```ts
 * import { formatIssue } from 'no-new-privs/codecs'
 * formatIssue({ code: 'invalid-value', severity: 'error', path: 'runAsUser', segments: ['runAsUser'],
 *   expected: 'uid', received: '-1', message: 'Invalid value: -1: must be between 0 and 2147483647, inclusive' })
 * // 'runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive'
 * ```
 * @public
 */
export function formatIssue(issue: DecodeIssue): string {
  // A line is what the caller wanted: for something that is not an issue, the line says so.
  if (!isRecord(issue) || typeof issue.path !== 'string' || typeof issue.message !== 'string') {
    return `<not a decode issue>: formatIssue expected { path: string, message: string }, got ${describeValue(issue)}`
  }
  return `${issue.path === '' ? '<root>' : issue.path}: ${issue.message}`
}
