/**
 * The default semantics: the allowPrivilegeEscalation design (README: "The resolver").
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import type { AddedCapability } from './capabilities.js'
import * as O from './origins.js'
import type { Plan } from './plan.js'
import { frozen, rememberSharedDecision, rememberUidDecision, sharedDecision, uidDecision } from './proposalCache.js'
import { Reading, readInput } from './read.js'
import { runChecks } from './rules/run.js'
import { derivedFrom } from './capabilityCache.js'
import { sysAdminGrantsOf, sysAdminGrantsShared } from './sysAdmin.js'
import { NO_NEW_PRIVS_TABLE } from './table.js'
import type { Column, Origin, PolicyInput, ProposalDecision, ResolveInput, Row, Violation } from './types.js'

/**
 * A column of the table and the input that put the container there.
 *
 * @example
 * ```ts
 * const account: ColumnAccount = columnOf({ container: { runAsUser: 1000 } })
 * account.column // 'nonRoot'
 * ```
 */
export interface ColumnAccount {
  readonly column: Column
  readonly from: Origin
}

/**
 * A row of the table and the input that decided it.
 *
 * @example
 * ```ts
 * const account: RowAccount = settingOf({ policy: { spec: { defaultAllowPrivilegeEscalation: false } } }, 'root')
 * account.row // 'false'
 * ```
 */
export interface RowAccount {
  readonly row: Row
  readonly from: Origin
}

// The constant accounts, each with its slot in the decision cache (proposalCache.ts): the hot
// path works out a slot number, and the account is found by it.
const ROOT_UNSET: ColumnAccount = Object.freeze({ column: 'root', from: O.UNSET })
const PRIVILEGED_FLAG: ColumnAccount = Object.freeze({ column: 'privileged', from: O.CONTAINER_PRIVILEGED })
const NON_ROOT_BY_CONTAINER: ColumnAccount = Object.freeze({ column: 'nonRoot', from: O.CONTAINER_RUN_AS_NON_ROOT_TRUE })
const NON_ROOT_BY_POD: ColumnAccount = Object.freeze({ column: 'nonRoot', from: O.POD_RUN_AS_NON_ROOT_TRUE })
const NON_ROOT_BY_POLICY: ColumnAccount = Object.freeze({ column: 'nonRoot', from: O.POLICY_MUST_RUN_AS_NON_ROOT })
const ROOT_BY_CONTAINER: ColumnAccount = Object.freeze({ column: 'root', from: O.CONTAINER_RUN_AS_NON_ROOT_FALSE })
const ROOT_BY_POD: ColumnAccount = Object.freeze({ column: 'root', from: O.POD_RUN_AS_NON_ROOT_FALSE })
/** The constant columns by slot (`columnSlot`); slots from `COLUMN_CAPABILITY` on are not constants. */
const COLUMNS: ReadonlyArray<ColumnAccount> = [ROOT_UNSET, PRIVILEGED_FLAG, NON_ROOT_BY_CONTAINER, NON_ROOT_BY_POD, NON_ROOT_BY_POLICY, ROOT_BY_CONTAINER, ROOT_BY_POD]
/** An added capability grants SYS_ADMIN: the account names it, so it is made per call. */
const COLUMN_CAPABILITY = 7
/** A uid decides: from the container, the pod, the policy (`COLUMN_UID + source`). */
const COLUMN_UID = 8

const ROW_NIL: RowAccount = Object.freeze({ row: 'nil', from: O.UNSET })
const ROW_CONTAINER_TRUE: RowAccount = Object.freeze({ row: 'true', from: O.CONTAINER_ESCALATION_TRUE })
const ROW_CONTAINER_FALSE: RowAccount = Object.freeze({ row: 'false', from: O.CONTAINER_ESCALATION_FALSE })
const ROW_POLICY_TRUE: RowAccount = Object.freeze({ row: 'true', from: O.POLICY_DEFAULT_TRUE })
const ROW_POLICY_FALSE: RowAccount = Object.freeze({ row: 'false', from: O.POLICY_DEFAULT_FALSE })
/** A `false` default is not applied to a privileged container: it keeps `true` (the seed's words). */
const ROW_POLICY_FALSE_KEPT_TRUE: RowAccount = Object.freeze({ row: 'true', from: O.POLICY_DEFAULT_FALSE })
/** The rows by slot (`rowSlot`), and the setting each stands for. */
const ROWS: ReadonlyArray<RowAccount> = [ROW_NIL, ROW_CONTAINER_TRUE, ROW_CONTAINER_FALSE, ROW_POLICY_TRUE, ROW_POLICY_FALSE, ROW_POLICY_FALSE_KEPT_TRUE]
const SETTINGS: ReadonlyArray<boolean | null> = [null, true, false, true, false, true]

