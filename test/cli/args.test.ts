import { describe, expect } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { parseCommandLine } from '../../src/cli/args.js'
import { CHECK_OPTIONS, parseCheckArgs, parsePodSecurity } from '../../src/cli/checkArgs.js'
import { parseRunArgs } from '../../src/cli/runArgs.js'
import { parseSecurityOpt } from '../../src/cli/securityOpt.js'

function leftMessage<A>(e: E.Either<{ readonly message: string }, A>): string {
  if (E.isRight(e)) throw new Error(`expected a usage error, got ${JSON.stringify(e.right)}`)
  return e.left.message
}

function right<A>(e: E.Either<{ readonly message: string }, A>): A {
  if (E.isLeft(e)) throw new Error(`unexpected usage error: ${e.left.message}`)
  return e.right
}

describe('parseCheckArgs', () => {
  test('--exemptions is repeatable, in command-line order', () => {
    expect(right(parseCheckArgs(['--exemptions', 'a.yaml', '--exemptions=b.yaml', 'x.yaml'])).exemptions).toEqual(['a.yaml', 'b.yaml'])
  })

  test('defaults: proposal semantics, text output, standard input when no operand', () => {
    expect(right(parseCheckArgs([]))).toEqual({
      help: false,
      semantics: 'proposal',
      policies: [],
      exemptions: [],
      podSecurity: undefined,
      kubernetesVersion: 'latest',
      requireNoNewPrivs: false,
      strict: false,
      output: 'text',
      podSpecKinds: [],
      excludes: [],
      inputs: ['-'],
      color: 'auto',
      outputFile: undefined,
      failuresOnly: false,
      failIfNoObjectsFound: false,
    })
  })

  test('reads every option of SPEC §10, in both --opt VALUE and --opt=VALUE spellings', () => {
    const args = right(
      parseCheckArgs([
        '--semantics=kubernetes',
        '--policy',
        'a.yaml',
        '--policy=b.yaml',
        '--exemptions',
        'ex.yaml',
        '--pod-security',
        'restricted:v1.24',
        '--kubernetes-version=v1.24',
        '--require-no-new-privs',
        '--strict',
        '-o',
        'sarif',
        '--pod-spec',
        'Scaler.example.com=spec.workload.spec',
        '--pod-spec=Job2=spec.t.spec',
        '--exclude',
        'charts/',
        '--exclude=*.json',
        'dir/',
        '-',
      ]),
    )
    expect(args).toEqual({
      help: false,
      semantics: 'kubernetes',
      policies: ['a.yaml', 'b.yaml'],
      exemptions: ['ex.yaml'],
      podSecurity: { level: 'restricted', version: 'v1.24' },
      kubernetesVersion: 'v1.24',
      requireNoNewPrivs: true,
      strict: true,
      output: 'sarif',
      podSpecKinds: [
        { kind: 'Scaler', group: 'example.com', podSpecPath: 'spec.workload.spec' },
        { kind: 'Job2', podSpecPath: 'spec.t.spec' },
      ],
      excludes: ['charts/', '*.json'],
      inputs: ['dir/', '-'],
      color: 'auto',
      outputFile: undefined,
      failuresOnly: false,
      failIfNoObjectsFound: false,
    })
  })

  test('a single-valued option given twice keeps the last value; repeatable ones accumulate', () => {
    const args = right(
      parseCheckArgs(['--output', 'json', '--semantics=kubernetes', '-o', 'sarif', '--policy', 'a.yaml', '--semantics', 'noNewPrivileges', '--policy', 'b.yaml']),
    )
    expect(args.output).toBe('sarif')
    expect(args.semantics).toBe('noNewPrivileges')
    expect(args.policies).toEqual(['a.yaml', 'b.yaml'])
  })

  test('an earlier single value is not validated once replaced, a bad last one is refused', () => {
    expect(right(parseCheckArgs(['--output', 'xml', '--output', 'json'])).output).toBe('json')
    expect(leftMessage(parseCheckArgs(['--output', 'json', '--output', 'xml']))).toBe('--output must be one of text, json, sarif, ndjson, junit, github, not "xml"')
  })

  test('operands after -- are files even when they start with a dash', () => {
    expect(right(parseCheckArgs(['a.yaml', '--', '--weird.yaml'])).inputs).toEqual(['a.yaml', '--weird.yaml'])
  })

  test('--help is recognised, long and short', () => {
    expect(right(parseCheckArgs(['--help'])).help).toBe(true)
    expect(right(parseCheckArgs(['-h'])).help).toBe(true)
  })

  test.each([
    [['--frobnicate'], 'unknown option --frobnicate'],
    [['--polcy', 'x.yaml'], 'unknown option --polcy (did you mean --policy?)'],
    [['--output', 'xml'], '--output must be one of text, json, sarif, ndjson, junit, github, not "xml"'],
    [['--output', 'jsno'], '--output must be one of text, json, sarif, ndjson, junit, github, not "jsno" (did you mean json?)'],
    [['--semantics', 'proposel'], '--semantics must be one of proposal, noNewPrivileges, kubernetes, not "proposel" (did you mean proposal?)'],
    [['--output'], 'option --output needs a value'],
    [['--output', '--strict'], 'option --output needs a value'],
    [['--strict=yes'], 'option --strict takes no value'],
    [['--pod-spec', 'Scaler'], '--pod-spec must be KIND[.GROUP]=PATH such as Rollout.argoproj.io=spec.template.spec; "Scaler" has no ='],
    [['--exclude', ' '], '--exclude needs a pattern, not an empty string'],
    [['--policy='], '--policy needs a file name, not an empty string'],
    [['--exemptions='], '--exemptions needs a file name, not an empty string'],
    [['--pod-security', 'baseline'], '--pod-security supports the level restricted only (restricted or restricted:VERSION), not "baseline"'],
    [['--pod-security', 'restricted:1.25'], '--pod-security version must be latest or v1.N (such as v1.25), not "1.25"'],
  ])('%j is the usage error %j', (argv, message) => {
    expect(leftMessage(parseCheckArgs(argv))).toBe(message)
  })

  test.prop([fc.stringMatching(/^--[a-z][a-z-]{0,20}$/).filter((o) => !(o.slice(2) in CHECK_OPTIONS))])(
    'every unknown long option is a one-line usage error naming it',
    (option) => {
      const message = leftMessage(parseCheckArgs([option, 'a.yaml']))
      expect(message).toContain(`unknown option ${option}`)
      expect(message).not.toContain('\n')
    },
  )

  test.prop([fc.string().filter((s) => !['text', 'json', 'sarif'].includes(s) && !(s.length > 1 && s.startsWith('-')))])(
    'every --output value other than text, json, sarif is refused on one line',
    (value) => {
      const message = leftMessage(parseCheckArgs([`--output=${value}`]))
      expect(message.startsWith('--output must be one of text, json, sarif, ndjson')).toBe(true)
      expect(message).not.toContain('\n')
    },
  )
})

