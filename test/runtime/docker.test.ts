import { describe, expect } from 'vitest'
import { test, fc } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import {
  dockerSecurityOpt,
  parseDockerSecurityOpt,
  parseDockerSecurityOpts,
} from '../../src/runtime/docker.js'
import {
  GO_ALL,
  GO_TRUE,
  badDockerSwitchArb,
  decisionArb,
  deepFreeze,
  looksLikeTheSwitch,
  notGoBoolArb,
  otherDockerOptArb,
  taggedValidOptsArb,
  validDockerSwitchArb,
} from './arbitraries.js'
import { rightOf } from './rightOf.js'

const daemonArb = fc.record({ daemonNoNewPrivileges: fc.boolean() }, { requiredKeys: [] })

/** Anything a SecurityOpt array may hold: other options, valid, malformed and misspelt switches. */
const anyOptsArb = fc.array(
  fc.oneof(otherDockerOptArb, validDockerSwitchArb.map((s) => s.text), badDockerSwitchArb, fc.string()),
  { maxLength: 12 },
)

describe('parseDockerSecurityOpt', () => {
  test('reads the bare option as true', () => {
    expect(parseDockerSecurityOpt('no-new-privileges')).toEqual(
      E.right({ _tag: 'NoNewPrivileges', noNewPrivs: true }),
    )
  })

  test.prop([fc.constantFrom('=', ':'), fc.constantFrom(...GO_ALL)])(
    'reads every ParseBool spelling after = or : as that boolean',
    (sep, value) => {
      expect(parseDockerSecurityOpt(`no-new-privileges${sep}${value}`)).toEqual(
        E.right({ _tag: 'NoNewPrivileges', noNewPrivs: (GO_TRUE as ReadonlyArray<string>).includes(value) }),
      )
    },
  )

  test.prop([fc.constantFrom('=', ':'), notGoBoolArb])(
    'rejects every value that is not a ParseBool spelling',
    (sep, value) => {
      const result = parseDockerSecurityOpt(`no-new-privileges${sep}${value}`)
      expect(E.isLeft(result)).toBe(true)
      if (E.isLeft(result)) {
        expect(['invalid-value', 'unknown-option']).toContain(result.left.code)
        expect(result.left.runtime).toBe('docker')
        expect(result.left.received).toBe(`no-new-privileges${sep}${value}`)
      }
    },
  )

  test.prop([otherDockerOptArb])('leaves every option that is not the switch as Other', (opt) => {
    expect(parseDockerSecurityOpt(opt)).toEqual(E.right({ _tag: 'Other' }))
  })

  test('explains a bad value, quoting the option and naming every accepted value', () => {
    expect(parseDockerSecurityOpt('no-new-privileges:maybe')).toEqual(
      E.left({
        runtime: 'docker',
        code: 'invalid-value',
        path: 'HostConfig.SecurityOpt',
        expected: 'one of 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False',
        received: 'no-new-privileges:maybe',
        message:
          'invalid --security-opt "no-new-privileges:maybe": the value "maybe" is not a boolean; ' +
          "no-new-privileges takes one of 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False (Go's strconv.ParseBool), " +
          'e.g. "no-new-privileges=true" or "no-new-privileges=false"',
      }),
    )
  })

  test('rejects yes, which YAML would accept but Go does not', () => {
    const result = parseDockerSecurityOpt('no-new-privileges:yes')
    expect(E.isLeft(result) && result.left.message).toContain('the value "yes" is not a boolean')
  })

  test('says the value is empty for no-new-privileges=', () => {
    const result = parseDockerSecurityOpt('no-new-privileges=')
    expect(E.isLeft(result) && result.left.message).toContain(
      'invalid --security-opt "no-new-privileges=": the value is empty;',
    )
  })

  test("rejects the second seed's no_new_privs and suggests no-new-privileges", () => {
    expect(parseDockerSecurityOpt('no_new_privs')).toEqual(
      E.left({
        runtime: 'docker',
        code: 'unknown-option',
        path: 'HostConfig.SecurityOpt',
        expected: 'no-new-privileges[=BOOLEAN]',
        received: 'no_new_privs',
        message:
          'invalid --security-opt "no_new_privs": Docker has no such option and refuses the container; ' +
          'did you mean "no-new-privileges"?',
      }),
    )
  })

  test('keeps a false value in the suggestion for a misspelt option', () => {
    const result = parseDockerSecurityOpt('no_new_privs=false')
    expect(E.isLeft(result) && result.left.message).toContain('did you mean "no-new-privileges=false"?')
  })

  test('rejects a colon value that holds "=", since dockerd splits at the "=" first', () => {
    const result = parseDockerSecurityOpt('no-new-privileges:true=1')
    expect(E.isLeft(result) && result.left.code).toBe('unknown-option')
  })

  test.prop([fc.mixedCase(fc.constant('no-new-privileges')).filter((s) => s !== 'no-new-privileges')])(
    'rejects the option name in any other case, as dockerd compares it exactly',
    (opt) => {
      const result = parseDockerSecurityOpt(opt)
      expect(E.isLeft(result) && result.left.code).toBe('unknown-option')
    },
  )
})

