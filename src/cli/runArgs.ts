/**
 * The options of `no-new-privs run`, parsed and validated.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import type { Semantics } from '../resolve/types.js'
import { allValues, oneOf, parseCommandLine, singleValue, usageError } from './args.js'
import type { OptionSpecs, UsageError } from './args.js'
import { SEMANTICS } from './checkArgs.js'
import { parseSecurityOpt } from './securityOpt.js'

/** `--user UID[:GID]`. */
export interface RunUser {
  readonly uid: number
  readonly gid?: number
}

/** What `run` was asked to print. */
export interface RunArgs {
  readonly help: boolean
  readonly name: string
  readonly image: string
  /** `--security-opt no-new-privileges[:BOOL]`: the last one given; `undefined` when none. */
  readonly noNewPrivileges: boolean | undefined
  readonly privileged: boolean
  readonly user: RunUser | undefined
  readonly capAdd: ReadonlyArray<string>
  /** `--command`: the words are the container's command, not its args. */
  readonly command: boolean
  /** Everything after NAME (and after `--`). */
  readonly words: ReadonlyArray<string>
  readonly semantics: Semantics
}

/** The options of `run`. */
export const RUN_OPTIONS: OptionSpecs = {
  image: { type: 'string' },
  'security-opt': { type: 'string', multiple: true },
  privileged: { type: 'boolean' },
  user: { type: 'string', short: 'u' },
  'cap-add': { type: 'string', multiple: true },
  command: { type: 'boolean' },
  semantics: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
}

/** The API server's limit for a pod name that is also the `run` label's value. */
const MAX_NAME = 63
const MAX_ID = 2147483647

/**
 * Parses the arguments that follow `run`.
 *
 * @example
 * ```ts
 * parseRunArgs(['web', '--image', 'nginx', '--security-opt', 'no-new-privileges'])
 * // Right({ name: 'web', image: 'nginx', noNewPrivileges: true, ... })
 * parseRunArgs(['web']) // Left({ message: 'missing --image IMAGE' })
 * ```
 */
export function parseRunArgs(argv: ReadonlyArray<string>): E.Either<UsageError, RunArgs> {
  return pipe(
    parseCommandLine(argv, RUN_OPTIONS),
    E.chain((line) => {
      const help = line.flags.has('help')
      if (help) {
        return E.right<UsageError, RunArgs>({
          help,
          name: '',
          image: '',
          noNewPrivileges: undefined,
          privileged: false,
          user: undefined,
          capAdd: [],
          command: false,
          words: [],
          semantics: 'proposal',
        })
      }
      return pipe(
        E.Do,
        E.bind('name', () => parseName(line.operands[0])),
        E.bind('image', () => parseImage(singleValue(line, 'image'))),
        E.bind('noNewPrivileges', () => lastSecurityOpt(allValues(line, 'security-opt'))),
        E.bind('user', () => parseUser(singleValue(line, 'user'))),
        E.bind('capAdd', () => parseCapabilities(allValues(line, 'cap-add'))),
        E.bind('semantics', () => oneOf('--semantics', singleValue(line, 'semantics') ?? 'proposal', SEMANTICS)),
        E.map((v) => ({
          help,
          ...v,
          privileged: line.flags.has('privileged'),
          command: line.flags.has('command'),
          words: [...line.operands.slice(1), ...(line.rest ?? [])],
        })),
      )
    }),
  )
}

/** A pod name: an RFC 1123 label, so it is also a valid `run` label value. */
function parseName(name: string | undefined): E.Either<UsageError, string> {
  if (name === undefined) return E.left(usageError('missing NAME: no-new-privs run NAME --image IMAGE'))
  if (name.length > MAX_NAME || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) {
    return E.left(
      usageError(`invalid NAME ${JSON.stringify(name)}: use at most ${MAX_NAME} lower-case letters, digits and '-', starting and ending with a letter or digit`),
    )
  }
  return E.right(name)
}

function parseImage(image: string | undefined): E.Either<UsageError, string> {
  if (image === undefined) return E.left(usageError('missing --image IMAGE'))
  if (image === '' || /\s/.test(image)) return E.left(usageError(`invalid --image ${JSON.stringify(image)}`))
  return E.right(image)
}

function lastSecurityOpt(values: ReadonlyArray<string>): E.Either<UsageError, boolean | undefined> {
  let last: boolean | undefined
  for (const value of values) {
    const parsed = parseSecurityOpt(value)
    if (E.isLeft(parsed)) return parsed
    last = parsed.right
  }
  return E.right(last)
}

/**
 * `--user UID[:GID]` with numeric ids in the API server's range; names cannot be resolved
 * without the image, so they are refused.
 */
function parseUser(user: string | undefined): E.Either<UsageError, RunUser | undefined> {
  if (user === undefined) return E.right(undefined)
  const match = /^(\d{1,10})(?::(\d{1,10}))?$/.exec(user)
  const uid = match === null ? NaN : Number(match[1])
  const gid = match?.[2] === undefined ? undefined : Number(match[2])
  if (match === null || uid > MAX_ID || (gid !== undefined && gid > MAX_ID)) {
    return E.left(usageError(`--user must be UID or UID:GID, numbers from 0 to ${MAX_ID}, not ${JSON.stringify(user)}`))
  }
  return E.right(gid === undefined ? { uid } : { uid, gid })
}

function parseCapabilities(caps: ReadonlyArray<string>): E.Either<UsageError, ReadonlyArray<string>> {
  const bad = caps.find((c) => !/^[A-Za-z][A-Za-z0-9_]*$/.test(c))
  return bad === undefined ? E.right(caps) : E.left(usageError(`--cap-add needs a capability name such as NET_ADMIN, not ${JSON.stringify(bad)}`))
}
