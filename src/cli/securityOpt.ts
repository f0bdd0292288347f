/**
 * Docker's `--security-opt no-new-privileges[:BOOL]` as `run` accepts it, read by the
 * same parser as the Docker runtime mapping, so the CLI and the library agree on every spelling.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import { parseDockerSecurityOpt } from '../runtime/docker.js'
import { usageError } from './args.js'
import type { UsageError } from './args.js'

/**
 * Reads one `--security-opt` value: `no-new-privileges` (true), `no-new-privileges:BOOL` or
 * `no-new-privileges=BOOL`. The seed's `no_new_privs` spelling is refused with a suggestion, and
 * every other Docker security option is refused because it does not decide no_new_privs.
 *
 * @example
 * ```ts
 * parseSecurityOpt('no-new-privileges')       // Right(true)
 * parseSecurityOpt('no-new-privileges=false') // Right(false)
 * parseSecurityOpt('no_new_privs')            // Left(… did you mean "no-new-privileges"?)
 * ```
 */
export function parseSecurityOpt(value: string): E.Either<UsageError, boolean> {
  const parsed = parseDockerSecurityOpt(value)
  if (E.isLeft(parsed)) return E.left(usageError(parsed.left.message))
  if (parsed.right._tag === 'Other') {
    return E.left(usageError(`--security-opt ${JSON.stringify(value)} is not supported: only no-new-privileges[:BOOL] decides no_new_privs`))
  }
  return E.right(parsed.right.noNewPrivs)
}
