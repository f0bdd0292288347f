import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { checkCommand } from '../../src/cli/check.js'
import { exitStatusOf } from '../../src/cli/exitStatus.js'
import { fakeChecker, fullReport, rejected, report, result } from './fixtures.js'
import { recordingIO } from './io.js'

let dir: string
const at = (...parts: string[]): string => join(dir, ...parts)

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nnp-cli-'))
  mkdirSync(at('tree', 'b-dir', 'deeper'), { recursive: true })
  mkdirSync(at('tree', 'a-dir'))
  writeFileSync(at('tree', 'z.yaml'), 'clean')
  writeFileSync(at('tree', 'a.yml'), 'clean')
  writeFileSync(at('tree', 'm.json'), 'clean')
  writeFileSync(at('tree', 'README.md'), 'VIOLATION but not a manifest')
  writeFileSync(at('tree', 'a-dir', 'x.YAML'), 'clean')
  writeFileSync(at('tree', 'b-dir', 'deeper', 'y.yaml'), 'clean')
  // A link back up the tree: walking must not loop.
  symlinkSync(at('tree'), at('tree', 'b-dir', 'loop'))
  // A link to a file already in the tree is read once.
  symlinkSync(at('tree', 'z.yaml'), at('tree', 'b-dir', 'zz-link.yaml'))
  symlinkSync(at('nowhere.yaml'), at('tree', 'b-dir', 'dangling.yaml'))
  writeFileSync(at('clean.yaml'), 'clean')
  writeFileSync(at('violation.yaml'), 'VIOLATION')
  writeFileSync(at('nonnp.yaml'), 'NO-NNP')
  writeFileSync(at('decode-error.yaml'), 'DECODE-ERROR')
  writeFileSync(at('latin1.yaml'), Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x0a, 0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a]))
  writeFileSync(at('bom.yaml'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('clean')]))
  writeFileSync(at('policy.yaml'), 'kind: PodSecurityPolicy')
  mkdirSync(at('empty'))
  mkdirSync(at('many'))
  for (let i = 0; i < 25; i++) writeFileSync(at('many', `f${String(i).padStart(2, '0')}.yaml`), 'clean')
})

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

async function check(argv: string[], io = recordingIO()) {
  const fake = fakeChecker()
  const status = await checkCommand(argv, io, fake.stream, { cwd: dir })
  return { status, io, calls: fake.calls, sources: fake.calls.flatMap((c) => c.sources.map((s) => s.source)) }
}

describe('exit status', () => {
  test('0 when nothing is found', async () => {
    expect((await check([at('clean.yaml')])).status).toBe(0)
  })
  test('1 when a container has a violation', async () => {
    expect((await check([at('clean.yaml'), at('violation.yaml')])).status).toBe(1)
  })
  test('0 for a container without no_new_privs, 1 once --require-no-new-privs makes it a finding', async () => {
    expect((await check([at('nonnp.yaml')])).status).toBe(0)
    expect((await check(['--require-no-new-privs', at('nonnp.yaml')])).status).toBe(1)
  })
  test('2 when a document cannot be decoded, even beside violations (2 wins over 1)', async () => {
    expect((await check([at('decode-error.yaml')])).status).toBe(2)
    expect((await check([at('violation.yaml'), at('decode-error.yaml')])).status).toBe(2)
  })
  test('2 for a file that does not exist; the other files are still checked', async () => {
    const { status, io, sources } = await check(['-o', 'json', at('missing.yaml'), at('violation.yaml')])
    expect(status).toBe(2)
    expect(sources).toEqual([at('violation.yaml')])
    const out = JSON.parse(io.out())
    expect(out.errors).toEqual([
      { source: at('missing.yaml'), document: null, line: null, column: null, code: 'unreadable', message: 'cannot read: no such file or directory', category: 'input' },
    ])
    expect(out.results).toHaveLength(1)
  })
  test.skipIf(process.getuid?.() === 0)('2 for a file without read permission', async () => {
    writeFileSync(at('secret.yaml'), 'clean')
    chmodSync(at('secret.yaml'), 0o000)
    const { status, io } = await check(['-o', 'json', at('secret.yaml')])
    expect(status).toBe(2)
    expect(JSON.parse(io.out()).errors[0].message).toBe('cannot read: permission denied')
  })
  test('2 for a file that is not UTF-8, with the line of the first bad byte', async () => {
    const { status, io, sources } = await check(['-o', 'json', at('latin1.yaml'), at('clean.yaml')])
    expect(status).toBe(2)
    expect(sources).toEqual([at('clean.yaml')])
    expect(JSON.parse(io.out()).errors).toEqual([
      {
        source: at('latin1.yaml'),
        document: null,
        line: 2,
        column: null,
        code: 'not-utf8',
        message: 'not UTF-8: byte 11 (0xe9) on line 2 is not part of a UTF-8 sequence',
        category: 'input',
      },
    ])
  })
  test('a UTF-8 byte-order mark is dropped, not an error', async () => {
    const { status, calls } = await check([at('bom.yaml')])
    expect(status).toBe(0)
    expect(calls[0]!.sources[0]!.text).toBe('clean')
  })
  test('exitStatusOf: errors beat violations, violations and findings give 1, anything else 0', () => {
    expect(exitStatusOf(fullReport)).toBe(2)
    expect(exitStatusOf(report({ results: [rejected] }))).toBe(1)
    expect(exitStatusOf(report({ results: [result({ findings: [{ code: 'no-new-privs-required', path: 'p', message: 'm' }] })] }))).toBe(1)
    expect(exitStatusOf(report({ results: [result({ noNewPrivs: false })], warnings: fullReport.warnings, skipped: fullReport.skipped }))).toBe(0)
  })
  test('exitStatusOf: a policy document\'s own violation listed as an error entry is a violation (1), not unreadable input (2)', () => {
    const invalidPolicy = { source: 'psp.yaml', document: 0, line: 8, column: 3, code: 'invalid-policy', message: 'Cannot set …', category: 'violation' as const }
    expect(exitStatusOf(report({ errors: [invalidPolicy] }))).toBe(1)
    expect(exitStatusOf(report({ errors: [invalidPolicy, { ...invalidPolicy, code: 'yaml-syntax', category: 'input' as const }] }))).toBe(2)
  })
})

