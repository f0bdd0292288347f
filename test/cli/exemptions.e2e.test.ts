/**
 * Exemptions end to end: the built CLI with `--exemptions` and annotations, in every format.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Log } from 'sarif'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Report } from '../../src/report/report.js'
import { CLI, ensureBuilt } from './build.js'
import { sarifValidator } from './sarifSchema.js'

const DS = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  namespace: monitoring
  annotations:
    no-new-privs.io/exempt: |
      privileged-without-escalation:agent reason=needs host devices
spec:
  template:
    spec:
      containers:
      - name: agent
        image: registry.example/agent:1.2
        securityContext: { privileged: true, allowPrivilegeEscalation: false }
      - name: side
        image: busybox:1.36
        securityContext: { allowPrivilegeEscalation: true }
`
const FILE = `exemptions:
- kind: DaemonSet
  container: side
  image: "busybox:*"
  rules: [no-new-privs-required]
  reason: legacy sidecar
- name: gone
  rules: [privileged-without-escalation]
  reason: the old agent
`

let dir = ''
function cli(args: ReadonlyArray<string>): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'check', '--require-no-new-privs', ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('check --exemptions', () => {
  beforeAll(() => {
    ensureBuilt()
    dir = mkdtempSync(join(tmpdir(), 'nnp-exempt-'))
    writeFileSync(join(dir, 'ds.yaml'), DS)
    writeFileSync(join(dir, 'ex.yaml'), FILE)
    writeFileSync(join(dir, 'bad.yaml'), 'exemptions:\n- rules: [no-new-privs-required]\n')
  }, 300_000)

  test('without exemptions the findings count (exit 1); with them, exit 0 and every item still reported', () => {
    const plain = cli(['--output', 'json', 'ds.yaml'])
    expect(plain.status).toBe(1)
    const r = cli(['--output', 'json', '--exemptions', 'ex.yaml', 'ds.yaml'])
    expect(r.status).toBe(0)
    const report = JSON.parse(r.stdout) as Report
    const before = JSON.parse(plain.stdout) as Report
    const strip = (rep: Report): unknown => rep.results.map((x) => [x.violations.map((v) => v.code), x.findings.map((f) => f.code)])
    expect(strip(report)).toEqual(strip(before))
    expect(report.results[0]?.violations[0]?.exempted).toEqual({
      reason: 'needs host devices',
      source: { kind: 'annotation', source: 'ds.yaml', document: 0, line: 8, path: 'metadata.annotations[no-new-privs.io/exempt]' },
    })
    expect(report.results[1]?.findings[0]?.exempted?.source).toEqual({ kind: 'file', source: 'ex.yaml', document: 0, line: 2, path: 'exemptions[0]' })
    expect(report.warnings).toEqual([
      { source: 'ex.yaml', document: 0, line: 7, path: 'exemptions[1]', code: 'unused-exemption', message: 'exemption of privileged-without-escalation for name gone matched nothing (reason: the old agent); remove it or fix what it names' },
    ])
    expect(Object.keys(report)).toEqual(['semantics', 'results', 'errors', 'warnings', 'skipped', 'exemptions'])
    expect(report.exemptions?.map((e) => [e.source.source, e.exempted])).toEqual([['ex.yaml', 1], ['ex.yaml', 0], ['ds.yaml', 1]])
  })

  test('SARIF: exempted results carry suppressions (inSource, external) and the log is valid', () => {
    const r = cli(['--output', 'sarif', '--exemptions', 'ex.yaml', 'ds.yaml'])
    expect(r.status).toBe(0)
    const log = JSON.parse(r.stdout) as Log
    const validate = sarifValidator()
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true)
    const results = log.runs[0]?.results ?? []
    const suppressions = results.find((x) => x.ruleId === 'privileged-without-escalation')?.suppressions
    expect(suppressions).toHaveLength(1)
    expect(suppressions?.[0]).toMatchObject({
      kind: 'inSource',
      status: 'accepted',
      justification: 'needs host devices',
      location: { physicalLocation: { artifactLocation: { uri: 'ds.yaml' }, region: { startLine: 8 } }, logicalLocations: [{ fullyQualifiedName: 'metadata.annotations[no-new-privs.io/exempt]' }] },
    })
    expect(results.find((x) => x.ruleId === 'no-new-privs-required')?.suppressions?.[0]).toMatchObject({ kind: 'external', justification: 'legacy sidecar' })
    expect(results.find((x) => x.ruleId === 'unused-exemption')?.level).toBe('warning')
  })

  test('text marks exempted items and counts them', () => {
    const r = cli(['--exemptions', 'ex.yaml', 'ds.yaml'])
    expect(r.stdout).toContain('~ privileged-without-escalation at spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation (exempted)')
    expect(r.stdout).toContain('exempted by annotation ds.yaml:8: needs host devices')
    expect(r.stdout).toContain('exempted by exemptions file ex.yaml:2: legacy sidecar')
    expect(r.stdout).toMatch(/0 violations · 0 findings · 1 warning · 0 errors · 0 skipped · 2 exempted\n$/)
  })

  test('an exemption without a reason is an error (exit 2); an unreadable file stops the run', () => {
    const r = cli(['--output', 'json', '--exemptions', 'bad.yaml', 'ds.yaml'])
    expect(r.status).toBe(2)
    expect((JSON.parse(r.stdout) as Report).errors[0]).toMatchObject({ source: 'bad.yaml', line: 2, code: 'exemption-without-reason' })
    const missing = cli(['--exemptions', 'nope.yaml', 'ds.yaml'])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toMatch(/^no-new-privs check: cannot read exemptions file nope\.yaml: /)
  })
})
