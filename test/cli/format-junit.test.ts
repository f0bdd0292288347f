/**
 * `--output junit`: well-formed, of the shape CI servers read (junit.xsd), counts that match the
 * cases, everything escaped, and a spool that keeps memory bounded.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { junitWriter } from '../../src/cli/format/junit.js'
import type { JunitOptions } from '../../src/cli/format/junit.js'
import { Spool } from '../../src/cli/format/spool.js'
import { xmlAttribute, xmlText } from '../../src/cli/format/xml.js'
import { checkEntries, type ReportEntry } from '../../src/report/check.js'
import type { ContainerResult } from '../../src/report/report.js'
import { decodeError, fullReport, rejected, result, typoWarning } from './fixtures.js'
import { junitProblems, parseJunit, type JunitSuite } from './junit/validate.js'

const written = (entries: ReadonlyArray<ReportEntry>, options: JunitOptions = { decidedBy: { semantics: 'proposal' } }): string => {
  let text = ''
  const w = junitWriter({ write: (s) => void (text += s) }, options)
  for (const e of entries) w.add(e)
  w.end()
  return text
}

const examples = readdirSync('examples')
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .map((f) => ({ source: `examples/${f}`, text: readFileSync(`examples/${f}`, 'utf8') }))
const exampleEntries = [...checkEntries(examples, { requireNoNewPrivs: true, semantics: 'kubernetes', kubernetesVersion: 'v1.32' })]

// As a stream gives them: a source's entries together.
const full: ReportEntry[] = [
  ...fullReport.results.filter((r) => r.source === 'deploy.yaml').map((r) => ({ _tag: 'Result' as const, result: r })),
  ...fullReport.warnings.map((warning) => ({ _tag: 'Warning' as const, warning })),
  ...fullReport.skipped.map((skipped) => ({ _tag: 'Skipped' as const, skipped })),
  { _tag: 'Result', result: rejected },
  { _tag: 'Error', error: decodeError },
]

/** The counts a suite's cases add up to. */
function countedFrom(suite: JunitSuite): Record<'tests' | 'failures' | 'errors' | 'skipped', string> {
  const cases = suite.testcase ?? []
  return {
    tests: String(cases.length),
    failures: String(cases.filter((c) => c.failure !== undefined).length),
    errors: String(cases.filter((c) => c.error !== undefined).length),
    skipped: String(cases.filter((c) => c.skipped !== undefined).length),
  }
}

