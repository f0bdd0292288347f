/**
 * Docker's `--security-opt no-new-privileges[:BOOL]` as `run` accepts it (SPEC §8).
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { goBoolSpellings, goParseBool } from '../runtime/goBool.js'
import { usageError } from './args.js'
import type { UsageError } from './args.js'

/**
 * Reads one `--security-opt` value: `no-new-privileges` (true), `no-new-privileges:BOOL` or
 * `no-new-privileges=BOOL`. The seed's `no_new_privs` spelling and every other Docker security
 * option are refused with a message that says what to write.
 *
 * @example
 * ```ts
 * parseSecurityOpt('no-new-privileges')       // Right(true)
 * parseSecurityOpt('no-new-privileges=false') // Right(false)
 * parseSecurityOpt('no_new_privs')            // Left(… did you mean no-new-privileges?)
 * ```
 */
export function parseSecurityOpt(value: string): E.Either<UsageError, boolean> {
  const match = /^([^:=]*)(?:[:=](.*))?$/s.exec(value)
  const key = match?.[1] ?? value
  const bool = match?.[2]
  if (key !== 'no-new-privileges') {
    if (/^no[-_]new[-_]priv(s|ileges)?$/i.test(key)) {
      return E.left(usageError(`--security-opt ${JSON.stringify(value)} is not a Docker option: did you mean no-new-privileges?`))
    }
    return E.left(usageError(`--security-opt ${JSON.stringify(value)} is not supported: only no-new-privileges[:BOOL] decides no_new_privs`))
  }
  if (bool === undefined) return E.right(true)
  const parsed = goParseBool(bool)
  if (O.isNone(parsed)) {
    return E.left(
      usageError(`--security-opt no-new-privileges needs a boolean (${goBoolSpellings.join(' ')}), not ${JSON.stringify(bool)}`),
    )
  }
  return E.right(parsed.value)
}
