/**
 * Docker Engine API: `HostConfig.SecurityOpt` and its `no-new-privileges` option (README: "Runtimes: from a decision to the switch, and back").
 *
 * What dockerd does (moby `daemon/daemon_unix.go`, `parseSecurityOpt`), which this module
 * mirrors:
 * - the flag starts at the daemon's own default (`dockerd --no-new-privileges`, or
 *   `"no-new-privileges": true` in daemon.json), `false` unless set;
 * - the options are read in order and each `no-new-privileges` option assigns the flag, so the
 *   last one wins;
 * - `no-new-privileges` alone means `true`; otherwise an option is split at its first `=` when it
 *   has one, else at its first `:` (deprecated, still accepted), and the value must be a Go
 *   `strconv.ParseBool` spelling, or dockerd refuses the container
 *   (`invalid --security-opt 2: "no-new-privileges:maybe"`).
 *
 * Where this module differs on purpose: options that are not about `no-new-privileges`
 * (`seccomp=…`, `apparmor=…`, `label=…`, and anything else) pass through unread — dockerd would
 * reject an unknown key, but that is not this library's question. A near miss of the option's name
 * (`no_new_privs`, the second design's spelling; `No-New-Privileges`; `no-new-privs`) is an
 * error with a suggestion, because dockerd rejects it and the author clearly meant the switch.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { goBoolSpellings, goParseBool } from './goBool.js'
import { describeValue, isRecord } from '../callerInput.js'
import { decisionOf, switchError, type RuntimeDecision, type RuntimeReading, type RuntimeSwitchError } from './types.js'

/**
 * The Docker security option that sets `no_new_privs`, in the spelling this library writes.
 *
 * @example
 * ```ts
 * const opts = ['seccomp=unconfined', DOCKER_NO_NEW_PRIVILEGES]
 * ```
 * @public
 */
export const DOCKER_NO_NEW_PRIVILEGES = 'no-new-privileges'

/** The field every Docker path starts from. */
const FIELD = 'HostConfig.SecurityOpt'

/**
 * One `HostConfig.SecurityOpt` entry, classified: it sets `no_new_privs` (to `noNewPrivs`), or
 * it is some other option this library does not read.
 *
 * @example
 * ```ts
 * const entry: DockerSecurityOpt = { _tag: 'NoNewPrivileges', noNewPrivs: false }
 * ```
 * @public
 */
export type DockerSecurityOpt =
  | { readonly _tag: 'NoNewPrivileges'; readonly noNewPrivs: boolean }
  | { readonly _tag: 'Other' }

/**
 * How the Docker daemon itself is configured.
 *
 * @example
 * ```ts
 * // dockerd --no-new-privileges
 * const daemon: DockerDaemonOptions = { daemonNoNewPrivileges: true }
 * ```
 * @public
 */
export interface DockerDaemonOptions {
  /**
   * The daemon's default (`dockerd --no-new-privileges`, daemon.json `"no-new-privileges"`).
   * Default `false`. When it is `true`, only `no-new-privileges=false` turns the flag off.
   */
  readonly daemonNoNewPrivileges?: boolean | undefined
}

const OTHER: DockerSecurityOpt = { _tag: 'Other' }
const SET_TRUE: DockerSecurityOpt = { _tag: 'NoNewPrivileges', noNewPrivs: true }
const SET_FALSE: DockerSecurityOpt = { _tag: 'NoNewPrivileges', noNewPrivs: false }

/** Names (lower-cased, without `-`, `_` and blanks) that someone writing the switch meant. */
const NEAR_MISSES: ReadonlySet<string> = new Set([
  'nonewprivileges',
  'nonewprivilege',
  'nonewprivs',
  'nonewpriv',
])

const ACCEPTED = goBoolSpellings.join(', ')

