/**
 * `--output github`: workflow commands the runner reads (one line each, escaped as it unescapes),
 * the per-step annotation limit said out loud, and a capped Markdown step summary.
 */
import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { ANNOTATIONS_SHOWN_PER_STEP, SUMMARY_ROWS, escapeData, escapeProperty, githubWriter, markdownCell, workflowCommand } from '../../src/cli/format/github.js'
import type { GithubOptions } from '../../src/cli/format/github.js'
import type { ReportEntry } from '../../src/report/check.js'
import type { ContainerResult } from '../../src/report/report.js'
import { decodeError, rejected, result, typoWarning } from './fixtures.js'

const run = (entries: ReadonlyArray<ReportEntry>, options: { readonly decidedBy?: GithubOptions['decidedBy']; readonly summary?: boolean } = {}): { out: string; summary: string } => {
  let out = ''
  let summary = ''
  const w = githubWriter(
    { write: (s) => void (out += s) },
    { decidedBy: options.decidedBy ?? { semantics: 'proposal' }, ...(options.summary === true ? { summary: { write: (s: string) => void (summary += s) } } : {}) },
  )
  for (const e of entries) w.add(e)
  w.end()
  return { out, summary }
}

/** A workflow command as the runner reads it: level, properties, message, each unescaped. */
function readCommand(line: string): { level: string; props: Record<string, string>; message: string } | null {
  const m = /^::(\w+) ?([^:]*)::(.*)$/.exec(line)
  if (m === null) return null
  const unData = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
  const unProp = (s: string): string => unData(s.replace(/%3A/g, ':').replace(/%2C/g, ','))
  const props: Record<string, string> = {}
  for (const part of (m[2] ?? '').split(',').filter((p) => p !== '')) {
    const eq = part.indexOf('=')
    props[part.slice(0, eq)] = unProp(part.slice(eq + 1))
  }
  return { level: m[1] as string, props, message: unData(m[3] as string) }
}

const violation = (i: number): ReportEntry => ({ _tag: 'Result', result: { ...rejected, name: `debug-${i}`, line: i + 1 } })

