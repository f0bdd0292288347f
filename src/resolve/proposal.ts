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
import { indexed, sharedDecision, uidDecision } from './proposalCache.js'
import { runChecks } from './rules/run.js'
import type { Subject } from './rules/rule.js'
import { sysAdminGrantsOf } from './sysAdmin.js'
import { NO_NEW_PRIVS_TABLE } from './table.js'
import type {
  Column,
  ContainerSecurityInput,
  Origin,
  PolicyInput,
  ProposalDecision,
  ResolveInput,
  Row,
  Violation,
} from './types.js'

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
 * What `columnFrom` answers when a uid decides the column: which input gave it (the uid is read
 * again from there by `uidOf`). The account is then made only if the decision is not already known.
 */
interface UidFrom {
  readonly uidFrom: UidTarget
  readonly slot: number
}
const UID_FROM_CONTAINER: UidFrom = Object.freeze({ uidFrom: 'container', slot: 0 })
const UID_FROM_POD: UidFrom = Object.freeze({ uidFrom: 'pod', slot: 1 })
const UID_FROM_POLICY: UidFrom = Object.freeze({ uidFrom: 'policy', slot: 2 })
function uidOf(from: UidFrom, container: ContainerSecurityInput | null | undefined, pod: ResolveInput['pod'], spec: PolicySpec | null | undefined): number {
  if (from.slot === 0) return container?.runAsUser as number
  if (from.slot === 1) return pod?.runAsUser as number
  return uidOfStrategy(spec?.runAsUser) as number
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
  const spec = input.policy?.spec
  const column = columnFrom(input.container, input.pod, spec, sysAdmin)
  return isUidFrom(column) ? uidColumn(column.uidFrom, uidOf(column, input.container, input.pod, spec)) : column
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
    if (containerUid != null) return UID_FROM_CONTAINER
    containerNonRoot = container.runAsNonRoot
  } else {
    const grant = sysAdmin[0]
    if (grant !== undefined) return { column: 'privileged', from: O.capabilityOrigin(grant.target, grant.path, grant.name) }
  }
  const podUid = pod?.runAsUser
  if (podUid != null) return UID_FROM_POD
  const strategy = spec?.runAsUser
  if (uidOfStrategy(strategy) !== undefined) return UID_FROM_POLICY
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
 * Resolve one Linux container under the design's table (`NO_NEW_PRIVS_TABLE`), with the
 * registry's checks the plan selected (every violation, and the Pod Security Standards'
 * `restricted` check when asked). Windows pods are handled before this is called.
 */
export function resolveProposal(input: ResolveInput, plan: Plan): E.Either<ReadonlyNonEmptyArray<Violation>, ProposalDecision> {
  const container = input.container
  const policy = input.policy
  const spec = policy?.spec
  const sysAdmin = sysAdminGrantsOf(container, policy, spec)
  const column = columnFrom(container, input.pod, spec, sysAdmin)
  // A uid never puts a container in the privileged column.
  const row = settingFrom(container?.allowPrivilegeEscalation, spec, !isUidFrom(column) && column.column === 'privileged')
  const subject: Subject = { input, container, policy, spec, setting: SETTING_OF_ROW[row.row], sysAdmin, oldSpecRelaxesSysAdmin: false }
  const violations = runChecks(plan.linux, subject)
  if (violations !== undefined) return E.left(violations)
  if (isUidFrom(column)) {
    return uidDecision(row, column.slot, uidOf(column, container, input.pod, spec), () =>
      decisionOf(row, uidColumn(column.uidFrom, uidOf(column, container, input.pod, spec))),
    )
  }
  return sharedDecision(row, column, () => decisionOf(row, column)) ?? E.right(decisionOf(row, column))
}

const SETTING_OF_ROW: { readonly [R in Row]: boolean | null } = { nil: null, false: false, true: true }