/** The decisions whose column a capability decided, by row slot, kept with the (shared) capability. */
const decisionsByRow = derivedFrom((): Array<E.Right<ProposalDecision> | undefined> => [])

/**
 * The uid the policy's defaulting fills in: `ranges[0].min` of a `MustRunAs` runAsUser strategy.
 *
 * @example
 * ```ts
 * policyUidOf({ spec: { runAsUser: { rule: 'MustRunAs', ranges: [{ min: 1000, max: 2000 }] } } }) // 1000
 * policyUidOf({ spec: { runAsUser: { rule: 'RunAsAny' } } })                                      // undefined
 * ```
 * @public
 */
export function policyUidOf(policy: PolicyInput | null | undefined): number | undefined {
  const strategy = policy?.spec?.runAsUser
  if (strategy == null || strategy.rule !== 'MustRunAs') return undefined
  const first = strategy.ranges?.[0]
  return typeof first?.min === 'number' ? first.min : undefined
}

/** The input read as resolution reads it (a typed input: its read never fails). */
function readingOf(input: ResolveInput): Reading {
  const r = new Reading()
  readInput(input, r)
  return r
}

type UidTarget = 'container' | 'pod' | 'policy'
const UID_TARGETS: ReadonlyArray<UidTarget> = ['container', 'pod', 'policy']

function uidColumn(target: UidTarget, uid: number): ColumnAccount {
  return { column: uid === 0 ? 'root' : 'nonRoot', from: O.uidOrigin(target, uid) }
}

// The uid of a `COLUMN_UID + source` slot.
function uidAt(slot: number, r: Reading): number {
  return (slot === COLUMN_UID ? r.containerUid : slot === COLUMN_UID + 1 ? r.podUid : r.policyUid) as number
}

// The account of a column slot (made for the slots that are not constants).
function columnAt(slot: number, r: Reading, sysAdmin: ReadonlyArray<AddedCapability>): ColumnAccount {
  if (slot < COLUMN_CAPABILITY) return COLUMNS[slot] as ColumnAccount
  if (slot === COLUMN_CAPABILITY) {
    const grant = sysAdmin[0] as AddedCapability
    return { column: 'privileged', from: O.capabilityOrigin(grant.target, grant.path, grant.name) }
  }
  return uidColumn(UID_TARGETS[slot - COLUMN_UID] as UidTarget, uidAt(slot, r))
}

/**
 * Who runs the process, the table's column: `privileged` (privileged, or an effective added capability
 * grants SYS_ADMIN), else `root` for uid 0 and `nonRoot` for any other uid, the uid taken from the
 * container, then the pod, then the policy's `MustRunAs` default; with no uid, `nonRoot` only when
 * `runAsNonRoot` or the policy's `MustRunAsNonRoot` says the process is not root.
 *
 * `sysAdmin` is the effective added capabilities that grant SYS_ADMIN; computed when omitted.
 *
 * @example
 * ```ts
 * columnOf({ pod: { runAsUser: 1000 } })
 * // { column: 'nonRoot', from: { target: 'pod', path: 'securityContext.runAsUser', value: 1000 } }
 * ```
 * @public
 */
export function columnOf(
  input: ResolveInput,
  sysAdmin: ReadonlyArray<AddedCapability> = sysAdminGrantsOf(input.container, input.policy),
): ColumnAccount {
  const r = readingOf(input)
  return columnAt(columnSlot(r, sysAdmin), r, sysAdmin)
}

