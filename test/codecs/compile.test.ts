import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { compileClosureGuard, compileDecoder, compileGuard } from '../../src/codecs/compile.js'
import { fallbackCount, generatedGuard, guardSource } from '../../src/codecs/compileSource.js'
import { decode } from '../../src/codecs/decode.js'
import * as codecs from '../../src/codecs/index.js'
import type { AnyDecoder } from '../../src/codecs/structure.js'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import type { ContainerSecurityInput, PodSecurityInput } from '../../src/resolve/types.js'
import {
  containerArbitrary,
  podArbitrary,
  podSecurityContextArbitrary,
  podSecurityPolicyArbitrary,
  podSpecArbitrary,
  securityContextArbitrary,
} from './arbitraries.js'
import { GENERIC_CODECS, VALUES, decodesCleanly } from './genericCodecs.js'

const json = fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<unknown>

/** A value with one place changed: a field set to any JSON, a key added, a field removed. */
function mutated(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(base, fc.nat(), fc.nat(), json, fc.constantFrom('set', 'add', 'delete', 'near-miss'), fc.string({ maxLength: 8 })).map(([value, at, pick, replacement, how, key]) => {
    const copy = structuredClone(value)
    // The objects of the value, depth first; one of them is changed.
    const objects: Array<Record<string, unknown>> = []
    const visit = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(visit)
      else if (typeof v === 'object' && v !== null) {
        objects.push(v as Record<string, unknown>)
        Object.values(v).forEach(visit)
      }
    }
    visit(copy)
    const target = objects[at % Math.max(1, objects.length)]
    if (target === undefined) return replacement
    const keys = Object.keys(target)
    const field = keys[pick % Math.max(1, keys.length)]
    if (how === 'add' || field === undefined) target[key] = replacement
    else if (how === 'delete') delete target[field]
    else if (how === 'near-miss') {
      target[`${field}x`] = target[field]
      delete target[field]
    } else target[field] = replacement
    return copy
  })
}

const cases: ReadonlyArray<readonly [string, AnyDecoder, fc.Arbitrary<unknown>]> = [
  ['SecurityContext', codecs.SecurityContext, securityContextArbitrary()],
  ['PodSecurityContext', codecs.PodSecurityContext, podSecurityContextArbitrary()],
  ['Container', codecs.Container, containerArbitrary()],
  ['PodSpec', codecs.PodSpec, podSpecArbitrary()],
  ['Pod', codecs.Pod, podArbitrary()],
  ['PodSecurityPolicy', codecs.PodSecurityPolicy, podSecurityPolicyArbitrary()],
]

describe.each(cases)('the compiled %s guard accepts exactly what the codec decodes without warnings', (_name, codec, valid) => {
  const anyValue = fc.oneof(valid, mutated(valid), json)

  test.prop([anyValue], { numRuns: 300 })('both guards answer plain JSON themselves, never asking decode', (value) => {
    const before = fallbackCount()
    compileClosureGuard(codec)(value)
    generatedGuard(codec)?.(value)
    expect(fallbackCount()).toBe(before)
  })

  test.prop([anyValue], { numRuns: 300 })('generated code, closures and decode agree on any JSON value', (value) => {
    const expected = decodesCleanly(codec, value)
    expect(compileClosureGuard(codec)(value)).toBe(expected)
    expect(generatedGuard(codec)?.(value)).toBe(expected)
    expect(compileGuard(codec)(value)).toBe(expected)
  })

  test.prop([anyValue], { numRuns: 200 })('compileDecoder gives the result decode gives, issues and paths included', (value) => {
    const options = { path: 'spec.template.spec', strict: true }
    expect(compileDecoder(codec)(value, options)).toEqual(decode(codec, value, options))
    expect(compileDecoder(codec)(value)).toEqual(decode(codec, value))
  })

  test.prop([valid], { numRuns: 100 })('valid generated values take the fast path and come back as they are', (value) => {
    const decoded = compileDecoder(codec)(value)
    if (decodesCleanly(codec, value)) expect(E.isRight(decoded) && decoded.right.value).toBe(value)
  })
})

