/**
 * The default semantics: the allowPrivilegeEscalation design (SPEC §3).
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import type { AddedCapability } from './capabilities.js'
import * as O from './origins.js'
import { restrictedChecks, restrictedViolation } from './podSecurity.js'
import { sysAdminGrantsOf } from './sysAdmin.js'
import { NO_NEW_PRIVS_TABLE } from './table.js'
import type {
  Column,
  ContainerSecurityInput,
  Origin,
  PodSecurityOptions,
  PolicyInput,
  ProposalDecision,
  ResolveInput,
  Row,
  Violation,
} from './types.js'
import {
  escalationForbiddenByPolicy,
  invalidPolicy,
  privilegedWithoutEscalation,
  sysAdminWithoutEscalation,
} from './violations.js'

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

// Constant accounts carry (out of sight: non-enumerable) their place in the table of shared
// decisions, so the hot path finds a decision with two monomorphic reads instead of a hash lookup.
const SHARED_INDEX = Symbol('sharedIndex')
interface Indexed {
  readonly [SHARED_INDEX]?: number
}
function constant<A extends object>(account: A, index: number): A {
  Object.defineProperty(account, SHARED_INDEX, { value: index, enumerable: false })
  return Object.freeze(account)
}

const ROOT_UNSET: ColumnAccount = constant({ column: 'root', from: O.UNSET }, 0)
const PRIVILEGED_FLAG: ColumnAccount = constant({ column: 'privileged', from: O.CONTAINER_PRIVILEGED }, 1)
const NON_ROOT_BY_CONTAINER: ColumnAccount = constant({ column: 'nonRoot', from: O.CONTAINER_RUN_AS_NON_ROOT_TRUE }, 2)
const NON_ROOT_BY_POD: ColumnAccount = constant({ column: 'nonRoot', from: O.POD_RUN_AS_NON_ROOT_TRUE }, 3)
const NON_ROOT_BY_POLICY: ColumnAccount = constant({ column: 'nonRoot', from: O.POLICY_MUST_RUN_AS_NON_ROOT }, 4)
const ROOT_BY_CONTAINER: ColumnAccount = constant({ column: 'root', from: O.CONTAINER_RUN_AS_NON_ROOT_FALSE }, 5)
const ROOT_BY_POD: ColumnAccount = constant({ column: 'root', from: O.POD_RUN_AS_NON_ROOT_FALSE }, 6)

const ROW_NIL: RowAccount = constant({ row: 'nil', from: O.UNSET }, 0)
const ROW_CONTAINER_TRUE: RowAccount = constant({ row: 'true', from: O.CONTAINER_ESCALATION_TRUE }, 1)
const ROW_CONTAINER_FALSE: RowAccount = constant({ row: 'false', from: O.CONTAINER_ESCALATION_FALSE }, 2)
const ROW_POLICY_TRUE: RowAccount = constant({ row: 'true', from: O.POLICY_DEFAULT_TRUE }, 3)
const ROW_POLICY_FALSE: RowAccount = constant({ row: 'false', from: O.POLICY_DEFAULT_FALSE }, 4)
/** A `false` default is not applied to a privileged container: it keeps `true` (the seed's words). */
const ROW_POLICY_FALSE_KEPT_TRUE: RowAccount = constant({ row: 'true', from: O.POLICY_DEFAULT_FALSE }, 5)

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
  return uidOfStrategy(policy?.spec?.runAsUser)
}

type PolicySpec = NonNullable<PolicyInput['spec']>
type RunAsUserStrategy = PolicySpec['runAsUser']

function uidOfStrategy(strategy: RunAsUserStrategy | undefined): number | undefined {
  if (strategy == null || strategy.rule !== 'MustRunAs') return undefined
  const first = strategy.ranges?.[0]
  return typeof first?.min === 'number' ? first.min : undefined
}

type UidTarget = 'container' | 'pod' | 'policy'

function uidColumn(target: UidTarget, uid: number): ColumnAccount {
  return { column: uid === 0 ? 'root' : 'nonRoot', from: O.uidOrigin(target, uid) }
}

/**
 * What `columnFrom` answers when a uid decides the column: which input gave it, the uid itself in
 * `decidingUid`. The account is then made only if the decision is not already known.
 */
interface UidFrom {
  readonly uidFrom: UidTarget
  readonly slot: number
}
const UID_FROM_CONTAINER: UidFrom = Object.freeze({ uidFrom: 'container', slot: 0 })
const UID_FROM_POD: UidFrom = Object.freeze({ uidFrom: 'pod', slot: 1 })
const UID_FROM_POLICY: UidFrom = Object.freeze({ uidFrom: 'policy', slot: 2 })
// Set just before `columnFrom` returns a `UidFrom`, read at once by its caller (synchronously).
let decidingUid = 0