describe('parseDockerSecurityOpts', () => {
  test.prop([taggedValidOptsArb, daemonArb])(
    'the last switch wins, and with none the daemon default applies',
    (tagged, daemon) => {
      let expected = { noNewPrivs: daemon.daemonNoNewPrivileges === true, path: null as string | null }
      tagged.forEach((opt, i) => {
        if (opt.kind === 'switch') expected = { noNewPrivs: opt.value, path: `HostConfig.SecurityOpt[${i}]` }
      })
      expect(parseDockerSecurityOpts(tagged.map((o) => o.text), daemon)).toEqual(E.right(expected))
    },
  )

  test('reads null (docker inspect of a container without options) as no options', () => {
    expect(parseDockerSecurityOpts(null)).toEqual(E.right({ noNewPrivs: false, path: null }))
  })

  test('an explicit false overrides a daemon started with --no-new-privileges', () => {
    expect(parseDockerSecurityOpts(['no-new-privileges=false'], { daemonNoNewPrivileges: true })).toEqual(
      E.right({ noNewPrivs: false, path: 'HostConfig.SecurityOpt[0]' }),
    )
  })

  test('reports every malformed entry with its index, not only the first', () => {
    const result = parseDockerSecurityOpts(['no_new_privs', 'seccomp=unconfined', 'no-new-privileges:maybe'])
    expect(E.isLeft(result) && result.left.map((e) => [e.code, e.path])).toEqual([
      ['unknown-option', 'HostConfig.SecurityOpt[0]'],
      ['invalid-value', 'HostConfig.SecurityOpt[2]'],
    ])
  })

  test.prop([fc.array(fc.oneof(otherDockerOptArb, validDockerSwitchArb.map((s) => s.text))), badDockerSwitchArb, fc.nat()])(
    'one bad switch anywhere makes the whole array an error',
    (opts, bad, at) => {
      const i = at % (opts.length + 1)
      const withBad = [...opts.slice(0, i), bad, ...opts.slice(i)]
      const result = parseDockerSecurityOpts(withBad)
      expect(E.isLeft(result) && result.left.map((e) => e.path)).toEqual([`HostConfig.SecurityOpt[${i}]`])
    },
  )

  test('reports a non-string entry of an untyped array as a wrong type', () => {
    const untyped: ReadonlyArray<unknown> = ['seccomp=unconfined', 42]
    const result = parseDockerSecurityOpts(untyped as ReadonlyArray<string>)
    expect(E.isLeft(result) && result.left[0]).toMatchObject({ code: 'wrong-type', path: 'HostConfig.SecurityOpt[1]' })
  })
})

describe('dockerSecurityOpt', () => {
  test.prop([decisionArb, anyOptsArb, daemonArb])(
    'round trip: the written array always reads back as the decision',
    (decision, existing, daemon) => {
      const opts = rightOf(dockerSecurityOpt(decision, existing, daemon))
      expect(parseDockerSecurityOpts(opts, daemon)).toMatchObject(E.right({ noNewPrivs: decision.noNewPrivs }))
    },
  )

  test.prop([decisionArb, anyOptsArb, daemonArb])(
    'never writes the switch more than once',
    (decision, existing, daemon) => {
      const opts = rightOf(dockerSecurityOpt(decision, existing, daemon))
      const switches = opts.filter((o) => {
        const entry = parseDockerSecurityOpt(o)
        return E.isLeft(entry) || entry.right._tag === 'NoNewPrivileges'
      })
      expect(switches.length).toBeLessThanOrEqual(1)
    },
  )

  test.prop([decisionArb, anyOptsArb, daemonArb])(
    'keeps every other option, in order and spelled as it was',
    (decision, existing, daemon) => {
      const opts = rightOf(dockerSecurityOpt(decision, existing, daemon))
      expect(opts.filter((o) => !looksLikeTheSwitch(o))).toEqual(existing.filter((o) => !looksLikeTheSwitch(o)))
    },
  )

  test.prop([fc.array(otherDockerOptArb)])('true appends no-new-privileges after the other options', (existing) => {
    expect(rightOf(dockerSecurityOpt({ noNewPrivs: true }, existing))).toEqual([...existing, 'no-new-privileges'])
  })

  test.prop([fc.array(otherDockerOptArb)])('false leaves only the other options', (existing) => {
    expect(rightOf(dockerSecurityOpt({ noNewPrivs: false }, existing))).toEqual(existing)
  })

  test('replaces the first switch in place and drops the later ones', () => {
    expect(
      rightOf(dockerSecurityOpt({ noNewPrivs: true }, ['no_new_privs', 'label=disable', 'no-new-privileges:false'])),
    ).toEqual(['no-new-privileges', 'label=disable'])
  })

  test('writes no-new-privileges=false when the daemon default is on', () => {
    expect(rightOf(dockerSecurityOpt({ noNewPrivs: false }, ['seccomp=unconfined'], { daemonNoNewPrivileges: true }))).toEqual(
      ['seccomp=unconfined', 'no-new-privileges=false'],
    )
  })

  test('with no existing array, true gives exactly the one option', () => {
    expect(rightOf(dockerSecurityOpt({ noNewPrivs: true }))).toEqual(['no-new-privileges'])
    expect(rightOf(dockerSecurityOpt({ noNewPrivs: true }, null))).toEqual(['no-new-privileges'])
  })

  test.prop([decisionArb, anyOptsArb])('returns a new array and never touches the input', (decision, existing) => {
    const before = [...existing]
    const frozen = deepFreeze(existing)
    const opts = rightOf(dockerSecurityOpt(decision, frozen))
    expect(opts).not.toBe(frozen)
    expect(existing).toEqual(before)
  })
})