function resolveAll(spec: unknown): unknown[] {
  const s = spec as { initContainers?: unknown[] | null; containers?: unknown[]; securityContext?: PodSecurityInput | null; os?: { name?: string } | null }
  const out: unknown[] = []
  for (const list of [s.initContainers, s.containers]) {
    for (const c of list ?? []) {
      const container = (c as { securityContext?: ContainerSecurityInput | null }).securityContext
      out.push(resolveNoNewPrivs({ container, pod: s.securityContext, os: s.os?.name }))
    }
  }
  return out
}

test.prop([fc.oneof(podSpecArbitrary(), mutated(podSpecArbitrary()))], { numRuns: 200 })(
  'the decisions resolved from the fast path are the decisions resolved from decode',
  (value) => {
    const fast = compileDecoder(codecs.PodSpec)(value)
    const slow = decode(codecs.PodSpec, value)
    expect(E.isRight(fast)).toBe(E.isRight(slow))
    if (E.isRight(fast) && E.isRight(slow)) expect(resolveAll(fast.right.value)).toEqual(resolveAll(slow.right.value))
  },
)

describe('the compiled guard on values JSON cannot hold', () => {
  const guards = [compileGuard(codecs.SecurityContext), compileClosureGuard(codecs.SecurityContext)]
  it.each(guards)('rejects a bigint uid, as the codec does', (guard) => {
    expect(guard({ runAsUser: 10n ** 30n })).toBe(false)
  })
  it.each(guards)('defers an object with another prototype to decode', (guard) => {
    class Context {
      runAsUser = 1000
    }
    expect(guard(new Context())).toBe(decodesCleanly(codecs.SecurityContext, new Context()))
    const bare = Object.assign(Object.create(null) as object, { runAsUser: 1000 })
    expect(guard(bare)).toBe(decodesCleanly(codecs.SecurityContext, bare))
  })
  it.each(guards)('treats "__proto__" from JSON.parse as the unknown field it is', (guard) => {
    const value: unknown = JSON.parse('{"__proto__": {"runAsUser": 0}}')
    expect(guard(value)).toBe(false)
    expect(decodesCleanly(codecs.SecurityContext, value)).toBe(false)
  })
  it('reports a missing required-by-API field of a policy spec through decode, not the fast path', () => {
    const policy = { spec: { allowPrivilegeEscalation: false } }
    expect(compileGuard(codecs.PodSecurityPolicy)(policy)).toBe(false)
    const decoded = compileDecoder(codecs.PodSecurityPolicy)(policy)
    expect(E.isRight(decoded) && decoded.right.warnings.map((w) => w.code)).toEqual(['missing-field', 'missing-field', 'missing-field', 'missing-field'])
  })
})

describe('the equivalence properties see both answers', () => {
  it.each(cases)('%s: most generated values decode cleanly and most mutated ones do not', (_name, codec, valid) => {
    const clean = fc.sample(valid, { numRuns: 200, seed: 1 }).filter((v) => decodesCleanly(codec, v)).length
    const broken = fc.sample(mutated(valid), { numRuns: 200, seed: 2 }).filter((v) => !decodesCleanly(codec, v)).length
    expect(clean).toBeGreaterThan(100)
    expect(broken).toBeGreaterThan(50)
  })
})

