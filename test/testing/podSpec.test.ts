import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect } from 'vitest'
import { decode, Pod, PodSpec } from '../../src/codecs/index.js'
import { podArbitrary, podSpecArbitrary } from '../../src/testing/index.js'
import { allContainers, brokenPromises, isSatisfiable, LINUX_ONLY_POD, linuxOnlyFieldsOf, podConstraintsArbitrary, resolvePodSpec, steered } from './oracle.js'

describe('podSpecArbitrary', () => {
  test.prop([podSpecArbitrary()])('decodes strictly with no error and no warning', (spec) => {
    expect(decode(PodSpec, spec, { strict: true })).toEqual(E.right({ value: spec, warnings: [] }))
  })

  test.prop([podSpecArbitrary()])('names its containers uniquely and holds no ephemeral container', (spec) => {
    const names = allContainers(spec).map((c) => c.name)
    expect(new Set(names).size).toBe(names.length)
    expect(spec.containers.length).toBeGreaterThan(0)
    expect(spec).not.toHaveProperty('ephemeralContainers')
  })

  test.prop([steered(podConstraintsArbitrary, podSpecArbitrary)], { numRuns: 300 })(
    'every container keeps every promise of the constraints in its pod, and only unsatisfiable ones are refused',
    ({ constraints, value }) => {
      expect(value !== null).toBe(isSatisfiable(constraints, 'any'))
      if (value === null) return
      expect(decode(PodSpec, value, { strict: true })).toEqual(E.right({ value, warnings: [] }))
      for (const r of resolvePodSpec(value, constraints.semantics ?? 'proposal')) {
        expect({ container: r.name, broken: brokenPromises(r, constraints) }).toEqual({ container: r.name, broken: [] })
      }
      const strict = constraints.violations === 'none' || constraints.noNewPrivs !== undefined
      if (strict && value.os?.name === 'windows') expect(linuxOnlyFieldsOf(value.securityContext, LINUX_ONLY_POD)).toEqual([])
    },
  )

  test('takes columns from the pod as well as from the containers', () => {
    let fromPod = 0
    for (const spec of fc.sample(podSpecArbitrary({ nonRoot: true, os: 'linux' }), { numRuns: 200, seed: 5 })) {
      for (const r of resolvePodSpec(spec, 'proposal')) {
        const d = r.decision
        const from = d !== undefined && d.applicable && d.semantics === 'proposal' ? d.columnFrom.target : undefined
        if (from === 'pod') fromPod++
      }
    }
    expect(fromPod).toBeGreaterThan(0)
  })

  test('generates Linux and Windows pods by default', () => {
    const oses = new Set(fc.sample(podSpecArbitrary(), { numRuns: 200, seed: 9 }).map((s) => s.os?.name ?? 'absent'))
    expect(oses).toEqual(new Set(['absent', 'linux', 'windows']))
  })
})

describe('podArbitrary', () => {
  test.prop([podArbitrary()])('decodes strictly with no error and no warning', (pod) => {
    expect(decode(Pod, pod, { strict: true })).toEqual(E.right({ value: pod, warnings: [] }))
    expect(pod.kind).toBe('Pod')
  })

  test.prop([podArbitrary({ column: 'privileged' })])('column: privileged puts every container, ephemeral ones included, in it', (pod) => {
    for (const r of resolvePodSpec(pod.spec, 'proposal')) expect(r.column).toBe('privileged')
  })

  test('sometimes holds ephemeral containers that may target a regular one', () => {
    const pods = fc.sample(podArbitrary(), { numRuns: 200, seed: 13 })
    const withEphemeral = pods.filter((p) => (p.spec.ephemeralContainers ?? []).length > 0)
    expect(withEphemeral.length).toBeGreaterThan(0)
    for (const p of withEphemeral) {
      for (const e of p.spec.ephemeralContainers ?? []) {
        if (e.targetContainerName != null) expect(p.spec.containers.map((c) => c.name)).toContain(e.targetContainerName)
      }
    }
  })
})
