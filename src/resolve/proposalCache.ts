/**
 * The cache of `proposal` decisions, apart from the spec in `proposal.ts`: resolving the usual
 * container allocates nothing, because its decision was made before and is shared (frozen).
 *
 * Constant row and column accounts carry (non-enumerable) their place in a table of shared
 * decisions, so finding one is two monomorphic reads instead of a hash lookup. Decisions whose
 * column a uid decided are kept in a small direct-mapped table (row × source of the uid × low bits
 * of the uid), checked by exact uid: a batch with the usual few uids allocates nothing, a batch
 * of many uids only replaces entries.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ProposalDecision } from './types.js'

const SHARED_INDEX = Symbol('sharedIndex')
interface Indexed {
  readonly [SHARED_INDEX]?: number
}

/** How many constant column accounts there may be (the table's stride). */
const COLUMNS = 8

/**
 * Freeze a constant account and give it its place `index` in the table.
 *
 * @example
 * ```ts
 * const ROW_NIL = indexed({ row: 'nil', from: UNSET }, 0)
 * ```
 */
export function indexed<A extends object>(account: A, index: number): A {
  Object.defineProperty(account, SHARED_INDEX, { value: index, enumerable: false })
  return Object.freeze(account)
}

function indexOf(account: object): number | undefined {
  return (account as Indexed)[SHARED_INDEX]
}

function frozen(decision: ProposalDecision): E.Right<ProposalDecision> {
  return Object.freeze(E.right(Object.freeze(decision))) as E.Right<ProposalDecision>
}

const shared: Array<E.Right<ProposalDecision> | undefined> = []

/**
 * The shared decision for a constant row and column account, made by `make(row, column)` the
 * first time; `undefined` when either account is fresh (not cacheable). `make` is a module
 * function, not a closure: nothing is allocated on a hit.
 *
 * @example
 * ```ts
 * sharedDecision(ROW_NIL, ROOT_UNSET, decisionOf)
 * ```
 */
export function sharedDecision<R extends object, C extends object>(
  row: R,
  column: C,
  make: (row: R, column: C) => ProposalDecision,
): E.Right<ProposalDecision> | undefined {
  const r = indexOf(row)
  const c = indexOf(column)
  if (r === undefined || c === undefined) return undefined
  const at = r * COLUMNS + c
  return (shared[at] ??= frozen(make(row, column)))
}

const UID_WAYS = 16
const uidKeys: Array<number | undefined> = []
const uidDecisions: Array<E.Right<ProposalDecision> | undefined> = []

function uidSlot(row: object, slot: number, uid: number): number {
  return (((indexOf(row) ?? 0) * 3 + slot) * UID_WAYS) | (uid & (UID_WAYS - 1))
}

/**
 * The remembered decision for a constant row account and a column decided by `uid` from source
 * `slot` (0 container, 1 pod, 2 policy), or `undefined`: then make it and `rememberUidDecision` it.
 *
 * @example
 * ```ts
 * uidDecision(ROW_NIL, 0, 1000) ?? rememberUidDecision(ROW_NIL, 0, 1000, decisionOf(ROW_NIL, uidColumn('container', 1000)))
 * ```
 */
export function uidDecision(row: object, slot: number, uid: number): E.Right<ProposalDecision> | undefined {
  const at = uidSlot(row, slot, uid)
  // Object.is: -0 and 0 are different values in a decision someone may compare.
  return Object.is(uidKeys[at], uid) ? uidDecisions[at] : undefined
}

/**
 * Remember `decision` (frozen) as the one for `row`, `slot` and `uid`, and return it.
 *
 * @example
 * ```ts
 * rememberUidDecision(ROW_NIL, 1, 0, decision).right === decision // true
 * ```
 */
export function rememberUidDecision(row: object, slot: number, uid: number, decision: ProposalDecision): E.Right<ProposalDecision> {
  const at = uidSlot(row, slot, uid)
  const made = frozen(decision)
  uidKeys[at] = uid
  uidDecisions[at] = made
  return made
}