describe('the JUnit report', () => {
  test('the examples: well-formed and of the shape GitLab, Jenkins, Azure and CircleCI read', async () => {
    const xml = written(exampleEntries, { decidedBy: { semantics: 'kubernetes', kubernetesVersion: 'v1.32' } })
    expect(await junitProblems(xml)).toEqual([])
  })

  test('the schema check can fail: a misplaced element and a negative count are refused', async () => {
    const xml = written(full)
    expect(await junitProblems(xml.replace('<properties>', '<bogus/><properties>'))).not.toEqual([])
    expect(await junitProblems(xml.replace(/tests="\d+"/, 'tests="-1"'))).not.toEqual([])
    expect(await junitProblems(xml.replace('</testsuites>', ''))).not.toEqual([])
  })

  test('one suite per source; each suite counts its cases; the root counts them all', () => {
    const xml = written(exampleEntries)
    const suites = parseJunit(xml).testsuites.testsuite
    expect(suites.map((s) => s.name)).toEqual([...new Set(exampleEntries.map(sourceOf))])
    for (const s of suites) expect({ tests: s.tests, failures: s.failures, errors: s.errors, skipped: s.skipped }).toEqual(countedFrom(s))
    const root = parseJunit(xml).testsuites
    const sum = (key: 'tests' | 'failures' | 'errors' | 'skipped'): string => String(suites.reduce((n, s) => n + Number(s[key]), 0))
    expect({ tests: root.tests, failures: root.failures, errors: root.errors, skipped: root.skipped }).toEqual({ tests: sum('tests'), failures: sum('failures'), errors: sum('errors'), skipped: sum('skipped') })
    expect(Number(root.failures)).toBeGreaterThan(0)
  })

  test('a container is a case: classname the source, name the object and container, file and line', () => {
    const [suite] = parseJunit(written(full)).testsuites.testsuite
    expect(suite?.testcase.map((c) => c.name)).toEqual([
      'Deployment default/web: container app',
      'Deployment default/web: init container sidecar',
      'document 1: Service',
    ])
    expect(suite?.testcase[0]).toMatchObject({ classname: 'deploy.yaml', file: 'deploy.yaml', line: '17' })
    // Standard input is no file to link to.
    const stdin = parseJunit(written([{ _tag: 'Result', result: result({ source: '<stdin>' }) }])).testsuites.testsuite[0]?.testcase[0]
    expect(stdin).toMatchObject({ classname: '<stdin>', line: '17' })
    expect(stdin?.file).toBeUndefined()
  })

  test('violations and findings are one failure with code, message, path and line; passing cases have none', () => {
    const suites = parseJunit(written(full)).testsuites.testsuite
    const [deploy, bad] = suites
    expect(deploy?.testcase[0]?.failure).toBeUndefined()
    expect(deploy?.testcase[1]?.failure).toEqual({
      type: 'no-new-privs-required',
      message: 'no-new-privs-required: the container runs without no_new_privs',
      '#text': 'no-new-privs-required at spec.template.spec.initContainers[0] (line 12): the container runs without no_new_privs',
    })
    expect(bad?.testcase[0]?.failure).toMatchObject({ type: 'privileged-without-escalation' })
    expect(bad?.testcase[0]?.failure?.['#text']).toContain('at spec.containers[0].securityContext.allowPrivilegeEscalation (line 9)')
  })

  test('several problems: the first in the message with how many more, every one in the text', () => {
    const two = { ...rejected, violations: [...rejected.violations, { code: 'escalation-field-on-windows' as const, path: 'spec.containers[0].x', message: 'second' }] }
    const [suite] = parseJunit(written([{ _tag: 'Result', result: two }])).testsuites.testsuite
    const failure = suite?.testcase[0]?.failure
    expect(failure?.message).toBe('privileged-without-escalation: cannot set `allowPrivilegeEscalation` to false and `privileged` to true (and 1 more)')
    expect(failure?.['#text']?.split('\n')).toHaveLength(2)
  })

  test('input that could not be read or decoded is an error case; a policy violation is a failure', () => {
    const psp: ReportEntry = { _tag: 'Error', error: { source: 'psp.yaml', document: 0, line: 8, column: 3, code: 'invalid-policy', message: 'Cannot set …', category: 'violation' } }
    const unreadable: ReportEntry = { _tag: 'Error', error: { source: 'gone.yaml', document: null, line: null, column: null, code: 'unreadable', message: 'cannot read: no such file or directory', category: 'input' } }
    const suites = parseJunit(written([{ _tag: 'Error', error: decodeError }, psp, unreadable])).testsuites.testsuite
    expect(suites[0]?.testcase[0]).toMatchObject({ name: 'document 2: yaml-syntax', line: '7', error: { type: 'yaml-syntax', message: decodeError.message, '#text': `document 2, line 7, column 3: ${decodeError.message}` } })
    expect(suites[0]).toMatchObject({ errors: '1', failures: '0' })
    expect(suites[1]?.testcase[0]).toMatchObject({ failure: { type: 'invalid-policy' } })
    expect(suites[1]).toMatchObject({ errors: '0', failures: '1' })
    expect(suites[2]?.testcase[0]).toMatchObject({ name: 'unreadable', error: { '#text': 'cannot read: no such file or directory' } })
    expect(suites[2]?.testcase[0]?.line).toBeUndefined()
  })

  test('an exempted violation does not fail its case: its reason and source are in the case output', () => {
    const exempted: ContainerResult = {
      ...rejected,
      violations: rejected.violations.map((v) => ({ ...v, exempted: { reason: 'needs host devices', source: { kind: 'annotation', source: 'bad.yaml', document: 0, line: 4, path: 'metadata.annotations' } } })),
    }
    const [suite] = parseJunit(written([{ _tag: 'Result', result: exempted }])).testsuites.testsuite
    expect(suite).toMatchObject({ tests: '1', failures: '0', skipped: '0' })
    expect(suite?.testcase[0]?.failure).toBeUndefined()
    expect(suite?.testcase[0]?.['system-out']).toContain('exempted: privileged-without-escalation at spec.containers[0].securityContext.allowPrivilegeEscalation, by annotation bad.yaml:4: needs host devices')
  })

  test('skipped documents are skipped cases; warnings are the suite output, once each', () => {
    const [suite] = parseJunit(written([...full, { _tag: 'Warning', warning: typoWarning }])).testsuites.testsuite
    expect(suite?.testcase[2]?.skipped).toEqual({ message: 'kind Service carries no pod' })
    expect(suite?.['system-err']).toBe(`warning unknown-field at ${typoWarning.path} (document 0, line 21): ${typoWarning.message}`)
  })

  test('the semantics, and the version under kubernetes, are suite properties (SPEC §10)', () => {
    const k8s = parseJunit(written(full, { decidedBy: { semantics: 'kubernetes', kubernetesVersion: 'v1.29' } })).testsuites.testsuite[0]
    expect(k8s?.properties.property).toEqual([{ name: 'semantics', value: 'kubernetes' }, { name: 'kubernetesVersion', value: 'v1.29' }])
    const proposal = parseJunit(written(full)).testsuites.testsuite[0]
    expect(proposal?.properties.property).toEqual([{ name: 'semantics', value: 'proposal' }])
  })

  test('no entries: an empty, valid report', async () => {
    const xml = written([])
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="no-new-privs" tests="0" failures="0" errors="0" skipped="0">\n</testsuites>\n')
    expect(await junitProblems(xml)).toEqual([])
  })
})

