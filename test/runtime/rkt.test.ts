import { describe, expect } from 'vitest'
import { test, fc } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { parseRktNoNewPrivileges, rktIsolatorsWithNoNewPrivileges } from '../../src/runtime/rkt.js'
import { decisionArb, deepFreeze } from './arbitraries.js'
import { rightOf } from './rightOf.js'

const NAME = 'os/linux/no-new-privileges'

const otherIsolatorArb = fc.record({
  name: fc.oneof(
    fc.constantFrom('os/linux/oom-score-adj', 'os/linux/capabilities-retain-set', 'resource/memory'),
    fc.string(),
  ).filter((n) => n !== NAME),
  value: fc.jsonValue(),
})

const switchIsolatorArb = fc.record({ name: fc.constant(NAME), value: fc.boolean() })

type Isolator = { readonly name: string; readonly value: unknown }

const isolatorsArb: fc.Arbitrary<ReadonlyArray<Isolator>> = fc.array(
  fc.oneof(otherIsolatorArb, switchIsolatorArb),
  { maxLength: 8 },
)

const notBooleanArb = fc.jsonValue().filter((v) => typeof v !== 'boolean' && v !== null)

describe('rktIsolatorsWithNoNewPrivileges', () => {
  test.prop([decisionArb, isolatorsArb])('round trip: the written isolators read back as the decision', (decision, isolators) => {
    const written = rightOf(rktIsolatorsWithNoNewPrivileges(decision, isolators))
    expect(parseRktNoNewPrivileges(written)).toMatchObject(E.right({ noNewPrivs: decision.noNewPrivs }))
  })

  test.prop([decisionArb, isolatorsArb])('writes exactly one switch isolator, with an explicit value', (decision, isolators) => {
    const written = rightOf(rktIsolatorsWithNoNewPrivileges(decision, isolators))
    expect(written.filter((i) => i.name === NAME)).toEqual([{ name: NAME, value: decision.noNewPrivs }])
  })

  test.prop([decisionArb, isolatorsArb])('keeps every other isolator, in order', (decision, isolators) => {
    const written = rightOf(rktIsolatorsWithNoNewPrivileges(decision, isolators))
    expect(written.filter((i) => i.name !== NAME)).toEqual(isolators.filter((i) => i.name !== NAME))
  })

  test.prop([decisionArb, isolatorsArb])('returns a new array and never touches the input', (decision, isolators) => {
    const before = structuredClone(isolators)
    const written = rightOf(rktIsolatorsWithNoNewPrivileges(decision, deepFreeze(isolators)))
    expect(written).not.toBe(isolators)
    expect(isolators).toEqual(before)
  })

  test('replaces the first switch isolator in place and drops the later ones', () => {
    const oom = { name: 'os/linux/oom-score-adj', value: 250 }
    expect(
      rightOf(rktIsolatorsWithNoNewPrivileges({ noNewPrivs: true }, [
        { name: NAME, value: false }, oom, { name: NAME, value: false },
      ])),
    ).toEqual([{ name: NAME, value: true }, oom])
  })

  test('with no isolators, gives just the switch', () => {
    expect(rightOf(rktIsolatorsWithNoNewPrivileges({ noNewPrivs: false }))).toEqual([{ name: NAME, value: false }])
  })
})

describe('parseRktNoNewPrivileges', () => {
  test.prop([isolatorsArb])('the last switch isolator wins, as appc GetByName returns it', (isolators) => {
    let expected: { noNewPrivs: boolean; path: string | null } = { noNewPrivs: false, path: null }
    isolators.forEach((isolator, i) => {
      if (isolator.name === NAME) expected = { noNewPrivs: isolator.value === true, path: `isolators[${i}].value` }
    })
    expect(parseRktNoNewPrivileges(isolators)).toEqual(E.right(expected))
  })

  test.prop([fc.constantFrom(undefined, null, [])])('reads no isolators as false, from no field', (isolators) => {
    expect(parseRktNoNewPrivileges(isolators)).toEqual(E.right({ noNewPrivs: false, path: null }))
  })

  test('reads a missing or null value as false, as appc does', () => {
    expect(parseRktNoNewPrivileges([{ name: NAME }])).toEqual(E.right({ noNewPrivs: false, path: 'isolators[0].value' }))
    expect(parseRktNoNewPrivileges([{ name: NAME, value: true }, { name: NAME, value: null }])).toEqual(
      E.right({ noNewPrivs: false, path: 'isolators[1].value' }),
    )
  })

  test.prop([isolatorsArb, notBooleanArb, notBooleanArb])(
    'reports every isolator whose value is not a boolean',
    (isolators, a, b) => {
      const list = [{ name: NAME, value: a }, ...isolators, { name: NAME, value: b }]
      const result = parseRktNoNewPrivileges(list)
      expect(E.isLeft(result) && result.left.map((e) => [e.code, e.path])).toEqual([
        ['invalid-value', 'isolators[0].value'],
        ['invalid-value', `isolators[${list.length - 1}].value`],
      ])
    },
  )

  test('explains a string value in words', () => {
    const result = parseRktNoNewPrivileges([{ name: NAME, value: 'foo' }])
    expect(E.isLeft(result) && result.left[0].message).toBe(
      "the os/linux/no-new-privileges isolator's value must be a JSON boolean (true or false), got a string (\"foo\")",
    )
  })

  test('rejects isolators that are not an array', () => {
    const result = parseRktNoNewPrivileges({ name: NAME, value: true })
    expect(E.isLeft(result) && result.left[0]).toMatchObject({ code: 'wrong-type', path: 'isolators' })
  })
})
