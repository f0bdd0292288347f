/**
 * The proof of SPEC §11: the generated CEL, evaluated by a real CEL implementation (harness.ts),
 * rejects exactly what `resolveNoNewPrivs` rejects, per pod, with the same codes; and under
 * `proposal`, the mutation makes released Kubernetes' no_new_privs equal the design's table.
 */
import { describe, expect, it } from 'vitest'
import { fc } from '@fast-check/vitest'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import type { Column, ResolveOptions, Row, ViolationCode } from '../../src/resolve/types.js'
import { admissionPolicies, type AdmissionPolicies } from '../../src/policy/generate.js'
import type { AdmissionPolicyOptions } from '../../src/policy/options.js'
import { runMutating, runValidating, type AdmissionRequest } from './harness.js'
import { containersOf, inputOf, podOf, podSpecArb, WORKLOADS } from './pods.js'

type Json = Record<string, unknown>
const RUNS = 300

function generated(options: AdmissionPolicyOptions): AdmissionPolicies {
  const r = admissionPolicies(options)
  if (r._tag === 'Left') throw new Error(r.left.message)
  return r.right
}

/** The codes the library reports for a pod spec: every container resolved, the codes united. */
function libraryCodes(spec: Json, options: ResolveOptions): ReadonlySet<ViolationCode> {
  const codes = new Set<ViolationCode>()
  for (const { container } of containersOf(spec)) {
    const r = resolveNoNewPrivs(inputOf(spec, container), options)
    if (r._tag === 'Left') for (const v of r.left) codes.add(v.code)
  }
  return codes
}

/** The codes a validating policy's failed validations name (each message starts with its code). */
function policyCodes(messages: ReadonlyArray<string>): ReadonlySet<string> {
  return new Set(messages.map((m) => /^([a-z-]+): /.exec(m)?.[1] ?? `unlabelled message: ${m}`))
}

const create = (object: Json): AdmissionRequest => ({ operation: 'CREATE', subResource: '', object, oldObject: null })

const sorted = (s: ReadonlySet<string>): string[] => [...s].sort()

const denied = { allowPrivilegeEscalation: false }
const EXAMPLES: [Json][] = [
  [{ containers: [{ name: 'a', securityContext: { ...denied, privileged: true } }] }],
  [{ containers: [{ name: 'a', securityContext: { ...denied, capabilities: { add: ['CAP_SYS_ADMIN'] } } }] }],
  [{ initContainers: [{ name: 'i', securityContext: { ...denied, capabilities: { add: ['sys_admin'] } } }], containers: [{ name: 'a' }] }],
  [{ os: { name: 'windows' }, containers: [{ name: 'a', securityContext: denied }] }],
]

