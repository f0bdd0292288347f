/**
 * `check` with the CI formats and flags, in-process with the real checker: --output junit and
 * github, --failures-only, --color, --output-file, --fail-if-no-objects-found, and the semantics
 * (and version) every format states. Exit statuses included.
 */
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { checkCommand } from '../../src/cli/check.js'
import { checkStream } from '../../src/manifest/stream.js'
import { recordingIO } from './io.js'
import { junitProblems, parseJunit } from './junit/validate.js'

let dir: string
const at = (...parts: string[]): string => join(dir, ...parts)
const ESC = '\u001b['

const pod = (name: string, securityContext: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: app\n    image: nginx\n    securityContext: ${securityContext}\n`

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nnp-formats-'))
  const passing = Array.from({ length: 30 }, (_, i) => pod(`ok-${i}`, '{ allowPrivilegeEscalation: false, runAsUser: 1000 }')).join('---\n')
  writeFileSync(at('passing.yaml'), passing)
  writeFileSync(at('failing.yaml'), pod('bad', '{ privileged: true, allowPrivilegeEscalation: false }'))
  writeFileSync(at('service.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n')
  writeFileSync(at('broken.yaml'), 'kind: Pod\nspec: [\n')
  mkdirSync(at('out'))
})

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

async function check(argv: ReadonlyArray<string>, options: Parameters<typeof recordingIO>[0] = {}) {
  const io = recordingIO(options)
  const status = await checkCommand(argv, io, checkStream, { cwd: dir })
  return { status, out: io.out(), err: io.err() }
}

describe('--output junit', () => {
  test('a valid report, one suite per file, the failing container a failure; exit status as for text', async () => {
    const r = await check(['-o', 'junit', at('passing.yaml'), at('failing.yaml'), at('service.yaml')])
    expect(r.status).toBe(1)
    expect(await junitProblems(r.out)).toEqual([])
    const suites = parseJunit(r.out).testsuites.testsuite
    expect(suites.map((s) => [s.name, s.tests, s.failures, s.skipped])).toEqual([
      [at('passing.yaml'), '30', '0', '0'],
      [at('failing.yaml'), '1', '1', '0'],
      [at('service.yaml'), '2', '0', '2'],
    ])
  })

  test('a document that does not decode is an error case; exit 2', async () => {
    const r = await check(['-o', 'junit', at('broken.yaml')])
    expect(r.status).toBe(2)
    expect(await junitProblems(r.out)).toEqual([])
    expect(parseJunit(r.out).testsuites.testsuite[0]).toMatchObject({ errors: '1' })
  })
})

describe('--output github', () => {
  test('annotations on stdout; the step summary appended to $GITHUB_STEP_SUMMARY (what was there stays)', async () => {
    const summary = at('out', 'summary.md')
    writeFileSync(summary, '# earlier step\n')
    const r = await check(['-o', 'github', '--semantics', 'kubernetes', '--kubernetes-version', 'v1.32', at('failing.yaml')], { env: { GITHUB_STEP_SUMMARY: summary } })
    expect(r.status).toBe(1)
    // At the offending field's line (9, allowPrivilegeEscalation), not the container's (7).
    expect(r.out).toMatch(/^::error file=.*failing\.yaml,line=9,title=privileged-without-escalation \(Pod bad%3A container app\)::/)
    const md = readFileSync(summary, 'utf8')
    expect(md.startsWith('# earlier step\n## no-new-privs\n')).toBe(true)
    expect(md).toContain('Decided by semantics kubernetes at Kubernetes v1.32.')
    expect(md).toContain('| Pod bad: container app | privileged-without-escalation |')
  })

  test('a step summary that cannot be written costs the summary, not the report', async () => {
    const r = await check(['-o', 'github', at('failing.yaml')], { env: { GITHUB_STEP_SUMMARY: at('missing-dir', 'summary.md') } })
    expect(r.status).toBe(1)
    expect(r.err).toBe(`no-new-privs check: cannot write the step summary ${at('missing-dir', 'summary.md')}: no such file or directory\n`)
    expect(r.out).toMatch(/^::error /)
  })
})

describe('--failures-only', () => {
  test('only failing containers, errors and warnings, then how many were left out and the totals', async () => {
    const r = await check(['--failures-only', at('passing.yaml'), at('failing.yaml'), at('service.yaml')])
    expect(r.status).toBe(1)
    expect(r.out).not.toContain('passing.yaml')
    expect(r.out).not.toContain('service.yaml')
    expect(r.out).toContain(`${at('failing.yaml')}\n`)
    expect(r.out).toContain('✗ privileged-without-escalation')
    const tail = r.out.trimEnd().split('\n').slice(-2)
    expect(tail).toEqual([
      '30 containers without violations or findings not shown (--failures-only)',
      '31 containers in 3 sources: 30 with no_new_privs, 0 without, 1 rejected · 1 violation · 0 findings · 0 warnings · 0 errors · 2 skipped',
    ])
  })

  test('errors still show', async () => {
    const r = await check(['--failures-only', at('passing.yaml'), at('broken.yaml')])
    expect(r.status).toBe(2)
    expect(r.out).toContain(`${at('broken.yaml')}\n  ✖ error`)
  })

  test('nothing fails: the header and the totals only', async () => {
    const r = await check(['--failures-only', at('passing.yaml')])
    expect(r.status).toBe(0)
    expect(r.out.split('\n')).toEqual(['decided by semantics proposal', '', '30 containers without violations or findings not shown (--failures-only)', expect.stringMatching(/^30 containers in 1 source/), ''])
  })

  test('with a machine format it is a usage error: those keep every entry', async () => {
    for (const format of ['json', 'ndjson', 'sarif', 'junit', 'github']) {
      const r = await check(['--failures-only', '-o', format, at('failing.yaml')])
      expect(r).toEqual({ status: 2, out: '', err: `no-new-privs check: --failures-only applies to --output text only (--output ${format} keeps every entry) (see no-new-privs check --help)\n` })
    }
  })
})

describe('--color', () => {
  const file = (): string => at('failing.yaml')
  test('always colours even into a pipe, and over NO_COLOR', async () => {
    expect((await check(['--color', 'always', file()])).out).toContain(ESC)
    expect((await check(['--color=always', file()], { env: { NO_COLOR: '1' } })).out).toContain(ESC)
  })
  test('never does not colour a terminal, even with FORCE_COLOR', async () => {
    expect((await check(['--color', 'never', file()], { stdoutTTY: true, env: { FORCE_COLOR: '1' } })).out).not.toContain(ESC)
  })
  test('auto (the default) colours a terminal unless NO_COLOR; FORCE_COLOR colours a pipe', async () => {
    expect((await check(['--color', 'auto', file()], { stdoutTTY: true })).out).toContain(ESC)
    expect((await check([file()], { stdoutTTY: true, env: { NO_COLOR: '1' } })).out).not.toContain(ESC)
    expect((await check([file()], { env: { FORCE_COLOR: '1' } })).out).toContain(ESC)
    expect((await check([file()])).out).not.toContain(ESC)
  })
  test('another value is a usage error', async () => {
    const r = await check(['--color', 'yes', file()])
    expect(r.status).toBe(2)
    expect(r.err).toBe('no-new-privs check: --color must be one of auto, always, never, not "yes" (see no-new-privs check --help)\n')
  })
  test('a file is not a terminal: auto does not colour --output-file', async () => {
    const path = at('out', 'colour.txt')
    await check(['--output-file', path, file()], { stdoutTTY: true })
    expect(readFileSync(path, 'utf8')).not.toContain(ESC)
  })
})

describe('--output-file', () => {
  test('the report goes to the file (created, or truncated), nothing to stdout; the exit status is the check\'s', async () => {
    const path = at('out', 'report.json')
    writeFileSync(path, 'x'.repeat(100_000))
    const r = await check(['-o', 'json', '--output-file', path, at('failing.yaml')])
    expect(r).toMatchObject({ status: 1, out: '' })
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ semantics: 'proposal', results: [{ name: 'bad' }] })
  })

  test('a path that cannot be written is a usage error (exit 2) before anything is read', async () => {
    const missing = at('no-such-dir', 'r.xml')
    const r = await check(['--output-file', missing, at('failing.yaml')])
    expect(r).toEqual({ status: 2, out: '', err: `no-new-privs check: cannot write --output-file ${missing}: no such file or directory\n` })
    expect(existsSync(missing)).toBe(false)
    const isDir = await check(['--output-file', at('out'), at('failing.yaml')])
    expect(isDir).toEqual({ status: 2, out: '', err: `no-new-privs check: cannot write --output-file ${at('out')}: is a directory\n` })
    expect((await check(['--output-file=', at('failing.yaml')])).err).toBe('no-new-privs check: --output-file needs a file name, not an empty string (see no-new-privs check --help)\n')
  })

  test.skipIf(!existsSync('/dev/full'))('a write that fails (a full disk) is exit 2 with the reason, not a crash', async () => {
    const r = await check(['--output-file', '/dev/full', at('passing.yaml')])
    expect(r.status).toBe(2)
    expect(r.err).toMatch(/^no-new-privs check: cannot write --output-file \/dev\/full: .*ENOSPC/)
  })
})

describe('--fail-if-no-objects-found', () => {
  test('nothing piped in: exit 2, saying what was read', async () => {
    const r = await check(['--fail-if-no-objects-found', '-'], { stdin: '' })
    expect(r.status).toBe(2)
    expect(r.err).toBe('no-new-privs check: no container was checked (--fail-if-no-objects-found): 1 source; 1 document skipped ((empty)); 0 errors\n')
    // Without the flag an empty stream passes, as before.
    expect((await check(['-'], { stdin: '' })).status).toBe(0)
  })

  test('only kinds without pods: exit 2, naming them', async () => {
    const r = await check(['--fail-if-no-objects-found', '-o', 'json', at('service.yaml')])
    expect(r.status).toBe(2)
    expect(r.err).toContain('1 source; 2 documents skipped (Service, ConfigMap); 0 errors')
    // The report is still complete.
    expect(JSON.parse(r.out).skipped).toHaveLength(2)
  })

  test('a container was checked: the usual status', async () => {
    expect((await check(['--fail-if-no-objects-found', at('passing.yaml')])).status).toBe(0)
    expect((await check(['--fail-if-no-objects-found', at('failing.yaml'), at('service.yaml')])).status).toBe(1)
  })
})

describe('every format states the semantics, and the version under kubernetes (SPEC §10)', () => {
  const k8s = ['--semantics', 'kubernetes', '--kubernetes-version', 'v1.30']
  test('text: the first line', async () => {
    expect((await check([...k8s, at('failing.yaml')])).out.split('\n')[0]).toBe('decided by semantics kubernetes at Kubernetes v1.30')
    expect((await check([at('failing.yaml')])).out.split('\n')[0]).toBe('decided by semantics proposal')
    expect((await check(['--semantics', 'kubernetes', at('failing.yaml')])).out.split('\n')[0]).toBe('decided by semantics kubernetes at Kubernetes latest')
  })
  test('json: kubernetesVersion beside semantics, only under kubernetes', async () => {
    expect(Object.keys(JSON.parse((await check([...k8s, '-o', 'json', at('failing.yaml')])).out)).slice(0, 3)).toEqual(['semantics', 'kubernetesVersion', 'results'])
    expect(JSON.parse((await check([...k8s, '-o', 'json', at('failing.yaml')])).out).kubernetesVersion).toBe('v1.30')
    expect(JSON.parse((await check(['--kubernetes-version', 'v1.30', '-o', 'json', at('failing.yaml')])).out)).not.toHaveProperty('kubernetesVersion')
  })
  test('ndjson: the summary line', async () => {
    const last = JSON.parse((await check([...k8s, '-o', 'ndjson', at('failing.yaml')])).out.trimEnd().split('\n').at(-1) as string)
    expect(last).toEqual({ type: 'summary', semantics: 'kubernetes', kubernetesVersion: 'v1.30', results: 1, errors: 0, warnings: 0, skipped: 0 })
  })
  test('junit: suite properties; github: the last line', async () => {
    const suite = parseJunit((await check([...k8s, '-o', 'junit', at('failing.yaml')])).out).testsuites.testsuite[0]
    expect(suite?.properties.property).toEqual([{ name: 'semantics', value: 'kubernetes' }, { name: 'kubernetesVersion', value: 'v1.30' }])
    expect((await check([...k8s, '-o', 'github', at('failing.yaml')])).out.trimEnd().split('\n').at(-1)).toMatch(/; decided by semantics kubernetes at Kubernetes v1\.30$/)
  })
})