function isUidFrom(column: ColumnAccount | UidFrom): column is UidFrom {
  return (column as Partial<UidFrom>).uidFrom !== undefined
}

/**
 * Who runs the process (SPEC §3.2): `privileged` (privileged, or an effective added capability
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
  const column = columnFrom(input.container, input.pod, input.policy?.spec, sysAdmin)
  return isUidFrom(column) ? uidColumn(column.uidFrom, decidingUid) : column
}

// The hot path reads each input field once: on data of many shapes every property read is a
// megamorphic lookup, and they are most of resolution's cost.
function columnFrom(
  container: ContainerSecurityInput | null | undefined,
  pod: ResolveInput['pod'],
  spec: PolicySpec | null | undefined,
  sysAdmin: ReadonlyArray<AddedCapability>,
): ColumnAccount | UidFrom {
  let containerNonRoot: boolean | null | undefined
  if (container != null) {
    if (container.privileged === true) return PRIVILEGED_FLAG
    const grant = sysAdmin[0]
    if (grant !== undefined) return { column: 'privileged', from: O.capabilityOrigin(grant.target, grant.path, grant.name) }
    const containerUid = container.runAsUser
    if (containerUid != null) {
      decidingUid = containerUid
      return UID_FROM_CONTAINER
    }
    containerNonRoot = container.runAsNonRoot
  } else {
    const grant = sysAdmin[0]
    if (grant !== undefined) return { column: 'privileged', from: O.capabilityOrigin(grant.target, grant.path, grant.name) }
  }
  const podUid = pod?.runAsUser
  if (podUid != null) {
    decidingUid = podUid
    return UID_FROM_POD
  }
  const strategy = spec?.runAsUser
  const policyUid = uidOfStrategy(strategy)
  if (policyUid !== undefined) {
    decidingUid = policyUid
    return UID_FROM_POLICY
  }
  const mustRunAsNonRoot = strategy?.rule === 'MustRunAsNonRoot'
  if (containerNonRoot === true) return NON_ROOT_BY_CONTAINER
  if (containerNonRoot == null) {
    const podNonRoot = pod?.runAsNonRoot
    if (podNonRoot === true) return NON_ROOT_BY_POD
    if (mustRunAsNonRoot) return NON_ROOT_BY_POLICY
    return podNonRoot === false ? ROOT_BY_POD : ROOT_UNSET
  }
  // The container says runAsNonRoot: false; `??` stops there, but the policy's rule still holds.
  return mustRunAsNonRoot ? NON_ROOT_BY_POLICY : ROOT_BY_CONTAINER
}

/**
 * The effective `allowPrivilegeEscalation` setting (SPEC §3.3): the container's own value, else
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
  return settingFrom(input.container?.allowPrivilegeEscalation, input.policy?.spec, column === 'privileged')
}

function settingFrom(own: boolean | null | undefined, spec: PolicySpec | null | undefined, privileged: boolean): RowAccount {
  if (own === true) return ROW_CONTAINER_TRUE
  if (own === false) return ROW_CONTAINER_FALSE
  const fallback = spec?.defaultAllowPrivilegeEscalation
  if (fallback === true) return ROW_POLICY_TRUE
  if (fallback === false) return privileged ? ROW_POLICY_FALSE_KEPT_TRUE : ROW_POLICY_FALSE
  return ROW_NIL
}

/**
 * Is the policy invalid in the design (SPEC §3.5 `invalid-policy`)? A default of `true` needs the
 * gate `true` (an absent gate is `false` in the design).
 */
function isInvalidProposalPolicy(spec: PolicySpec | null | undefined): boolean {
  return spec?.defaultAllowPrivilegeEscalation === true && spec.allowPrivilegeEscalation !== true
}

