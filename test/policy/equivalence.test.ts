/**
 * The proof of SPEC §11: the generated CEL, evaluated by a real CEL implementation (harness.ts),
 * with the mutation run first where there is one (as the API server's admission chain does),
 * rejects exactly what `resolveNoNewPrivs` rejects, per pod, with the same codes and messages; and
 * under `proposal`, every admitted container's no_new_privs, as released Kubernetes computes it
 * on the mutated pod, is the design's on the original pod. At every cluster version the policies
 * exist in, and every policy version of the restricted level.
 */
import { describe, expect, it } from 'vitest'
import { fc } from '@fast-check/vitest'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import { restrictedPodDetail } from '../../src/resolve/podSecurity.js'
import type { Column, PodSecurityVersion, ResolveOptions, Row, Violation, ViolationCode } from '../../src/resolve/types.js'
import { admissionPolicies, type AdmissionPolicies } from '../../src/policy/generate.js'
import type { AdmissionPolicyOptions, PolicySemantics } from '../../src/policy/options.js'
import { parseLabelSelector } from '../../src/policy/labelSelector.js'
import { runCluster, runMutating, runValidating, type AdmissionRequest } from './harness.js'
import { containersOf, inputOf, podOf, podSpecArb, WORKLOADS } from './pods.js'

type Json = Record<string, unknown>
const RUNS = 200

function generated(options: AdmissionPolicyOptions): AdmissionPolicies {
  const r = admissionPolicies(options)
  if (r._tag === 'Left') throw new Error(r.left.message)
  return r.right
}

/** Each container's violations, in pod order (init, regular, ephemeral: the generated CEL's order). */
function libraryViolations(spec: Json, options: ResolveOptions): ReadonlyArray<{ readonly container: Json; readonly violations: ReadonlyArray<Violation> }> {
  return containersOf(spec).map(({ container }) => {
    const r = resolveNoNewPrivs(inputOf(spec, container), options)
    return { container, violations: r._tag === 'Left' ? r.left : [] }
  })
}

const PROPOSAL_SYS_ADMIN = 'cannot set `allowPrivilegeEscalation` to false and add a capability that grants CAP_SYS_ADMIN'

/**
 * The message the policy must give for `code`, from the library's violations: the code, the
 * library's message, the offending containers' names (and, for the design's SYS_ADMIN rule, the
 * capabilities the library names); the restricted level in its upstream pod-level wording.
 */
function expectedMessage(code: ViolationCode, semantics: PolicySemantics, found: ReadonlyArray<{ container: Json; violations: ReadonlyArray<Violation> }>): string {
  const hits = found.filter((f) => f.violations.some((v) => v.code === code))
  const quoted = (s: unknown) => `"${String(s)}"`
  if (code === 'restricted-requires-no-escalation') return `${code}: allowPrivilegeEscalation != false: ${restrictedPodDetail(hits.map((h) => h.container.name as string))}`
  if (code === 'sys-admin-without-escalation' && semantics === 'proposal') {
    const named = hits.map((h) => {
      const add = ((h.container.securityContext as Json).capabilities as Json).add as string[]
      const caps = h.violations.filter((v) => v.code === code).map((v) => {
        const name = add[Number(/\[(\d+)\]$/.exec(v.path)?.[1])] as string
        expect(v.message).toContain(`add capability ${quoted(name)}, which grants CAP_SYS_ADMIN`)
        return quoted(name)
      })
      return `${quoted(h.container.name)} (${caps.join(', ')})`
    })
    return `${code}: ${PROPOSAL_SYS_ADMIN}: ${named.join(', ')}`
  }
  const messages = new Set(hits.flatMap((h) => h.violations.filter((v) => v.code === code).map((v) => (code === 'escalation-field-on-windows' ? `${v.path}: ${v.message}` : v.message))))
  expect(messages.size, `${code} has one message`).toBe(1)
  return `${code}: ${[...messages][0] as string}: ${hits.map((h) => quoted(h.container.name)).join(', ')}`
}

/** The policy's messages must be exactly the library's violations, code by code, in registry order. */
function expectSameVerdict(messages: ReadonlyArray<string>, spec: Json, semantics: PolicySemantics, options: ResolveOptions, policies: AdmissionPolicies): ReadonlySet<ViolationCode> {
  const found = libraryViolations(spec, options)
  const codes = new Set(found.flatMap((f) => f.violations.map((v) => v.code)))
  const order = policies.rules.map((r) => r.code)
  const expected = [...codes].sort((a, b) => order.indexOf(a) - order.indexOf(b)).map((code) => expectedMessage(code, semantics, found))
  expect(messages).toEqual(expected)
  return codes
}

