import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect } from 'vitest'
import { addedCapabilitiesWhere, grantsSysAdmin } from '../../src/capabilities.js'
import { columnOf, settingOf } from '../../src/resolve/proposal.js'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import { grantsSysAdminQuickly, sysAdminGrantsOf } from '../../src/resolve/sysAdmin.js'
import { NO_NEW_PRIVS_TABLE } from '../../src/resolve/table.js'
import type { ResolveInput, Semantics } from '../../src/resolve/types.js'
import { floorProposal } from '../../bench/floor.js'
import { resolveCases } from '../../bench/generate.js'
import { resolveInputArbitrary } from '../resolve/arbitraries.js'

// Names that upper-case to something else than themselves, in every length (`ß` → `SS`,
// `ſ` → `S`, `ı` → `I`), next to the spellings that grant SYS_ADMIN.
const capability = fc.oneof(
  fc.constantFrom('SYS_ADMIN', 'CAP_SYS_ADMIN', 'sys_admin', 'Cap_Sys_Admin', 'ALL', 'all', 'CAP_ALL', 'cap_all', 'NET_ADMIN', 'CAP_', ''),
  fc.constantFrom('ſYS_ADMIN', 'CAP_ſYS_ADMıN', 'aLL', 'ALſ', 'ßYS_ADMIN', 'ﬀ', 'ALLß', 'SYS_ADMİN'),
  fc.string({ maxLength: 14 }),
  fc.string({ unit: 'grapheme', maxLength: 14 }),
)
const uid = fc.option(fc.oneof(fc.integer({ min: 0, max: 2147483647 }), fc.constantFrom(0, 1000, 65534, -0)), { nil: undefined })
const input: fc.Arbitrary<ResolveInput> = resolveInputArbitrary(capability, uid, fc.option(fc.constantFrom('linux', 'windows')))
const semantics = fc.constantFrom<Semantics>('proposal', 'kubernetes', 'noNewPrivileges')

describe('the allocation-free capability check is grantsSysAdmin', () => {
  test.prop([capability])('grantsSysAdminQuickly(name) === grantsSysAdmin(name)', (name) => {
    expect(grantsSysAdminQuickly(name)).toBe(grantsSysAdmin(name))
  })

  test.prop([input])('sysAdminGrantsOf equals addedCapabilitiesWhere(…, normalised, grantsSysAdmin)', (i) => {
    expect(sysAdminGrantsOf(i.container, i.policy)).toEqual(addedCapabilitiesWhere(i.container, i.policy, 'normalised', grantsSysAdmin))
  })
})

describe('the fused proposal path answers what the public helpers answer', () => {
  test.prop([input])('a Linux decision has the row of settingOf, the column of columnOf and the table cell', (i) => {
    const result = resolveNoNewPrivs({ ...i, os: 'linux' })
    if (E.isLeft(result) || result.right.semantics !== 'proposal' || !result.right.applicable) return
    const column = columnOf(i)
    const row = settingOf(i, column.column)
    expect({ row: result.right.row, rowFrom: result.right.rowFrom }).toEqual({ row: row.row, rowFrom: row.from })
    expect({ column: result.right.column, columnFrom: result.right.columnFrom }).toEqual({ column: column.column, columnFrom: column.from })
    expect(Object.is(result.right.columnFrom.value, column.from.value)).toBe(true)
    expect(result.right.noNewPrivs).toBe(NO_NEW_PRIVS_TABLE[row.row][column.column])
  })

  test.prop([fc.array(fc.tuple(input, semantics), { minLength: 1, maxLength: 40 })])(
    'shared and remembered decisions never leak from one input to another: each equals a fresh resolution of a copy',
    (batch) => {
      const first = batch.map(([i, s]) => resolveNoNewPrivs(i, { semantics: s }))
      batch.forEach(([i, s], k) => {
        const copy = structuredClone(i)
        expect(resolveNoNewPrivs(copy, { semantics: s })).toEqual(first[k])
      })
    },
  )

  test.prop([input, semantics])('decisions handed out are frozen where shared, so no caller can change another\'s', (i, s) => {
    const result = resolveNoNewPrivs(i, { semantics: s })
    if (E.isRight(result) && Object.isFrozen(result)) expect(Object.isFrozen(result.right)).toBe(true)
  })
})

describe('the benchmark floor is the proposal answer, not a strawman', () => {
  test.prop([input])('floorProposal(input) is resolveNoNewPrivs(input).noNewPrivs for every Linux container without violations', (i) => {
    const linux = { ...i, os: 'linux' }
    const result = resolveNoNewPrivs(linux)
    if (E.isRight(result)) expect(floorProposal(linux)).toBe(result.right.noNewPrivs)
  })

  test('on the benchmark batch itself, the floor agrees with every proposal decision', () => {
    let compared = 0
    for (const c of resolveCases(10_000, 1)) {
      const result = resolveNoNewPrivs(c.input)
      if (E.isRight(result) && result.right.applicable) {
        expect(floorProposal(c.input)).toBe(result.right.noNewPrivs)
        compared++
      }
    }
    expect(compared).toBeGreaterThan(5_000)
  })
})