describe.each([
  ['kubernetes', 'latest'],
  ['kubernetes', 'v1.30'],
  ['kubernetes', 'v1.33'],
  ['kubernetes', 'v1.36'],
  ['kubernetes', 'v1.37'],
  ['proposal', 'latest'],
  ['proposal', 'v1.36'],
] as const)('semantics %s at %s', (semantics, kubernetesVersion) => {
  const policies = generated({ semantics, kubernetesVersion })
  const [podBinding, workloadBinding] = policies.validatingBindings

  it('rejects a pod exactly when the library finds a violation, with the same codes', () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(podSpecArb, (spec) => {
        const outcome = runValidating(policies.validatingPolicy, podBinding, create(podOf(spec)))
        expect(outcome.matched).toBe(true)
        const expected = libraryCodes(spec, { semantics, kubernetesVersion })
        expect(sorted(policyCodes(outcome.messages))).toEqual(sorted(expected))
        for (const c of expected) seen.add(c)
      }),
      // One pod per code as well, so meeting every code does not depend on the draw.
      { numRuns: RUNS, examples: EXAMPLES },
    )
    // Every code the cluster can check was met, so no rule of the policy went unproven.
    expect(sorted(seen)).toEqual(sorted(new Set(policies.rules.filter((r) => r.enforced).map((r) => r.code))))
  })

  it('warns about a workload template exactly when its pods would be rejected, for every workload kind', () => {
    expect(workloadBinding.spec?.validationActions).toEqual(['Warn'])
    fc.assert(
      fc.property(podSpecArb, fc.constantFrom(...Object.keys(WORKLOADS)), (spec, kind) => {
        const workload = (WORKLOADS[kind] as (s: Json) => Json)(spec)
        const { ephemeralContainers: _none, ...templateSpec } = spec
        void _none
        const outcome = runValidating(policies.validatingPolicy, workloadBinding, create(workload))
        expect(outcome.matched).toBe(true)
        expect(sorted(policyCodes(outcome.messages))).toEqual(sorted(libraryCodes(templateSpec, { semantics, kubernetesVersion })))
        // The pods binding never sees a workload, the workloads binding never a pod.
        expect(runValidating(policies.validatingPolicy, podBinding, create(workload)).matched).toBe(false)
      }),
      { numRuns: RUNS / 2 },
    )
    expect(runValidating(policies.validatingPolicy, workloadBinding, create(podOf({ containers: [] }))).matched).toBe(false)
  })

  it('checks ephemeral containers added through pods/ephemeralcontainers (UPDATE), as the resolver checks an update', () => {
    fc.assert(
      fc.property(podSpecArb, (spec) => {
        const { ephemeralContainers: _added, ...before } = spec
        void _added
        const request: AdmissionRequest = { operation: 'UPDATE', subResource: 'ephemeralcontainers', object: podOf(spec), oldObject: podOf(before) }
        const outcome = runValidating(policies.validatingPolicy, podBinding, request)
        expect(outcome.matched).toBe(true)
        expect(sorted(policyCodes(outcome.messages))).toEqual(sorted(libraryCodes(spec, { semantics, kubernetesVersion, operation: 'update', oldPod: before })))
      }),
      { numRuns: RUNS / 2 },
    )
  })

  it('checks an UPDATE whose old pod already added CAP_SYS_ADMIN as the resolver does (the v1.37 relaxation)', () => {
    const oldSpecArb = podSpecArb.map((s) => ({
      ...s,
      containers: [...(s.containers as Json[]), { name: 'old-sys-admin', securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } } }],
    }))
    fc.assert(
      fc.property(podSpecArb, fc.oneof(oldSpecArb, podSpecArb), (spec, oldSpec) => {
        const request: AdmissionRequest = { operation: 'UPDATE', subResource: '', object: podOf(spec), oldObject: podOf(oldSpec) }
        const outcome = runValidating(policies.validatingPolicy, podBinding, request)
        expect(sorted(policyCodes(outcome.messages))).toEqual(sorted(libraryCodes(spec, { semantics, kubernetesVersion, operation: 'update', oldPod: oldSpec })))
      }),
      { numRuns: RUNS / 2 },
    )
  })
})

describe.each(['kubernetes', 'proposal'] as const)('the restricted level under %s', (semantics) => {
  describe.each(['latest', 'v1.24', 'v1.8', 'v1.7'] as const)('policy version %s', (version) => {
    const policies = generated({ semantics, podSecurity: { level: 'restricted', version } })
    it('rejects exactly the pods the library rejects at that level', () => {
      fc.assert(
        fc.property(podSpecArb, (spec) => {
          const outcome = runValidating(policies.validatingPolicy, policies.validatingBindings[0], create(podOf(spec)))
          expect(sorted(policyCodes(outcome.messages))).toEqual(sorted(libraryCodes(spec, { semantics, podSecurity: { level: 'restricted', version } })))
        }),
        { numRuns: RUNS / 3 },
      )
    })
  })
})

