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
import { indexed, rememberUidDecision, sharedDecision, uidDecision } from './proposalCache.js'
import { Reading, readInput } from './read.js'
import { runChecks } from './rules/run.js'
import { sysAdminGrantsIn, sysAdminGrantsOf } from './sysAdmin.js'
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

// Constant accounts are indexed for the decision cache (proposalCache.ts): see there why.
const ROOT_UNSET: ColumnAccount = indexed({ column: 'root', from: O.UNSET }, 0)
const PRIVILEGED_FLAG: ColumnAccount = indexed({ column: 'privileged', from: O.CONTAINER_PRIVILEGED }, 1)
const NON_ROOT_BY_CONTAINER: ColumnAccount = indexed({ column: 'nonRoot', from: O.CONTAINER_RUN_AS_NON_ROOT_TRUE }, 2)
const NON_ROOT_BY_POD: ColumnAccount = indexed({ column: 'nonRoot', from: O.POD_RUN_AS_NON_ROOT_TRUE }, 3)
const NON_ROOT_BY_POLICY: ColumnAccount = indexed({ column: 'nonRoot', from: O.POLICY_MUST_RUN_AS_NON_ROOT }, 4)
const ROOT_BY_CONTAINER: ColumnAccount = indexed({ column: 'root', from: O.CONTAINER_RUN_AS_NON_ROOT_FALSE }, 5)
const ROOT_BY_POD: ColumnAccount = indexed({ column: 'root', from: O.POD_RUN_AS_NON_ROOT_FALSE }, 6)

const ROW_NIL: RowAccount = indexed({ row: 'nil', from: O.UNSET }, 0)
const ROW_CONTAINER_TRUE: RowAccount = indexed({ row: 'true', from: O.CONTAINER_ESCALATION_TRUE }, 1)
const ROW_CONTAINER_FALSE: RowAccount = indexed({ row: 'false', from: O.CONTAINER_ESCALATION_FALSE }, 2)
const ROW_POLICY_TRUE: RowAccount = indexed({ row: 'true', from: O.POLICY_DEFAULT_TRUE }, 3)
const ROW_POLICY_FALSE: RowAccount = indexed({ row: 'false', from: O.POLICY_DEFAULT_FALSE }, 4)
/** A `false` default is not applied to a privileged container: it keeps `true` (the seed's words). */
const ROW_POLICY_FALSE_KEPT_TRUE: RowAccount = indexed({ row: 'true', from: O.POLICY_DEFAULT_FALSE }, 5)

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

function uidColumn(target: UidTarget, uid: number): ColumnAccount {
  return { column: uid === 0 ? 'root' : 'nonRoot', from: O.uidOrigin(target, uid) }
}

/**
 * What `columnFrom` answers when a uid decides the column: which input gave it (the uid is then
 * `uidOf` the reading). The account is made only if the decision is not already known.
 */
interface UidFrom {
  readonly uidFrom: UidTarget
  readonly slot: number
}
const UID_FROM_CONTAINER: UidFrom = Object.freeze({ uidFrom: 'container', slot: 0 })
const UID_FROM_POD: UidFrom = Object.freeze({ uidFrom: 'pod', slot: 1 })
const UID_FROM_POLICY: UidFrom = Object.freeze({ uidFrom: 'policy', slot: 2 })
function uidOf(from: UidFrom, r: Reading): number {
  return (from.slot === 0 ? r.containerUid : from.slot === 1 ? r.podUid : r.policyUid) as number
}

function isUidFrom(column: ColumnAccount | UidFrom): column is UidFrom {
  return (column as Partial<UidFrom>).uidFrom !== undefined
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
  const column = columnFrom(r, sysAdmin)
  return isUidFrom(column) ? uidColumn(column.uidFrom, uidOf(column, r)) : column
}

// The column from the fields as read (each read once, in read.ts).
function columnFrom(r: Reading, sysAdmin: ReadonlyArray<AddedCapability>): ColumnAccount | UidFrom {
  if (r.privileged) return PRIVILEGED_FLAG
  const grant = sysAdmin[0]
  if (grant !== undefined) return { column: 'privileged', from: O.capabilityOrigin(grant.target, grant.path, grant.name) }
  if (r.containerUid !== null) return UID_FROM_CONTAINER
  if (r.podUid !== null) return UID_FROM_POD
  if (r.policyUid !== null) return UID_FROM_POLICY
  const mustRunAsNonRoot = r.rule === 'MustRunAsNonRoot'
  const containerNonRoot = r.containerNonRoot
  if (containerNonRoot === true) return NON_ROOT_BY_CONTAINER
  if (containerNonRoot === null) {
    const podNonRoot = r.podNonRoot
    if (podNonRoot === true) return NON_ROOT_BY_POD
    if (mustRunAsNonRoot) return NON_ROOT_BY_POLICY
    return podNonRoot === false ? ROOT_BY_POD : ROOT_UNSET
  }
  // The container says runAsNonRoot: false; `??` stops there, but the policy's rule still holds.
  return mustRunAsNonRoot ? NON_ROOT_BY_POLICY : ROOT_BY_CONTAINER
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
  return settingFrom(r.escalation, r.defaultEscalation, column === 'privileged')
}

function settingFrom(own: boolean | null, fallback: boolean | null, privileged: boolean): RowAccount {
  if (own === true) return ROW_CONTAINER_TRUE
  if (own === false) return ROW_CONTAINER_FALSE
  if (fallback === true) return ROW_POLICY_TRUE
  if (fallback === false) return privileged ? ROW_POLICY_FALSE_KEPT_TRUE : ROW_POLICY_FALSE
  return ROW_NIL
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
  const sysAdmin = sysAdminGrantsIn(r.add, r.drop, r.defaultAdd)
  const column = columnFrom(r, sysAdmin)
  // A uid never puts a container in the privileged column.
  const row = settingFrom(r.escalation, r.defaultEscalation, !isUidFrom(column) && column.column === 'privileged')
  r.setting = SETTING_OF_ROW[row.row]
  r.sysAdmin = sysAdmin
  const violations = runChecks(plan.linux, r)
  if (violations !== undefined) return E.left(violations)
  if (isUidFrom(column)) {
    const uid = uidOf(column, r)
    return uidDecision(row, column.slot, uid) ?? rememberUidDecision(row, column.slot, uid, decisionOf(row, uidColumn(column.uidFrom, uid)))
  }
  // Frozen like the shared ones: every Right a caller reads then has the same hidden class.
  return sharedDecision(row, column, decisionOf) ?? (Object.freeze(E.right(Object.freeze(decisionOf(row, column)))) as E.Right<ProposalDecision>)
}

const SETTING_OF_ROW: { readonly [R in Row]: boolean | null } = { nil: null, false: false, true: true }
