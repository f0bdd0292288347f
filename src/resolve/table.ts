/**
 * The design's behaviour table (seed `proposal-allowPrivilegeEscalation.md`), cell for cell.
 *
 * @packageDocumentation
 */
import type { Column, Row } from './types.js'

/**
 * `no_new_privs` for each effective `allowPrivilegeEscalation` setting (row) and who runs the
 * process (column). It reads like the seed's table:
 *
 * | setting | uid = 0 or unset | uid != 0 | privileged/CAP_SYS_ADMIN |
 * | ------- | ---------------- | -------- | ------------------------ |
 * | nil     | true             | false    | false                    |
 * | false   | true             | true     | false                    |
 * | true    | false            | false    | false                    |
 *
 * @example
 * ```ts
 * NO_NEW_PRIVS_TABLE.false.nonRoot // true
 * ```
 * @public
 */
export const NO_NEW_PRIVS_TABLE: {
  readonly [R in Row]: { readonly [C in Column]: boolean }
} = Object.freeze({
  //       root (uid 0 or unset)   nonRoot (uid != 0)   privileged (privileged / CAP_SYS_ADMIN)
  nil: Object.freeze({ root: true, nonRoot: false, privileged: false }),
  false: Object.freeze({ root: true, nonRoot: true, privileged: false }),
  true: Object.freeze({ root: false, nonRoot: false, privileged: false }),
})

/**
 * Every row, top to bottom.
 *
 * @example
 * ```ts
 * import { COLUMNS, NO_NEW_PRIVS_TABLE, ROWS } from 'no-new-privs'
 * ROWS.map((row) => COLUMNS.map((column) => NO_NEW_PRIVS_TABLE[row][column]))
 * // [[true, false, false], [true, true, false], [false, false, false]]
 * ```
 * @public
 */
export const ROWS: ReadonlyArray<Row> = Object.freeze(['nil', 'false', 'true'])
/**
 * Every column, left to right.
 *
 * @example
 * ```ts
 * import { COLUMNS, NO_NEW_PRIVS_TABLE } from 'no-new-privs'
 * COLUMNS.filter((column) => NO_NEW_PRIVS_TABLE.false[column]) // ['root', 'nonRoot']
 * ```
 * @public
 */
export const COLUMNS: ReadonlyArray<Column> = Object.freeze(['root', 'nonRoot', 'privileged'])
