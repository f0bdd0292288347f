import { describe, expect } from 'vitest'
import { test, fc } from '@fast-check/vitest'
import * as O from 'fp-ts/lib/Option.js'
import { goBoolSpellings, goParseBool } from '../../src/runtime/goBool.js'
import { GO_ALL, GO_FALSE, GO_TRUE, notGoBoolArb } from './arbitraries.js'

describe('goParseBool', () => {
  test('lists exactly the twelve spellings of strconv.ParseBool', () => {
    expect([...goBoolSpellings].sort()).toEqual([...GO_ALL].sort())
  })

  test.prop([fc.constantFrom(...GO_TRUE)])('reads every true spelling as true', (s) => {
    expect(goParseBool(s)).toEqual(O.some(true))
  })

  test.prop([fc.constantFrom(...GO_FALSE)])('reads every false spelling as false', (s) => {
    expect(goParseBool(s)).toEqual(O.some(false))
  })

  test.prop([notGoBoolArb])('rejects every string that is not a ParseBool spelling', (s) => {
    expect(goParseBool(s)).toEqual(O.none)
  })
})
