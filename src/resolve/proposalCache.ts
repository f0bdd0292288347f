/**
 * The cache of `proposal` decisions, apart from the spec in `proposal.ts`: resolving the usual
 * container allocates nothing, because its decision was made before and is shared (frozen).
 *
 * `proposal.ts` works out the row and the column as slot numbers (the constant accounts' places
 * in its tables), so a shared decision is one array read at `row × COLUMNS + column`, with no
 * property lookup on the accounts. Decisions whose column a uid decided are kept in a small
 * direct-mapped table (row × source of the uid × low bits of the uid), checked by exact uid: a
 * batch with the usual few uids allocates nothing, a batch of many uids only replaces entries.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ProposalDecision } from './types.js'

/** How many constant column slots there may be (the table's stride). */
const COLUMNS = 8

/**
 * `decision`, frozen, in a frozen `Right`: every `Right` a caller reads has the same hidden class.
 *
 * @example
 * ```ts
 * Object.isFrozen(frozen(decision).right) // true
 * ```
 */
export function frozen(decision: ProposalDecision): E.Right<ProposalDecision> {
  return Object.freeze(E.right(Object.freeze(decision))) as E.Right<ProposalDecision>
}

const shared: Array<E.Right<ProposalDecision> | undefined> = []

/**
 * The shared decision for constant row slot `row` and column slot `column`, or `undefined`: then
 * make it and `rememberSharedDecision` it.
 *
 * @example
 * ```ts
 * sharedDecision(0, 0) ?? rememberSharedDecision(0, 0, decisionOf(ROW_NIL, ROOT_UNSET))
 * ```
 */
export function sharedDecision(row: number, column: number): E.Right<ProposalDecision> | undefined {
  return shared[row * COLUMNS + column]
}

/**
 * Remember `decision` (frozen) as the one for `row` and `column`, and return it.
 *
 * @example
 * ```ts
 * rememberSharedDecision(0, 0, decision).right === decision // true
 * ```
 */
export function rememberSharedDecision(row: number, column: number, decision: ProposalDecision): E.Right<ProposalDecision> {
  const made = frozen(decision)
  shared[row * COLUMNS + column] = made
  return made
}

const UID_WAYS = 16
const uidKeys: Array<number | undefined> = []
const uidDecisions: Array<E.Right<ProposalDecision> | undefined> = []

function uidSlot(row: number, source: number, uid: number): number {
  return ((row * 3 + source) * UID_WAYS) | (uid & (UID_WAYS - 1))
}

/**
 * The remembered decision for row slot `row` and a column decided by `uid` from `source` (0
 * container, 1 pod, 2 policy), or `undefined`: then make it and `rememberUidDecision` it.
 *
 * @example
 * ```ts
 * uidDecision(0, 0, 1000) ?? rememberUidDecision(0, 0, 1000, decisionOf(ROW_NIL, uidColumn('container', 1000)))
 * ```
 */
export function uidDecision(row: number, source: number, uid: number): E.Right<ProposalDecision> | undefined {
  const at = uidSlot(row, source, uid)
  // Object.is: -0 and 0 are different values in a decision someone may compare.
  return Object.is(uidKeys[at], uid) ? uidDecisions[at] : undefined
}

/**
 * Remember `decision` (frozen) as the one for `row`, `source` and `uid`, and return it.
 *
 * @example
 * ```ts
 * rememberUidDecision(0, 1, 0, decision).right === decision // true
 * ```
 */
export function rememberUidDecision(row: number, source: number, uid: number, decision: ProposalDecision): E.Right<ProposalDecision> {
  const at = uidSlot(row, source, uid)
  const made = frozen(decision)
  uidKeys[at] = uid
  uidDecisions[at] = made
  return made
}