describe('the GitHub Actions report', () => {
  test('a violation is an ::error on its file and line, titled with the code and the container', () => {
    const { out } = run([{ _tag: 'Result', result: rejected }])
    const [first] = out.split('\n')
    expect(first).toBe(
      '::error file=bad.yaml,line=9,title=privileged-without-escalation (Pod debug%3A container shell)::cannot set `allowPrivilegeEscalation` to false and `privileged` to true (at spec.containers[0].securityContext.allowPrivilegeEscalation)',
    )
  })

  test('a finding is an ::error (it fails the run); a warning is a ::warning; an exempted item a ::notice; a passing container nothing', () => {
    const finding = result({ noNewPrivs: false, findings: [{ code: 'no-new-privs-required', path: 'spec.template.spec.containers[0]', message: 'runs without no_new_privs' }] })
    const exempted: ContainerResult = { ...rejected, violations: rejected.violations.map((v) => ({ ...v, exempted: { reason: 'host devices', source: { kind: 'file', source: 'ex.yaml', document: 0, line: 2, path: 'exemptions[0]' } } })) }
    const { out } = run([{ _tag: 'Result', result: result() }, { _tag: 'Result', result: finding }, { _tag: 'Warning', warning: typoWarning }, { _tag: 'Result', result: exempted }])
    const levels = out.trimEnd().split('\n').map((l) => readCommand(l)?.level ?? 'plain')
    expect(levels).toEqual(['error', 'warning', 'notice', 'plain'])
    expect(readCommand(out.split('\n')[2] as string)).toMatchObject({ props: { title: 'exempted: privileged-without-escalation (Pod debug: container shell)' }, message: expect.stringContaining('host devices') })
  })

  test('an error carries line and column; standard input has no file to annotate', () => {
    const { out } = run([{ _tag: 'Error', error: decodeError }, { _tag: 'Error', error: { ...decodeError, source: '<stdin>' } }])
    const [a, b] = out.split('\n').map((l) => readCommand(l))
    expect(a).toEqual({ level: 'error', props: { file: 'bad.yaml', line: '7', col: '3', title: 'yaml-syntax (document 2)' }, message: decodeError.message })
    expect(b?.props['file']).toBeUndefined()
  })

  test('the last line gives the totals and what decided (SPEC §10)', () => {
    const { out } = run([violation(0)], { decidedBy: { semantics: 'kubernetes', kubernetesVersion: 'v1.32' } })
    expect(out.trimEnd().split('\n').at(-1)).toBe(
      'no-new-privs: 1 container in 1 source: 0 with no_new_privs, 0 without, 1 rejected · 1 violation · 0 findings · 0 warnings · 0 errors · 0 skipped; decided by semantics kubernetes at Kubernetes v1.32',
    )
  })

  test(`every annotation is printed; past ${ANNOTATIONS_SHOWN_PER_STEP} of a type a notice says how many and points at the summary`, () => {
    const within = run(Array.from({ length: ANNOTATIONS_SHOWN_PER_STEP }, (_, i) => violation(i)), { summary: true }).out
    expect(within).not.toContain('more annotations than GitHub shows')
    const { out } = run(Array.from({ length: 12 }, (_, i) => violation(i)), { summary: true })
    const lines = out.trimEnd().split('\n')
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(12)
    const notice = readCommand(lines.at(-2) as string)
    expect(notice?.level).toBe('notice')
    expect(notice?.message).toBe('12 errors: the runner shows only 10 of each type per step (50 per job); the step summary lists the failing containers, and every one is in this log above')
    expect(readCommand(run(Array.from({ length: 12 }, (_, i) => violation(i))).out.trimEnd().split('\n').at(-2) as string)?.message).toMatch(/; every one is in this log above$/)
  })

  test('the limit notice takes a type still under its limit, so that it is shown', () => {
    const exempted = (i: number): ReportEntry => ({
      _tag: 'Result',
      result: { ...rejected, line: i + 1, violations: rejected.violations.map((v) => ({ ...v, exempted: { reason: 'r', source: { kind: 'file', source: 'ex.yaml', document: 0, line: 2, path: 'exemptions[0]' } } })) },
    })
    const { out } = run([...Array.from({ length: 11 }, (_, i) => exempted(i)), violation(0)])
    const last = readCommand(out.trimEnd().split('\n').at(-2) as string)
    expect(last).toMatchObject({ level: 'warning', message: expect.stringMatching(/^11 notices: /) })
  })

  test('a skipped document is no annotation, and is counted in the totals', () => {
    const { out } = run([{ _tag: 'Skipped', skipped: { source: 'svc.yaml', document: 0, kind: 'Service' } }])
    expect(out).toBe('no-new-privs: 0 containers in 1 source: 0 with no_new_privs, 0 without, 0 rejected · 0 violations · 0 findings · 0 warnings · 0 errors · 1 skipped; decided by semantics proposal\n')
  })

  test(`the step summary: counts, what decided, a table of failing containers and errors capped at ${SUMMARY_ROWS} rows`, () => {
    const { summary } = run([...Array.from({ length: SUMMARY_ROWS + 7 }, (_, i) => violation(i)), { _tag: 'Error', error: decodeError }], { summary: true, decidedBy: { semantics: 'kubernetes', kubernetesVersion: 'v1.30' } })
    const lines = summary.split('\n')
    expect(lines.slice(0, 5)).toEqual(['## no-new-privs', '', expect.stringMatching(/^57 containers in 1 source: .* · 57 violations · .* · 1 error · 0 skipped$/), '', 'Decided by semantics kubernetes at Kubernetes v1.30.'])
    const rows = lines.filter((l) => l.startsWith('| ') && !l.startsWith('| source') && !l.startsWith('| ---'))
    expect(rows).toHaveLength(SUMMARY_ROWS)
    expect(rows[0]).toBe('| bad.yaml | 1 | Pod debug-0: container shell | privileged-without-escalation |')
    expect(summary).toContain('and 8 more (every one is an annotation in the step\'s log)')
  })

  test('no failure: the summary has the counts and no table', () => {
    const { summary, out } = run([{ _tag: 'Result', result: result() }], { summary: true })
    expect(summary).not.toContain('| source')
    expect(out.split('\n')[0]).toMatch(/^no-new-privs: 1 container in 1 source/)
  })

  test('annotations are written as entries arrive, before the end', () => {
    let out = ''
    const w = githubWriter({ write: (s) => void (out += s) }, { decidedBy: { semantics: 'proposal' } })
    w.add(violation(0))
    expect(out).toMatch(/^::error /)
  })
})

// Every UTF-16 unit, and the characters workflow commands give meaning to, often.
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: fc.constantFrom('%', '\r', '\n', ':', ',', '::', '%0A', '%25', '=', ' '), maxLength: 20 }))

describe('escaping', () => {
  test.prop([anyText, anyText, anyText])('any file, title and message: one line, read back as written', (file, title, message) => {
    const line = workflowCommand('error', { file, line: 3, title, message })
    expect(line).not.toMatch(/[\r\n]/)
    expect(readCommand(line)).toEqual({ level: 'error', props: { file, line: '3', title }, message })
  })

  test.prop([anyText, anyText])('a container name cannot inject a command: each entry is one annotation line', (name, message) => {
    const r: ContainerResult = { ...rejected, name, violations: [{ code: 'privileged-without-escalation', path: 'p', message }] }
    const { out } = run([{ _tag: 'Result', result: r }])
    const lines = out.trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^::error /)
    expect(lines[1]).toMatch(/^no-new-privs: /)
  })

  test('pinned: data escapes % CR LF; properties also : and ,', () => {
    expect(escapeData('100%\r\n:,')).toBe('100%25%0D%0A:,')
    expect(escapeProperty('100%\r\n:,')).toBe('100%25%0D%0A%3A%2C')
  })

  test('a Markdown cell: pipes, newlines and HTML cannot break the table', () => {
    expect(markdownCell('a|b\nc <script>&\\')).toBe('a\\|b c &lt;script&gt;&amp;\\\\')
  })
})
