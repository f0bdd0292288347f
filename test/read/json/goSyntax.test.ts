/**
 * Go's JSON refusals: examples pinned to what kubectl 1.32 prints for the same stream (message,
 * and our line and column), and a generated comparison of one-character mutations of a JSON pod
 * with the real kubectl (same words, same character).
 */
import { fc } from '@fast-check/vitest'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { goJsonError, JSON_STOPS } from '../../../src/read/json/goSyntax.js'
import { readAllUnits, UnitReader } from '../../../src/read/units.js'
import { hasKubectl, KUBECTL } from '../yaml/kubectl.js'

const P = '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"}}'

/** The stream's units, short: a pod's name, or a problem's code, place and message. */
const read = (text: string): unknown[] =>
  readAllUnits(text, 's.json').map((u) => {
    if (u._tag === 'Problem') return { code: u.code, line: u.line, column: u.column, message: u.message }
    if (u._tag === 'ListEnd') return 'end'
    return u.doc._tag === 'Document' ? (u.doc.value as { metadata?: { name?: string } }).metadata?.name : u.doc._tag
  })

const refusal = (line: number, column: number, words: string): unknown => ({ code: 'json-syntax', line, column, message: `${words}: ${JSON_STOPS}` })

describe('the YAML-or-JSON decision, pinned to kubectl', () => {
  test('a YAML flow mapping first makes a JSON stream that kubectl refuses at its first key', () => {
    // kubectl: json: offset 2: invalid character 'a' looking for beginning of object key string
    expect(read('{apiVersion: v1, kind: Pod, metadata: {name: a}}')).toEqual([refusal(1, 2, "invalid character 'a' looking for beginning of object key string")])
    // kubectl: json: offset 7 (blank lines and a BOM do not change the decision)
    expect(read('\ufeff \n\n  {apiVersion: v1}')).toEqual([refusal(3, 4, "invalid character 'a' looking for beginning of object key string")])
  })

  test('a comment, a marker or `[` first make it YAML: the same flow mapping is read', () => {
    expect(read('# c\n{apiVersion: v1, kind: Pod, metadata: {name: a}}')).toEqual(['a'])
    expect(read('---\n{apiVersion: v1, kind: Pod, metadata: {name: a}}')).toEqual(['a'])
    expect(read(`[1]\n---\n${P}`)).toEqual([undefined, 'a'])
  })

  test('Go white space that JSON does not allow makes a JSON stream refused at that character', () => {
    // kubectl: json: offset 1: invalid character '\v' / 'Â' looking for beginning of value
    expect(read(`\v${P}`)).toEqual([refusal(1, 1, "invalid character '\\v' looking for beginning of value")])
    expect(read(`\u00a0${P}`)).toEqual([refusal(1, 1, "invalid character 'Â' looking for beginning of value")])
  })

  test('kubectl looks for the `{` in the first 4096 bytes after the BOM only: blank text beyond that makes it YAML', () => {
    const flow = '{apiVersion: v1, kind: Pod, metadata: {name: a}}'
    // kubectl: 4095 spaces: json: offset 4097: invalid character 'a' …; 4096 spaces: pod/a (YAML)
    expect(read(`${' '.repeat(4095)}${flow}`)).toEqual([refusal(1, 4097, "invalid character 'a' looking for beginning of object key string")])
    expect(read(`${' '.repeat(4096)}${flow}`)).toEqual(['a'])
    expect(read(`\ufeff${' '.repeat(4096)}${flow}`)).toEqual(['a'])
    // Bytes, not characters: 2048 NBSPs are 4096 bytes (kubectl: a YAML error, not Go's JSON words).
    expect(read(`${'\u00a0'.repeat(2048)}${flow}`)).toEqual(['Error'])
    // Cut into pieces, the count goes on across them.
    const reader = new UnitReader('s')
    const units = [...reader.push(' '.repeat(4000)), ...reader.push('\n'.repeat(95)), ...reader.push(`\n${flow}`), ...reader.end()]
    expect(units.map((u) => (u._tag === 'Whole' ? u.doc._tag : u._tag))).toEqual(['Document'])
    const json = new UnitReader('s')
    const refused = [...json.push(' '.repeat(4000)), ...json.push('\n'.repeat(95)), ...json.push(flow), ...json.end()]
    expect(refused.map((u) => u._tag)).toEqual(['Problem'])
  })

  test('JSON then YAML: the JSON values are read, then the stream stops at the YAML', () => {
    // kubectl: a, then json: invalid character '-' in numeric literal / 'k' looking for beginning of value
    expect(read(`${P}\n---\n${P}`)).toEqual(['a', refusal(2, 2, "invalid character '-' in numeric literal")])
    expect(read(`${P}\n${P}\nkind: Pod\n`)).toEqual(['a', 'a', refusal(3, 1, "invalid character 'k' looking for beginning of value")])
    expect(read(`${P}\n  {apiVersion: v1}\n${P}`)).toEqual(['a', refusal(2, 4, "invalid character 'a' looking for beginning of object key string")])
    expect(read(`${P} x ${P}`)).toEqual(['a', refusal(1, 58, "invalid character 'x' looking for beginning of value")])
  })

  test('a syntax error in a List item names the item; the items before it were read', () => {
    expect(read(`{"kind":"List","items":[${P},\n {"a": [1, 2,]}]}`)).toEqual(['a', refusal(2, 14, "items[1]: invalid character ']' looking for beginning of value")])
  })
})