/** dockerd's split: at the first `=` when there is one, else at the first `:`. */
function dockerKeyValue(opt: string): readonly [string, string] | null {
  let at = opt.indexOf('=')
  if (at < 0) at = opt.indexOf(':')
  return at < 0 ? null : [opt.slice(0, at), opt.slice(at + 1)]
}

/** The option's name as a person meant it: before any separator, case and punctuation ignored. */
function looseName(opt: string): string {
  const match = /[=:]/.exec(opt)
  const name = match === null ? opt : opt.slice(0, match.index)
  return name.toLowerCase().replace(/[-_\s]/g, '')
}

/** The spelling to suggest for a near miss, keeping its value when the value was a boolean. */
function suggestionFor(opt: string): string {
  const match = /[=:]/.exec(opt)
  if (match === null) return DOCKER_NO_NEW_PRIVILEGES
  const value = goParseBool(opt.slice(match.index + 1).trim())
  return O.isSome(value) && !value.value
    ? `${DOCKER_NO_NEW_PRIVILEGES}=false`
    : DOCKER_NO_NEW_PRIVILEGES
}

function invalidValue(opt: string, value: string, path: string): RuntimeSwitchError {
  const shown = value === '' ? 'the value is empty' : `the value ${JSON.stringify(value)} is not a boolean`
  return {
    runtime: 'docker',
    code: 'invalid-value',
    path,
    expected: `one of ${ACCEPTED}`,
    received: opt,
    message:
      `invalid --security-opt ${JSON.stringify(opt)}: ${shown}; ` +
      `no-new-privileges takes one of ${ACCEPTED} (Go's strconv.ParseBool), ` +
      `e.g. "no-new-privileges=true" or "no-new-privileges=false"`,
  }
}

function unknownOption(opt: string, path: string): RuntimeSwitchError {
  const suggestion = suggestionFor(opt)
  return {
    runtime: 'docker',
    code: 'unknown-option',
    path,
    expected: `${DOCKER_NO_NEW_PRIVILEGES}[=BOOLEAN]`,
    received: opt,
    message:
      `invalid --security-opt ${JSON.stringify(opt)}: Docker has no such option and refuses the ` +
      `container; did you mean ${JSON.stringify(suggestion)}?`,
  }
}

function notAString(opt: unknown, path: string): RuntimeSwitchError {
  return {
    runtime: 'docker',
    code: 'wrong-type',
    path,
    expected: 'string',
    received: opt,
    message: `${path} must be a string, got ${opt === null ? 'null' : typeof opt}`,
  }
}

function classifyAt(opt: string, path: string): E.Either<RuntimeSwitchError, DockerSecurityOpt> {
  if (opt === DOCKER_NO_NEW_PRIVILEGES) return E.right(SET_TRUE)
  const keyValue = dockerKeyValue(opt)
  if (keyValue !== null && keyValue[0] === DOCKER_NO_NEW_PRIVILEGES) {
    const value = goParseBool(keyValue[1])
    if (O.isNone(value)) return E.left(invalidValue(opt, keyValue[1], path))
    return E.right(value.value ? SET_TRUE : SET_FALSE)
  }
  // Reached also by `no-new-privileges:a=b`: dockerd splits it at `=`, reads the key
  // `no-new-privileges:a` and rejects it, so it is a near miss, not an unrelated option.
  if (NEAR_MISSES.has(looseName(opt))) return E.left(unknownOption(opt, path))
  return E.right(OTHER)
}

/**
 * Reads one `HostConfig.SecurityOpt` entry: does it set `no_new_privs`, and to what?
 *
 * `no-new-privileges`, `no-new-privileges=VALUE` and `no-new-privileges:VALUE` set it, where
 * VALUE is one of {@link goBoolSpellings}. Any other value, and near misses of the name such as
 * `no_new_privs`, are errors (dockerd refuses them). Every other option is `Other`. Error paths
 * name the field, `HostConfig.SecurityOpt`; {@link parseDockerSecurityOpts} adds the index.
 *
 * @example
 * ```ts
 * parseDockerSecurityOpt('no-new-privileges:False') // right({ _tag: 'NoNewPrivileges', noNewPrivs: false })
 * parseDockerSecurityOpt('seccomp=unconfined')      // right({ _tag: 'Other' })
 * parseDockerSecurityOpt('no-new-privileges:maybe') // left({ code: 'invalid-value', … })
 * parseDockerSecurityOpt('no_new_privs')            // left({ code: 'unknown-option', message: '… did you mean "no-new-privileges"?' })
 * ```
 * @public
 */