describe('the proposal semantics on a released cluster (the mutation)', () => {
  const policies = generated({ semantics: 'proposal' })
  const mutating = policies.mutatingPolicy
  const [podBinding] = policies.validatingBindings
  if (mutating === null) throw new Error('proposal has a mutating policy')

  it('gives every admitted container the no_new_privs of the design, as Kubernetes computes it, in every cell', () => {
    const cells = new Set<string>()
    fc.assert(
      fc.property(podSpecArb, (spec) => {
        const pod = podOf(spec)
        const mutated = runMutating(mutating, create(pod))
        expect(mutated.matched).toBe(true)
        const mutatedSpec = (mutated.object as Json).spec as Json
        // The validating policy runs after the mutation and sees its result: same verdict, same codes.
        const outcome = runValidating(policies.validatingPolicy, podBinding, create(mutated.object as Json))
        expect(sorted(policyCodes(outcome.messages))).toEqual(sorted(libraryCodes(spec, { semantics: 'proposal' })))
        // Reinvoked, the mutation changes nothing more.
        expect(runMutating(mutating, create(mutated.object as Json)).object).toEqual(mutated.object)
        if (outcome.messages.length > 0) return
        const before = containersOf(spec)
        const after = containersOf(mutatedSpec)
        expect(after.map((c) => c.container.name)).toEqual(before.map((c) => c.container.name))
        before.forEach(({ container }, i) => {
          const design = resolveNoNewPrivs(inputOf(spec, container), { semantics: 'proposal' })
          const cluster = resolveNoNewPrivs(inputOf(mutatedSpec, (after[i] as { container: Json }).container), { semantics: 'kubernetes' })
          if (design._tag === 'Left' || cluster._tag === 'Left') expect.fail('an admitted container has no violation on either side')
          expect(cluster.right.noNewPrivs).toBe(design.right.noNewPrivs)
          if (design.right.semantics === 'proposal' && design.right.applicable) cells.add(`${design.right.row}/${design.right.column}`)
        })
      }),
      { numRuns: RUNS * 2 },
    )
    // Every cell of the table an admitted pod can land in (false/privileged is always rejected).
    const reachable: string[] = []
    for (const row of ['nil', 'false', 'true'] satisfies Row[])
      for (const column of ['root', 'nonRoot', 'privileged'] satisfies Column[]) if (!(row === 'false' && column === 'privileged')) reachable.push(`${row}/${column}`)
    expect([...cells].sort()).toEqual(reachable.sort())
  })

  it('defaults only new ephemeral containers on pods/ephemeralcontainers, and leaves the others as they were', () => {
    fc.assert(
      fc.property(podSpecArb, podSpecArb, (spec, extra) => {
        const created = runMutating(mutating, create(podOf({ ...spec, ephemeralContainers: undefined }))).object as Json
        const added = ((extra.containers as Json[]) ?? []).map((c, i) => ({ ...c, name: `new-${i}` }))
        const oldSpec = created.spec as Json
        const existing = (spec.ephemeralContainers as Json[] | undefined) ?? []
        const beforeUpdate = { ...created, spec: { ...oldSpec, ephemeralContainers: existing } }
        const request: AdmissionRequest = {
          operation: 'UPDATE',
          subResource: 'ephemeralcontainers',
          object: { ...beforeUpdate, spec: { ...oldSpec, ephemeralContainers: [...existing, ...added] } },
          oldObject: beforeUpdate,
        }
        const result = runMutating(mutating, request).object as Json
        const resultSpec = result.spec as Json
        expect(resultSpec.containers).toEqual(oldSpec.containers)
        expect(resultSpec.initContainers).toEqual(oldSpec.initContainers)
        const ephemerals = resultSpec.ephemeralContainers as Json[]
        expect(ephemerals.slice(0, existing.length)).toEqual(existing)
        const verdict = runValidating(policies.validatingPolicy, podBinding, { ...request, object: result })
        if (verdict.messages.length > 0) return
        ephemerals.slice(existing.length).forEach((c, i) => {
          const design = resolveNoNewPrivs(inputOf(resultSpec, added[i] as Json), { semantics: 'proposal' })
          const cluster = resolveNoNewPrivs(inputOf(resultSpec, c), { semantics: 'kubernetes' })
          if (design._tag === 'Left' || cluster._tag === 'Left') expect.fail('admitted')
          expect(cluster.right.noNewPrivs).toBe(design.right.noNewPrivs)
        })
      }),
      { numRuns: RUNS },
    )
  })

  it('does not mutate a plain pod UPDATE (a pod security context is immutable)', () => {
    const pod = podOf({ containers: [{ name: 'a' }] })
    expect(runMutating(mutating, { operation: 'UPDATE', subResource: '', object: pod, oldObject: pod })).toEqual({ matched: false, object: pod })
  })
})
