/**
 * CRI (Container Runtime Interface): `LinuxContainerSecurityContext.no_new_privs`.
 *
 * The field is `bool no_new_privs = 11` of `runtime.v1.LinuxContainerSecurityContext`. Written
 * with its protobuf field name, `no_new_privs`. Read under that name or under its proto3 JSON
 * name `noNewPrivs`, since a proto3 JSON parser accepts both; as in Go's `protojson`, the field
 * given under both names is a `duplicate field` error, `null` means the default (`false`), and
 * anything but a JSON boolean is an error.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { describeValue, isRecord } from '../callerInput.js'
import type { RuntimeDecision, RuntimeReading, RuntimeSwitchError } from './types.js'
import { decisionOf, switchError } from './types.js'

/** The protobuf field name, which this library writes. */
const PROTO_NAME = 'no_new_privs'
/** The proto3 JSON (lowerCamelCase) name, also read. */
const JSON_NAME = 'noNewPrivs'

/**
 * A security context patched by {@link criSecurityContextWithNoNewPrivs}: the input's own type,
 * without the camelCase spelling, with `no_new_privs` set.
 *
 * @example
 * ```ts
 * const context: CriSecurityContextWithNoNewPrivs<{ privileged?: boolean }> = { no_new_privs: true }
 * ```
 * @public
 */
export type CriSecurityContextWithNoNewPrivs<C> = Omit<C, 'noNewPrivs' | 'no_new_privs'> & {
  readonly no_new_privs: boolean
}

/**
 * The CRI `LinuxContainerSecurityContext` that gives a container the decided `no_new_privs`.
 *
 * Returns a new object; the input is not modified and its other fields are kept. The value is
 * written explicitly, `false` included, under `no_new_privs`; a `noNewPrivs` key of the input is
 * removed so the result never holds the field twice. A decision whose `noNewPrivs` is not a real
 * boolean, or a context that is not a JSON object (`null` and absent are `{}`), is a `Left` with a
 * `wrong-type` error.
 *
 * @example
 * ```ts
 * criSecurityContextWithNoNewPrivs({ noNewPrivs: true }, { privileged: false })
 * // right({ privileged: false, no_new_privs: true })
 * criSecurityContextWithNoNewPrivs({ noNewPrivs: false })
 * // right({ no_new_privs: false })
 * ```
 * @public
 */
export function criSecurityContextWithNoNewPrivs<C extends object = Record<never, never>>(
  decision: RuntimeDecision,
  context?: C | null,
): E.Either<ReadonlyNonEmptyArray<RuntimeSwitchError>, CriSecurityContextWithNoNewPrivs<C>> {
  const decided = decisionOf('cri', decision)
  if (E.isLeft(decided)) return decided
  if (context !== undefined && context !== null && !isRecord(context)) {
    return E.left(error('wrong-type', '', 'object', context,
      `a LinuxContainerSecurityContext must be a JSON object, got ${describeValue(context)}`))
  }
  const out: Record<string, unknown> = { ...context }
  delete out[JSON_NAME]
  out[PROTO_NAME] = decided.right
  return E.right(out as CriSecurityContextWithNoNewPrivs<C>)
}

const error = (code: RuntimeSwitchError['code'], path: string, expected: string, received: unknown, message: string) =>
  switchError('cri', code, path, expected, received, message)

/**
 * Reads a CRI `LinuxContainerSecurityContext` (as JSON): will the runtime set `no_new_privs`?
 *
 * The field may be spelled `no_new_privs` (protobuf name) or `noNewPrivs` (proto3 JSON name).
 * Absent or `null` reads as `false` with `path: null`; `null` or absent context too.
 *
 * @example
 * ```ts
 * parseCriNoNewPrivs({ no_new_privs: true })  // right({ noNewPrivs: true, path: 'no_new_privs' })
 * parseCriNoNewPrivs({ noNewPrivs: false })   // right({ noNewPrivs: false, path: 'noNewPrivs' })
 * parseCriNoNewPrivs({ no_new_privs: 1 })     // left([{ code: 'invalid-value', … }])
 * ```
 * @public
 */
export function parseCriNoNewPrivs(
  context: unknown,
): E.Either<ReadonlyNonEmptyArray<RuntimeSwitchError>, RuntimeReading> {
  if (context === undefined || context === null) return E.right({ noNewPrivs: false, path: null })
  if (!isRecord(context)) {
    return E.left(error('wrong-type', '', 'object', context,
      `a LinuxContainerSecurityContext must be a JSON object, got ${describeValue(context)}`))
  }
  const proto = context[PROTO_NAME]
  const camel = context[JSON_NAME]
  if (proto !== undefined && camel !== undefined) {
    return E.left(error('duplicate-field', JSON_NAME, `only one of ${PROTO_NAME} and ${JSON_NAME}`, camel,
      `duplicate field: ${PROTO_NAME} and ${JSON_NAME} are the same CRI field; keep one`))
  }
  const path = proto !== undefined ? PROTO_NAME : JSON_NAME
  const value = proto !== undefined ? proto : camel
  if (typeof value === 'boolean') return E.right({ noNewPrivs: value, path })
  if (value === undefined || value === null) return E.right({ noNewPrivs: false, path: null })
  return E.left(error('invalid-value', path, 'boolean', value,
    `${path} must be a JSON boolean (true or false), got ${describeValue(value)}`))
}
