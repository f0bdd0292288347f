/**
 * Turns steering constraints into the cells of the design's table a container may land in, per
 * operating system, and refuses contradictions up front.
 *
 * The table is written out here again, on purpose: the arbitraries must not take the resolver's
 * word for what they promise, or the tests that check them against the resolver prove nothing.
 *
 * @packageDocumentation
 */
import type { Column, Row, Semantics } from '../../resolve/types.js'
import type { NoNewPrivsConstraints } from '../constraints.js'

/** An operating system a pod can declare. */
export type OsName = 'linux' | 'windows'

/** A cell of the table: where a container lands. */
export interface Cell {
  readonly column: Column
  readonly row: Row
}

/** What every container of a pod must be, settled. */
export interface Plan {
  readonly semantics: Semantics
  /** No violation allowed (also when `noNewPrivs` is asked for). */
  readonly strict: boolean
  readonly noNewPrivs: boolean | undefined
  /** The operating systems some container can be generated for, each with its cells (non-empty). */
  readonly cells: ReadonlyMap<OsName, ReadonlyArray<Cell>>
}

const COLUMNS: ReadonlyArray<Column> = ['root', 'nonRoot', 'privileged']
const ROWS: ReadonlyArray<Row> = ['nil', 'false', 'true']

/** The design's table (README: "The resolver"), cell for cell: is no_new_privs set? */
const TABLE: { readonly [R in Row]: { readonly [C in Column]: boolean } } = {
  nil: { root: true, nonRoot: false, privileged: false },
  false: { root: true, nonRoot: true, privileged: false },
  true: { root: false, nonRoot: false, privileged: false },
}

function listOf<A>(value: A | ReadonlyArray<A> | undefined, all: ReadonlyArray<A>): ReadonlyArray<A> {
  if (value === undefined) return all
  return Array.isArray(value) ? (value as ReadonlyArray<A>) : [value as A]
}

function columnsOf(c: NoNewPrivsConstraints): ReadonlyArray<Column> {
  let columns = listOf(c.column, COLUMNS)
  if (c.privileged === true) columns = columns.filter((x) => x === 'privileged')
  if (c.privileged === false) columns = columns.filter((x) => x !== 'privileged')
  if (c.nonRoot === true) columns = columns.filter((x) => x === 'nonRoot')
  if (c.nonRoot === false) columns = columns.filter((x) => x === 'root')
  return columns
}

/** Can a container in `cell` on `os` keep the promises? */
function isReachable(cell: Cell, os: OsName, semantics: Semantics, strict: boolean, noNewPrivs: boolean | undefined): boolean {
  if (os === 'windows') {
    if (noNewPrivs === true) return false
    // The API server forbids allowPrivilegeEscalation, privileged and capabilities on Windows.
    return !strict || (cell.row === 'nil' && cell.column !== 'privileged')
  }
  if (strict && semantics === 'proposal' && cell.column === 'privileged' && cell.row === 'false') return false
  if (noNewPrivs === undefined) return true
  switch (semantics) {
    case 'proposal':
      return TABLE[cell.row][cell.column] === noNewPrivs
    case 'kubernetes':
      return (cell.row === 'false') === noNewPrivs
    default:
      return true
  }
}

function describe(c: NoNewPrivsConstraints & { readonly os?: string | undefined }): string {
  return JSON.stringify(c)
}

/**
 * Settle the constraints for pods on any of `oses`; throws when no container can keep them.
 *
 * @example
 * ```ts
 * planOf({ column: 'privileged', row: 'false', violations: 'none' }, ['linux'], 'podArbitrary') // throws
 * ```
 */
export function planOf(
  constraints: NoNewPrivsConstraints & { readonly os?: string | undefined },
  oses: ReadonlyArray<OsName>,
  caller: string,
): Plan {
  const semantics = constraints.semantics ?? 'proposal'
  const noNewPrivs = constraints.noNewPrivs
  const strict = constraints.violations === 'none' || noNewPrivs !== undefined
  const columns = columnsOf(constraints)
  const rows = listOf(constraints.row, ROWS)
  const cells = new Map<OsName, ReadonlyArray<Cell>>()
  for (const os of oses) {
    const reachable: Cell[] = []
    for (const column of columns) {
      for (const row of rows) {
        const cell = { column, row }
        if (isReachable(cell, os, semantics, strict, noNewPrivs)) reachable.push(cell)
      }
    }
    if (reachable.length > 0) cells.set(os, reachable)
  }
  if (cells.size === 0) {
    throw new Error(`${caller}: no container can satisfy ${describe(constraints)} (the table, the invalid combinations and Windows pods rule them out)`)
  }
  return { semantics, strict, noNewPrivs, cells }
}

/** The operating systems a constraint names. */
export function osesOf(os: 'linux' | 'windows' | 'any' | undefined, fallback: 'linux' | 'any'): ReadonlyArray<OsName> {
  const chosen = os ?? fallback
  return chosen === 'any' ? ['linux', 'windows'] : [chosen]
}
