import { describe, expect, it } from 'vitest'
import { test, fc } from '@fast-check/vitest'
import * as t from 'io-ts'
import {
  Capabilities,
  Container,
  PodSecurityContext,
  PodSecurityPolicy,
  PodSecurityPolicySpec,
  PodSpec,
  SecurityContext,
  decode,
  fieldWarnings,
  fieldsOf,
  nullable,
  unknownFields,
  RequiredByApiType,
} from '../../src/codecs/index.js'
import { securityContextArbitrary } from './arbitraries.js'

const securityContextFields = [...(fieldsOf(SecurityContext)?.keys() ?? [])]

describe('unknown fields are reported, never dropped', () => {
  it('suggests the field meant for a near miss', () => {
    expect(unknownFields(SecurityContext, { allowPrivilegeEscalaton: false })).toEqual([
      {
        code: 'unknown-field',
        severity: 'warning',
        path: 'allowPrivilegeEscalaton',
        segments: ['allowPrivilegeEscalaton'],
        expected: 'a field of SecurityContext',
        received: 'false',
        message: 'unknown field "allowPrivilegeEscalaton", did you mean "allowPrivilegeEscalation"?',
        suggestion: 'allowPrivilegeEscalation',
      },
    ])
  })

  it.each([
    ['RunAsUser', 'runAsUser'],
    ['runAsUsr', 'runAsUser'],
    ['privilged', 'privileged'],
    ['capabilites', 'capabilities'],
    ['readOnlyRootFileSystem', 'readOnlyRootFilesystem'],
    ['seccompprofile', 'seccompProfile'],
    ['no_new_privileges', 'noNewPrivileges'],
    ['runAsNonroot', 'runAsNonRoot'],
  ])('%s → did you mean %s', (typo, meant) => {
    expect(unknownFields(SecurityContext, { [typo]: true })[0]?.suggestion).toBe(meant)
  })

  it.each(['foo', 'x', 'securityContext', 'image'])('makes no suggestion for %s, which is nothing like a field', (key) => {
    const [issue] = unknownFields(SecurityContext, { [key]: 1 })
    expect(issue?.suggestion).toBeUndefined()
    expect(issue?.message).toBe(`unknown field ${JSON.stringify(key)}`)
  })

  it('finds unknown fields at every depth, with their full path', () => {
    const spec = {
      containers: [
        { name: 'a', imagee: 'nginx' },
        { name: 'b', securityContext: { capabilities: { ad: ['NET_ADMIN'] } } },
      ],
      securityContext: { sysctls: [{ name: 'n', value: 'v', valeu: 'w' }] },
      hostPid: true,
    }
    expect(unknownFields(PodSpec, spec, { path: 'spec' }).map((i) => [i.path, i.suggestion])).toEqual([
      ['spec.containers[0].imagee', 'image'],
      ['spec.containers[1].securityContext.capabilities.ad', 'add'],
      ['spec.securityContext.sysctls[0].valeu', 'value'],
      ['spec.hostPid', 'hostPID'],
    ])
  })

  it('knows the fields of both members of an intersection (required and optional)', () => {
    const spec = { containers: [{ name: 'a', image: 'nginx', targetContainerName: 'x' }] }
    // targetContainerName belongs to EphemeralContainer only.
    expect(unknownFields(PodSpec, spec).map((i) => i.path)).toEqual(['containers[0].targetContainerName'])
    expect(unknownFields(PodSpec, { containers: [], ephemeralContainers: [{ name: 'd', targetContainerName: 'a' }] })).toEqual([])
  })

  it('looks into unions through the member the value belongs to', () => {
    const Either = t.union([t.partial({ a: nullable(t.string) }), t.partial({ b: nullable(t.number) })])
    expect(unknownFields(t.readonlyArray(Either), [{ a: 'x', c: 1 }]).map((i) => i.path)).toEqual(['[0].c'])
  })

  it('does not look inside fields typed unknown (probes, volumes, …)', () => {
    expect(unknownFields(PodSpec, { containers: [{ name: 'a', livenessProbe: { anything: { goes: 1 } } }] })).toEqual([])
  })

  it.each(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'])(
    'treats %s as a plain unknown field and leaves Object.prototype alone',
    (key) => {
      const value = JSON.parse(`{"${key}": {"polluted": true}, "privileged": true}`) as unknown
      const r = decode(SecurityContext, value)
      expect(r._tag).toBe('Right')
      if (r._tag === 'Right') {
        expect(r.right.warnings.map((w) => w.path)).toEqual([key])
        expect(Object.prototype.hasOwnProperty.call(r.right.value, key)).toBe(true)
      }
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    },
  )

  test.prop([securityContextArbitrary(), fc.dictionary(fc.string({ minLength: 1 }), fc.jsonValue({ maxDepth: 1 }), { minKeys: 1, maxKeys: 3 })])(
    'reports exactly the added keys the codec does not know, and keeps them in the value',
    (sc, extra) => {
      const added = Object.keys(extra).filter((k) => !securityContextFields.includes(k))
      fc.pre(added.length > 0)
      const input: Record<string, unknown> = { ...sc }
      for (const k of added) Object.defineProperty(input, k, { value: extra[k], enumerable: true, writable: true, configurable: true })
      const r = decode(SecurityContext, input)
      if (r._tag === 'Left') return expect.fail(JSON.stringify(r.left))
      expect(r.right.warnings.map((w) => w.path).sort()).toEqual([...added].sort())
      for (const k of added) expect(Object.prototype.hasOwnProperty.call(r.right.value, k)).toBe(true)
      expect(SecurityContext.encode(r.right.value)).toEqual(input)
    },
  )
})

