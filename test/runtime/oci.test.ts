import { describe, expect } from 'vitest'
import { test, fc } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { ociSpecWithNoNewPrivileges, parseOciNoNewPrivileges } from '../../src/runtime/oci.js'
import { decisionArb, deepFreeze, jsonObjectWithout } from './arbitraries.js'
import { rightOf } from './rightOf.js'

/** An OCI spec: arbitrary top-level fields, with or without a process holding arbitrary fields. */
const specArb = fc.record(
  {
    extra: jsonObjectWithout('process'),
    process: fc.option(jsonObjectWithout('noNewPrivileges'), { nil: undefined }),
    flag: fc.option(fc.boolean(), { nil: undefined }),
  },
).map(({ extra, process, flag }) => {
  if (process === undefined) return { ...extra }
  return { ...extra, process: flag === undefined ? process : { ...process, noNewPrivileges: flag } }
})

const notBooleanArb = fc.jsonValue().filter((v) => typeof v !== 'boolean' && v !== null)

describe('ociSpecWithNoNewPrivileges', () => {
  test.prop([decisionArb, specArb])('round trip: the patched spec reads back as the decision', (decision, spec) => {
    expect(parseOciNoNewPrivileges(rightOf(ociSpecWithNoNewPrivileges(decision, spec)))).toEqual(
      E.right({ noNewPrivs: decision.noNewPrivs, path: 'process.noNewPrivileges' }),
    )
  })

  test.prop([decisionArb, specArb])('keeps every other field of the spec and of its process', (decision, spec) => {
    const patched = rightOf(ociSpecWithNoNewPrivileges(decision, spec))
    const { process: before, ...restBefore } = spec as { process?: Record<string, unknown> }
    const { process: after, ...restAfter } = patched
    expect(restAfter).toEqual(restBefore)
    const { noNewPrivileges: _a, noNewPrivs: _b, ...processBefore } = before ?? {}
    const { noNewPrivileges, ...processAfter } = after as Record<string, unknown>
    expect(noNewPrivileges).toBe(decision.noNewPrivs)
    expect(processAfter).toEqual(processBefore)
  })

  test.prop([decisionArb, specArb])('returns new objects and never touches the input', (decision, spec) => {
    const before = structuredClone(spec)
    const patched = rightOf(ociSpecWithNoNewPrivileges(decision, deepFreeze(spec)))
    expect(patched).not.toBe(spec)
    expect(spec).toEqual(before)
  })

  test('writes false explicitly, so the spec states the decision', () => {
    expect(rightOf(ociSpecWithNoNewPrivileges({ noNewPrivs: false }, { ociVersion: '1.2.0' }))).toEqual({
      ociVersion: '1.2.0',
      process: { noNewPrivileges: false },
    })
  })

  test('removes the misspelt process.noNewPrivs the runtimes would ignore', () => {
    expect(rightOf(ociSpecWithNoNewPrivileges({ noNewPrivs: true }, { process: { cwd: '/', noNewPrivs: true } }))).toEqual({
      process: { cwd: '/', noNewPrivileges: true },
    })
  })
})

describe('parseOciNoNewPrivileges', () => {
  test.prop([fc.boolean()])('reads the boolean as it is', (flag) => {
    expect(parseOciNoNewPrivileges({ process: { noNewPrivileges: flag } })).toEqual(
      E.right({ noNewPrivs: flag, path: 'process.noNewPrivileges' }),
    )
  })

  test.prop([fc.constantFrom({}, { process: null }, { process: {} }, { process: { noNewPrivileges: null } })])(
    'reads an absent or null process or flag as false, from no field',
    (spec) => {
      expect(parseOciNoNewPrivileges(spec)).toEqual(E.right({ noNewPrivs: false, path: null }))
    },
  )

  test.prop([notBooleanArb])('rejects every value that is not a JSON boolean', (value) => {
    const result = parseOciNoNewPrivileges({ process: { noNewPrivileges: value } })
    expect(E.isLeft(result) && result.left).toEqual([
      expect.objectContaining({ runtime: 'oci', code: 'invalid-value', path: 'process.noNewPrivileges', received: value }),
    ])
  })

  test('explains a string "true" in words', () => {
    const result = parseOciNoNewPrivileges({ process: { noNewPrivileges: 'true' } })
    expect(E.isLeft(result) && result.left[0].message).toBe(
      'process.noNewPrivileges must be a JSON boolean (true or false), got a string ("true")',
    )
  })

  test('rejects process.noNewPrivs alone: the runtime ignores it and the flag stays off', () => {
    const result = parseOciNoNewPrivileges({ process: { noNewPrivs: true } })
    expect(E.isLeft(result) && result.left[0]).toMatchObject({
      code: 'unknown-option',
      path: 'process.noNewPrivs',
      message:
        'process.noNewPrivs is not an OCI field: runtimes ignore it and leave no_new_privs off; did you mean process.noNewPrivileges?',
    })
  })

  test('ignores process.noNewPrivs when process.noNewPrivileges is set', () => {
    expect(parseOciNoNewPrivileges({ process: { noNewPrivs: false, noNewPrivileges: true } })).toEqual(
      E.right({ noNewPrivs: true, path: 'process.noNewPrivileges' }),
    )
  })

  test.prop([fc.oneof(fc.string(), fc.integer(), fc.array(fc.jsonValue()), fc.boolean())])(
    'rejects a process that is not an object',
    (process) => {
      const result = parseOciNoNewPrivileges({ process })
      expect(E.isLeft(result) && result.left[0]).toMatchObject({ code: 'wrong-type', path: 'process' })
    },
  )

  test.prop([fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.jsonValue()))])(
    'rejects a spec that is not an object',
    (spec) => {
      const result = parseOciNoNewPrivileges(spec)
      expect(E.isLeft(result) && result.left[0]).toMatchObject({ code: 'wrong-type', path: '' })
    },
  )
})