describe('parsePodSecurity', () => {
  test('restricted alone leaves the version to the default (latest)', () => {
    expect(parsePodSecurity('restricted')).toEqual(E.right({ level: 'restricted' }))
  })
  test.prop([fc.nat({ max: 9999 })])('restricted:v1.N is accepted for every N', (n) => {
    expect(parsePodSecurity(`restricted:v1.${n}`)).toEqual(E.right({ level: 'restricted', version: `v1.${n}` }))
  })
  test('restricted:latest is accepted', () => {
    expect(parsePodSecurity('restricted:latest')).toEqual(E.right({ level: 'restricted', version: 'latest' }))
  })
  test.each(['restricted:', 'restricted:v2.0', 'restricted:v1.01', 'restricted:v1.x', 'Restricted'])('%j is refused', (v) => {
    expect(E.isLeft(parsePodSecurity(v))).toBe(true)
  })
})

describe('parseCommandLine', () => {
  const specs = { one: { type: 'string' }, many: { type: 'string', multiple: true } } as const
  const value = fc.string().filter((v) => !(v.length > 1 && v.startsWith('-')))
  test.prop([fc.array(fc.tuple(fc.constantFrom('one', 'many'), value), { minLength: 1, maxLength: 8 })])(
    'a single-valued option keeps its last value, a repeatable one every value in order',
    (given) => {
      const line = right(parseCommandLine(given.flatMap(([name, v]) => [`--${name}=${v}`]), specs))
      const of = (name: string) => given.filter(([n]) => n === name).map(([, v]) => v)
      const ones = of('one')
      expect(line.strings['one']).toEqual(ones.length === 0 ? undefined : [ones[ones.length - 1]])
      expect(line.strings['many']).toEqual(of('many').length === 0 ? undefined : of('many'))
    },
  )
  test('a lone - is a value, not a forgotten one', () => {
    const line = right(parseCommandLine(['--policy', '-'], { policy: { type: 'string' } }))
    expect(line.strings['policy']).toEqual(['-'])
  })
  test('rest is null without -- and holds everything after it verbatim', () => {
    expect(right(parseCommandLine(['a'], {})).rest).toBeNull()
    expect(right(parseCommandLine(['a', '--', '-x', '--y'], {})).rest).toEqual(['-x', '--y'])
  })
})

