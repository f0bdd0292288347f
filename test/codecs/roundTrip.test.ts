import { describe, expect, it } from 'vitest'
import { test, fc } from '@fast-check/vitest'
import { isRight } from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import * as codecs from '../../src/codecs/index.js'
import { decode, fieldsOf } from '../../src/codecs/index.js'
import * as arb from './arbitraries.js'

/** Every object codec with the arbitrary of its valid values. */
const cases: ReadonlyArray<readonly [string, t.Mixed, fc.Arbitrary<unknown>]> = [
  ['Capabilities', codecs.Capabilities, arb.capabilitiesArbitrary()],
  ['SELinuxOptions', codecs.SELinuxOptions, arb.seLinuxOptionsArbitrary()],
  ['SeccompProfile', codecs.SeccompProfile, arb.seccompProfileArbitrary()],
  ['AppArmorProfile', codecs.AppArmorProfile, arb.appArmorProfileArbitrary()],
  ['WindowsSecurityContextOptions', codecs.WindowsSecurityContextOptions, arb.windowsSecurityContextOptionsArbitrary()],
  ['SecurityContext', codecs.SecurityContext, arb.securityContextArbitrary()],
  ['Sysctl', codecs.Sysctl, arb.sysctlArbitrary()],
  ['PodSecurityContext', codecs.PodSecurityContext, arb.podSecurityContextArbitrary()],
  ['IDRange', codecs.IDRange, arb.idRangeArbitrary()],
  ['HostPortRange', codecs.HostPortRange, arb.hostPortRangeArbitrary()],
  ['AllowedHostPath', codecs.AllowedHostPath, arb.allowedHostPathArbitrary()],
  ['AllowedFlexVolume', codecs.AllowedFlexVolume, arb.allowedFlexVolumeArbitrary()],
  ['AllowedCSIDriver', codecs.AllowedCSIDriver, arb.allowedCSIDriverArbitrary()],
  ['RunAsUserStrategyOptions', codecs.RunAsUserStrategyOptions, arb.runAsUserStrategyOptionsArbitrary()],
  ['RunAsGroupStrategyOptions', codecs.RunAsGroupStrategyOptions, arb.runAsGroupStrategyOptionsArbitrary()],
  ['SELinuxStrategyOptions', codecs.SELinuxStrategyOptions, arb.seLinuxStrategyOptionsArbitrary()],
  ['SupplementalGroupsStrategyOptions', codecs.SupplementalGroupsStrategyOptions, arb.supplementalGroupsStrategyOptionsArbitrary()],
  ['FSGroupStrategyOptions', codecs.FSGroupStrategyOptions, arb.fsGroupStrategyOptionsArbitrary()],
  ['RuntimeClassStrategyOptions', codecs.RuntimeClassStrategyOptions, arb.runtimeClassStrategyOptionsArbitrary()],
  ['PodSecurityPolicySpec', codecs.PodSecurityPolicySpec, arb.podSecurityPolicySpecArbitrary()],
  ['PodSecurityPolicy', codecs.PodSecurityPolicy, arb.podSecurityPolicyArbitrary()],
  ['OwnerReference', codecs.OwnerReference, arb.ownerReferenceArbitrary()],
  ['ObjectMeta', codecs.ObjectMeta, arb.objectMetaArbitrary()],
  ['Container', codecs.Container, arb.containerArbitrary()],
  ['EphemeralContainer', codecs.EphemeralContainer, arb.ephemeralContainerArbitrary()],
  ['PodOS', codecs.PodOS, arb.podOSArbitrary()],
  ['PodSpec', codecs.PodSpec, arb.podSpecArbitrary()],
  ['PodTemplateSpec', codecs.PodTemplateSpec, arb.podTemplateSpecArbitrary()],
  ['Pod', codecs.Pod, arb.podArbitrary()],
]

const asJson = (u: unknown): unknown => JSON.parse(JSON.stringify(u)) as unknown

describe.each(cases)('%s', (name, codec, valid) => {
  test.prop([valid])('decodes every valid value to itself, with no issue', (x) => {
    const r = decode(codec, codec.encode(x))
    expect(r).toEqual({ _tag: 'Right', right: { value: x, warnings: [] } })
  })

  test.prop([valid])('encodes the decoded JSON back to JSON deep-equal to the input', (x) => {
    const json = asJson(x)
    const r = decode(codec, json)
    if (!isRight(r)) expect.fail(`valid ${name} rejected: ${JSON.stringify(r.left)}`)
    expect(asJson(codec.encode(r.right.value))).toEqual(json)
    expect(codec.encode(r.right.value)).toEqual(json)
  })

  test.prop([fc.jsonValue()])('decode returns an Either for any JSON value', (u) => {
    const r = decode(codec, u)
    expect(['Left', 'Right']).toContain(r._tag)
  })

  test.prop([
    fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'name', 'spec')),
    }),
  ])('decode returns an Either for any JavaScript value, strict or not', (u) => {
    expect(['Left', 'Right']).toContain(decode(codec, u)._tag)
    expect(['Left', 'Right']).toContain(decode(codec, u, { strict: true, path: 'x' })._tag)
  })

  test('the arbitrary sets every field the codec knows', () => {
    const known = [...(fieldsOf(codec)?.keys() ?? [])]
    const seen = new Set<string>()
    // Up to 300 samples, in rounds of 20 that stop once every field was seen.
    for (let round = 0; round < 15 && known.some((k) => !seen.has(k)); round++) {
      for (const x of fc.sample(valid, { numRuns: 20, seed: 42 + round })) {
        if (typeof x === 'object' && x !== null) for (const k of Object.keys(x)) seen.add(k)
      }
    }
    expect(known.length).toBeGreaterThan(0)
    expect(known.filter((k) => !seen.has(k))).toEqual([])
  })
})

describe('encoding is the identity', () => {
  const ours = Object.entries(codecs as Readonly<Record<string, unknown>>).filter(
    (entry): entry is [string, t.Mixed] => typeof entry[1] === 'object' && entry[1] !== null && typeof (entry[1] as { encode?: unknown }).encode === 'function',
  )

  it.each(ours)('%s encodes a value as that very value', (_, codec) => {
    const value = { any: 'thing' }
    expect(codec.encode(value)).toBe(value)
  })

  it('so a __proto__ key the input holds stays an own key of the output, and no prototype changes', () => {
    const own = (o: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> =>
      Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true })
    const sc = own({ runAsUser: 1, seccompProfile: own({ type: 'RuntimeDefault' }, '__proto__', []) }, '__proto__', [])
    const meta = { labels: own({ app: 'x' }, '__proto__', 'y') }
    for (const [codec, input] of [[codecs.SecurityContext, sc], [codecs.ObjectMeta, meta]] as ReadonlyArray<readonly [t.Mixed, object]>) {
      const decoded = decode(codec, input)
      expect(isRight(decoded)).toBe(true)
      if (!isRight(decoded)) continue
      const encoded = codec.encode(decoded.right.value as never) as Record<string, unknown>
      expect(encoded).toBe(input)
      expect(Object.getPrototypeOf(encoded)).toBe(Object.prototype)
    }
    expect(Object.getOwnPropertyNames(meta.labels)).toEqual(['app', '__proto__'])
  })
})
