/**
 * `no-new-privs/resolve`: the building blocks of the rules `resolveNoNewPrivs` applies — the
 * table's row and column, the admitted setting, Pod Security Standards checks, capabilities —
 * for callers that show or test one step on its own.
 *
 * @packageDocumentation
 */
export { resolveNoNewPrivs } from './resolve.js'
export type * from './types.js'
export { COLUMNS, NO_NEW_PRIVS_TABLE, ROWS } from './table.js'
export { columnOf, policyUidOf, settingOf, type ColumnAccount, type RowAccount } from './proposal.js'
export { admittedSettingOf, type AdmittedSetting } from './kubernetes.js'
export { noNewPrivilegesOf } from './noNewPrivileges.js'
export { isWindows } from './windows.js'
export { VIOLATION_CODES } from './violations.js'
export { RULES, type Check, type PodOs, type Rule, type RuleVariant, type Subject } from './rules/index.js'
export { inRange, type VersionRange } from './versions.js'
export { policyNotApplied } from './policyNotApplied.js'
export { minorOf, RESTRICTED_REASON, restrictedChecks, restrictedPodDetail, restrictedViolation } from './podSecurity.js'
export {
  addedCapabilitiesWhere,
  grantsSysAdmin,
  KUBERNETES_SYS_ADMIN,
  normaliseCapability,
  type AddedCapability,
  type CapabilityComparison,
} from './capabilities.js'