export function parseDockerSecurityOpt(
  opt: string,
): E.Either<RuntimeSwitchError, DockerSecurityOpt> {
  return typeof opt === 'string' ? classifyAt(opt, FIELD) : E.left(notAString(opt, FIELD))
}

/** The daemon's own default from the options, or an error when they are not the documented shape. */
function daemonDefault(options: unknown): E.Either<ReadonlyNonEmptyArray<RuntimeSwitchError>, boolean> {
  const daemon: unknown = isRecord(options) ? options['daemonNoNewPrivileges'] : undefined
  if ((options !== null && options !== undefined && !isRecord(options)) || (daemon !== undefined && daemon !== null && typeof daemon !== 'boolean')) {
    const got = isRecord(options) ? daemon : options
    return E.left(switchError('docker', 'wrong-type', 'daemonNoNewPrivileges', 'boolean', got,
      `the daemon options must be { daemonNoNewPrivileges?: boolean }, got ${describeValue(got)}`))
  }
  return E.right(daemon === true)
}

/**
 * Reads a whole `HostConfig.SecurityOpt` array: will dockerd set `no_new_privs`?
 *
 * The options are read in order and the last `no-new-privileges` option wins, as in dockerd's
 * loop; with none, the daemon's default applies (`path: null`). `null` or absent (what
 * `docker inspect` shows for a container without options) reads as an empty array. Every
 * malformed entry is reported, not only the first.
 *
 * @example
 * ```ts
 * parseDockerSecurityOpts(['no-new-privileges', 'apparmor=docker-default', 'no-new-privileges=0'])
 * // right({ noNewPrivs: false, path: 'HostConfig.SecurityOpt[2]' })
 * parseDockerSecurityOpts([], { daemonNoNewPrivileges: true })
 * // right({ noNewPrivs: true, path: null })
 * ```
 * @public
 */
export function parseDockerSecurityOpts(
  opts: ReadonlyArray<string> | null | undefined,
  options: DockerDaemonOptions = {},
): E.Either<ReadonlyNonEmptyArray<RuntimeSwitchError>, RuntimeReading> {
  // A plain-JavaScript caller's wrong types are errors, not an empty list or a daemon default.
  if (opts !== null && opts !== undefined && !Array.isArray(opts)) {
    return E.left(switchError('docker', 'wrong-type', FIELD, 'array of strings', opts, `${FIELD} must be an array of strings, got ${describeValue(opts)}`))
  }
  const daemon = daemonDefault(options)
  if (E.isLeft(daemon)) return daemon
  let noNewPrivs = daemon.right
  let path: string | null = null
  const errors: Array<RuntimeSwitchError> = []
  const list: ReadonlyArray<unknown> = opts ?? []
  for (let i = 0; i < list.length; i++) {
    const opt: unknown = list[i]
    const at = `${FIELD}[${i}]`
    if (typeof opt !== 'string') {
      errors.push(notAString(opt, at))
      continue
    }
    const entry = classifyAt(opt, at)
    if (E.isLeft(entry)) errors.push(entry.left)
    else if (entry.right._tag === 'NoNewPrivileges') {
      noNewPrivs = entry.right.noNewPrivs
      path = at
    }
  }
  const [first, ...rest] = errors
  return first === undefined ? E.right({ noNewPrivs, path }) : E.left([first, ...rest])
}

