/**
 * Files that break naive readers, through the BUILT command line (`node dist/cli/main.js check`):
 * bytes that are not UTF-8, a byte-order mark, CRLF, empty and binary files, files that cannot
 * be read, and directory symlink loops. Each is its own error (or, when harmless, read as
 * meant), and the good files beside it are still checked.
 *
 * Unreadable files: this suite usually runs as root, for whom `chmod 000` changes nothing. So
 * the permission case drops to the `nobody` user with `setpriv` (when running as root and
 * setpriv exists; as any other user `chmod 000` suffices), and the other unreadable entries are
 * ones no user can read: a dangling symlink and a symlink loop named like a manifest, and a FIFO
 * with no writer (reading it would wait forever).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Report } from '../../src/index.js'
import { goodPod } from './helpers.js'

const ROOT = resolve(import.meta.dirname, '..', '..')
const CLI = join(ROOT, 'dist', 'cli', 'main.js')

interface Run {
  readonly status: number | null
  readonly report: Report
  readonly stderr: string
}

/** `check --output json` on `operands`, run in `cwd`, optionally as another user. */
function check(cwd: string, operands: ReadonlyArray<string>, prefix: ReadonlyArray<string> = []): Run {
  const command = [...prefix, process.execPath, CLI, 'check', '--output', 'json', ...operands]
  const r = spawnSync(command[0] as string, command.slice(1), { cwd, encoding: 'utf8', timeout: 60_000, input: '' })
  if (r.error) throw r.error
  let report: Report
  try {
    report = JSON.parse(r.stdout) as Report
  } catch {
    throw new Error(`no JSON report (exit ${r.status}):\n${r.stdout}\n${r.stderr}`)
  }
  return { status: r.status, report, stderr: r.stderr }
}

const resolvedNames = (report: Report): string[] => report.results.map((r) => `${r.source}:${r.name ?? ''}`).sort()
const errorOf = (report: Report, source: string) => report.errors.find((e) => e.source === source)

