/**
 * SARIF as GitHub code scanning reads it: rules with names, descriptions from the registry,
 * severities and help anchors that exist; results at the offending field; URIs against bases;
 * what decided in `run.properties`; `--stdin-filename`; schema-valid for generated reports.
 */
import { readFileSync } from 'node:fs'
import { fc, test } from '@fast-check/vitest'
import type { Log, ReportingDescriptor, Result } from 'sarif'
import { describe, expect } from 'vitest'
import { checkCommand } from '../../src/cli/check.js'
import { parseCheckArgs } from '../../src/cli/checkArgs.js'
import { KNOWN_RULES, pascalCaseOf, README_URI, ruleForUnknownCode } from '../../src/cli/format/rules.js'
import { artifactLocationOf, formatSarif, sarifLog, SRCROOT } from '../../src/cli/format/sarif.js'
import { sarifWriter } from '../../src/cli/format/streamed.js'
import { STDIN_SOURCE } from '../../src/cli/sources.js'
import { checkEntries, checkManifests, type CheckOptions } from '../../src/report/check.js'
import type { Report } from '../../src/report/report.js'
import { checkStream } from '../../src/manifest/stream.js'
import { RULES } from '../../src/resolve/rules/index.js'
import { recordingIO } from './io.js'
import { coverageOf, generatedRun, logOf, yamlOf } from './sarifGenerated.js'
import { sarifValidator } from './sarifSchema.js'

const validate = sarifValidator()

function expectValid(log: unknown): void {
  const ok = validate(JSON.parse(JSON.stringify(log)))
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([])
  expect(ok).toBe(true)
}

/**
 * GitHub's heading anchors (github-slugger): the heading's text as rendered (inline code and
 * links reduced to their text), lower-cased, every character that is not a letter, mark, digit,
 * connector, hyphen or space removed, spaces made hyphens; a repeated slug gets `-1`, `-2`, ….
 */
function githubSlugs(markdown: string): Set<string> {
  const seen = new Map<string, number>()
  const slugs = new Set<string>()
  let fence: string | null = null
  for (const line of markdown.split('\n')) {
    const f = /^\s*(```+|~~~+)/.exec(line)
    if (f !== null) {
      const mark = f[1] as string
      if (fence === null) fence = mark[0] as string
      else if (mark[0] === fence) fence = null
      continue
    }
    if (fence !== null) continue
    const h = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)
    if (h === null) continue
    const text = (h[1] as string).replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/`/g, '')
    const base = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-')
    const n = seen.get(base)
    seen.set(base, (n ?? -1) + 1)
    slugs.add(n === undefined ? base : `${base}-${n + 1}`)
  }
  return slugs
}

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

const privileged = `apiVersion: v1
kind: Pod
metadata: { name: debug }
spec:
  containers:
  - name: shell
    securityContext:
      privileged: true
      allowPrivilegeEscalation: false
  - name: plain
`

function rulesOf(log: Log): ReadonlyArray<ReportingDescriptor> {
  return log.runs[0]?.tool.driver.rules ?? []
}

function resultsOf(log: Log): ReadonlyArray<Result> {
  return log.runs[0]?.results ?? []
}

