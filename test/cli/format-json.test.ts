import { describe, expect, test } from 'vitest'
import { formatJson } from '../../src/cli/format/json.js'
import { fullReport, report } from './fixtures.js'

describe('formatJson', () => {
  const parsed = JSON.parse(formatJson(fullReport)) as Record<string, unknown>

  test('prints exactly the object of SPEC §10: semantics, results, errors, warnings, skipped', () => {
    expect(Object.keys(parsed)).toEqual(['semantics', 'results', 'errors', 'warnings', 'skipped'])
    expect(parsed['semantics']).toBe('proposal')
  })

  test('every result starts with the fields of SPEC §10, in its order, and keeps the reason', () => {
    const results = parsed['results'] as Array<Record<string, unknown>>
    expect(results).toHaveLength(3)
    expect(Object.keys(results[0]!).slice(0, 11)).toEqual([
      'source', 'document', 'line', 'kind', 'namespace', 'name', 'container', 'containerType', 'path', 'noNewPrivs', 'violations',
    ])
    expect(results[0]).toMatchObject({
      source: 'deploy.yaml',
      document: 0,
      line: 17,
      kind: 'Deployment',
      namespace: 'default',
      name: 'web',
      container: 'app',
      containerType: 'containers',
      path: 'spec.template.spec.containers[0]',
      noNewPrivs: true,
      violations: [],
      reason: { semantics: 'proposal', row: 'false', column: 'nonRoot' },
    })
  })

  test('a rejected container has noNewPrivs null and its violations', () => {
    const results = parsed['results'] as Array<Record<string, unknown>>
    expect(results[2]).toMatchObject({ noNewPrivs: null, reason: null, violations: [{ code: 'privileged-without-escalation' }] })
  })

  test('errors, warnings and skipped entries keep their fields', () => {
    expect(parsed['errors']).toEqual([
      { source: 'bad.yaml', document: 2, line: 7, column: 3, code: 'yaml-syntax', message: 'bad indentation of a mapping entry', category: 'input' },
    ])
    expect(parsed['warnings']).toEqual([fullReport.warnings[0]])
    expect(parsed['skipped']).toEqual([{ source: 'deploy.yaml', document: 1, kind: 'Service' }])
  })

  test('round-trips: parsing the output gives back the report', () => {
    expect(parsed).toEqual(JSON.parse(JSON.stringify(fullReport)))
  })

  test('is one JSON document ending in a newline', () => {
    const out = formatJson(report())
    expect(out.endsWith('}\n')).toBe(true)
    expect(JSON.parse(out)).toEqual({ semantics: 'proposal', results: [], errors: [], warnings: [], skipped: [] })
  })
})