describe('parseSecurityOpt', () => {
  test('the bare option means true', () => {
    expect(parseSecurityOpt('no-new-privileges')).toEqual(E.right(true))
  })
  test.prop([fc.constantFrom('1', 't', 'T', 'TRUE', 'true', 'True'), fc.constantFrom(':', '=')])(
    'every Go true spelling after : or = means true',
    (word, sep) => {
      expect(parseSecurityOpt(`no-new-privileges${sep}${word}`)).toEqual(E.right(true))
    },
  )
  test.prop([fc.constantFrom('0', 'f', 'F', 'FALSE', 'false', 'False'), fc.constantFrom(':', '=')])(
    'every Go false spelling after : or = means false',
    (word, sep) => {
      expect(parseSecurityOpt(`no-new-privileges${sep}${word}`)).toEqual(E.right(false))
    },
  )
  // dockerd splits at the first '=' before ':', so a value holding '=' names another option (below).
  test.prop([fc.string().filter((s) => !s.includes('=') && !['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s))])(
    'any other value is refused (yes, on, tRUE …), naming the accepted spellings',
    (word) => {
      expect(leftMessage(parseSecurityOpt(`no-new-privileges:${word}`))).toContain('1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False')
    },
  )
  test('a value holding = after : is another option to dockerd, refused with a suggestion', () => {
    expect(leftMessage(parseSecurityOpt('no-new-privileges:true=1'))).toContain('did you mean "no-new-privileges"?')
  })
  test('the seed spelling no_new_privs is refused with a suggestion', () => {
    expect(leftMessage(parseSecurityOpt('no_new_privs'))).toBe(
      'invalid --security-opt "no_new_privs": Docker has no such option and refuses the container; did you mean "no-new-privileges"?',
    )
  })
  test('other Docker security options are refused: they do not decide no_new_privs', () => {
    expect(leftMessage(parseSecurityOpt('seccomp=unconfined'))).toContain('is not supported')
  })
})

describe('parseRunArgs', () => {
  test('NAME, --image and the words after -- (as args, as kubectl run does)', () => {
    const args = right(parseRunArgs(['web', '--image', 'nginx:1.27', '--', 'nginx', '-g', 'daemon off;']))
    expect(args).toMatchObject({ name: 'web', image: 'nginx:1.27', words: ['nginx', '-g', 'daemon off;'], command: false })
  })
  test('repeated --cap-add accumulate; the last --security-opt wins, as in Docker', () => {
    const args = right(
      parseRunArgs(['x', '--image=i', '--cap-add', 'NET_ADMIN', '--cap-add=SYS_TIME', '--security-opt', 'no-new-privileges', '--security-opt=no-new-privileges:false']),
    )
    expect(args.capAdd).toEqual(['NET_ADMIN', 'SYS_TIME'])
    expect(args.noNewPrivileges).toBe(false)
  })
  test('--user UID:GID sets both ids', () => {
    expect(right(parseRunArgs(['x', '--image=i', '--user', '1000:3000'])).user).toEqual({ uid: 1000, gid: 3000 })
  })
  test.each([
    [['--image', 'i'], 'missing NAME: no-new-privs run NAME --image IMAGE'],
    [['web'], 'missing --image IMAGE'],
    [['Web', '--image', 'i'], 'invalid NAME "Web": use at most 63 lower-case letters, digits and \'-\', starting and ending with a letter or digit'],
    [['web', '--image', 'i', '--user', 'root'], '--user must be UID or UID:GID, numbers from 0 to 2147483647, not "root"'],
    [['web', '--image', 'i', '--user', '2147483648'], '--user must be UID or UID:GID, numbers from 0 to 2147483647, not "2147483648"'],
    [['web', '--image', 'i', '--cap-add', 'NET ADMIN'], '--cap-add needs a capability name such as NET_ADMIN, not "NET ADMIN"'],
    [['web', '--image', 'i', '--security-opt', 'no-new-privileges:yes'], 'invalid --security-opt "no-new-privileges:yes": the value "yes" is not a boolean; no-new-privileges takes one of 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False (Go\'s strconv.ParseBool), e.g. "no-new-privileges=true" or "no-new-privileges=false"'],
    [['web', '--image', 'i', '--privileged=true'], 'option --privileged takes no value'],
    [['web', '--image', 'i', '--semantics', 'docker'], '--semantics must be one of proposal, noNewPrivileges, kubernetes, not "docker"'],
  ])('%j is the usage error %j', (argv, message) => {
    expect(leftMessage(parseRunArgs(argv))).toBe(message)
  })
})