describe('rules', () => {
  const log = sarifLog(checkManifests({ source: 'pod.yaml', text: privileged }), { cwd: '/repo' })
  const rules = rulesOf(log)

  test('the slug rules match GitHub on the cases that matter', () => {
    expect([...githubSlugs('# A b\n## `code-x`\n### A b\n```\n# not a heading\n```\n#### [Link](x) & more: yes!\n')]).toEqual([
      'a-b',
      'code-x',
      'a-b-1',
      'link--more-yes',
    ])
  })

  test("every rule's helpUri is the README at a heading that exists", () => {
    const slugs = githubSlugs(README)
    const all = [...rules, ...rulesOf(sarifLog(checkManifests({ source: 'x.yaml', text: 'a: [1\n' })))]
    expect(all.some((r) => r.id === 'yaml-syntax')).toBe(true)
    for (const r of all) {
      const [base, anchor] = (r.helpUri ?? '').split('#')
      expect(base, r.id).toBe(README_URI)
      expect(slugs.has(anchor ?? ''), `${r.id}: #${anchor} is not a heading of README.md`).toBe(true)
    }
    // A rule of its own has a heading of its own: its id.
    for (const code of RULES.map((r) => r.code)) expect(rules.find((r) => r.id === code)?.helpUri).toBe(`${README_URI}#${code}`)
  })

  test('names are PascalCase, never the id; descriptions come from the registry', () => {
    for (const r of rules) {
      expect(r.name).toMatch(/^[A-Z][A-Za-z0-9]*$/)
      // SARIF validators compare name and id ignoring case.
      expect(r.name?.toLowerCase()).not.toBe(r.id.toLowerCase())
    }
    expect(ruleForUnknownCode('unresolved', 'error').name).toBe('UnresolvedProblem')
    expect(rules.find((r) => r.id === 'privileged-without-escalation')?.name).toBe('PrivilegedWithoutEscalation')
    for (const rule of RULES) {
      const d = rules.find((r) => r.id === rule.code)
      expect(d?.shortDescription?.text).toBe(rule.description)
      expect(d?.fullDescription?.text.startsWith(rule.description)).toBe(true)
      expect(d?.fullDescription?.text).toContain(rule.field)
    }
    expect(pascalCaseOf('not-utf8')).toBe('NotUtf8')
    expect(ruleForUnknownCode('policy-not-applied', 'warning').name).toBe('PolicyNotApplied')
  })

  test('security-severity on every security rule, findings below the violations they point to; problem.severity is the level', () => {
    const severity = (id: string): number => Number(rules.find((r) => r.id === id)?.properties?.['security-severity'])
    for (const r of rules) {
      const level = r.defaultConfiguration?.level
      expect(r.properties?.['problem.severity']).toBe(level === 'note' ? 'recommendation' : level)
      const s = r.properties?.['security-severity'] as string | undefined
      const tags = r.properties?.tags ?? []
      if (s === undefined) {
        expect(tags, r.id).not.toContain('security')
        continue
      }
      expect(s).toMatch(/^\d{1,2}\.\d$/)
      expect(Number(s)).toBeGreaterThanOrEqual(0)
      expect(Number(s)).toBeLessThanOrEqual(10)
      expect(tags).toContain('security')
    }
    for (const code of ['privileged-without-escalation', 'sys-admin-without-escalation', 'escalation-forbidden-by-policy']) {
      expect(severity(code), code).toBeGreaterThanOrEqual(7)
      expect(severity(code)).toBeGreaterThan(severity('no-new-privs-required'))
    }
    expect(severity('escalation-field-on-windows')).toBeLessThan(4)
    expect(rules.find((r) => r.id === 'unreadable')?.properties?.['security-severity']).toBeUndefined()
    // Every violation code has a severity (a rule added to the registry must choose one).
    for (const rule of RULES) expect(Number.isFinite(severity(rule.code)), rule.code).toBe(true)
    expect(KNOWN_RULES.slice(0, RULES.length).map((r) => r.id)).toEqual(RULES.map((r) => r.code))
  })
})

