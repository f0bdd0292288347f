/**
 * `check --threads`: several files on worker threads give the very report one thread gives, in
 * every format, and the command sends to the threads only what a worker can read.
 */
import { fc, test as propTest } from '@fast-check/vitest'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkCommand } from '../../src/cli/check.js'
import { parseCheckArgs } from '../../src/cli/checkArgs.js'
import type { CheckFiles } from '../../src/cli/deps.js'
import { checkStream } from '../../src/manifest/stream.js'
import { CLI, ensureBuilt } from './build.js'
import { recordingIO } from './io.js'

const P = 'pod-security.kubernetes.io/'
const namespace = (name: string): string => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels:\n    ${P}enforce: restricted\n    ${P}warn: restricted\n`
function deployment(i: number, ns: string, escalation: 'true' | 'false' | 'unset', privileged: boolean, exempt: boolean): string {
  const sc = [escalation === 'unset' ? '' : `allowPrivilegeEscalation: ${escalation}`, privileged ? 'privileged: true' : ''].filter((x) => x !== '').join(', ')
  const notes = exempt ? `  annotations:\n    no-new-privs.io/exempt: "privileged-without-escalation reason=r${i}"\n` : ''
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d${i}\n  namespace: ${ns}\n${notes}spec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: img/app:${i % 4}\n        securityContext: { ${sc} }\n`
}
const BROKEN = 'kind: Pod\nspec: [\n---\nkind: Pod\nspec: { containers: [{ name: ok }] }\n'
const FOREIGN = '{"name": "not-a-manifest", "version": "1.0.0"}\n'

const fileText = fc.oneof(
  { weight: 8, arbitrary: fc.array(fc.oneof({ weight: 1, arbitrary: fc.constantFrom('a', 'b').map(namespace) }, { weight: 5, arbitrary: fc.tuple(fc.nat({ max: 50 }), fc.constantFrom('a', 'b', 'c'), fc.constantFrom('true' as const, 'false' as const, 'unset' as const), fc.boolean(), fc.boolean()).map(([i, ns, e, p, x]) => deployment(i, ns, e, p, x)) }), { minLength: 1, maxLength: 4 }).map((docs) => docs.join('---\n')) },
  { weight: 1, arbitrary: fc.constant(BROKEN) },
  { weight: 1, arbitrary: fc.constant('') },
)
const EXEMPTIONS = 'exemptions:\n- image: "img/app:1"\n  rules: [restricted-requires-no-escalation]\n  reason: image one\n- name: nobody\n  rules: [privileged-without-escalation]\n  reason: matches nothing\n'
const FORMATS = ['text', 'json', 'ndjson', 'sarif', 'junit', 'github'] as const

let root = ''
let run = 0
function cli(cwd: string, args: ReadonlyArray<string>): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1', GITHUB_STEP_SUMMARY: '' } })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}
/** A directory of manifest files (and one file that is no manifest, as a directory walk meets it). */
function tree(texts: ReadonlyArray<string>): string {
  const dir = join(root, `t${run++}`)
  mkdirSync(join(dir, 'k8s'), { recursive: true })
  texts.forEach((t, i) => writeFileSync(join(dir, 'k8s', `f${String(i).padStart(2, '0')}.yaml`), t))
  writeFileSync(join(dir, 'k8s', 'package.json'), FOREIGN)
  writeFileSync(join(dir, 'ex.yaml'), EXEMPTIONS)
  return dir
}

describe('check --threads N: the report of one thread', () => {
  beforeAll(() => {
    ensureBuilt()
    root = mkdtempSync(join(tmpdir(), 'nnp-threads-'))
  }, 300_000)
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('every format, with exemptions, Namespaces, a broken file, an empty one and a file that is no manifest', () => {
    const texts = [namespace('a'), deployment(1, 'a', 'unset', false, false), BROKEN, '', deployment(2, 'b', 'false', true, true), deployment(5, 'c', 'true', false, false), namespace('b'), deployment(9, 'b', 'unset', true, false)]
    const dir = tree(texts)
    for (const format of FORMATS) {
      const one = cli(dir, ['-o', format, '--semantics', 'kubernetes', '--exemptions', 'ex.yaml', '--threads', '1', 'k8s'])
      const two = cli(dir, ['-o', format, '--semantics', 'kubernetes', '--exemptions', 'ex.yaml', '--threads', '2', 'k8s'])
      expect(two.stderr, format).toBe(one.stderr)
      expect(two.stdout, format).toBe(one.stdout)
      expect(two.status, format).toBe(one.status)
      expect(one.status, format).toBe(2) // the broken file
    }
  }, 300_000)

  propTest.prop([fc.array(fileText, { minLength: 2, maxLength: 8 }), fc.integer({ min: 2, max: 4 }), fc.constantFrom(...FORMATS)], { numRuns: 6, endOnFailure: true })(
    'any files, 2 to 4 threads, any format: the same bytes and exit status as --threads 1',
    (texts, threads, format) => {
      const dir = tree(texts)
      const args = ['-o', format, '--semantics', 'kubernetes', '--exemptions', 'ex.yaml', 'k8s']
      const one = cli(dir, ['--threads', '1', ...args])
      const many = cli(dir, ['--threads', String(threads), ...args])
      expect(many.stdout).toBe(one.stdout)
      expect(many.stderr).toBe(one.stderr)
      expect(many.status).toBe(one.status)
    },
    300_000,
  )
})