/** The policy's own rule, whatever the container: push `invalid-policy` when it is broken. */
export function proposalPolicyViolations(policy: PolicyInput | null | undefined, out: Violation[]): void {
  if (isInvalidProposalPolicy(policy?.spec)) out.push(invalidPolicy())
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

// Every decision whose row and column accounts are shared constants is itself a constant: resolving
// such a container (most of them: only a uid or a capability makes a fresh origin) allocates nothing.
const ROW_ACCOUNTS = [ROW_NIL, ROW_CONTAINER_TRUE, ROW_CONTAINER_FALSE, ROW_POLICY_TRUE, ROW_POLICY_FALSE, ROW_POLICY_FALSE_KEPT_TRUE]
const COLUMN_ACCOUNTS = [ROOT_UNSET, PRIVILEGED_FLAG, NON_ROOT_BY_CONTAINER, NON_ROOT_BY_POD, NON_ROOT_BY_POLICY, ROOT_BY_CONTAINER, ROOT_BY_POD]
const DECISIONS: Array<E.Right<ProposalDecision>> = []
for (const row of ROW_ACCOUNTS) {
  for (const column of COLUMN_ACCOUNTS) {
    const at = ((row as Indexed)[SHARED_INDEX] as number) * COLUMN_ACCOUNTS.length + ((column as Indexed)[SHARED_INDEX] as number)
    DECISIONS[at] = Object.freeze(E.right(Object.freeze(decisionOf(row, column)))) as E.Right<ProposalDecision>
  }
}

/** The shared decision for a row and column that are both constants; `undefined` otherwise. */
function sharedDecision(row: RowAccount, column: ColumnAccount): E.Right<ProposalDecision> | undefined {
  // Every row account is a constant; a fresh column account has no index, which makes the
  // position NaN, under which no decision is stored.
  return DECISIONS[((row as Indexed)[SHARED_INDEX] as number) * COLUMN_ACCOUNTS.length + ((column as Indexed)[SHARED_INDEX] as number)]
}

// Real manifests use a handful of uids. Decisions whose column a uid decided are kept in a small
// direct-mapped table (row × source of the uid × low bits of the uid), checked by exact uid, so a
// batch with the usual few uids allocates nothing and a batch of many uids only replaces entries.
const UID_WAYS = 16
const uidKeys: Array<number | undefined> = []
const uidDecisions: Array<E.Right<ProposalDecision> | undefined> = []

function uidDecision(row: RowAccount, from: UidFrom, uid: number): E.Right<ProposalDecision> {
  const r = (row as Indexed)[SHARED_INDEX] ?? 0
  const slot = ((r * 3 + from.slot) * UID_WAYS) | (uid & (UID_WAYS - 1))
  // Object.is: -0 and 0 are different values in a decision someone may compare.
  if (Object.is(uidKeys[slot], uid)) return uidDecisions[slot] as E.Right<ProposalDecision>
  const made = Object.freeze(E.right(Object.freeze(decisionOf(row, uidColumn(from.uidFrom, uid))))) as E.Right<ProposalDecision>
  uidKeys[slot] = uid
  uidDecisions[slot] = made
  return made
}

/**
 * Resolve one Linux container under the design's table (SPEC §3, and §5b when `podSecurity` is
 * given). Windows pods are handled by `resolveNoNewPrivs` before this is called.
 */
export function resolveProposal(
  input: ResolveInput,
  podSecurity: PodSecurityOptions | undefined,
): E.Either<ReadonlyNonEmptyArray<Violation>, ProposalDecision> {
  const container = input.container
  const policy = input.policy
  const spec = policy?.spec
  const sysAdmin = sysAdminGrantsOf(container, policy, spec)
  const column = columnFrom(container, input.pod, spec, sysAdmin)
  const uid = decidingUid
  const own = container?.allowPrivilegeEscalation
  // A uid never puts a container in the privileged column.
  const row = settingFrom(own, spec, !isUidFrom(column) && column.column === 'privileged')

  // Every rule of SPEC §3.5 (and §5b); the array of violations is made only when one is broken.
  let violations: Violation[] | undefined
  if (own === false) {
    if (container?.privileged === true) (violations ??= []).push(privilegedWithoutEscalation())
    for (let i = 0; i < sysAdmin.length; i++) (violations ??= []).push(sysAdminWithoutEscalation(sysAdmin[i] as AddedCapability, false))
  } else if (own === true && policy != null) {
    const gate = spec?.allowPrivilegeEscalation
    if (gate !== true) (violations ??= []).push(escalationForbiddenByPolicy(policy, gate == null, false))
  }
  if (podSecurity !== undefined && row.row !== 'false' && restrictedChecks(podSecurity, false)) {
    ;(violations ??= []).push(restrictedViolation(input.name))
  }
  if (isInvalidProposalPolicy(spec)) (violations ??= []).push(invalidPolicy())
  if (violations !== undefined) return E.left(violations as unknown as ReadonlyNonEmptyArray<Violation>)
  if (isUidFrom(column)) return uidDecision(row, column, uid)
  return sharedDecision(row, column) ?? E.right(decisionOf(row, column))
}