let dir: string
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8')

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'no-new-privs-files-'))
  chmodSync(dir, 0o755)
  writeFileSync(join(dir, 'a-good.yaml'), goodPod('good'))
  // é in Latin-1: a byte that starts no UTF-8 sequence, on line 4.
  writeFileSync(join(dir, 'latin1.yaml'), Buffer.concat([utf8('apiVersion: v1\nkind: Pod\nmetadata:\n  name: caf'), Buffer.from([0xe9]), utf8('\n')]))
  writeFileSync(join(dir, 'bom.yaml'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(goodPod('bom'))]))
  writeFileSync(join(dir, 'crlf.yaml'), utf8(goodPod('crlf').replace(/\n/g, '\r\n')))
  writeFileSync(join(dir, 'empty.yaml'), '')
  // A PNG header and a few bytes of image: not UTF-8 at byte 0.
  writeFileSync(join(dir, 'image.json'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]))
  // Valid UTF-8 that is still binary: NUL bytes and control characters.
  writeFileSync(join(dir, 'controls.yml'), Buffer.from([0x00, 0x01, 0x02, 0x7f, 0x0a, 0x1b, 0x5b, 0x33, 0x31, 0x6d, 0x00]))
  // Not a manifest name: never read, whatever it holds.
  writeFileSync(join(dir, 'notes.txt'), Buffer.from([0xff, 0xfe, 0x00]))
  symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'dangling.yaml'))
  symlinkSync('self-loop.yaml', join(dir, 'self-loop.yaml'))
  mkdirSync(join(dir, 'sub'))
  writeFileSync(join(dir, 'sub', 'nested.yaml'), goodPod('nested'))
  // Directory loops: a link to the directory itself, and one back up to its parent.
  symlinkSync('.', join(dir, 'sub', 'again'))
  symlinkSync('..', join(dir, 'sub', 'up'))
  symlinkSync(dir, join(dir, 'loop'))
})

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('the built CLI on files that break naive readers', () => {
  test('a directory of good, broken and looping entries: every good file once, every bad one its own error', () => {
    const { status, report } = check(dir, ['.'])
    // Exit 2: input that could not be read or decoded wins over everything else.
    expect(status).toBe(2)
    expect(resolvedNames(report)).toEqual(['a-good.yaml:good', 'bom.yaml:bom', 'crlf.yaml:crlf', 'sub/nested.yaml:nested'])
    expect(report.results.every((r) => r.noNewPrivs === true)).toBe(true)
    expect(report.skipped).toEqual([{ source: 'empty.yaml', document: 0, kind: '(empty)' }])

    expect(errorOf(report, 'latin1.yaml')).toMatchObject({ line: 4 })
    expect(errorOf(report, 'latin1.yaml')?.message).toMatch(/not UTF-8: byte 46 \(0xe9\)/)
    expect(errorOf(report, 'image.json')?.message).toMatch(/not UTF-8: byte 0 \(0x89\)/)
    expect(errorOf(report, 'controls.yml')).toBeDefined()
    expect(errorOf(report, 'dangling.yaml')?.message).toMatch(/no such file or directory/)
    expect(errorOf(report, 'self-loop.yaml')?.message).toMatch(/too many levels of symbolic links/)
    expect(report.errors.map((e) => e.source)).not.toContain('notes.txt')
    // The loops are walked once: no file appears under a second path.
    expect(report.results.some((r) => r.source.includes('again') || r.source.includes('up/') || r.source.startsWith('loop'))).toBe(false)
  })

  test('a BOM and CRLF give the lines a person sees in an editor', () => {
    const { status, report } = check(dir, ['bom.yaml', 'crlf.yaml'])
    expect(status).toBe(0)
    expect(report.results.map((r) => [r.source, r.line])).toEqual([
      ['bom.yaml', 7],
      ['crlf.yaml', 7],
    ])
  })

  test('an empty file is an empty document, not an error', () => {
    const { status, report } = check(dir, ['empty.yaml'])
    expect(status).toBe(0)
    expect(report.errors).toEqual([])
    expect(report.skipped).toEqual([{ source: 'empty.yaml', document: 0, kind: '(empty)' }])
  })

  test('a FIFO named like a manifest is an error, not a wait for a writer that never comes', () => {
    const fifo = join(dir, 'pipe', 'fifo.yaml')
    mkdirSync(join(dir, 'pipe'))
    writeFileSync(join(dir, 'pipe', 'good.yaml'), goodPod('beside-fifo'))
    execFileSync('mkfifo', [fifo])
    try {
      const { status, report } = check(dir, ['pipe'])
      expect(status).toBe(2)
      expect(resolvedNames(report)).toEqual(['pipe/good.yaml:beside-fifo'])
      expect(errorOf(report, 'pipe/fifo.yaml')?.message).toMatch(/not a regular file/)
    } finally {
      rmSync(join(dir, 'pipe'), { recursive: true, force: true })
    }
  })

  test('a pipe named as an operand is still read: check <(kubectl get …) works', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" check --output json <(cat a-good.yaml)`], { cwd: dir, encoding: 'utf8', timeout: 60_000 })
    expect(r.status).toBe(0)
    expect((JSON.parse(r.stdout) as Report).results.map((x) => [x.name, x.noNewPrivs])).toEqual([['good', true]])
  })

  test('a file the user may not read: permission denied, and the others are checked', () => {
    const locked = join(dir, 'locked')
    mkdirSync(locked)
    chmodSync(locked, 0o755)
    writeFileSync(join(locked, 'secret.yaml'), goodPod('secret'))
    writeFileSync(join(locked, 'open.yaml'), goodPod('open'))
    chmodSync(join(locked, 'secret.yaml'), 0o000)
    chmodSync(join(locked, 'open.yaml'), 0o644)
    const root = process.getuid?.() === 0
    const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p))
    if (root && setpriv === undefined) {
      console.warn('files.test.ts: running as root without setpriv, so no file is unreadable; this case is not exercised')
      return
    }
    const asUser = root ? [setpriv as string, '--reuid=65534', '--regid=65534', '--clear-groups'] : []
    // The checkout itself may be closed to `nobody` (a home directory, a mutation-testing sandbox).
    const probe = spawnSync(asUser[0] ?? process.execPath, [...asUser.slice(1), ...(root ? [process.execPath] : []), '-e', `require('fs').accessSync(${JSON.stringify(CLI)})`])
    if (probe.status !== 0) {
      console.warn(`files.test.ts: ${root ? 'nobody' : 'this user'} cannot read ${CLI}; the permission case is not exercised`)
      return
    }
    const { status, report } = check(locked, ['.'], asUser)
    expect(status).toBe(2)
    expect(resolvedNames(report)).toEqual(['open.yaml:open'])
    expect(errorOf(report, 'secret.yaml')?.message).toMatch(/permission denied/)
  })
})