describe('results point at the offending field', () => {
  test('YAML: startLine and startColumn of the allowPrivilegeEscalation key', () => {
    const log = sarifLog(checkManifests({ source: 'k8s/pod.yaml', text: privileged }), { cwd: '/repo' })
    const v = resultsOf(log).find((r) => r.ruleId === 'privileged-without-escalation')!
    expect(v.locations?.[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'k8s/pod.yaml', uriBaseId: SRCROOT },
      region: { startLine: 9, startColumn: 7 },
    })
    expect(v.properties?.located).toBe('field')
    expect(v.message.text).not.toContain('not written')
  })

  test('a missing field points at the container, and says so', () => {
    const log = sarifLog(checkManifests({ source: 'pod.yaml', text: privileged }, { podSecurity: { level: 'restricted' } }), { cwd: '/repo' })
    const missing = resultsOf(log).filter((r) => r.ruleId === 'restricted-requires-no-escalation')
    expect(missing).toHaveLength(1)
    expect(missing[0]?.locations?.[0]?.physicalLocation?.region).toEqual({ startLine: 10, startColumn: 5 })
    expect(missing[0]?.properties?.located).toBe('container')
    expect(missing[0]?.message.text).toContain('the field is not written in the manifest, so this points at the container')
  })

  test('a stand-in field is its logical location', () => {
    const policy = 'kind: PodSecurityPolicy\nmetadata: { name: p }\nspec: { allowPrivilegeEscalation: false, defaultAllowPrivilegeEscalation: false }\n'
    const text = 'kind: Pod\nspec:\n  containers:\n  - name: a\n    securityContext: { privileged: true }\n'
    const options: CheckOptions = { semantics: 'kubernetes', kubernetesVersion: 'v1.20', policies: [{ source: 'psp.yaml', text: policy }] }
    const log = sarifLog(checkManifests({ source: 'pod.yaml', text }, options), { cwd: '/repo', kubernetesVersion: 'v1.20' })
    const v = resultsOf(log).find((r) => r.ruleId === 'privileged-without-escalation')!
    expect(v.locations?.[0]?.physicalLocation?.region).toEqual({ startLine: 5, startColumn: 24 })
    expect(v.locations?.[0]?.logicalLocations?.[0]?.fullyQualifiedName).toBe('spec.containers[0].securityContext.privileged')
    expect(v.properties?.field).toBe('spec.containers[0].securityContext.privileged')
    expect(log.runs[0]?.properties).toEqual({ semantics: 'kubernetes', kubernetesVersion: 'v1.20' })
  })

  test("a policy's field is in the policy's file", () => {
    const policy = 'kind: PodSecurityPolicy\nmetadata: { name: p }\nspec:\n  allowPrivilegeEscalation: false\n  defaultAllowPrivilegeEscalation: true\n'
    const options: CheckOptions = { semantics: 'kubernetes', kubernetesVersion: 'v1.20', policies: [{ source: 'policies/psp.yaml', text: policy }] }
    const log = sarifLog(checkManifests({ source: 'pod.yaml', text: 'kind: Pod\nspec:\n  containers: [{ name: a }]\n' }, options), { cwd: '/repo' })
    const v = resultsOf(log).find((r) => r.ruleId === 'invalid-policy')!
    expect(v.locations?.[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'policies/psp.yaml', uriBaseId: SRCROOT }, region: { startLine: 5, startColumn: 3 } })
  })
})

describe('URIs against bases', () => {
  test('inside the working directory: %SRCROOT%; outside: ROOT; standard input: none', () => {
    expect(artifactLocationOf('/repo/k8s/a b.yaml', '/repo')).toEqual({ uri: 'k8s/a%20b.yaml', uriBaseId: SRCROOT })
    expect(artifactLocationOf('../other/a.yaml', '/repo/sub')).toEqual({ uri: 'repo/other/a.yaml', uriBaseId: 'ROOT' })
    expect(artifactLocationOf('/etc/k8s/#1.yaml', '/repo')).toEqual({ uri: 'etc/k8s/%231.yaml', uriBaseId: 'ROOT' })
    expect(artifactLocationOf(STDIN_SOURCE, '/repo')).toBeNull()
  })

  test('the log defines every base it uses, and holds no absolute file URI besides them', () => {
    const report = checkManifests(
      [
        { source: '/repo/in.yaml', text: privileged },
        { source: '/elsewhere/out.yaml', text: privileged },
      ],
      {},
    )
    const log = sarifLog(report, { cwd: '/repo' })
    expect(log.runs[0]?.originalUriBaseIds).toEqual({
      [SRCROOT]: { uri: 'file:///repo/', description: { text: expect.any(String) } },
      ROOT: { uri: 'file:///', description: { text: expect.any(String) } },
    })
    const { originalUriBaseIds: _bases, ...rest } = log.runs[0]!
    expect(JSON.stringify(rest)).not.toContain('file:')
    expectValid(log)
    const only = sarifLog(checkManifests({ source: 'in.yaml', text: privileged }), { cwd: '/repo' })
    expect(Object.keys(only.runs[0]?.originalUriBaseIds ?? {})).toEqual([SRCROOT])
  })
})

