/**
 * The default semantics: the allowPrivilegeEscalation design (SPEC §3).
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { addedCapabilitiesWhere, grantsSysAdmin, type AddedCapability } from '../capabilities.js'
import * as O from './origins.js'
import { restrictedChecks, restrictedViolation } from './podSecurity.js'
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

/** A column of the table and the input that put the container there. */
export interface ColumnAccount {
  readonly column: Column
  readonly from: Origin
}

/** A row of the table and the input that decided it. */
export interface RowAccount {
  readonly row: Row
  readonly from: Origin
}

const ROOT_UNSET: ColumnAccount = Object.freeze({ column: 'root', from: O.UNSET })
const PRIVILEGED_FLAG: ColumnAccount = Object.freeze({ column: 'privileged', from: O.CONTAINER_PRIVILEGED })
const NON_ROOT_BY_CONTAINER: ColumnAccount = Object.freeze({ column: 'nonRoot', from: O.CONTAINER_RUN_AS_NON_ROOT_TRUE })
const NON_ROOT_BY_POD: ColumnAccount = Object.freeze({ column: 'nonRoot', from: O.POD_RUN_AS_NON_ROOT_TRUE })
const NON_ROOT_BY_POLICY: ColumnAccount = Object.freeze({ column: 'nonRoot', from: O.POLICY_MUST_RUN_AS_NON_ROOT })
const ROOT_BY_CONTAINER: ColumnAccount = Object.freeze({ column: 'root', from: O.CONTAINER_RUN_AS_NON_ROOT_FALSE })
const ROOT_BY_POD: ColumnAccount = Object.freeze({ column: 'root', from: O.POD_RUN_AS_NON_ROOT_FALSE })

const ROW_NIL: RowAccount = Object.freeze({ row: 'nil', from: O.UNSET })
const ROW_CONTAINER_TRUE: RowAccount = Object.freeze({ row: 'true', from: O.CONTAINER_ESCALATION_TRUE })
const ROW_CONTAINER_FALSE: RowAccount = Object.freeze({ row: 'false', from: O.CONTAINER_ESCALATION_FALSE })
const ROW_POLICY_TRUE: RowAccount = Object.freeze({ row: 'true', from: O.POLICY_DEFAULT_TRUE })
const ROW_POLICY_FALSE: RowAccount = Object.freeze({ row: 'false', from: O.POLICY_DEFAULT_FALSE })
/** A `false` default is not applied to a privileged container: it keeps `true` (the seed's words). */
const ROW_POLICY_FALSE_KEPT_TRUE: RowAccount = Object.freeze({ row: 'true', from: O.POLICY_DEFAULT_FALSE })

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

function uidColumn(target: 'container' | 'pod' | 'policy', uid: number): ColumnAccount {
  return { column: uid === 0 ? 'root' : 'nonRoot', from: O.uidOrigin(target, uid) }
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
  sysAdmin: ReadonlyArray<AddedCapability> = addedCapabilitiesWhere(input.container, input.policy, 'normalised', grantsSysAdmin),
): ColumnAccount {
  const container = input.container
  if (container?.privileged === true) return PRIVILEGED_FLAG
  const grant = sysAdmin[0]
  if (grant !== undefined) return { column: 'privileged', from: O.capabilityOrigin(grant.target, grant.path, grant.name) }
  const containerUid = container?.runAsUser
  if (containerUid != null) return uidColumn('container', containerUid)
  const pod = input.pod
  const podUid = pod?.runAsUser
  if (podUid != null) return uidColumn('pod', podUid)
  const policyUid = policyUidOf(input.policy)
  if (policyUid !== undefined) return uidColumn('policy', policyUid)
  const containerNonRoot = container?.runAsNonRoot
  if (containerNonRoot === true) return NON_ROOT_BY_CONTAINER
  if (containerNonRoot == null) {
    const podNonRoot = pod?.runAsNonRoot
    if (podNonRoot === true) return NON_ROOT_BY_POD
    if (input.policy?.spec?.runAsUser?.rule === 'MustRunAsNonRoot') return NON_ROOT_BY_POLICY
    return podNonRoot === false ? ROOT_BY_POD : ROOT_UNSET
  }
  // The container says runAsNonRoot: false; `??` stops there, but the policy's rule still holds.
  if (input.policy?.spec?.runAsUser?.rule === 'MustRunAsNonRoot') return NON_ROOT_BY_POLICY
  return ROOT_BY_CONTAINER
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
  const own = input.container?.allowPrivilegeEscalation
  if (own === true) return ROW_CONTAINER_TRUE
  if (own === false) return ROW_CONTAINER_FALSE
  const fallback = input.policy?.spec?.defaultAllowPrivilegeEscalation
  if (fallback === true) return ROW_POLICY_TRUE
  if (fallback === false) return column === 'privileged' ? ROW_POLICY_FALSE_KEPT_TRUE : ROW_POLICY_FALSE
  return ROW_NIL
}

/**
 * The policy's own rule, whatever the container: a default of `true` needs the gate `true` (an
 * absent gate is `false` in the design).
 */
export function proposalPolicyViolations(policy: PolicyInput | null | undefined, out: Violation[]): void {
  const spec = policy?.spec
  if (spec?.defaultAllowPrivilegeEscalation === true && spec.allowPrivilegeEscalation !== true) out.push(invalidPolicy())
}

function containerViolations(
  container: ContainerSecurityInput | null | undefined,
  policy: PolicyInput | null | undefined,
  sysAdmin: ReadonlyArray<AddedCapability>,
  out: Violation[],
): void {
  const own = container?.allowPrivilegeEscalation
  if (own === false) {
    if (container?.privileged === true) out.push(privilegedWithoutEscalation())
    for (let i = 0; i < sysAdmin.length; i++) out.push(sysAdminWithoutEscalation(sysAdmin[i] as AddedCapability, false))
  }
  if (own === true && policy != null) {
    const gate = policy.spec?.allowPrivilegeEscalation
    if (gate !== true) out.push(escalationForbiddenByPolicy(policy, gate == null, false))
  }
}

/**
 * Resolve one Linux container under the design's table (SPEC §3, and §5b when `podSecurity` is
 * given). Windows pods are handled by `resolveNoNewPrivs` before this is called.
 */
export function resolveProposal(
  input: ResolveInput,
  podSecurity: PodSecurityOptions | undefined,
): E.Either<ReadonlyNonEmptyArray<Violation>, ProposalDecision> {
  const sysAdmin = addedCapabilitiesWhere(input.container, input.policy, 'normalised', grantsSysAdmin)
  const column = columnOf(input, sysAdmin)
  const row = settingOf(input, column.column)

  let violations: Violation[] | undefined
  const own = input.container?.allowPrivilegeEscalation
  if (own != null || sysAdmin.length > 0 || input.policy != null || podSecurity !== undefined) {
    violations = []
    containerViolations(input.container, input.policy, sysAdmin, violations)
    if (podSecurity !== undefined && row.row !== 'false' && restrictedChecks(podSecurity, false)) {
      violations.push(restrictedViolation(input.name))
    }
    proposalPolicyViolations(input.policy, violations)
  }
  if (violations !== undefined && violations.length > 0) {
    return E.left(violations as unknown as ReadonlyNonEmptyArray<Violation>)
  }
  return E.right({
    semantics: 'proposal',
    applicable: true,
    noNewPrivs: NO_NEW_PRIVS_TABLE[row.row][column.column],
    row: row.row,
    rowFrom: row.from,
    column: column.column,
    columnFrom: column.from,
    warnings: O.NO_WARNINGS,
  })
}
