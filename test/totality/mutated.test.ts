/**
 * Valid inputs with one field replaced by a value of the wrong type: the answer is an error
 * naming that field — never the field read as unset — and what the mistake does not touch is
 * answered as for the corrected input. Plus the plain-JavaScript calls of issue #14, pinned.
 */
import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect } from 'vitest'
import { admissionPolicies, checkManifests, decode, formatIssue, Pod, type ContainerResult } from '../../src/index.js'
import { loadDocuments } from '../../src/manifest/index.js'
import { parseDockerSecurityOpts } from '../../src/runtime/index.js'
import { podArbitrary } from '../../src/testing/index.js'

/** A value of any type but `type` (and not null/undefined: those are absence). */
const wrongFor = (type: 'boolean' | 'string' | 'number' | 'object' | 'array'): fc.Arbitrary<unknown> =>
  fc
    .oneof(fc.boolean(), fc.string(), fc.integer(), fc.double({ noNaN: true }), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }), fc.array(fc.integer(), { maxLength: 2 }))
    .filter((v) => (type === 'array' ? !Array.isArray(v) : type === 'object' ? typeof v !== 'object' || Array.isArray(v) : typeof v !== type))

/** Security-context fields of a container, with their type. */
const FIELDS = [
  ['allowPrivilegeEscalation', 'boolean'],
  ['privileged', 'boolean'],
  ['runAsNonRoot', 'boolean'],
  ['runAsUser', 'number'],
  ['capabilities', 'object'],
] as const

const strip = (r: ContainerResult): unknown => ({ ...r, source: null })

describe('a valid pod with one field of the wrong type', () => {
  test.prop([podArbitrary({ os: 'linux' }), fc.constantFrom(...FIELDS), fc.nat()], { numRuns: 150 })(
    'is an error at that path; the other containers are answered as for the corrected pod',
    (pod, [field, type], pick) => {
      const containers = pod.spec.containers
      const i = pick % containers.length
      const wrong = fc.sample(wrongFor(type), { numRuns: 1, seed: pick })[0]
      const mutated = structuredClone(pod) as typeof pod
      const target = mutated.spec.containers[i] as { securityContext?: Record<string, unknown> }
      target.securityContext = { ...target.securityContext, [field]: wrong }
      const corrected = structuredClone(pod) as typeof pod
      const fixed = corrected.spec.containers[i] as { securityContext?: Record<string, unknown> }
      fixed.securityContext = { ...fixed.securityContext }
      delete fixed.securityContext[field]

      const path = `spec.containers[${i}].securityContext.${field}`
      const report = checkManifests({ source: 'mutated', value: mutated })
      expect(report.errors.some((e) => e.path === path || e.path?.startsWith(`${path}.`) === true)).toBe(true)
      // The mutated container has no answer: a wrong type is not read as unset.
      expect(report.results.some((r) => r.path === `spec.containers[${i}]`)).toBe(false)
      const others = checkManifests({ source: 'corrected', value: corrected }).results.filter((r) => r.path !== `spec.containers[${i}]`)
      expect(report.results.map(strip)).toEqual(others.map(strip))
    },
  )
})