describe('the generated guard writes a check for every part of our codecs', () => {
  const ours = Object.entries(codecs as Readonly<Record<string, unknown>>).filter(
    (entry): entry is [string, AnyDecoder] => typeof entry[1] === 'object' && entry[1] !== null && typeof (entry[1] as { validate?: unknown }).validate === 'function',
  )

  it.each(ours)('%s: decode is called only for values that are not plain objects', (_, codec) => {
    const { source, refs } = guardSource(codec)
    const objectFunctions = (source.match(/function f\d+\(o\)/g) ?? []).length
    const objectFallbacks = source.match(/R\[\d+\]\(o\)/g) ?? []
    expect(source.match(/R\[\d+\]\(v\)/g) ?? []).toEqual([])
    expect(objectFallbacks.length).toBe(objectFunctions)
    expect(new Set(objectFallbacks).size).toBe(refs.length)
  })

  it('asks decode about a value that is not a plain object, once per guard', () => {
    class Box {
      runAsUser = 1
    }
    for (const guard of [compileClosureGuard(codecs.SecurityContext), generatedGuard(codecs.SecurityContext)]) {
      const before = fallbackCount()
      expect(guard?.(new Box())).toBe(decodesCleanly(codecs.SecurityContext, new Box()))
      expect(guard?.({ capabilities: new Box() })).toBe(false)
      expect(fallbackCount() - before).toBe(2)
    }
  })

  it('falls back to decode, once, for a part it has no check for', () => {
    const codec = t.type({ a: t.union([t.string, t.number]), b: t.string })
    const { source, refs } = guardSource(codec)
    expect(source.match(/R\[\d+\]\(v\)/g)).toHaveLength(1)
    expect(refs).toHaveLength(2)
    const guard = generatedGuard(codec)
    expect([{ a: 'x', b: 'y' }, { a: 1, b: 'y' }, { a: true, b: 'y' }, { a: 1 }].map((v) => guard?.(v))).toEqual([true, true, false, false])
  })
})

describe('both guards equal decode on any io-ts codec, part by part', () => {
  it.each(GENERIC_CODECS)('$name', ({ codec }) => {
    const closure = compileClosureGuard(codec)
    const generated = generatedGuard(codec)
    for (const value of VALUES) {
      const expected = decodesCleanly(codec, value)
      expect([value, closure(value)]).toEqual([value, expected])
      expect([value, generated?.(value)]).toEqual([value, expected])
    }
  })

  it('a PodSecurityPolicy spec without a strategy the API server requires is not clean, absent or null', () => {
    const spec = { seLinux: { rule: 'RunAsAny' }, runAsUser: { rule: 'RunAsAny' }, supplementalGroups: { rule: 'RunAsAny' }, fsGroup: { rule: 'RunAsAny' } }
    for (const value of [spec, { ...spec, seLinux: undefined }, { ...spec, seLinux: null }, { runAsUser: spec.runAsUser }]) {
      const expected = decodesCleanly(codecs.PodSecurityPolicySpec, value)
      expect(compileClosureGuard(codecs.PodSecurityPolicySpec)(value)).toBe(expected)
      expect(generatedGuard(codecs.PodSecurityPolicySpec)?.(value)).toBe(expected)
    }
    expect(decodesCleanly(codecs.PodSecurityPolicySpec, spec)).toBe(true)
    expect(decodesCleanly(codecs.PodSecurityPolicySpec, { ...spec, seLinux: null })).toBe(false)
  })

  it('a recursive codec checks every level', () => {
    interface Node {
      readonly next?: Node | undefined
      readonly name?: string | undefined
    }
    const NodeC: t.Type<Node> = t.recursion('Node', () => t.partial({ next: NodeC, name: t.string }))
    for (const value of [{}, { next: { next: { name: 'x' } } }, { next: { next: { name: 1 } } }, { next: { next: { other: 1 } } }]) {
      expect(compileClosureGuard(NodeC)(value)).toBe(decodesCleanly(NodeC, value))
      expect(generatedGuard(NodeC)?.(value)).toBe(decodesCleanly(NodeC, value))
    }
  })

  it('compiles a codec once, with generated code where the platform allows it', () => {
    expect(compileGuard(codecs.SecurityContext)).toBe(compileGuard(codecs.SecurityContext))
    expect(compileClosureGuard(codecs.SecurityContext)).toBe(compileClosureGuard(codecs.SecurityContext))
    expect(compileGuard(codecs.SecurityContext)).not.toBe(compileClosureGuard(codecs.SecurityContext))
  })
})
