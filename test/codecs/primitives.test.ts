import { describe, expect, it } from 'vitest'
import { test, fc } from '@fast-check/vitest'
import * as t from 'io-ts'
import { decode, enumOf, gid, int32, int64, nullable, renderValue, uid } from '../../src/codecs/index.js'

/** The single issue of a failed decode (the rules below each produce exactly one). */
function onlyIssue(codec: t.Decoder<unknown, unknown>, u: unknown) {
  const r = decode(codec, u)
  if (r._tag === 'Right') return expect.fail(`expected ${String(u)} to be rejected`)
  expect(r.left).toHaveLength(1)
  return r.left[0]
}

const UNREPRESENTABLE =
  'cannot be represented exactly: outside the safe integer range -9007199254740991..9007199254740991 (Number.MIN_SAFE_INTEGER..Number.MAX_SAFE_INTEGER)'

describe('int64', () => {
  test.prop([fc.maxSafeInteger()])('accepts every safe integer as the same number', (n) => {
    expect(decode(int64, n)).toEqual({ _tag: 'Right', right: { value: n, warnings: [] } })
  })

  test.prop([fc.double({ noNaN: false }).filter((d) => !Number.isInteger(d))])(
    'rejects every non-integer number saying it must be an integer',
    (d) => {
      expect(onlyIssue(int64, d)).toMatchObject({ code: 'invalid-value', expected: 'int64', message: expect.stringMatching(/: must be an integer$/) })
    },
  )

  test.prop([fc.double({ min: 2 ** 53, noNaN: true, noDefaultInfinity: true }).map((d) => (d > 0 ? d : -d))])(
    'rejects integers beyond 2^53 saying they cannot be represented exactly',
    (d) => {
      fc.pre(Number.isInteger(d) && !Number.isSafeInteger(d))
      expect(onlyIssue(int64, d).message).toBe(`Invalid value: ${String(d)}: ${UNREPRESENTABLE}`)
      expect(onlyIssue(int64, -d).message).toBe(`Invalid value: ${String(-d)}: ${UNREPRESENTABLE}`)
    },
  )

  test.prop([fc.bigInt().filter((b) => b > BigInt(Number.MAX_SAFE_INTEGER) || b < BigInt(Number.MIN_SAFE_INTEGER))])(
    'rejects every bigint beyond the safe range saying it cannot be represented exactly',
    (b) => {
      const issue = onlyIssue(int64, b)
      expect(issue.code).toBe('invalid-value')
      expect(issue.received).toBe(renderValue(b))
      expect(issue.message).toBe(`Invalid value: ${renderValue(b)}: ${UNREPRESENTABLE}`)
    },
  )

  it('rejects 2^53 + 1 as the YAML loader hands it (a bigint) with the exact message', () => {
    expect(onlyIssue(int64, 9007199254740993n).message).toBe(`Invalid value: 9007199254740993: ${UNREPRESENTABLE}`)
  })

  test.prop([fc.bigInt({ min: BigInt(Number.MIN_SAFE_INTEGER), max: BigInt(Number.MAX_SAFE_INTEGER) })])(
    'rejects a bigint even within the safe range: the loader must hand numbers',
    (b) => {
      expect(onlyIssue(int64, b).message).toBe(
        `Invalid value: ${String(b)}: is a bigint, not a number: a loader must hand integers within the safe range over as numbers`,
      )
    },
  )

  it.each([
    ['"1000"', '1000'],
    ['true', true],
    ['null', null],
    ['[]', []],
  ])('rejects the non-number %s with the generic message', (shown, u) => {
    expect(onlyIssue(int64, u)).toMatchObject({ expected: 'int64', received: shown, message: `Invalid value: ${shown}: expected int64` })
  })
})

describe('int32', () => {
  test.prop([fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })])('accepts every int32', (n) => {
    expect(int32.is(n)).toBe(true)
  })

  test.prop([fc.oneof(fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: Number.MIN_SAFE_INTEGER, max: -(2 ** 31) - 1 }))])(
    'rejects safe integers outside the int32 range with the range message',
    (n) => {
      expect(onlyIssue(int32, n).message).toBe(`Invalid value: ${n}: must be between -2147483648 and 2147483647, inclusive (int32)`)
    },
  )
})

describe('uid', () => {
  test.prop([fc.integer({ min: 0, max: 2147483647 })])('accepts every id the API server accepts', (n) => {
    expect(decode(uid, n)._tag).toBe('Right')
  })

  test.prop([fc.oneof(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: -1 }), fc.integer({ min: 2147483648, max: Number.MAX_SAFE_INTEGER }))])(
    'rejects ids outside 0..2147483647 with the API server message',
    (n) => {
      expect(onlyIssue(uid, n)).toMatchObject({
        code: 'invalid-value',
        expected: 'uid',
        received: String(n),
        message: `Invalid value: ${n}: must be between 0 and 2147483647, inclusive`,
      })
    },
  )

  it('rejects -1 and 2147483648 with the exact message', () => {
    expect(onlyIssue(uid, -1).message).toBe('Invalid value: -1: must be between 0 and 2147483647, inclusive')
    expect(onlyIssue(uid, 2147483648).message).toBe('Invalid value: 2147483648: must be between 0 and 2147483647, inclusive')
  })

  it('gid checks the same range for group ids', () => {
    expect(onlyIssue(gid, -5).message).toBe('Invalid value: -5: must be between 0 and 2147483647, inclusive')
  })
})

describe('enumOf', () => {
  const ProcMount = enumOf('ProcMountType', ['Default', 'Unmasked'])

  test.prop([fc.constantFrom('Default', 'Unmasked')])('accepts each listed value', (v) => {
    expect(decode(ProcMount, v)).toEqual({ _tag: 'Right', right: { value: v, warnings: [] } })
  })

  test.prop([fc.string().filter((s) => s !== 'Default' && s !== 'Unmasked')])(
    'rejects any other string, listing the supported values',
    (s) => {
      const issue = onlyIssue(ProcMount, s)
      expect(issue.expected).toBe('"Default" | "Unmasked"')
      expect(issue.message).toMatch(/: supported values: "Default", "Unmasked"$/)
    },
  )

  it('words the rejection as the API server does', () => {
    expect(onlyIssue(ProcMount, 'default').message).toBe('Unsupported value: "default": supported values: "Default", "Unmasked"')
    expect(onlyIssue(ProcMount, 7).message).toBe('Unsupported value: 7: supported values: "Default", "Unmasked"')
  })

  it('is case-sensitive', () => {
    expect(ProcMount.is('unmasked')).toBe(false)
  })
})

describe('nullable', () => {
  const Flag = t.partial({ privileged: nullable(t.boolean) })

  it.each([[{}], [{ privileged: null }], [{ privileged: undefined }], [{ privileged: true }]])(
    'accepts absent, null and a valid value alike: %j',
    (u) => {
      expect(decode(Flag, u)._tag).toBe('Right')
    },
  )

  it('reports a bad value at the field, naming the inner type only', () => {
    const r = decode(Flag, { privileged: 'yes' })
    expect(r).toMatchObject({
      _tag: 'Left',
      left: [{ path: 'privileged', expected: 'boolean', received: '"yes"', message: 'Invalid value: "yes": expected boolean' }],
    })
  })

  it('encodes through the inner codec and leaves null and absent alone', () => {
    const Upper = new t.Type<string, string, unknown>('Upper', t.string.is, t.string.validate, (s) => s.toUpperCase())
    const c = nullable(Upper)
    expect(c.encode('a')).toBe('A')
    expect(c.encode(null)).toBeNull()
    expect(c.encode(undefined)).toBeUndefined()
  })
})