describe('usage errors', () => {
  test.each([
    [['--frobnicate'], 'no-new-privs check: unknown option --frobnicate (see no-new-privs check --help)\n'],
    [['--output', 'xml'], 'no-new-privs check: --output must be one of text, json, sarif, ndjson, junit, github, not "xml" (see no-new-privs check --help)\n'],
    [['--semantics'], 'no-new-privs check: option --semantics needs a value (see no-new-privs check --help)\n'],
  ])('%j: exit 2, one line on stderr, nothing checked, nothing on stdout', async (argv, message) => {
    const { status, io, calls } = await check(argv)
    expect(status).toBe(2)
    expect(io.err()).toBe(message)
    expect(io.out()).toBe('')
    expect(calls).toHaveLength(0)
  })
  test('an unreadable --policy file stops the run with exit 2 and one line', async () => {
    const { status, io, calls } = await check(['--policy', at('no-such-policy.yaml'), at('clean.yaml')])
    expect(status).toBe(2)
    expect(io.err()).toBe(`no-new-privs check: cannot read policy ${at('no-such-policy.yaml')}: no such file or directory\n`)
    expect(calls).toHaveLength(0)
  })
  test('--help prints the check help on stdout and exits 0', async () => {
    const { status, io } = await check(['--help'])
    expect(status).toBe(0)
    expect(io.out()).toContain('Usage: no-new-privs check [options] [FILE|DIR|-]...')
    for (const option of ['--semantics', '--policy', '--pod-security', '--require-no-new-privs', '--strict', '--output']) {
      expect(io.out()).toContain(option)
    }
  })
})

describe('options reach checkManifests', () => {
  test('semantics, policies (read from their files), pod security, require and strict', async () => {
    const { calls } = await check([
      '--semantics',
      'kubernetes',
      '--policy',
      at('policy.yaml'),
      '--pod-security',
      'restricted:v1.24',
      '--require-no-new-privs',
      '--strict',
      at('clean.yaml'),
    ])
    expect(calls[0]!.options).toEqual({
      semantics: 'kubernetes',
      policies: [{ source: at('policy.yaml'), text: 'kind: PodSecurityPolicy' }],
      podSecurity: { level: 'restricted', version: 'v1.24' },
      kubernetesVersion: 'latest',
      requireNoNewPrivs: true,
      strict: true,
    })
  })
  test('without options: proposal, no policies, no pod security', async () => {
    const { calls } = await check([at('clean.yaml')])
    expect(calls[0]!.options).toEqual({ semantics: 'proposal', kubernetesVersion: 'latest', requireNoNewPrivs: false, strict: false })
  })
})