describe('--stdin-filename', () => {
  test('is parsed, and an empty or multi-line name is a usage error', () => {
    const ok = parseCheckArgs(['--stdin-filename', 'k8s/a.yaml', '-'])
    expect(ok._tag === 'Right' && ok.right.stdinFilename).toBe('k8s/a.yaml')
    const none = parseCheckArgs(['-'])
    expect(none._tag === 'Right' && none.right.stdinFilename).toBeUndefined()
    for (const bad of ['', '  ', 'a\nb']) {
      const r = parseCheckArgs(['--stdin-filename', bad])
      expect(r._tag, JSON.stringify(bad)).toBe('Left')
    }
  })

  test('names the source of every entry from standard input, in SARIF and in JSON', async () => {
    const sarifIO = recordingIO({ stdin: privileged })
    expect(await checkCommand(['-o', 'sarif', '--stdin-filename', 'chart/pod.yaml', '-'], sarifIO, checkStream, { cwd: '/repo' })).toBe(1)
    const log = JSON.parse(sarifIO.out()) as Log
    expectValid(log)
    const locations = resultsOf(log).map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation)
    expect(locations.length).toBeGreaterThan(0)
    for (const l of locations) expect(l).toEqual({ uri: 'chart/pod.yaml', uriBaseId: SRCROOT })

    const jsonIO = recordingIO({ stdin: `${privileged}---\na: [1\n` })
    await checkCommand(['-o', 'json', '--stdin-filename', 'chart/pod.yaml'], jsonIO, checkStream)
    const json = JSON.parse(jsonIO.out()) as Report
    expect(json.results.map((r) => r.source)).toEqual(['chart/pod.yaml', 'chart/pod.yaml'])
    expect(json.errors.map((e) => e.source)).toEqual(['chart/pod.yaml'])

    const textIO = recordingIO({ stdin: privileged })
    await checkCommand(['--stdin-filename', 'chart/pod.yaml', '-'], textIO, checkStream)
    expect(textIO.out()).toContain('chart/pod.yaml')
    expect(textIO.out()).not.toContain(STDIN_SOURCE)
  })

  test('without it, standard input has no file, and says so', async () => {
    const io = recordingIO({ stdin: privileged })
    await checkCommand(['-o', 'sarif', '-'], io, checkStream, { cwd: '/repo' })
    const log = JSON.parse(io.out()) as Log
    const v = resultsOf(log).find((r) => r.ruleId === 'privileged-without-escalation')!
    expect(v.locations?.[0]?.physicalLocation).toBeUndefined()
    expect(v.properties?.source).toBe(STDIN_SOURCE)
    expectValid(log)
  })
})

describe('run.properties states what decided', () => {
  test('the semantics, and under kubernetes the version, in the whole log and the streamed one alike', async () => {
    for (const [argv, expected] of [
      [['--semantics', 'kubernetes', '--kubernetes-version', 'v1.24'], { semantics: 'kubernetes', kubernetesVersion: 'v1.24' }],
      [['--semantics', 'kubernetes'], { semantics: 'kubernetes', kubernetesVersion: 'latest' }],
      [[], { semantics: 'proposal' }],
    ] as const) {
      const io = recordingIO({ stdin: privileged })
      await checkCommand(['-o', 'sarif', ...argv, '-'], io, checkStream, { cwd: '/repo' })
      expect((JSON.parse(io.out()) as Log).runs[0]?.properties).toEqual(expected)
    }
  })
})