/** Is this entry dockerd's `no-new-privileges` switch, well or badly written? */
function isNoNewPrivilegesEntry(opt: unknown): boolean {
  if (typeof opt !== 'string') return false
  const entry = classifyAt(opt, FIELD)
  return E.isLeft(entry) || entry.right._tag === 'NoNewPrivileges'
}

/**
 * The `HostConfig.SecurityOpt` array that gives a container the decided `no_new_privs`.
 *
 * Returns a new array; `existing` is not modified. Every other option keeps its place and its
 * spelling. Every `no-new-privileges` entry of `existing` — also a malformed one
 * (`no-new-privileges:maybe`) or a near miss (`no_new_privs`), which dockerd would refuse — is
 * replaced by one canonical entry at the place of the first, so the result never holds the
 * option twice:
 * - `noNewPrivs: true` → `no-new-privileges`;
 * - `noNewPrivs: false` → no entry, or `no-new-privileges=false` when the daemon's own default
 *   is on (`daemonNoNewPrivileges: true`), since only that turns it off.
 *
 * For every array of strings `existing`, the result is a `Right` that
 * `parseDockerSecurityOpts(…, o)` reads back as `d.noNewPrivs`. A decision whose `noNewPrivs` is
 * not a real boolean (`'false'` is truthy), a non-array `existing`, a non-string entry or
 * malformed options are a `Left` of `wrong-type` errors: nothing is written for them.
 *
 * @example
 * ```ts
 * dockerSecurityOpt({ noNewPrivs: true }, ['seccomp=unconfined', 'no_new_privs'])
 * // right(['seccomp=unconfined', 'no-new-privileges'])
 * dockerSecurityOpt({ noNewPrivs: false }, ['no-new-privileges', 'label=disable'])
 * // right(['label=disable'])
 * dockerSecurityOpt({ noNewPrivs: false }, [], { daemonNoNewPrivileges: true })
 * // right(['no-new-privileges=false'])
 * ```
 * @public
 */
export function dockerSecurityOpt(
  decision: RuntimeDecision,
  existing: ReadonlyArray<string> | null = [],
  options: DockerDaemonOptions = {},
): E.Either<ReadonlyNonEmptyArray<RuntimeSwitchError>, ReadonlyArray<string>> {
  const decided = decisionOf('docker', decision)
  if (E.isLeft(decided)) return decided
  const daemon = daemonDefault(options)
  if (E.isLeft(daemon)) return daemon
  if (existing !== null && existing !== undefined && !Array.isArray(existing)) {
    return E.left(switchError('docker', 'wrong-type', FIELD, 'array of strings', existing, `${FIELD} must be an array of strings, got ${describeValue(existing)}`))
  }
  const list: ReadonlyArray<unknown> = existing ?? []
  // A non-string entry would be passed on to dockerd, which refuses it: report it here instead.
  // An index loop, not flatMap: flatMap skips the holes of a sparse array, which are entries too.
  const errors: Array<RuntimeSwitchError> = []
  for (let i = 0; i < list.length; i++) {
    const opt: unknown = list[i]
    if (typeof opt !== 'string') errors.push(notAString(opt, `${FIELD}[${i}]`))
  }
  const [first, ...rest] = errors
  if (first !== undefined) return E.left([first, ...rest])
  const wanted = decided.right
    ? DOCKER_NO_NEW_PRIVILEGES
    : daemon.right
      ? `${DOCKER_NO_NEW_PRIVILEGES}=false`
      : null
  const out: Array<string> = []
  let placed = false
  for (const opt of list as ReadonlyArray<string>) {
    if (!isNoNewPrivilegesEntry(opt)) {
      out.push(opt)
      continue
    }
    // The first entry of the switch takes the canonical one; the others are dropped.
    if (!placed && wanted !== null) out.push(wanted)
    placed = true
  }
  if (!placed && wanted !== null) out.push(wanted)
  return E.right(out)
}
