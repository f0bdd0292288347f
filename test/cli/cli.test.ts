import { describe, expect, test } from 'vitest'
import { runCli } from '../../src/cli/cli.js'
import { VERSION } from '../../src/cli/version.js'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import { fakeChecker } from './fixtures.js'
import { recordingIO } from './io.js'

async function cli(argv: string[]) {
  const io = recordingIO({ stdin: 'clean' })
  const status = await runCli(argv, io, { checkStream: fakeChecker().stream, resolveNoNewPrivs })
  return { status, out: io.out(), err: io.err() }
}

describe('top level', () => {
  test('--version prints the package version', async () => {
    expect(await cli(['--version'])).toEqual({ status: 0, out: `${VERSION}\n`, err: '' })
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/)
  })
  test.each([['--help'], ['-h'], ['help']])('%s prints the top-level help listing both commands', async (flag) => {
    const { status, out } = await cli([flag])
    expect(status).toBe(0)
    expect(out).toContain('no-new-privs check')
    expect(out).toContain('no-new-privs run')
  })
  test.each([
    ['check', 'Usage: no-new-privs check'],
    ['run', 'Usage: no-new-privs run'],
  ])('help %s and %s --help print the same command help', async (command, usage) => {
    const a = await cli(['help', command])
    const b = await cli([command, '--help'])
    expect(a.out).toContain(usage)
    expect(a).toEqual(b)
  })
  test('no command: the help on stderr, exit 2', async () => {
    const { status, out, err } = await cli([])
    expect(status).toBe(2)
    expect(out).toBe('')
    expect(err).toContain('Usage:')
  })
  test.each([
    [['chek'], 'no-new-privs: unknown command "chek" (did you mean check?) (see no-new-privs --help)\n'],
    [['--verbose'], 'no-new-privs: unknown option --verbose (see no-new-privs --help)\n'],
    [['help', 'explain'], 'no-new-privs help: unknown command "explain" (commands: check, run, admission-policy)\n'],
  ])('%j is a one-line usage error with exit 2', async (argv, message) => {
    expect(await cli(argv)).toEqual({ status: 2, out: '', err: message })
  })
  test('check is dispatched (standard input when no file)', async () => {
    const { status, out } = await cli(['check', '-o', 'json'])
    expect(status).toBe(0)
    expect(JSON.parse(out).results[0].source).toBe('<stdin>')
  })
})
