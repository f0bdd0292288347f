/**
 * OCI runtime spec (≥ 0.3.0): `process.noNewPrivileges` in `config.json`.
 *
 * runc and crun read it as a Go `bool` with `omitempty`: absent and `null` mean `false`, and a
 * value that is not a JSON boolean makes the runtime refuse the config. Unknown fields are
 * ignored by the runtimes, which makes a misspelling silent: `process.noNewPrivs` (the name the
 * seeds use for the flag) is read as an error when the real field is not set.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { describeValue, hasOwn, isRecord } from '../callerInput.js'
import type { RuntimeDecision, RuntimeReading, RuntimeSwitchError } from './types.js'
import { decisionOf, switchError } from './types.js'

/** Field names of the switch and of its near miss inside `process`. */
const FIELD = 'noNewPrivileges'
const NEAR_MISS = 'noNewPrivs'

/**
 * A spec patched by {@link ociSpecWithNoNewPrivileges}: the input's own type, with
 * `process.noNewPrivileges` set.
 *
 * @example
 * ```ts
 * const spec: OciSpecWithNoNewPrivileges<{ ociVersion: string }> = {
 *   ociVersion: '1.2.0',
 *   process: { noNewPrivileges: true },
 * }
 * ```
 * @public
 */
export type OciSpecWithNoNewPrivileges<S> = S & {
  readonly process: { readonly noNewPrivileges: boolean }
}

/**
 * The OCI spec (`config.json` object) whose process runs with the decided `no_new_privs`.
 *
 * Returns a new spec and a new `process`; the input is not modified, every other field is kept.
 * The value is written explicitly, `false` included, so the spec states the decision. A missing
 * (or non-object) `process` becomes `{ noNewPrivileges }`. A stale `process.noNewPrivs` (a
 * misspelling the runtimes ignore) is removed. A decision whose `noNewPrivs` is not a real
 * boolean, or a spec that is not a JSON object, is a `Left` with a `wrong-type` error.
 *
 * @example
 * ```ts
 * ociSpecWithNoNewPrivileges({ noNewPrivs: true }, { ociVersion: '1.2.0', process: { cwd: '/' } })
 * // right({ ociVersion: '1.2.0', process: { cwd: '/', noNewPrivileges: true } })
 * ```
 * @public
 */
export function ociSpecWithNoNewPrivileges<S extends object>(
  decision: RuntimeDecision,
  spec: S,
): E.Either<ReadonlyNonEmptyArray<RuntimeSwitchError>, OciSpecWithNoNewPrivileges<S>> {
  const decided = decisionOf('oci', decision)
  if (E.isLeft(decided)) return decided
  if (!isRecord(spec)) {
    return E.left(error('wrong-type', '', 'object', spec, `an OCI spec must be a JSON object, got ${describeValue(spec)}`))
  }
  const current: unknown = spec['process']
  const process: Record<string, unknown> = isRecord(current) ? { ...current } : {}
  delete process[NEAR_MISS]
  process[FIELD] = decided.right
  return E.right({ ...spec, process } as unknown as OciSpecWithNoNewPrivileges<S>)
}

const error = (code: RuntimeSwitchError['code'], path: string, expected: string, received: unknown, message: string) =>
  switchError('oci', code, path, expected, received, message)

/**
 * Reads an OCI spec (`config.json`, parsed): will the runtime set `no_new_privs`?
 *
 * Absent or `null` `process` or `process.noNewPrivileges` read as `false` (`path: null`), as
 * the Go runtimes read them. A value that is not a boolean, a `process` that is not an object,
 * or a `process.noNewPrivs` without `process.noNewPrivileges` (a misspelling the runtime would
 * ignore, leaving the flag off) is an error.
 *
 * @example
 * ```ts
 * parseOciNoNewPrivileges({ process: { noNewPrivileges: true } })
 * // right({ noNewPrivs: true, path: 'process.noNewPrivileges' })
 * parseOciNoNewPrivileges({ process: { noNewPrivileges: 'true' } })
 * // left([{ code: 'invalid-value', path: 'process.noNewPrivileges', … }])
 * ```
 * @public
 */
export function parseOciNoNewPrivileges(
  spec: unknown,
): E.Either<ReadonlyNonEmptyArray<RuntimeSwitchError>, RuntimeReading> {
  if (!isRecord(spec)) {
    return E.left(error('wrong-type', '', 'object', spec, `an OCI spec must be a JSON object, got ${describeValue(spec)}`))
  }
  const process = spec['process']
  if (process === undefined || process === null) return E.right({ noNewPrivs: false, path: null })
  if (!isRecord(process)) {
    return E.left(error('wrong-type', 'process', 'object', process, `process must be a JSON object, got ${describeValue(process)}`))
  }
  const path = `process.${FIELD}`
  const value = process[FIELD]
  if (typeof value === 'boolean') return E.right({ noNewPrivs: value, path })
  if (value !== undefined && value !== null) {
    return E.left(error('invalid-value', path, 'boolean', value, `${path} must be a JSON boolean (true or false), got ${describeValue(value)}`))
  }
  if (hasOwn(process, NEAR_MISS)) {
    const nearPath = `process.${NEAR_MISS}`
    return E.left(error('unknown-option', nearPath, path, process[NEAR_MISS],
      `${nearPath} is not an OCI field: runtimes ignore it and leave no_new_privs off; did you mean ${path}?`))
  }
  return E.right({ noNewPrivs: false, path: null })
}