/** What a reader gets back for text: XML 1.0's forbidden characters as `\uXXXX`, the rest as written. */
const asRead = (s: string): string =>
  s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)

// Anything a manifest can carry: every UTF-16 unit (lone surrogates, C0 controls, U+FFFE), and
// the characters XML gives meaning to, often.
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", ']]>', '\r', '\n', '\t', '\r\n', '\u0000', '\u0001', '\uD800', '\uFFFF', 'é', '😀', ' '), maxLength: 20 }),
)

describe('escaping', () => {
  test.prop([anyText, anyText, anyText, anyText], { numRuns: 60 })(
    'any source, name, container and message: still valid, and read back as written',
    async (source, name, container, message) => {
      const r = result({ source, name, container, violations: [{ code: 'privileged-without-escalation', path: 'spec.containers[0]', message }], noNewPrivs: null, reason: null })
      const xml = written([{ _tag: 'Result', result: r }])
      expect(await junitProblems(xml)).toEqual([])
      const suite = parseJunit(xml).testsuites.testsuite[0]
      expect(suite?.name).toBe(asRead(source))
      expect(suite?.testcase[0]?.name).toBe(asRead(`Deployment default/${name}: container ${container}`))
      expect(suite?.testcase[0]?.failure?.message).toBe(asRead(`privileged-without-escalation: ${message}`))
      expect(suite?.testcase[0]?.failure?.['#text']).toBe(asRead(`privileged-without-escalation at spec.containers[0] (line 17): ${message}`))
    },
  )

  test('pinned: markup, quotes, newlines in attributes, a control character, a lone surrogate', () => {
    expect(xmlAttribute('<a href="x">&\'\n\t\r')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&#10;&#9;&#13;')
    expect(xmlText(']]> \u0001 \uD800 \uD83D\uDE00 \r\n')).toBe(']]&gt; \\u0001 \\uD800 \uD83D\uDE00 &#13;\n')
  })
})

describe('memory stays bounded', () => {
  test('a spool past its limit moves to a file, and gives back exactly what was written, multi-byte characters cut at any chunk edge', () => {
    const spool = new Spool(1000)
    const pieces: string[] = []
    for (let i = 0; i < 5000; i++) pieces.push(`é${i}😀<`)
    for (const p of pieces) spool.write(p)
    expect(spool.onDisk).toBe(true)
    let out = ''
    spool.drainTo({ write: (s) => void (out += s) })
    expect(out).toBe(pieces.join(''))
    expect(spool.onDisk).toBe(false)
    // Empty after draining, and usable again.
    spool.write('again')
    let again = ''
    spool.drainTo({ write: (s) => void (again += s) })
    expect(again).toBe('again')
  })

  test('20,000 containers with a 64 KiB spool: the same report as one held in memory', () => {
    const many: ReportEntry[] = []
    for (let i = 0; i < 20_000; i++) many.push({ _tag: 'Result', result: result({ source: `f${i % 3}.yaml`, name: `web-${i}`, line: i + 1 }) })
    expect(written(many, { decidedBy: { semantics: 'proposal' }, spoolLimit: 1 << 16 })).toBe(written(many, { decidedBy: { semantics: 'proposal' }, spoolLimit: Infinity }))
  })
})

function sourceOf(e: ReportEntry): string {
  return e._tag === 'Result' ? e.result.source : e._tag === 'Error' ? e.error.source : e._tag === 'Warning' ? e.warning.source : e.skipped.source
}