// The column from the fields as read (each read once, in read.ts), as its slot: a number, so the
// hot path finds a shared decision without making the account.
function columnSlot(r: Reading, sysAdmin: ReadonlyArray<AddedCapability>): number {
  if (r.privileged) return 1 // PRIVILEGED_FLAG
  if (sysAdmin.length > 0) return COLUMN_CAPABILITY
  if (r.containerUid !== null) return COLUMN_UID
  if (r.podUid !== null) return COLUMN_UID + 1
  if (r.policyUid !== null) return COLUMN_UID + 2
  const mustRunAsNonRoot = r.rule === 'MustRunAsNonRoot'
  const containerNonRoot = r.containerNonRoot
  if (containerNonRoot === true) return 2 // NON_ROOT_BY_CONTAINER
  if (containerNonRoot === null) {
    const podNonRoot = r.podNonRoot
    if (podNonRoot === true) return 3 // NON_ROOT_BY_POD
    if (mustRunAsNonRoot) return 4 // NON_ROOT_BY_POLICY
    return podNonRoot === false ? 6 /* ROOT_BY_POD */ : 0 /* ROOT_UNSET */
  }
  // The container says runAsNonRoot: false; `??` stops there, but the policy's rule still holds.
  return mustRunAsNonRoot ? 4 /* NON_ROOT_BY_POLICY */ : 5 /* ROOT_BY_CONTAINER */
}

/**
 * The effective `allowPrivilegeEscalation` setting, the table's row: the container's own value, else
 * the policy's `defaultAllowPrivilegeEscalation` (a `false` default is not applied to a
 * `privileged` column container, which keeps `true`), else `nil`.
 *
 * @example
 * ```ts
 * settingOf({ policy: { spec: { defaultAllowPrivilegeEscalation: false } } }, 'nonRoot')
 * // { row: 'false', from: { target: 'policy', path: 'spec.defaultAllowPrivilegeEscalation', value: false } }
 * ```
 * @public
 */
export function settingOf(input: ResolveInput, column: Column): RowAccount {
  const r = readingOf(input)
  return ROWS[rowSlot(r.escalation, r.defaultEscalation, column === 'privileged')] as RowAccount
}

// The row as its slot in `ROWS`.
function rowSlot(own: boolean | null, fallback: boolean | null, privileged: boolean): number {
  if (own === true) return 1 // ROW_CONTAINER_TRUE
  if (own === false) return 2 // ROW_CONTAINER_FALSE
  if (fallback === true) return 3 // ROW_POLICY_TRUE
  if (fallback === false) return privileged ? 5 /* ROW_POLICY_FALSE_KEPT_TRUE */ : 4 /* ROW_POLICY_FALSE */
  return 0 // ROW_NIL
}

function decisionOf(row: RowAccount, column: ColumnAccount): ProposalDecision {
  return {
    semantics: 'proposal',
    applicable: true,
    noNewPrivs: NO_NEW_PRIVS_TABLE[row.row][column.column],
    row: row.row,
    rowFrom: row.from,
    column: column.column,
    columnFrom: column.from,
    warnings: O.NO_WARNINGS,
  }
}

/**
 * Resolve one Linux container, as read into `r`, under the design's table (`NO_NEW_PRIVS_TABLE`),
 * with the registry's checks the plan selected (every violation, and the Pod Security Standards'
 * `restricted` check when asked). Windows pods are handled before this is called.
 */
export function resolveProposal(r: Reading, plan: Plan): E.Either<ReadonlyNonEmptyArray<Violation>, ProposalDecision> {
  const sysAdmin = sysAdminGrantsShared(r.add, r.drop, r.defaultAdd)
  const column = columnSlot(r, sysAdmin)
  // A uid never puts a container in the privileged column.
  const row = rowSlot(r.escalation, r.defaultEscalation, column === 1 || column === COLUMN_CAPABILITY)
  r.setting = SETTINGS[row] as boolean | null
  r.sysAdmin = sysAdmin
  const violations = runChecks(plan.linux, r)
  if (violations !== undefined) return E.left(violations)
  if (column < COLUMN_CAPABILITY) return sharedDecision(row, column) ?? rememberSharedDecision(row, column, decisionOf(ROWS[row] as RowAccount, COLUMNS[column] as ColumnAccount))
  if (column === COLUMN_CAPABILITY) {
    // The decision names the capability (a shared one): made once per capability and row.
    const made = decisionsByRow(sysAdmin[0] as AddedCapability)
    return (made[row] ??= frozen(decisionOf(ROWS[row] as RowAccount, columnAt(column, r, sysAdmin))))
  }
  const source = column - COLUMN_UID
  const uid = uidAt(column, r)
  return uidDecision(row, source, uid) ?? rememberUidDecision(row, source, uid, decisionOf(ROWS[row] as RowAccount, columnAt(column, r, sysAdmin)))
}
