/**
 * Arbitraries shared by the runtime tests. The oracles here are written independently of the
 * code under test: spellings are listed literally, never taken from src/.
 */
import { fc } from '@fast-check/vitest'

/** Go's strconv.ParseBool spellings, copied from the Go documentation. */
export const GO_TRUE = ['1', 't', 'T', 'TRUE', 'true', 'True'] as const
export const GO_FALSE = ['0', 'f', 'F', 'FALSE', 'false', 'False'] as const
export const GO_ALL: ReadonlyArray<string> = [...GO_TRUE, ...GO_FALSE]

export const decisionArb = fc.boolean().map((noNewPrivs) => ({ noNewPrivs }))

/** Strings that are not ParseBool spellings, biased towards the tempting ones. */
export const notGoBoolArb = fc
  .oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.mixedCase(fc.constantFrom('true', 'false', 't', 'f')),
    fc.constantFrom('yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', '2', '-1', '01', '00', '10',
      ' true', 'true ', '\ttrue', '', 'tRue', 'FaLse', 'maybe', 'enabled', '1.0', 'true=1', ':true'),
  )
  .filter((s) => !GO_ALL.includes(s))

/** A written no-new-privileges switch that dockerd accepts, with the value it sets. */
export const validDockerSwitchArb: fc.Arbitrary<{ readonly text: string; readonly value: boolean }> =
  fc.oneof(
    fc.constant({ text: 'no-new-privileges', value: true }),
    fc.tuple(fc.constantFrom('=', ':'), fc.constantFrom(...GO_ALL)).map(([sep, v]) => ({
      text: `no-new-privileges${sep}${v}`,
      value: (GO_TRUE as ReadonlyArray<string>).includes(v),
    })),
  )

/** Real Docker options that have nothing to do with no_new_privs. */
const realOtherOpts = fc.constantFrom(
  'seccomp=unconfined',
  'seccomp=/etc/docker/seccomp.json',
  'seccomp:unconfined',
  'apparmor=docker-default',
  'apparmor:unconfined',
  'label=disable',
  'label=type:svirt_apache_t',
  'label:level:s0:c100,c200',
  'disable',
  'systempaths=unconfined',
  'writable-cgroups=true',
)

/** Is this string (loosely) about the no_new_privs switch? Conservative oracle for filtering. */
export function looksLikeTheSwitch(s: string): boolean {
  return s.toLowerCase().replace(/[-_\s]/g, '').includes('nonewpriv')
}

/** Any Docker option that is not the switch, real or random. */
export const otherDockerOptArb = fc
  .oneof(
    realOtherOpts,
    fc.tuple(fc.constantFrom('seccomp', 'apparmor', 'label', 'foo'), fc.constantFrom('=', ':'), fc.string())
      .map(([k, sep, v]) => `${k}${sep}${v}`),
    fc.string(),
  )
  .filter((s) => !looksLikeTheSwitch(s))

/** Written forms of the switch that dockerd refuses: bad values and near-miss names. */
export const badDockerSwitchArb = fc.oneof(
  notGoBoolArb.map((v) => `no-new-privileges=${v}`),
  fc.constantFrom('no_new_privs', 'no-new-privs', 'No-New-Privileges', 'NO_NEW_PRIVILEGES',
    'no_new_privileges', ' no-new-privileges', 'no-new-privileges ', 'no_new_privs=true',
    'no-new-privs:false', 'no-new-privileges:true=1', 'nonewprivileges'),
)

/** One SecurityOpt entry, tagged with what it is so tests can compute the expected answer. */
export type TaggedOpt =
  | { readonly kind: 'other'; readonly text: string }
  | { readonly kind: 'switch'; readonly text: string; readonly value: boolean }

export const taggedValidOptsArb: fc.Arbitrary<ReadonlyArray<TaggedOpt>> = fc.array(
  fc.oneof(
    otherDockerOptArb.map((text): TaggedOpt => ({ kind: 'other', text })),
    validDockerSwitchArb.map(({ text, value }): TaggedOpt => ({ kind: 'switch', text, value })),
  ),
  { maxLength: 12 },
)

/** A JSON object with arbitrary keys and values, excluding the given keys. */
export function jsonObjectWithout(...keys: ReadonlyArray<string>) {
  return fc
    .dictionary(fc.string().filter((k) => !keys.includes(k) && k !== '__proto__'), fc.jsonValue(), { maxKeys: 5 })
}

/** Recursively freezes a value so any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}