describe('strict mode (fieldValidation=Strict)', () => {
  it('turns an unknown field into an error that fails the decode', () => {
    const r = decode(SecurityContext, { privileged: false, allowPrivilegeEscalaton: false }, { strict: true, path: 'sc' })
    expect(r).toEqual({
      _tag: 'Left',
      left: [
        expect.objectContaining({
          code: 'unknown-field',
          severity: 'error',
          path: 'sc.allowPrivilegeEscalaton',
          suggestion: 'allowPrivilegeEscalation',
        }),
      ],
    })
  })

  test.prop([securityContextArbitrary()])('accepts a value with only known fields exactly as non-strict does', (sc) => {
    expect(decode(SecurityContext, sc, { strict: true })).toEqual(decode(SecurityContext, sc))
  })

  it('keeps type errors first, then unknown fields, when both occur', () => {
    const r = decode(Capabilities, { add: 'SYS_ADMIN', dorp: ['ALL'] }, { strict: true })
    expect(r._tag === 'Left' && r.left.map((i) => [i.code, i.severity, i.path])).toEqual([
      ['invalid-value', 'error', 'add'],
      ['unknown-field', 'error', 'dorp'],
    ])
  })

  it('in non-strict mode still lists unknown fields after the errors of a failed decode, as warnings', () => {
    const r = decode(Capabilities, { add: 'SYS_ADMIN', dorp: ['ALL'] })
    expect(r._tag === 'Left' && r.left.map((i) => [i.code, i.severity, i.path])).toEqual([
      ['invalid-value', 'error', 'add'],
      ['unknown-field', 'warning', 'dorp'],
    ])
  })
})

describe('fields the API server requires but the PodSecurityPolicy codec reads leniently', () => {
  it('decodes a spec without its required strategies, warning once for each', () => {
    const r = decode(PodSecurityPolicy, { kind: 'PodSecurityPolicy', spec: { allowPrivilegeEscalation: false, fsGroup: { rule: 'RunAsAny' } } })
    if (r._tag === 'Left') return expect.fail(JSON.stringify(r.left))
    expect(r.right.value.spec?.allowPrivilegeEscalation).toBe(false)
    expect(r.right.warnings.map((w) => [w.code, w.path])).toEqual([
      ['missing-field', 'spec.seLinux'],
      ['missing-field', 'spec.runAsUser'],
      ['missing-field', 'spec.supplementalGroups'],
    ])
    expect(r.right.warnings[0]?.message).toBe(
      'Required value: the API server requires seLinux in PodSecurityPolicySpec (policy/v1beta1) and would reject this object; read as unset',
    )
  })

  it('counts null as absent, and keeps these warnings as warnings in strict mode', () => {
    const spec = { seLinux: null, runAsUser: { rule: 'RunAsAny' }, supplementalGroups: { rule: 'RunAsAny' }, fsGroup: { rule: 'RunAsAny' } }
    const r = decode(PodSecurityPolicySpec, spec, { strict: true })
    expect(r._tag === 'Right' && r.right.warnings.map((w) => [w.path, w.severity, w.received])).toEqual([['seLinux', 'warning', 'null']])
  })

  it('fieldWarnings reports both kinds; unknownFields only unknown fields', () => {
    const spec = { allowPrivilegeEscalaton: true }
    expect(fieldWarnings(PodSecurityPolicySpec, spec).map((w) => w.code)).toEqual([
      'unknown-field',
      'missing-field',
      'missing-field',
      'missing-field',
      'missing-field',
    ])
    expect(unknownFields(PodSecurityPolicySpec, spec).map((w) => w.suggestion)).toEqual(['allowPrivilegeEscalation'])
  })
})

describe('fields set in the wrong place', () => {
  it('a securityContext field put directly on the container points to securityContext', () => {
    const [issue] = unknownFields(Container, { name: 'a', privileged: true })
    expect(issue).toMatchObject({ path: 'privileged', suggestion: 'securityContext.privileged' })
    expect(issue?.message).toBe('unknown field "privileged", did you mean "securityContext.privileged"?')
  })
  it("allowPrivilegeEscalation on the pod's securityContext says it belongs to each container", () => {
    const [issue] = unknownFields(PodSecurityContext, { allowPrivilegeEscalation: false })
    expect(issue?.suggestion).toBeUndefined()
    expect(issue?.message).toBe(
      "unknown field \"allowPrivilegeEscalation\": PodSecurityContext has no such field; it belongs in each container's securityContext",
    )
  })
  it('a key known nowhere stays a plain unknown field', () => {
    expect(unknownFields(PodSecurityContext, { zzzzzz: 1 })[0]?.message).toBe('unknown field "zzzzzz"')
  })
})

