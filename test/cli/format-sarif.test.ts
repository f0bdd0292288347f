import { describe, expect, test } from 'vitest'
import type { Log, ReportingDescriptor, Result } from 'sarif'
import { formatSarif, sarifLog, uriOf } from '../../src/cli/format/sarif.js'
import { KNOWN_RULES } from '../../src/cli/format/rules.js'
import { STDIN_SOURCE } from '../../src/cli/sources.js'
import { VERSION } from '../../src/cli/version.js'
import type { KubernetesDecision, ViolationCode } from '../../src/resolve/types.js'
import { fullReport, rejected, report, result } from './fixtures.js'
import { githubWriter } from '../../src/cli/format/github.js'
import { checkEntries, checkManifests } from '../../src/report/check.js'
import { sarifValidator } from './sarifSchema.js'

const validate = sarifValidator()

function expectValidSarif(log: unknown): void {
  const ok = validate(log)
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([])
  expect(ok).toBe(true)
}

const ALL_VIOLATION_CODES: ReadonlyArray<ViolationCode> = [
  'privileged-without-escalation',
  'sys-admin-without-escalation',
  'escalation-forbidden-by-policy',
  'invalid-policy',
  'escalation-field-on-windows',
  'restricted-requires-no-escalation',
]

describe('formatSarif', () => {
  const log = JSON.parse(formatSarif(fullReport, { cwd: '/repo' })) as Log
  const run = log.runs[0]!
  const rules = run.tool.driver.rules!
  const results = run.results!

  test('is valid against the SARIF 2.1.0 schema', () => {
    expectValidSarif(log)
  })

  test('the schema check itself rejects what code scanning would (so the test above can fail)', () => {
    expect(validate({ ...log, version: '2.0.0' })).toBe(false)
    const noMessage = { ...log, runs: [{ ...run, results: [{ ruleId: 'x', level: 'error' }] }] }
    expect(validate(noMessage)).toBe(false)
    const badLevel = { ...log, runs: [{ ...run, results: [{ ...results[0], level: 'fatal' }] }] }
    expect(validate(badLevel)).toBe(false)
  })

  test('names the schema and version 2.1.0, with one run whose driver names the tool', () => {
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json')
    expect(log.version).toBe('2.1.0')
    expect(log.runs).toHaveLength(1)
    expect(run.tool.driver).toMatchObject({ name: 'no-new-privs', version: VERSION })
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//)
  })

  test('has a rule for every violation code, with descriptions, help and a default level', () => {
    for (const code of [...ALL_VIOLATION_CODES, 'no-new-privs-required', 'unknown-field', 'sys-admin-spelling']) {
      const rule = rules.find((r) => r.id === code)
      expect(rule, code).toBeDefined()
      expect(rule!.shortDescription?.text).toBeTruthy()
      expect(rule!.fullDescription?.text).toBeTruthy()
      expect(rule!.help?.text).toBeTruthy()
      expect(rule!.defaultConfiguration?.level).toMatch(/^(error|warning|note)$/)
    }
  })

  test('every result names its rule by id and by index, with a level and a message', () => {
    expect(results.length).toBeGreaterThan(0)
    for (const r of results) {
      expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId)
      expect(r.level).toMatch(/^(error|warning|note)$/)
      expect(r.message.text).toBeTruthy()
    }
  })

  test('a violation is located by relative URI, line, and its field path as a logical location', () => {
    const v = results.find((r) => r.ruleId === 'privileged-without-escalation')!
    expect(v.level).toBe('error')
    expect(v.locations).toEqual([
      {
        physicalLocation: { artifactLocation: { uri: 'bad.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 9 } },
        logicalLocations: [
          {
            name: 'allowPrivilegeEscalation',
            fullyQualifiedName: 'spec.containers[0].securityContext.allowPrivilegeEscalation',
            kind: 'property',
          },
        ],
      },
    ])
    expect(v.message.text).toContain('cannot set `allowPrivilegeEscalation` to false and `privileged` to true')
    expect(v.message.text).toContain('container "shell" of Pod "debug"')
  })

  test('decode errors are results with their own rule, line and column', () => {
    const e = results.find((r) => r.ruleId === 'yaml-syntax')!
    expect(e.level).toBe('error')
    expect(e.locations?.[0]?.physicalLocation?.region).toEqual({ startLine: 7, startColumn: 3 })
    const rule = rules[e.ruleIndex!]!
    expect(rule.defaultConfiguration?.level).toBe('error')
  })

  test('unknown-field warnings are warning results at their path', () => {
    const w = results.find((r) => r.ruleId === 'unknown-field')!
    expect(w.level).toBe('warning')
    expect(w.locations?.[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'deploy.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 21 } })
    expect(w.locations?.[0]?.logicalLocations?.[0]?.fullyQualifiedName).toBe(
      'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalaton',
    )
  })

  test('findings of --require-no-new-privs are results', () => {
    expect(results.some((r) => r.ruleId === 'no-new-privs-required')).toBe(true)
  })

  test('rule indices are the same whatever the report holds (known rules first, in a fixed order)', () => {
    const empty = sarifLog(report())
    const ids = (empty.runs[0]!.tool.driver.rules ?? []).map((r: ReportingDescriptor) => r.id)
    expect(ids).toEqual(KNOWN_RULES.map((r) => r.id))
    expect(rules.slice(0, ids.length).map((r) => r.id)).toEqual(ids)
    expectValidSarif(empty)
  })

  test('every violation code, a policy violation, stdin and a decision warning still give valid SARIF', () => {
    const k8s: KubernetesDecision = {
      semantics: 'kubernetes',
      applicable: true,
      noNewPrivs: true,
      setting: false,
      from: { target: 'container', path: 'securityContext.allowPrivilegeEscalation', value: false },
      warnings: [{ code: 'sys-admin-spelling', target: 'container', path: 'securityContext.capabilities.add[0]', message: 'SYS_ADMIN passes' }],
    }
    const big = report({
      results: [
        ...ALL_VIOLATION_CODES.map((code, i) => ({
          ...rejected,
          source: i % 2 === 0 ? 'dir/sub dir/a#1.yaml' : STDIN_SOURCE,
          violations: [
            {
              code,
              path: 'spec.containers[0].securityContext.allowPrivilegeEscalation',
              message: code,
              ...(code === 'invalid-policy' ? { policy: { source: 'psp.yaml', document: 3, name: 'p' } } : {}),
            },
          ],
        })),
        result({ reason: k8s }),
      ],
      errors: [{ source: 'missing.yaml', document: null, line: null, column: null, code: 'unreadable', message: 'cannot read: no such file or directory', category: 'input' }],
    })
    const out = sarifLog(big, { cwd: '/repo' })
    expectValidSarif(JSON.parse(JSON.stringify(out)))
    const res = out.runs[0]!.results!
    const uris = res.map((r: Result) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri)
    expect(uris).toContain('dir/sub%20dir/a%231.yaml')
    expect(uris).toContain('psp.yaml')
    const stdinResult = res.find((r: Result) => r.ruleId === 'sys-admin-without-escalation')!
    expect(stdinResult.locations?.[0]?.physicalLocation).toBeUndefined()
    expect(res.find((r: Result) => r.ruleId === 'sys-admin-spelling')?.level).toBe('warning')
    expect(stdinResult.properties?.source).toBe(STDIN_SOURCE)
    expect(res.find((r: Result) => r.ruleId === 'unreadable')?.locations?.[0]).toEqual({ physicalLocation: { artifactLocation: { uri: 'missing.yaml', uriBaseId: '%SRCROOT%' } } })
  })
})

describe('uriOf', () => {
  test('keeps relative paths relative, with forward slashes and no leading ./', () => {
    expect(uriOf('./examples/pod.yaml', '/repo')).toBe('examples/pod.yaml')
    expect(uriOf('examples//pod.yaml', '/repo')).toBe('examples/pod.yaml')
  })
  test('makes absolute paths under cwd relative to it', () => {
    expect(uriOf('/repo/k8s/a.yaml', '/repo')).toBe('k8s/a.yaml')
  })
  test('gives a file: URL for a path outside cwd', () => {
    expect(uriOf('/elsewhere/a.yaml', '/repo')).toBe('file:///elsewhere/a.yaml')
    expect(uriOf('../other/a.yaml', '/repo/sub')).toBe('file:///repo/other/a.yaml')
  })
  test('percent-encodes what a URI cannot hold', () => {
    expect(uriOf('my manifests/ä?.yaml', '/repo')).toBe('my%20manifests/%C3%A4%3F.yaml')
  })
  test('standard input has no URI', () => {
    expect(uriOf(STDIN_SOURCE, '/repo')).toBeNull()
  })
})

describe("a namespace's warn and audit levels are warnings; its enforce level is an error", () => {
  const text = [
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n  labels:\n    pod-security.kubernetes.io/warn: restricted\n    pod-security.kubernetes.io/audit: restricted\n',
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: strict\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n',
    'kind: Pod\nmetadata: { name: a, namespace: prod }\nspec: { containers: [{ name: c, securityContext: { runAsUser: 1000 } }] }\n',
    'kind: Pod\nmetadata: { name: b, namespace: strict }\nspec: { containers: [{ name: c, securityContext: { runAsUser: 1000 } }] }\n',
  ].join('---\n')
  const checked = checkManifests({ source: 'ns.yaml', text }, { semantics: 'kubernetes' })
  test('SARIF result levels', () => {
    const log = sarifLog(checked, { cwd: '/repo' })
    expectValidSarif(log)
    const levels = (log.runs[0]?.results ?? []).filter((r) => r.ruleId === 'restricted-requires-no-escalation').map((r) => [r.properties?.['name'], r.level])
    expect(levels).toEqual([
      ['a', 'warning'],
      ['a', 'warning'],
      ['b', 'error'],
    ])
  })
  test('GitHub annotation levels', () => {
    let out = ''
    const w = githubWriter({ write: (s) => void (out += s) }, { decidedBy: { semantics: 'kubernetes' } })
    for (const e of checkEntries({ source: 'ns.yaml', text }, { semantics: 'kubernetes' })) w.add(e)
    w.end()
    const annotations = out.split('\n').filter((l) => l.includes('restricted-requires-no-escalation')).map((l) => l.slice(0, l.indexOf(' ')))
    expect(annotations).toEqual(['::warning', '::warning', '::error'])
  })
})
