/**
 * Size: a 100 MB file, lines of megabytes, and the shapes that used to make reading quadratic.
 * Nothing here asserts a time; the test timeout is the bound, and the sizes are chosen so that
 * the quadratic versions would run for many minutes.
 */
import { spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { checkManifests, type Report } from '../../src/index.js'
import { expectEveryDocumentAccountedFor, goodPod } from './helpers.js'

const MB = 1024 * 1024
const ROOT = resolve(import.meta.dirname, '..', '..')
const CLI = join(ROOT, 'dist', 'cli', 'main.js')
const dir = mkdtempSync(join(tmpdir(), 'no-new-privs-scale-'))

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('a 100 MB file', () => {
  test('through the CLI: the good pods around 100 MB of data and a broken document are resolved', () => {
    const file = join(dir, 'big.yaml')
    const fd = openSync(file, 'w')
    writeSync(fd, `${goodPod('before')}---\nkind: ConfigMap\nmetadata: { name: blob }\ndata:\n`)
    const line = 'x'.repeat(4 * MB)
    for (let i = 0; i < 25; i++) writeSync(fd, `  k${i}: ${line}\n`)
    // A duplicate key is no longer broken (SPEC §6a: the last one wins); an unclosed flow sequence is.
    writeSync(fd, `---\nkind: Pod\nspec: [\n---\n${goodPod('after')}`)
    closeSync(fd)
    const r = spawnSync(process.execPath, [CLI, 'check', '--output', 'json', file], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * MB })
    expect(r.error).toBeUndefined()
    const report = JSON.parse(r.stdout) as Report
    expect(r.status).toBe(2)
    expect(report.results.map((x) => [x.document, x.name, x.noNewPrivs])).toEqual([
      [0, 'before', true],
      [3, 'after', true],
    ])
    expect(report.skipped.map((s) => [s.document, s.kind])).toEqual([[1, 'ConfigMap']])
    expect(report.errors.map((e) => [e.document, e.code])).toEqual([[2, 'yaml-syntax']])
  }, 180_000)

  test('minified JSON, one line of 32 MB: read, and the pod in it resolved', () => {
    const text = `{"kind":"Pod","metadata":{"name":"minified","annotations":{"blob":"${'y'.repeat(32 * MB)}"}},"spec":{"containers":[{"name":"a","securityContext":{"runAsUser":1000,"allowPrivilegeEscalation":false}}]}}`
    const report = checkManifests({ source: 'line', text })
    expect(report.errors).toEqual([])
    expect(report.results.map((x) => [x.name, x.noNewPrivs, x.line])).toEqual([['minified', true, 1]])
  }, 180_000)
})

describe('lines of megabytes', () => {
  test.each([
    ['a comment', `# ${'c'.repeat(4 * MB)}\nkind: Service`, 'skipped'],
    ['a quoted string full of escapes', `kind: ConfigMap\ndata: { a: "${'\\u00e9'.repeat(MB)}" }`, 'skipped'],
    ['a flow sequence of 100,000 items', `kind: ConfigMap\ndata: { a: [${Array.from({ length: 100_000 }, (_, i) => i).join(',')}] }`, 'skipped'],
    ['a 4 MB plain key (YAML allows 1024 characters)', `kind: Pod\n${'k'.repeat(4 * MB)}: 1`, 'error'],
    ['an unclosed 4 MB quote', `kind: Pod\nmetadata: { name: "${'q'.repeat(4 * MB)}`, 'error'],
  ])('%s: one document, the pods around it resolved', (_name, hostile, outcome) => {
    const text = `${goodPod('before')}---\n${hostile}\n---\n${goodPod('after')}`
    const report = checkManifests({ source: 's', text })
    expect(report.results.map((x) => [x.document, x.name, x.noNewPrivs])).toEqual([
      [0, 'before', true],
      [2, 'after', true],
    ])
    if (outcome === 'skipped') expect(report.skipped.map((s) => s.document)).toEqual([1])
    else expect(report.errors.map((e) => e.document)).toEqual([1])
    expectEveryDocumentAccountedFor(report, 's', text)
    // However long the input, a message stays a message.
    for (const e of report.errors) expect(e.message.length).toBeLessThan(1000)
  })

  test('a 4 MB unknown field name (JSON keys have no length limit): a warning with a bounded message', () => {
    const key = 'z'.repeat(4 * MB)
    const text = `{"kind":"Pod","spec":{"containers":[{"name":"a","securityContext":{"${key}":1,"runAsUser":1000,"allowPrivilegeEscalation":false}}]}}`
    const report = checkManifests({ source: 's', text })
    expect(report.results.map((x) => x.noNewPrivs)).toEqual([true])
    const warning = report.warnings.find((w) => w.code === 'unknown-field')
    // The path stays exact (it is the field's address); the sentence does not repeat 4 MB.
    expect(warning?.path).toBe(`spec.containers[0].securityContext.${key}`)
    expect(warning?.message.length).toBeLessThan(1000)
  })
})

describe('shapes that made reading quadratic', () => {
  test('a pod spec with 100,000 unknown fields: each warned, each placed on its line', () => {
    const lines = ['kind: Pod', 'spec:', '  containers: [{ name: a }]']
    for (let i = 0; i < 100_000; i++) lines.push(`  unknown${i}: 1`)
    const report = checkManifests({ source: 's', text: lines.join('\n') })
    const unknown = report.warnings.filter((w) => w.code === 'unknown-field')
    expect(unknown).toHaveLength(100_000)
    expect(unknown[99_999]).toMatchObject({ path: 'spec.unknown99999', line: 100_003 })
    expect(report.results).toHaveLength(1)
  })

  test('20,000 containers reached through one alias are each placed at their line', () => {
    const lines = ['kind: Pod', 'x-containers: &c']
    for (let i = 0; i < 20_000; i++) lines.push(`- name: c${i}`)
    lines.push('spec:', '  containers: *c')
    const report = checkManifests({ source: 's', text: lines.join('\n') })
    expect(report.errors).toEqual([])
    expect(report.results).toHaveLength(20_000)
    expect(report.results[19_999]).toMatchObject({ container: 'c19999', line: 20_002 })
  })
})