describe('valid options with one field of the wrong type', () => {
  const checkOptions = [
    ['semantics', 'kubernetes', 5],
    ['strict', true, 'yes'],
    ['requireNoNewPrivs', true, 'true'],
    ['policies', [], 'psp.yaml'],
    ['podSpecKinds', [], { kind: 'Scaler' }],
    ['podSecurity', { level: 'restricted' }, 'restricted'],
    ['kubernetesVersion', 'v1.30', 30],
    ['load', {}, 100],
  ] as const
  test.each(checkOptions)('checkManifests options.%s: one invalid-option error naming it, nothing checked', (field, valid, wrong) => {
    const text = 'kind: Pod\nspec:\n  containers:\n  - name: a\n'
    expect(checkManifests(text, { [field]: valid }).errors).toEqual([])
    const report = checkManifests(text, { [field]: wrong } as never)
    expect(report.errors.map((e) => e.code)).toEqual(['invalid-option'])
    expect(report.errors[0]?.message).toContain(`options.${field}`)
    expect(report.results).toEqual([])
  })

  test('checkManifests with null options, and null fields, is checkManifests with none', () => {
    const text = 'kind: Pod\nspec:\n  containers:\n  - name: a\n'
    const plain = checkManifests(text)
    expect(checkManifests(text, null as never)).toEqual(plain)
    expect(checkManifests(text, { semantics: null, policies: null, podSpecKinds: null } as never)).toEqual(plain)
  })

  const policyOptions = [
    ['semantics', 'kubernetes', 1],
    ['kubernetesVersion', 'v1.33', 33],
    ['actions', ['Warn'], 'Warn'],
    ['excludeNamespaces', ['kube-system'], [7]],
    ['namespaceSelector', { matchLabels: { a: 'b' } }, { matchLabels: 'a=b' }],
    ['namePrefix', 'x', 1],
    ['podSecurity', { level: 'restricted' }, { level: 'baseline' }],
    ['failurePolicy', 'Fail', true],
  ] as const
  test.each(policyOptions)('admissionPolicies options.%s: an invalid-option Left naming it', (field, valid, wrong) => {
    expect(E.isRight(admissionPolicies({ semantics: 'kubernetes', [field]: valid }))).toBe(true)
    const r = admissionPolicies({ semantics: 'kubernetes', [field]: wrong } as never)
    expect(E.isLeft(r) && r.left.code).toBe('invalid-option')
    expect(E.isLeft(r) && r.left.message).toContain(field)
  })

  test('decode options of the wrong type: one issue naming the option', () => {
    const r = decode(Pod, { kind: 'Pod' }, { strict: 'yes' } as never)
    expect(E.isLeft(r) && r.left.map(formatIssue)).toEqual(['<root>: decode options.strict: expected a boolean, got a string ("yes")'])
  })

  test('load limits that are not positive integers: an invalid-input error, not a limit switched off', () => {
    const [doc] = loadDocuments('a: 1', 's', { maxDepth: '50' } as never)
    expect(doc?._tag === 'Error' && [doc.code, doc.message]).toEqual(['invalid-input', 'load options.maxDepth: expected a number, got a string ("50")'])
  })

  test("Docker's daemon option of the wrong type is an error, not the default", () => {
    const r = parseDockerSecurityOpts([], { daemonNoNewPrivileges: 'true' } as never)
    expect(E.isLeft(r) && r.left[0].message).toBe('the daemon options must be { daemonNoNewPrivileges?: boolean }, got a string ("true")')
  })

  test('an arbitrary given a constraint of the wrong type throws, naming it, rather than ignoring it', () => {
    expect(() => podArbitrary({ noNewPrivs: 'true' } as never)).toThrow('podArbitrary: constraint noNewPrivs must be a boolean, got a string ("true")')
  })
})

describe('the plain-JavaScript calls of issue #14', () => {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', securityContext: { allowPrivilegeEscalation: false } }] } }

  test('checkManifests(pod): the parsed object is checked', () => {
    const report = checkManifests(pod as never)
    expect(report.results.map((r) => [r.container, r.noNewPrivs])).toEqual([['a', true]])
  })

  test('checkManifests([pod1, pod2]): both are checked, nothing silently empty', () => {
    const report = checkManifests([pod, { ...pod, metadata: { name: 'q' } }] as never)
    expect(report.results.map((r) => [r.source, r.name])).toEqual([['<input>[0]', 'p'], ['<input>[1]', 'q']])
  })

  test("allowPrivilegeEscalation: 'false' is an error at its path, not unset", () => {
    const report = checkManifests({ source: 'pod', value: { ...pod, spec: { containers: [{ name: 'a', securityContext: { allowPrivilegeEscalation: 'false' } }] } } })
    expect(report.results).toEqual([])
    expect(report.errors.map((e) => [e.path, e.message])).toEqual([['spec.containers[0].securityContext.allowPrivilegeEscalation', 'Invalid value: "false": expected boolean']])
  })
})