describe('the walk through any io-ts codec', () => {
  const Item = t.type({ a: t.string })
  const paths = (codec: t.Decoder<unknown, unknown>, value: unknown): string[] => fieldWarnings(codec, value).map((i) => i.path)

  it('reports unknown fields inside arrays, read-only arrays, tuples, maps and exact types, with their paths', () => {
    expect(paths(t.array(Item), [{ a: 'x' }, { a: 'y', b: 1 }, null])).toEqual(['[1].b'])
    expect(paths(t.readonlyArray(Item), [{ a: 'x', b: 1 }])).toEqual(['[0].b'])
    expect(paths(t.tuple([Item, t.string, Item]), [{ a: 'x', b: 1 }, 's'])).toEqual(['[0].b'])
    expect(paths(t.tuple([t.string, Item]), ['s', { a: 'x', c: 1 }, { a: 'x', d: 1 }])).toEqual(['[1].c'])
    expect(paths(t.record(t.string, Item), { k: { a: 'x', b: 1 }, l: { a: 'y' }, n: null })).toEqual(['[k].b'])
    expect(fieldWarnings(t.record(t.string, Item), { k: { a: 'x', b: 1 } })[0]?.segments).toEqual(['k', 'b'])
    expect(paths(t.strict({ a: t.string }), { a: 'x', b: 1 })).toEqual(['b'])
    expect(paths(t.type({ inner: t.array(t.record(t.string, Item)) }), { inner: [{ k: { a: 'x', z: 0 } }] })).toEqual(['inner[0][k].z'])
  })

  it('walks nothing where the value is not of the codec shape (decoding reports that)', () => {
    expect(fieldWarnings(SecurityContext, 'abc')).toEqual([])
    expect(fieldWarnings(t.type({ a: t.string }), [1, 2])).toEqual([])
    expect(fieldWarnings(t.array(Item), { 0: { a: 'x', b: 1 } })).toEqual([])
    expect(fieldWarnings(t.record(t.string, Item), [{ a: 'x', b: 1 }])).toEqual([])
    expect(fieldWarnings(t.tuple([Item]), { 0: { a: 'x', b: 1 } })).toEqual([])
  })

  it('checks a union value against the member it belongs to, not the first one', () => {
    const AorB = t.union([t.type({ a: t.string }), t.type({ b: t.number })])
    expect(paths(AorB, { b: 1, c: 2 })).toEqual(['c'])
    expect(paths(AorB, { a: 'x', c: 2 })).toEqual(['c'])
    expect(paths(AorB, { c: 2 })).toEqual([])
  })

  it('stops 256 levels deep, so a recursive codec over deep data cannot exhaust the stack', () => {
    interface Node {
      readonly next?: Node | undefined
    }
    const NodeC: t.Type<Node> = t.recursion('Node', () => t.partial({ next: NodeC }))
    const nest = (levels: number): unknown => {
      let value: Record<string, unknown> = { bogus: 1 }
      for (let i = 0; i < levels; i++) value = { next: value }
      return value
    }
    expect(paths(NodeC, nest(2))).toEqual(['next.next.bogus'])
    expect(paths(NodeC, nest(10_000))).toEqual([])
    // Each level of the value is two levels of codec (the recursion and its partial).
    const deepest = Array.from({ length: 300 }, (_, levels) => paths(NodeC, nest(levels)).length).lastIndexOf(1)
    expect(deepest).toBeGreaterThan(60)
    expect(deepest).toBeLessThan(257)
  })

  it('names the fields the API server requires, also one the codec does not declare', () => {
    const codec = new RequiredByApiType(t.partial({ a: t.string }), ['a', 'zz'], 'Thing (v1)')
    const warnings = fieldWarnings(codec, { a: null })
    expect(warnings.map((i) => [i.code, i.path, i.expected, i.received, i.message])).toEqual([
      ['missing-field', 'a', 'string', 'null', 'Required value: the API server requires a in Thing (v1) and would reject this object; read as unset'],
      ['missing-field', 'zz', 'unknown', 'undefined', 'Required value: the API server requires zz in Thing (v1) and would reject this object; read as unset'],
    ])
  })

  it('an unknown field without a suggestion has no suggestion key at all', () => {
    const [issue] = unknownFields(PodSecurityContext, { zzzzzz: 1 })
    expect(issue !== undefined && 'suggestion' in issue).toBe(false)
    const [near] = unknownFields(SecurityContext, { privilegd: true })
    expect(near?.suggestion).toBe('privileged')
  })
})