const create = (object: Json): AdmissionRequest => ({ operation: 'CREATE', subResource: '', object, oldObject: null })

/** Released Kubernetes' no_new_privs of every container of the mutated pod is the design's on the original. */
function expectDesignNoNewPrivs(spec: Json, mutatedSpec: Json, kubernetesVersion: PodSecurityVersion, cells: Set<string>): void {
  const before = containersOf(spec)
  const after = containersOf(mutatedSpec)
  expect(after.map((c) => c.container.name)).toEqual(before.map((c) => c.container.name))
  before.forEach(({ container }, i) => {
    const design = resolveNoNewPrivs(inputOf(spec, container), { semantics: 'proposal' })
    const cluster = resolveNoNewPrivs(inputOf(mutatedSpec, (after[i] as { container: Json }).container), { semantics: 'kubernetes', kubernetesVersion })
    if (design._tag === 'Left' || cluster._tag === 'Left') return expect.fail('an admitted container has no violation on either side')
    expect(cluster.right.noNewPrivs).toBe(design.right.noNewPrivs)
    if (design.right.semantics === 'proposal' && design.right.applicable) cells.add(`${design.right.row}/${design.right.column}`)
  })
}

/** The cells an admitted pod can land in: every one but false/privileged, which is always rejected. */
const REACHABLE: ReadonlyArray<string> = (['nil', 'false', 'true'] satisfies Row[])
  .flatMap((row) => (['root', 'nonRoot', 'privileged'] satisfies Column[]).map((column) => `${row}/${column}`))
  .filter((cell) => cell !== 'false/privileged')
  .sort()

const denied = { allowPrivilegeEscalation: false }
const EXAMPLES: [Json][] = [
  [{ containers: [{ name: 'a', securityContext: { ...denied, privileged: true } }] }],
  [{ containers: [{ name: 'a', securityContext: { ...denied, capabilities: { add: ['CAP_SYS_ADMIN'] } } }] }],
  [{ initContainers: [{ name: 'i', securityContext: { ...denied, capabilities: { add: ['sys_admin', 'ALL'] } } }], containers: [{ name: 'a' }] }],
  [{ os: { name: 'windows' }, containers: [{ name: 'a', securityContext: denied }] }],
]

// Every version the policies exist in: the validating policy from v1.30, the mutation from v1.36.
const KUBERNETES_VERSIONS: ReadonlyArray<PodSecurityVersion> = ['v1.30', 'v1.31', 'v1.32', 'v1.33', 'v1.34', 'v1.35', 'v1.36', 'v1.37', 'latest']
const CASES = [
  ...KUBERNETES_VERSIONS.map((v) => ['kubernetes', v] as const),
  ...KUBERNETES_VERSIONS.filter((v) => v === 'latest' || Number(v.slice(3)) >= 36).map((v) => ['proposal', v] as const),
]