describe('which sources go to the threads', () => {
  let dir = ''
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nnp-threads-route-'))
    for (const f of ['a.yaml', 'b.yaml']) writeFileSync(join(dir, f), deployment(1, 'x', 'true', false, false))
    // Only its size matters here (the recording CheckFiles below reads nothing): a sparse file.
    writeFileSync(join(dir, 'big.yaml'), deployment(0, 'x', 'false', false, false))
    truncateSync(join(dir, 'big.yaml'), (32 << 20) + 1)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  /** A CheckFiles that records its calls and checks nothing: these tests are about the routing (the report's equality is above). */
  function recording(): { readonly calls: Array<{ files: ReadonlyArray<string>; threads: number }>; readonly checkFiles: CheckFiles } {
    const calls: Array<{ files: ReadonlyArray<string>; threads: number }> = []
    return {
      calls,
      checkFiles: (files, options, { threads }) => {
        calls.push({ files: files.map((f) => f.source), threads })
        return checkStream([], options)
      },
    }
  }
  async function routed(argv: ReadonlyArray<string>, stdin = ''): Promise<{ calls: ReadonlyArray<{ files: ReadonlyArray<string>; threads: number }>; out: string }> {
    const r = recording()
    const io = recordingIO({ stdin })
    await checkCommand(argv, io, checkStream, { cwd: dir, checkFiles: r.checkFiles })
    return { calls: r.calls, out: io.out() }
  }

  it('--threads 3 with two files: two threads for the two files', async () => {
    const { calls } = await routed(['--threads', '3', join(dir, 'a.yaml'), join(dir, 'b.yaml')])
    expect(calls).toEqual([{ files: [join(dir, 'a.yaml'), join(dir, 'b.yaml')], threads: 2 }])
  })
  it('one file, --threads 1, or standard input among the sources: one thread', async () => {
    expect((await routed(['--threads', '4', join(dir, 'a.yaml')])).calls).toEqual([])
    expect((await routed(['--threads', '1', join(dir, 'a.yaml'), join(dir, 'b.yaml')])).calls).toEqual([])
    expect((await routed(['--threads', '2', join(dir, 'a.yaml'), '-'], 'kind: Pod\n')).calls).toEqual([])
  })
  it('auto: one thread for small files (a worker costs more than it saves), threads once the files reach 32 MiB', async () => {
    expect((await routed([join(dir, 'a.yaml'), join(dir, 'b.yaml')])).calls).toEqual([])
    expect(statSync(join(dir, 'big.yaml')).size).toBeGreaterThan(32 << 20)
    const big = await routed([join(dir, 'a.yaml'), join(dir, 'big.yaml')])
    expect(big.calls.length).toBe(1)
    expect(big.calls[0]?.files).toEqual([join(dir, 'a.yaml'), join(dir, 'big.yaml')])
  })
  it('--threads takes auto or 1 to 256; anything else is a usage error', () => {
    expect(parseCheckArgs(['--threads', 'auto'])).toMatchObject(E.right({ threads: undefined }))
    expect(parseCheckArgs(['--threads', '8'])).toMatchObject(E.right({ threads: 8 }))
    for (const bad of ['0', '-1', '1.5', 'two', '257', '']) {
      expect(parseCheckArgs([`--threads=${bad}`])).toEqual(E.left({ _tag: 'UsageError', message: `--threads must be auto or a whole number from 1 to 256, not ${JSON.stringify(bad)}` }))
    }
  })
})
