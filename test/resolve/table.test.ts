import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect } from 'vitest'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import { COLUMNS, NO_NEW_PRIVS_TABLE, ROWS } from '../../src/resolve/table.js'
import type { Column, ProposalDecision, Row } from '../../src/resolve/types.js'
import { cellInput, columnInput } from './arbitraries.js'

/** The seed's table, transcribed independently of src/resolve/table.ts. */
const SEED: Record<Row, Record<Column, boolean>> = {
  nil: { root: true, nonRoot: false, privileged: false },
  false: { root: true, nonRoot: true, privileged: false },
  true: { root: false, nonRoot: false, privileged: false },
}

describe('the table as data', () => {
  test('holds exactly the seed\'s nine cells', () => {
    for (const row of ROWS) for (const column of COLUMNS) expect(NO_NEW_PRIVS_TABLE[row][column]).toBe(SEED[row][column])
    expect(Object.keys(NO_NEW_PRIVS_TABLE).sort()).toEqual(['false', 'nil', 'true'])
  })
})

const reachable: Array<[Row, Column]> = [
  ['nil', 'root'], ['nil', 'nonRoot'], ['nil', 'privileged'],
  ['false', 'root'], ['false', 'nonRoot'],
  ['true', 'root'], ['true', 'nonRoot'], ['true', 'privileged'],
]

describe.each(reachable)('cell (row %s, column %s)', (row, column) => {
  test.prop([cellInput(row, column)])(`decides no_new_privs = ${SEED[row][column]}`, (input) => {
    const result = resolveNoNewPrivs(input)
    expect(E.isRight(result), JSON.stringify(result)).toBe(true)
    const decision = (result as E.Right<ProposalDecision>).right
    expect(decision.semantics).toBe('proposal')
    expect(decision.row).toBe(row)
    expect(decision.column).toBe(column)
    expect(decision.noNewPrivs).toBe(SEED[row][column])
  })
})

describe('cell (row false, column privileged)', () => {
  test('is false in the table', () => {
    expect(NO_NEW_PRIVS_TABLE.false.privileged).toBe(false)
  })
  test.prop([columnInput('privileged')])(
    'is never a decision: the container\'s own false is rejected and a policy\'s false default is not applied',
    (input) => {
      const explicit = resolveNoNewPrivs({ ...input, container: { ...input.container, allowPrivilegeEscalation: false } })
      expect(E.isLeft(explicit)).toBe(true)
      const codes = E.isLeft(explicit) ? explicit.left.map((v) => v.code) : []
      expect(codes.some((c) => c === 'privileged-without-escalation' || c === 'sys-admin-without-escalation')).toBe(true)

      const spec = { ...(input.policy?.spec ?? {}), defaultAllowPrivilegeEscalation: false, allowPrivilegeEscalation: true }
      const defaulted = resolveNoNewPrivs({ ...input, policy: { metadata: { name: 'p' }, spec } })
      expect(E.isRight(defaulted)).toBe(true)
      const decision = (defaulted as E.Right<ProposalDecision>).right
      expect(decision.row).toBe('true')
      expect(decision.rowFrom).toEqual({ target: 'policy', path: 'spec.defaultAllowPrivilegeEscalation', value: false })
      expect(decision.noNewPrivs).toBe(false)
    },
  )
})
