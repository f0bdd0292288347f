import { describe, expect } from 'vitest'
import { test, fc } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { criSecurityContextWithNoNewPrivs, parseCriNoNewPrivs } from '../../src/runtime/cri.js'
import { decisionArb, deepFreeze, jsonObjectWithout } from './arbitraries.js'
import { rightOf } from './rightOf.js'

/** A LinuxContainerSecurityContext with arbitrary other fields and the flag under either name. */
const contextArb = fc
  .record({
    extra: jsonObjectWithout('no_new_privs', 'noNewPrivs'),
    name: fc.constantFrom('no_new_privs', 'noNewPrivs', null),
    flag: fc.boolean(),
  })
  .map(({ extra, name, flag }) => (name === null ? extra : { ...extra, [name]: flag }))

const notBooleanArb = fc.jsonValue().filter((v) => typeof v !== 'boolean' && v !== null)

describe('criSecurityContextWithNoNewPrivs', () => {
  test.prop([decisionArb, fc.option(contextArb, { nil: undefined })])(
    'round trip: the written context reads back as the decision, under no_new_privs',
    (decision, context) => {
      expect(parseCriNoNewPrivs(rightOf(criSecurityContextWithNoNewPrivs(decision, context)))).toEqual(
        E.right({ noNewPrivs: decision.noNewPrivs, path: 'no_new_privs' }),
      )
    },
  )

  test.prop([decisionArb, contextArb])('keeps every other field and drops the camelCase spelling', (decision, context) => {
    const { no_new_privs: _a, noNewPrivs: _b, ...others } = context as Record<string, unknown>
    expect(rightOf(criSecurityContextWithNoNewPrivs(decision, context))).toEqual({ ...others, no_new_privs: decision.noNewPrivs })
  })

  test.prop([decisionArb, contextArb])('returns a new object and never touches the input', (decision, context) => {
    const before = structuredClone(context)
    const written = rightOf(criSecurityContextWithNoNewPrivs(decision, deepFreeze(context)))
    expect(written).not.toBe(context)
    expect(context).toEqual(before)
  })

  test('with no context, gives just the field', () => {
    expect(rightOf(criSecurityContextWithNoNewPrivs({ noNewPrivs: true }))).toEqual({ no_new_privs: true })
  })
})

describe('parseCriNoNewPrivs', () => {
  test.prop([fc.constantFrom('no_new_privs', 'noNewPrivs'), fc.boolean()])(
    'reads the protobuf name and the proto3 JSON name alike',
    (name, flag) => {
      expect(parseCriNoNewPrivs({ [name]: flag })).toEqual(E.right({ noNewPrivs: flag, path: name }))
    },
  )

  test.prop([fc.constantFrom(undefined, null, {}, { no_new_privs: null }, { noNewPrivs: null })])(
    'reads an absent or null context or field as false, from no field',
    (context) => {
      expect(parseCriNoNewPrivs(context)).toEqual(E.right({ noNewPrivs: false, path: null }))
    },
  )

  test.prop([fc.constantFrom('no_new_privs', 'noNewPrivs'), notBooleanArb])(
    'rejects every value that is not a JSON boolean',
    (name, value) => {
      const result = parseCriNoNewPrivs({ [name]: value })
      expect(E.isLeft(result) && result.left).toEqual([
        expect.objectContaining({ runtime: 'cri', code: 'invalid-value', path: name, received: value }),
      ])
    },
  )

  test.prop([fc.option(fc.boolean()), fc.option(fc.boolean())])(
    'rejects the field given under both names, as protojson does',
    (a, b) => {
      const result = parseCriNoNewPrivs({ no_new_privs: a, noNewPrivs: b })
      expect(E.isLeft(result) && result.left[0]).toMatchObject({
        code: 'duplicate-field',
        message: 'duplicate field: no_new_privs and noNewPrivs are the same CRI field; keep one',
      })
    },
  )

  test('explains a number in words', () => {
    const result = parseCriNoNewPrivs({ no_new_privs: 1 })
    expect(E.isLeft(result) && result.left[0].message).toBe(
      'no_new_privs must be a JSON boolean (true or false), got a number (1)',
    )
  })
})