describe('property: generated reports', () => {
  test('the generator reaches every violation code, suppressions, files outside the working directory and standard input', () => {
    const logs = fc.sample(generatedRun, { numRuns: 200, seed: 42 }).map((m) => logOf(m).log)
    const seen = coverageOf(logs)
    for (const code of [...RULES.map((r) => r.code), 'no-new-privs-required', 'unknown-field', 'yaml-syntax']) {
      expect(seen.rules.has(code), code).toBe(true)
    }
    expect(seen.suppressed).toBeGreaterThan(0)
    expect(seen.outside).toBeGreaterThan(0)
    expect(seen.stdin).toBeGreaterThan(0)
    expect(seen.columns).toBeGreaterThan(0)
  })

  test.prop([generatedRun], { numRuns: 80 })('give schema-valid SARIF whose every location is against a defined base', (m) => {
    const { log, report } = logOf(m)
    expectValid(log)
    const run = log.runs[0]!
    const bases = run.originalUriBaseIds ?? {}
    const rules = run.tool.driver.rules ?? []
    let items = 0
    for (const r of report.results) items += r.violations.length + r.findings.length
    expect((run.results ?? []).length).toBeGreaterThanOrEqual(items + report.errors.length)
    for (const r of run.results ?? []) {
      expect(rules[r.ruleIndex ?? -1]?.id).toBe(r.ruleId)
      for (const l of [...(r.locations ?? []), ...(r.suppressions ?? []).flatMap((s) => (s.location === undefined ? [] : [s.location]))]) {
        const a = l.physicalLocation?.artifactLocation
        if (a === undefined) {
          expect(r.properties?.source ?? STDIN_SOURCE).toBe(STDIN_SOURCE)
          continue
        }
        expect(a.uri).not.toMatch(/^file:/)
        expect(bases[a.uriBaseId ?? '']?.uri, a.uriBaseId).toMatch(/^file:\/\/\/(.*\/)?$/)
        const region = l.physicalLocation?.region
        if (region?.startLine !== undefined) expect(region.startLine).toBeGreaterThanOrEqual(1)
      }
      if (r.properties?.located === 'field') expect(r.locations?.[0]?.physicalLocation?.region?.startColumn ?? 1).toBeGreaterThanOrEqual(1)
    }
  })

  test.prop([generatedRun], { numRuns: 15 })('the streamed log is the whole log', async (m) => {
    const { log, report, options } = logOf(m)
    let out = ''
    const w = sarifWriter({ write: (s) => void (out += s), isTTY: false }, report.semantics, { cwd: '/repo', kubernetesVersion: 'v1.24' })
    const entries = checkEntries(
      m.files.map((f) => ({ source: f.source, text: f.docs.map(yamlOf).join('---\n') })),
      options,
    )
    for (const e of entries) w.add(e)
    w.end()
    // The whole report puts the exemption stage's problems where checkManifests does; compare results as sets of ids.
    const streamedLog = JSON.parse(out) as Log
    expect(streamedLog.runs[0]?.originalUriBaseIds).toEqual(log.runs[0]?.originalUriBaseIds)
    expect(streamedLog.runs[0]?.properties).toEqual(log.runs[0]?.properties)
    expect((streamedLog.runs[0]?.results ?? []).map((r) => r.ruleId).sort()).toEqual((log.runs[0]?.results ?? []).map((r) => r.ruleId).sort())
    expect(JSON.parse(formatSarif(report, { cwd: '/repo', kubernetesVersion: 'v1.24' }))).toEqual(JSON.parse(JSON.stringify(log)))
  })
})