describe.each(CASES)('semantics %s at %s', (semantics, kubernetesVersion) => {
  const policies = generated({ semantics, kubernetesVersion })
  const [podBinding, workloadBinding] = policies.validatingBindings
  const library: ResolveOptions = { semantics, kubernetesVersion }

  it('rejects a pod exactly when the library finds a violation, with the same codes and messages; admitted containers get the design', () => {
    const seen = new Set<string>()
    const cells = new Set<string>()
    fc.assert(
      fc.property(podSpecArb, (spec) => {
        const { object, validation } = runCluster(policies, podBinding, create(podOf(spec)))
        expect(validation.matched).toBe(true)
        for (const c of expectSameVerdict(validation.messages, spec, semantics, library, policies)) seen.add(c)
        if (semantics === 'proposal' && validation.messages.length === 0) expectDesignNoNewPrivs(spec, (object as Json).spec as Json, kubernetesVersion, cells)
      }),
      // One pod per code as well, so meeting every code does not depend on the draw.
      { numRuns: RUNS, examples: EXAMPLES },
    )
    // Every code the cluster can check was met, so no rule of the policy went unproven.
    expect([...seen].sort()).toEqual(policies.rules.filter((r) => r.enforced).map((r) => r.code).sort())
    if (semantics === 'proposal') expect([...cells].sort()).toEqual(REACHABLE)
  })

  it('warns about a workload template exactly when its pods would be rejected, for every workload kind, on CREATE and UPDATE', () => {
    expect(workloadBinding.spec?.validationActions).toEqual(['Warn'])
    const kinds = new Set<string>()
    fc.assert(
      fc.property(podSpecArb, fc.constantFrom(...Object.keys(WORKLOADS)), fc.option(podSpecArb, { nil: undefined }), (spec, kind, oldSpec) => {
        const wrap = WORKLOADS[kind] as (s: Json) => Json
        const template = (s: Json): Json => {
          const { ephemeralContainers: _none, ...rest } = s
          void _none
          return rest
        }
        const request: AdmissionRequest =
          oldSpec === undefined ? create(wrap(spec)) : { operation: 'UPDATE', subResource: '', object: wrap(spec), oldObject: wrap(oldSpec) }
        const { validation } = runCluster(policies, workloadBinding, request)
        expect(validation.matched).toBe(true)
        const options: ResolveOptions = oldSpec === undefined ? library : { ...library, operation: 'update', oldPod: template(oldSpec) }
        expectSameVerdict(validation.messages, template(spec), semantics, options, policies)
        // The pods binding never sees a workload, and the mutation never changes one.
        expect(runValidating(policies.validatingPolicy, podBinding, request).matched).toBe(false)
        if (policies.mutatingPolicy !== null) expect(runMutating(policies.mutatingPolicy, request).matched).toBe(false)
        kinds.add(kind)
      }),
      { numRuns: RUNS },
    )
    expect([...kinds].sort()).toEqual(Object.keys(WORKLOADS).sort())
    expect(runValidating(policies.validatingPolicy, workloadBinding, create(podOf({ containers: [] }))).matched).toBe(false)
  })

  it('checks ephemeral containers added through pods/ephemeralcontainers (UPDATE), as the resolver checks an update', () => {
    const cells = new Set<string>()
    fc.assert(
      fc.property(podSpecArb, (spec) => {
        const { ephemeralContainers: added, ...before } = spec
        // The pod as the cluster stored it: created through the same policies (so mutated, under proposal).
        const stored = (policies.mutatingPolicy === null ? podOf(before) : runMutating(policies.mutatingPolicy, create(podOf(before))).object) as Json
        const object = { ...stored, spec: { ...(stored.spec as Json), ...(added === undefined ? {} : { ephemeralContainers: added }) } }
        const request: AdmissionRequest = { operation: 'UPDATE', subResource: 'ephemeralcontainers', object, oldObject: stored }
        const outcome = runCluster(policies, podBinding, request)
        expect(outcome.validation.matched).toBe(true)
        expectSameVerdict(outcome.validation.messages, spec, semantics, { ...library, operation: 'update', oldPod: before }, policies)
        if (semantics === 'proposal' && outcome.validation.messages.length === 0) expectDesignNoNewPrivs(spec, (outcome.object as Json).spec as Json, kubernetesVersion, cells)
      }),
      { numRuns: RUNS / 2 },
    )
  })

  it('checks a pod UPDATE with its old object as the resolver does (the v1.37 relaxation included)', () => {
    const oldSpecArb = podSpecArb.map((s) => ({
      ...s,
      containers: [...(s.containers as Json[]), { name: 'old-sys-admin', securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } } }],
    }))
    fc.assert(
      fc.property(podSpecArb, fc.oneof(oldSpecArb, podSpecArb), (spec, oldSpec) => {
        const request: AdmissionRequest = { operation: 'UPDATE', subResource: '', object: podOf(spec), oldObject: podOf(oldSpec) }
        const { object, validation } = runCluster(policies, podBinding, request)
        // A plain pod UPDATE is not mutated: the pod's security context is immutable.
        expect(object).toEqual(request.object)
        expectSameVerdict(validation.messages, spec, semantics, { ...library, operation: 'update', oldPod: oldSpec }, policies)
      }),
      { numRuns: RUNS / 2 },
    )
  })
})

// The restricted level: every policy version (v1.7 has no such check yet), at the latest cluster;
// and versions above, at and below a cluster's, which Pod Security Admission caps at the cluster's.
const LEVEL_VERSIONS: ReadonlyArray<PodSecurityVersion> = [...Array.from({ length: 31 }, (_, i) => `v1.${i + 7}` as const), 'latest']
const CAPPED: ReadonlyArray<readonly [PodSecurityVersion, PodSecurityVersion]> = [
  ['v1.30', 'latest'],
  ['v1.30', 'v1.24'],
  ['v1.31', 'v1.37'],
  ['v1.34', 'v1.8'],
  ['v1.36', 'v1.36'],
  ['v1.37', 'v1.25'],
]
const RESTRICTED = [
  ...LEVEL_VERSIONS.map((level) => ['latest', level] as const),
  ...CAPPED,
].flatMap(([cluster, level]) => (['kubernetes', 'proposal'] as const).map((semantics) => [semantics, cluster, level] as const))