describe('inputs', () => {
  test('a directory is walked recursively, manifests only, sorted by name, each file once, links followed without looping', async () => {
    const { sources, io } = await check(['-o', 'json', at('tree')])
    expect(sources).toEqual([
      at('tree', 'a-dir', 'x.YAML'),
      at('tree', 'a.yml'),
      at('tree', 'b-dir', 'deeper', 'y.yaml'),
      // z.yaml is met first through this link (b-dir sorts before z.yaml) and read only then.
      at('tree', 'b-dir', 'zz-link.yaml'),
      at('tree', 'm.json'),
    ])
    // The dangling link has a manifest's name: the user meant it, so it is an error.
    expect(JSON.parse(io.out()).errors).toEqual([
      expect.objectContaining({ source: at('tree', 'b-dir', 'dangling.yaml'), code: 'unreadable' }),
    ])
  })
  test('a file named twice (or inside a named directory) is checked once', async () => {
    const { sources } = await check([at('tree', 'z.yaml'), at('tree'), at('tree', 'z.yaml')])
    expect(sources.filter((s) => s.endsWith('z.yaml'))).toEqual([at('tree', 'z.yaml')])
  })
  test('a file named directly is read whatever its extension', async () => {
    const { sources, status } = await check([at('tree', 'README.md')])
    expect(sources).toEqual([at('tree', 'README.md')])
    expect(status).toBe(1)
  })
  test('no operand reads standard input', async () => {
    const { sources, calls, status } = await check([], recordingIO({ stdin: 'VIOLATION' }))
    expect(sources).toEqual(['<stdin>'])
    expect(calls[0]!.sources[0]!.text).toBe('VIOLATION')
    expect(status).toBe(1)
  })
  test('- reads standard input once, in its place among the files', async () => {
    const { sources } = await check([at('clean.yaml'), '-', at('nonnp.yaml'), '-'], recordingIO({ stdin: 'clean' }))
    expect(sources).toEqual([at('clean.yaml'), '<stdin>', at('nonnp.yaml')])
  })
  test('standard input that is not UTF-8 is an error entry', async () => {
    const { status, io } = await check(['-o', 'json', '-'], recordingIO({ stdin: Uint8Array.of(0xff) }))
    expect(status).toBe(2)
    expect(JSON.parse(io.out()).errors[0]).toMatchObject({ source: '<stdin>', code: 'not-utf8', line: 1 })
  })
  test('a person at a terminal is told that standard input is being read', async () => {
    const { io } = await check([], recordingIO({ stdinTTY: true }))
    expect(io.err()).toBe('no-new-privs check: reading manifests from standard input (end with Ctrl-D)\n')
  })
  test('an empty directory is noted on stderr and is not an error', async () => {
    const { status, io } = await check([at('empty')])
    expect(status).toBe(0)
    expect(io.err()).toBe(`no-new-privs check: no *.yaml, *.yml or *.json file under ${at('empty')}\n`)
  })
})

describe('output', () => {
  test('text by default: the per-source table and the summary', async () => {
    const { io } = await check([at('clean.yaml'), at('violation.yaml')])
    expect(io.out()).toContain(`${at('clean.yaml')}\n  LINE  KIND`)
    expect(io.out()).toMatch(/2 containers in 2 sources: 1 with no_new_privs, 0 without, 1 rejected · 1 violation/)
  })
  test('json prints the SPEC §10 object with the semantics asked for', async () => {
    const { io } = await check(['--output', 'json', '--semantics', 'noNewPrivileges', at('clean.yaml')])
    const out = JSON.parse(io.out())
    expect(Object.keys(out)).toEqual(['semantics', 'results', 'errors', 'warnings', 'skipped'])
    expect(out.semantics).toBe('noNewPrivileges')
  })
  test('sarif URIs are relative to the working directory', async () => {
    const { io } = await check(['--output', 'sarif', at('violation.yaml')])
    const log = JSON.parse(io.out())
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('violation.yaml')
  })
  test('colour only for a terminal, never with NO_COLOR, always with FORCE_COLOR', async () => {
    const esc = '\u001b['
    expect((await check([at('violation.yaml')], recordingIO())).io.out()).not.toContain(esc)
    expect((await check([at('violation.yaml')], recordingIO({ stdoutTTY: true }))).io.out()).toContain(esc)
    expect((await check([at('violation.yaml')], recordingIO({ stdoutTTY: true, env: { NO_COLOR: '1' } }))).io.out()).not.toContain(esc)
    expect((await check([at('violation.yaml')], recordingIO({ env: { FORCE_COLOR: '1' } }))).io.out()).toContain(esc)
    expect((await check([at('violation.yaml')], recordingIO({ stdoutTTY: true, env: { FORCE_COLOR: '0' } }))).io.out()).not.toContain(esc)
  })
  test('json and sarif are never coloured', async () => {
    const io = recordingIO({ stdoutTTY: true, env: { FORCE_COLOR: '1' } })
    await check(['-o', 'json', at('violation.yaml')], io)
    expect(io.out()).not.toContain('\u001b[')
  })
})

describe('progress', () => {
  test('many files on a terminal: a progress line on stderr, cleared at the end, stdout untouched', async () => {
    const io = recordingIO({ stderrTTY: true })
    const { status } = await check(['-o', 'json', at('many')], io)
    expect(status).toBe(0)
    expect(io.err()).toContain(`checking 25/25 ${at('many', 'f24.yaml')}`)
    expect(io.err().endsWith('\r\u001b[K')).toBe(true)
    expect(io.out()).not.toContain('checking')
    expect(JSON.parse(io.out()).results).toHaveLength(25)
  })
  test('never when stderr is not a terminal', async () => {
    const io = recordingIO({ stderrTTY: false })
    await check([at('many')], io)
    expect(io.err()).toBe('')
  })
  test('never for a few files, even on a terminal', async () => {
    const io = recordingIO({ stderrTTY: true })
    await check([at('tree')], io)
    expect(io.err()).toBe('')
  })
})
