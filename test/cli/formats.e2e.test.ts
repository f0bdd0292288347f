/**
 * The CI formats and flags through the BUILT executable, as a pipeline runs it: the JUnit file
 * complete when the process exits, the GitHub step summary appended, the exit statuses, and a
 * large stream through -o junit with its spool on disk.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CLI, ROOT, ensureBuilt } from './build.js'
import { junitProblems, parseJunit } from './junit/validate.js'

let dir: string

function cli(args: ReadonlyArray<string>, options: { input?: string; env?: Record<string, string> } = {}) {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env }
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'GITHUB_STEP_SUMMARY']) if (options.env?.[name] === undefined) delete env[name]
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, input: options.input ?? '', env, encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 28 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('the built CLI in CI', () => {
  beforeAll(() => {
    ensureBuilt()
    dir = mkdtempSync(join(tmpdir(), 'nnp-formats-e2e-'))
  }, 300_000)
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  test('-o junit --output-file on examples/: the file is complete and valid when the process exits 1', async () => {
    const file = join(dir, 'junit.xml')
    const r = cli(['check', '-o', 'junit', '--output-file', file, '--semantics', 'kubernetes', '--kubernetes-version', 'v1.32', 'examples/'])
    expect(r).toMatchObject({ status: 1, stdout: '' })
    const xml = readFileSync(file, 'utf8')
    expect(await junitProblems(xml)).toEqual([])
    const root = parseJunit(xml).testsuites
    expect(Number(root.failures)).toBeGreaterThan(0)
    expect(root.testsuite.some((s) => s.name === 'examples/sys-admin.yaml')).toBe(true)
  })

  test('-o github with $GITHUB_STEP_SUMMARY: annotations on stdout, the summary in the file', () => {
    const summary = join(dir, 'summary.md')
    const r = cli(['check', '-o', 'github', 'examples/'], { env: { GITHUB_STEP_SUMMARY: summary } })
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/^::error file=examples\/sys-admin\.yaml,line=\d+,title=/m)
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^no-new-privs: \d+ containers in \d+ sources: .*; decided by semantics proposal$/)
    expect(readFileSync(summary, 'utf8')).toMatch(/^## no-new-privs\n/)
  })

  test('exit statuses: an unwritable --output-file and nothing piped in with --fail-if-no-objects-found are 2', () => {
    const bad = cli(['check', '--output-file', join(dir, 'nope', 'x.xml'), 'examples/hardened-pod.yaml'])
    expect(bad).toMatchObject({ status: 2, stdout: '' })
    expect(bad.stderr).toMatch(/^no-new-privs check: cannot write --output-file .*: no such file or directory\n$/)
    const empty = cli(['check', '--fail-if-no-objects-found', '-'], { input: '' })
    expect(empty.status).toBe(2)
    expect(empty.stderr).toContain('no container was checked (--fail-if-no-objects-found)')
    expect(cli(['check', '--fail-if-no-objects-found', 'examples/hardened-pod.yaml']).status).toBe(0)
    expect(cli(['check', '--failures-only', 'examples/hardened-pod.yaml']).stdout).not.toContain('hardened-pod.yaml')
    expect(cli(['check', '--color', 'always', 'examples/sys-admin.yaml']).stdout).toContain('\u001b[')
  })

  test('a 20,000-pod List on stdin through -o junit: every container a case, the report valid', async () => {
    const items = Array.from({ length: 20_000 }, (_, i) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p-${i}`, namespace: 'ns' }, spec: { containers: [{ name: 'app', image: 'x', securityContext: { allowPrivilegeEscalation: i % 1000 === 0 } }] } }))
    const input = JSON.stringify({ apiVersion: 'v1', kind: 'List', items })
    const file = join(dir, 'big.xml')
    writeFileSync(join(dir, 'big.json'), input)
    const r = cli(['check', '-o', 'junit', '--output-file', file, join(dir, 'big.json')])
    expect(r.status).toBe(0)
    const xml = readFileSync(file, 'utf8')
    const root = parseJunit(xml).testsuites
    expect(root.tests).toBe('20000')
    expect(root.testsuite[0]?.testcase).toHaveLength(20_000)
    expect(await junitProblems(xml)).toEqual([])
  }, 180_000)
})