describe.each(RESTRICTED)('the restricted level under %s, cluster %s, policy version %s', (semantics, kubernetesVersion, version) => {
  const policies = generated({ semantics, kubernetesVersion, podSecurity: { level: 'restricted', version } })
  it('rejects exactly the pods the library rejects at that level (after the mutation, where there is one), and admitted containers get the design', () => {
    const cells = new Set<string>()
    fc.assert(
      fc.property(podSpecArb, (spec) => {
        const { object, validation } = runCluster(policies, policies.validatingBindings[0], create(podOf(spec)))
        expectSameVerdict(validation.messages, spec, semantics, { semantics, kubernetesVersion, podSecurity: { level: 'restricted', version } }, policies)
        if (semantics === 'proposal' && validation.messages.length === 0) expectDesignNoNewPrivs(spec, (object as Json).spec as Json, kubernetesVersion, cells)
      }),
      { numRuns: 40, examples: EXAMPLES },
    )
  })
})

describe('the mutation of the proposal semantics', () => {
  const policies = generated({ semantics: 'proposal' })
  const mutating = policies.mutatingPolicy
  const [podBinding] = policies.validatingBindings
  if (mutating === null) throw new Error('proposal has a mutating policy')

  it('is idempotent: reinvoked, it changes nothing more', () => {
    fc.assert(
      fc.property(podSpecArb, (spec) => {
        const once = runMutating(mutating, create(podOf(spec))).object as Json
        expect(runMutating(mutating, create(once)).object).toEqual(once)
      }),
      { numRuns: RUNS },
    )
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

  it('is not generated with the restricted level, which admits only containers that set false themselves', () => {
    for (const version of ['latest', 'v1.8', 'v1.24'] as const) expect(generated({ semantics: 'proposal', podSecurity: { level: 'restricted', version } }).mutatingPolicy).toBeNull()
    // Before v1.8 the level has no such check: the mutation is needed again.
    expect(generated({ semantics: 'proposal', podSecurity: { level: 'restricted', version: 'v1.7' } }).mutatingPolicy).not.toBeNull()
  })
})

describe('exemptions the bindings express', () => {
  const selector = (text: string) => {
    const r = parseLabelSelector(text)
    if (r._tag === 'Left') throw new Error(r.left)
    return r.right
  }
  const policies = generated({
    semantics: 'proposal',
    excludeNamespaces: ['kube-system'],
    namespaceSelector: selector('env in (prod,staging)'),
    objectSelector: selector('!no-new-privs.io/skip'),
  })
  const [podBinding, workloadBinding] = policies.validatingBindings
  // A pod both policies act on: one container rejected, one the mutation defaults.
  const spec = { containers: [{ name: 'bad', securityContext: { allowPrivilegeEscalation: false, privileged: true } }, { name: 'root' }] }
  const ns = (name: string, labels: Record<string, string>) => ({ 'kubernetes.io/metadata.name': name, ...labels })
  const at = (namespaceLabels: Record<string, string>, object: Json): AdmissionRequest => ({ ...create(object), namespaceLabels })
  const skipped = (pod: Json): Json => ({ ...pod, metadata: { ...(pod.metadata as Json), labels: { 'no-new-privs.io/skip': '' } } })

  it('act on a selected namespace: the pod is rejected, the workload warned about, the root container defaulted', () => {
    const inProd = ns('team-a', { env: 'prod' })
    const outcome = runCluster(policies, podBinding, at(inProd, podOf(spec)))
    expect(outcome.validation.messages).toEqual(['privileged-without-escalation: cannot set `allowPrivilegeEscalation` to false and `privileged` to true: "bad"'])
    expect(((outcome.object as Json).spec as { containers: Json[] }).containers[1]).toEqual({ name: 'root', securityContext: { allowPrivilegeEscalation: false } })
    expect(runCluster(policies, workloadBinding, at(inProd, (WORKLOADS.Deployment as (s: Json) => Json)(spec))).validation.messages).toHaveLength(1)
  })

  it.each([
    ['an excluded namespace, though selected', ns('kube-system', { env: 'prod' }), false],
    ['a namespace the selector leaves out', ns('team-a', { env: 'dev' }), false],
    ['a namespace without the label', ns('team-a', {}), false],
    ['an object the object selector leaves out', ns('team-a', { env: 'staging' }), true],
  ])('leave %s alone: no binding matches, nothing is mutated', (_what, namespaceLabels, labelled) => {
    const pod = labelled ? skipped(podOf(spec)) : podOf(spec)
    const deployment = (WORKLOADS.Deployment as (s: Json) => Json)(spec)
    const outcome = runCluster(policies, podBinding, at(namespaceLabels, pod))
    expect(outcome.validation.matched).toBe(false)
    expect(outcome.object).toEqual(pod)
    expect(runValidating(policies.validatingPolicy, workloadBinding, at(namespaceLabels, labelled ? skipped(deployment) : deployment)).matched).toBe(false)
  })
})
