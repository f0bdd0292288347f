import { describe, expect, it } from 'vitest'
import { test, fc } from '@fast-check/vitest'
import { pipe } from 'fp-ts/lib/function.js'
import * as t from 'io-ts'
import { Container, PodSpec, SecurityContext, decode, decodeWith } from '../../src/codecs/index.js'
import { securityContextArbitrary } from './arbitraries.js'

describe('decode never throws', () => {
  it('survives a field whose getter throws, reporting it as data', () => {
    const hostile = Object.defineProperty({}, 'runAsUser', {
      enumerable: true,
      get() {
        throw new Error('boom')
      },
    })
    expect(decode(SecurityContext, hostile, { path: 'sc' })).toEqual({
      _tag: 'Left',
      left: [
        {
          code: 'invalid-value',
          severity: 'error',
          path: 'sc',
          segments: [],
          expected: 'SecurityContext',
          received: '<unrenderable>',
          message: 'Invalid value: could not be decoded: boom',
        },
      ],
    })
  })

  it('survives a proxy that refuses to list its keys', () => {
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no keys')
        },
      },
    )
    expect(decode(SecurityContext, proxy)._tag).toBe('Left')
  })

  it('survives a codec that throws', () => {
    const Throws = new t.Type<number, number, unknown>(
      'Throws',
      (u): u is number => typeof u === 'number',
      () => {
        throw new Error('codec bug')
      },
      t.identity,
    )
    expect(decode(Throws, 1)).toMatchObject({ _tag: 'Left', left: [{ message: 'Invalid value: could not be decoded: codec bug' }] })
  })

  it('decodes deep nesting inside an untyped field without recursion trouble', () => {
    let deep: unknown = {}
    for (let i = 0; i < 100_000; i++) deep = { a: [deep] }
    const r = decode(Container, { name: 'a', lifecycle: deep })
    expect(r._tag).toBe('Right')
  })

  it('handles a huge container list, reporting each unknown field', () => {
    const containers = Array.from({ length: 50_000 }, (_, i) => ({ name: `c${i}`, imag: 'x' }))
    const r = decode(PodSpec, { containers })
    expect(r._tag === 'Right' && r.right.warnings.length).toBe(50_000)
    expect(r._tag === 'Right' && r.right.warnings[49_999]?.path).toBe('containers[49999].imag')
  })

  test.prop([fc.array(fc.anything({ withBigInt: true, withNullPrototype: true }), { maxLength: 5 })])(
    'returns an Either for any list of containers',
    (containers) => {
      expect(['Left', 'Right']).toContain(decode(PodSpec, { containers }, { strict: true })._tag)
    },
  )
})

describe('decode results', () => {
  test.prop([securityContextArbitrary()])('keeps the input object itself when nothing needs changing', (sc) => {
    const r = decode(SecurityContext, sc)
    expect(r._tag === 'Right' && r.right.value).toBe(sc)
  })

  test.prop([securityContextArbitrary(), fc.string({ maxLength: 20 })])(
    'prefixes every path with the path option',
    (sc, prefix) => {
      const r = decode(SecurityContext, { ...sc, runAsUser: -1, extra: 1 }, { path: prefix })
      if (r._tag === 'Right') return expect.fail('expected a Left')
      for (const issue of r.left) expect(issue.path.startsWith(prefix)).toBe(true)
    },
  )

  test.prop([fc.jsonValue(), fc.boolean()])('always lists errors before warnings in a Left', (u, strict) => {
    const r = decode(PodSpec, u, { strict })
    if (r._tag === 'Right') {
      expect(r.right.warnings.every((w) => w.severity === 'warning')).toBe(true)
      return
    }
    const severities = r.left.map((i) => i.severity)
    expect(severities[0]).toBe('error')
    expect(severities.indexOf('warning') === -1 || severities.lastIndexOf('error') < severities.indexOf('warning')).toBe(true)
  })

  it('decodeWith composes with pipe', () => {
    const r = pipe({ privileged: true }, decodeWith(SecurityContext, { path: 'x' }))
    expect(r).toEqual({ _tag: 'Right', right: { value: { privileged: true }, warnings: [] } })
  })
})