describe('goJsonError: the words of Go\'s scanner', () => {
  test.each([
    ['{"a": "\\q"}', 8, "invalid character 'q' in string escape code"],
    ['{"a": "\\u12x4"}', 11, "invalid character 'x' in \\u hexadecimal character escape"],
    ['{"a": "x\u0001"}', 8, "invalid character '\\x01' in string literal"],
    ['{"a": 01}', 7, "invalid character '1' after object key:value pair"],
    ['{"a": -x}', 7, "invalid character 'x' in numeric literal"],
    ['{"a": 1.}', 8, "invalid character '}' after decimal point in numeric literal"],
    ['{"a": 1e+}', 9, "invalid character '}' in exponent of numeric literal"],
    ['{"a": tru}', 9, "invalid character '}' in literal true (expecting 'e')"],
    ['{"a": nil}', 7, "invalid character 'i' in literal null (expecting 'u')"],
    ['{"a" 1}', 5, "invalid character '1' after object key"],
    ['{"a": [1 2]}', 9, "invalid character '2' after array element"],
    ["{'a': 1}", 1, "invalid character '\\'' looking for beginning of object key string"],
    ['{"a": 1,}', 8, "invalid character '}' looking for beginning of object key string"],
  ])('%s', (text, offset, message) => {
    expect(goJsonError(text)).toEqual({ offset, message })
  })

  test('a value Go reads, or one cut short, is not refused', () => {
    expect(goJsonError(' {"a": [1, -2.5e+3, true, null, "\\u00e9\\n"], "b": {}} ')).toBeNull()
    expect(goJsonError('{"a": [1, ')).toBeNull()
  })
})

// ---- one-character mutations of a JSON pod, against the real kubectl ----

const RUNS = Number(process.env['DIFFERENTIAL_PER_CLASS'] ?? 200)
const seed = Number(process.env['DIFFERENTIAL_SEED'] ?? Date.now() % 2 ** 31)
const POD = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'm', labels: { n: 12, f: -1.5e3, t: true, z: null, s: 'é\n' } }, spec: { containers: [{ name: 'c', image: 'x' }] } }
const MUTANT = fc.constantFrom('x', '}', ']', '{', '[', ',', ':', '"', "'", '\\', '-', '.', 'e', '0', '1', ' ', '\n', '\t', '\v', '\u0001', 'é', 't', 'n', 'u')
const mutation = fc
  .tuple(fc.boolean(), fc.nat(), MUTANT, fc.constantFrom('insert', 'replace', 'delete'))
  .map(([pretty, at, c, how]) => {
    const text = JSON.stringify(POD, null, pretty ? 2 : undefined)
    const i = 1 + (at % (text.length - 1))
    return how === 'insert' ? text.slice(0, i) + c + text.slice(i) : text.slice(0, i) + (how === 'replace' ? c : '') + text.slice(i + 1)
  })

/** Byte offset (1-based) of a line and column (UTF-16) in `text`, as Go counts. */
const byteOffset = (text: string, line: number, column: number): number => {
  let start = 0
  for (let l = 1; l < line; l++) start = text.indexOf('\n', start) + 1
  return Buffer.byteLength(text.slice(0, start + column - 1)) + 1
}

const available = hasKubectl()
const onCi = process.env['CI'] === 'true'

describe.skipIf(!available && !onCi)(`Go's refusals of mutated JSON, against kubectl (seed ${seed})`, () => {
  const texts: string[] = []
  const theirs: Array<string | null> = []

  beforeAll(() => {
    if (!available) throw new Error(`CI: kubectl is required for the differential test and is missing at ${KUBECTL}`)
    texts.push(...fc.sample(mutation, { numRuns: RUNS, seed }))
    const dir = mkdtempSync(join(tmpdir(), 'nnp-gojson-'))
    try {
      texts.forEach((t, i) => writeFileSync(join(dir, `m${String(i).padStart(4, '0')}.json`), t))
      const run = spawnSync(KUBECTL, ['label', '--local', '-f', dir, 'differential=yes', '-o', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 50_000 })
      texts.forEach(() => theirs.push(null))
      for (const line of run.stderr.split('\n')) {
        const match = /error parsing .*\/m(\d+)\.json: json: (offset \d+: .*)$/.exec(line)
        if (match) theirs[Number(match[1])] = match[2] as string
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)

  test('the same words at the same character, or no refusal on both sides', () => {
    const disagreements: unknown[] = []
    texts.forEach((text, i) => {
      const units = readAllUnits(text, 'm.json')
      const problem = units.find((u) => u._tag === 'Problem' && u.code === 'json-syntax')
      // kubectl's offset is the 1-based byte offset of the refused character in the stream.
      const ours = problem?._tag === 'Problem' ? `offset ${byteOffset(text, problem.line ?? 0, problem.column ?? 0)}: ${problem.message.replace(/^items\[\d+\]: /, '').replace(`: ${JSON_STOPS}`, '')}` : null
      const kubectl = theirs[i] ?? null
      if (ours !== kubectl) disagreements.push({ text, kubectl, ours })
    })
    if (process.env['DIFFERENTIAL_PER_CLASS'] !== undefined) console.log(`differential Go JSON refusals: ${texts.length - disagreements.length}/${texts.length} agree (seed ${seed})`)
    expect(disagreements.slice(0, 5)).toEqual([])
  })
})
