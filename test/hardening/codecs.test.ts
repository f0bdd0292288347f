/**
 * Every codec is total: for any value (any JSON value, and values shaped like the codec's own
 * objects with junk at every leaf) `decode` returns, the raw io-ts `decode`/`is` never throw, and
 * nothing is written to Object.prototype.
 */
import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describe, expect } from 'vitest'
import * as codecs from '../../src/codecs/index.js'
import { decode, fieldWarnings, renderValue } from '../../src/codecs/index.js'
import { elementOf, fieldsOf, unwrap, type AnyDecoder } from '../../src/codecs/structure.js'
import { prototypeKeys } from './helpers.js'

/** Every codec the package exports, by name. */
const ALL: ReadonlyArray<readonly [string, t.Type<unknown>]> = Object.entries(codecs as Record<string, unknown>)
  .filter((entry): entry is [string, t.Type<unknown>] => entry[1] instanceof t.Type)
  .sort(([a], [b]) => a.localeCompare(b))

const INTERNALS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf']

/** Leaves nobody should send, and some everybody does. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 63),
    2147483648,
    -1,
    0.5,
    2n ** 64n,
    -(2n ** 63n),
    12n,
    '',
    'x'.repeat(10_000),
    '\u0000',
    '\ud800',
    undefined,
    null,
    true,
  ),
  fc.anything({ maxDepth: 2, withBigInt: true, withNullPrototype: true, withBoxedValues: true, withSparseArray: true, withMap: true, withSet: true, withDate: true, withTypedArray: true }),
)

/**
 * Values shaped like `codec`'s objects: its own field names (and JS internals) at every level,
 * with junk wherever the shape ends, so decoding reaches the codec's inner fields.
 */
function shaped(codec: AnyDecoder, depth: number): fc.Arbitrary<unknown> {
  if (depth <= 0) return junk
  const shape = unwrap(codec)
  const fields = fieldsOf(shape)
  if (fields !== undefined) {
    const names = [...fields.keys()]
    const known = fc.constantFrom(...(names.length > 0 ? names : ['x']))
    return fc.dictionary(fc.oneof({ weight: 6, arbitrary: known }, { weight: 1, arbitrary: fc.constantFrom(...INTERNALS) }), fc.constant(null), { maxKeys: 6 }).chain((skeleton) => {
      const keys = Object.keys(skeleton)
      const values = keys.map((k) => {
        const field = fields.get(k)
        return field === undefined ? junk : fc.oneof({ weight: 3, arbitrary: shaped(field, depth - 1) }, { weight: 1, arbitrary: junk })
      })
      return fc.tuple(...values).map((vs) => {
        const out: Record<string, unknown> = {}
        // defineProperty: an own "__proto__" key, as JSON.parse and the YAML reader make it.
        keys.forEach((k, i) => Object.defineProperty(out, k, { value: vs[i], enumerable: true, writable: true, configurable: true }))
        return out
      })
    })
  }
  const element = elementOf(shape)
  if (element !== undefined) return fc.oneof(fc.array(shaped(element, depth - 1), { maxLength: 4 }), junk)
  return junk
}

describe('every exported codec is total', () => {
  test('the package exports codecs to test', () => {
    expect(ALL.map(([name]) => name)).toEqual(expect.arrayContaining(['SecurityContext', 'PodSecurityContext', 'PodSecurityPolicy', 'PodSpec', 'Pod', 'Container']))
    expect(ALL.length).toBeGreaterThan(40)
  })

  describe.each(ALL)('%s', (_name, codec) => {
    test.prop([fc.oneof(fc.jsonValue(), shaped(codec, 4))], { numRuns: 60 })('decode returns an Either, never throws, never pollutes', (value) => {
      const before = prototypeKeys()
      const raw = codec.decode(value)
      expect(raw._tag === 'Left' || raw._tag === 'Right').toBe(true)
      expect(typeof codec.is(value)).toBe('boolean')
      const result = decode(codec, value, { path: 'x' })
      const strict = decode(codec, value, { strict: true })
      expect(E.isLeft(result) || E.isRight(result)).toBe(true)
      if (E.isRight(raw)) {
        // What io-ts accepts decodes here too; re-encoding it never throws.
        expect(E.isRight(result)).toBe(true)
        if (E.isRight(strict)) expect(strict.right.value).toEqual(raw.right)
        codec.encode(raw.right)
      }
      if (E.isLeft(result)) {
        for (const issue of result.left) {
          expect(issue.path.startsWith('x')).toBe(true)
          expect(typeof issue.message).toBe('string')
          expect(issue.received.length).toBeLessThanOrEqual(80)
        }
      }
      for (const warning of fieldWarnings(codec, value)) expect(warning.severity).toBe('warning')
      expect(prototypeKeys()).toEqual(before)
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    })
  })

  test.prop([junk])('renderValue is bounded for anything', (value) => {
    expect(renderValue(value).length).toBeLessThanOrEqual(80)
  })

  test('a throwing getter or a Proxy is reported as data, not thrown', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom')
        },
        ownKeys: () => {
          throw new Error('boom')
        },
      },
    )
    const getter = Object.defineProperty({}, 'runAsUser', {
      enumerable: true,
      get: () => {
        throw new Error('getter')
      },
    })
    for (const [, codec] of ALL) {
      for (const value of [hostile, getter, { capabilities: hostile }, [hostile]]) {
        const result = decode(codec, value)
        expect(E.isLeft(result) || E.isRight(result)).toBe(true)
      }
    }
  })
})
