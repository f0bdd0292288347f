import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { stringify } from 'yaml'
import type { PodSpec } from '../../src/codecs/index.js'
import { checkManifests } from '../../src/report/check.js'
import type { ReportViolation } from '../../src/report/report.js'
import { podSpecPathOf } from '../../src/pods/kinds.js'
import {
  cronJobArbitrary,
  daemonSetArbitrary,
  deploymentArbitrary,
  jobArbitrary,
  listArbitrary,
  podArbitrary,
  podTemplateArbitrary,
  replicaSetArbitrary,
  replicationControllerArbitrary,
  statefulSetArbitrary,
  WORKLOAD_KINDS,
  workloadArbitrary,
  type PodConstraints,
  type WorkloadKind,
} from '../../src/testing/index.js'
import { allContainers, brokenPromises, isSatisfiable, podConstraintsArbitrary, resolvePodSpec, steered } from './oracle.js'

/** The pod spec of a generated object, found the way the walker finds it. */
function podSpecOf(object: unknown): PodSpec {
  const kind = (object as { kind: string }).kind
  let at: unknown = object
  for (const step of podSpecPathOf(kind) ?? []) at = (at as Record<string, unknown>)[step]
  return at as PodSpec
}

const WRAPPERS: ReadonlyArray<readonly [WorkloadKind, (c?: PodConstraints) => fc.Arbitrary<{ readonly kind: string }>]> = [
  ['Pod', podArbitrary],
  ['PodTemplate', podTemplateArbitrary],
  ['ReplicationController', replicationControllerArbitrary],
  ['ReplicaSet', replicaSetArbitrary],
  ['Deployment', deploymentArbitrary],
  ['StatefulSet', statefulSetArbitrary],
  ['DaemonSet', daemonSetArbitrary],
  ['Job', jobArbitrary],
  ['CronJob', cronJobArbitrary],
]

describe('workloadArbitrary', () => {
  test.prop([workloadArbitrary()], { numRuns: 200 })(
    'passes checkManifests strictly with no error, no warning, and one result per container',
    (workload) => {
      const report = checkManifests({ source: 'generated', value: workload }, { strict: true })
      expect(report.errors).toEqual([])
      expect(report.warnings).toEqual([])
      expect(report.skipped).toEqual([])
      expect(report.results.map((r) => r.container)).toEqual(allContainers(podSpecOf(workload)).map((c) => c.name))
    },
  )

  test.prop([workloadArbitrary()], { numRuns: 100 })('reads back the same from YAML 1.1 text as from the object', (workload) => {
    const fromObject = checkManifests({ source: 'generated', value: workload })
    const fromText = checkManifests({ source: 'generated', text: stringify(workload, { version: '1.1' }) })
    expect(fromText.errors).toEqual([])
    // The same violations; only their places differ (an object has no text: they are the container's).
    const what = (vs: ReadonlyArray<ReportViolation>) => vs.map(({ line: _l, column: _c, located: _at, field: _f, ...v }) => v)
    expect(fromText.results.map((r) => [r.path, r.noNewPrivs, what(r.violations)])).toEqual(
      fromObject.results.map((r) => [r.path, r.noNewPrivs, what(r.violations)]),
    )
    for (const r of fromText.results) for (const v of r.violations) expect(v.located).toBe('field')
  })

  test.prop([steered(fc.tuple(podConstraintsArbitrary, fc.constantFrom(...WORKLOAD_KINDS)), ([c, kind]) => workloadArbitrary({ ...c, kind }))], {
    numRuns: 200,
  })('every container of every kind keeps every promise, checked through the report', ({ constraints: [c, kind], value }) => {
    expect(value !== null).toBe(isSatisfiable(c, 'any'))
    if (value === null) return
    expect(value.kind).toBe(kind)
    const semantics = c.semantics ?? 'proposal'
    const report = checkManifests({ source: 'generated', value }, { semantics, strict: true })
    expect(report.errors).toEqual([])
    const resolved = resolvePodSpec(podSpecOf(value), semantics)
    for (const r of resolved) expect({ container: r.name, broken: brokenPromises(r, c) }).toEqual({ container: r.name, broken: [] })
    // The report agrees with the direct resolution, container by container.
    expect(report.results.map((r) => r.noNewPrivs)).toEqual(resolved.map((r) => (r.decision === undefined ? null : r.decision.noNewPrivs)))
  })

  test.prop([workloadArbitrary({ kind: ['Job', 'CronJob'] })])('gives Job pods a restartPolicy of Never or OnFailure', (w) => {
    expect(['Never', 'OnFailure']).toContain(podSpecOf(w).restartPolicy)
  })

  test.prop([workloadArbitrary({ kind: ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'] })])(
    'gives workloads a selector that matches their template',
    (w) => {
      expect(w.spec.selector.matchLabels).toEqual(w.spec.template.metadata.labels)
    },
  )

  test.prop([workloadArbitrary({ kind: WORKLOAD_KINDS.filter((k) => k !== 'Pod') })])('never puts ephemeral containers in a template', (w) => {
    expect(podSpecOf(w)).not.toHaveProperty('ephemeralContainers')
  })

  test('generates every kind by default', () => {
    const kinds = new Set(fc.sample(workloadArbitrary(), { numRuns: 200, seed: 1 }).map((w) => w.kind))
    expect(kinds).toEqual(new Set(WORKLOAD_KINDS))
  })

  test('refuses an empty list of kinds', () => {
    expect(() => workloadArbitrary({ kind: [] })).toThrow(/names no kind/)
  })

  for (const [kind, wrapper] of WRAPPERS) {
    test.prop([wrapper({ violations: 'none' })], { numRuns: 30 })(`${kind}: the wrapper generates ${kind}s the API server admits`, (w) => {
      expect(w.kind).toBe(kind)
      const report = checkManifests({ source: 'generated', value: w }, { strict: true })
      expect(report.errors).toEqual([])
      expect(report.warnings).toEqual([])
      expect(report.results.flatMap((r) => r.violations)).toEqual([])
    })
  }
})

describe('listArbitrary', () => {
  test.prop([listArbitrary({ minLength: 1, noNewPrivs: true })], { numRuns: 50 })(
    'every container of every item keeps the promise, with paths that start with the item',
    (list) => {
      const report = checkManifests({ source: 'generated', value: list }, { strict: true })
      expect(report.errors).toEqual([])
      expect(report.warnings).toEqual([])
      expect(report.results.length).toBe(list.items.map((i) => allContainers(podSpecOf(i)).length).reduce((a, b) => a + b, 0))
      for (const r of report.results) {
        expect(r.noNewPrivs).toBe(true)
        expect(r.path).toMatch(/^items\[\d+\]\./)
      }
    },
  )

  test.prop([listArbitrary({ minLength: 2, maxLength: 4 })])('holds as many items as asked', (list) => {
    expect(list.items.length).toBeGreaterThanOrEqual(2)
    expect(list.items.length).toBeLessThanOrEqual(4)
  })

  test('refuses minLength above maxLength', () => {
    expect(() => listArbitrary({ minLength: 3, maxLength: 1 })).toThrow(/minLength 3 is more than maxLength 1/)
  })
})
