/**
 * `no-new-privs/resolve`: the resolver and the data its rules are made of — the table, its rows
 * and columns, the rule registry, the violation codes, the capability Kubernetes compares — for
 * callers that show or test the rules.
 *
 * Why so small: every function here answers any JavaScript value with an error as data or a
 * correct answer. The rules' single steps (`columnOf`, `settingOf`, `admittedSettingOf`,
 * `noNewPrivilegesOf`, …) are not exported: each read an already-checked input and threw on
 * others, and the `Decision` of `resolveNoNewPrivs` carries their answers (`row`/`rowFrom`,
 * `column`/`columnFrom`, `setting`, `from`, `applicable`).
 *
 * @packageDocumentation
 */
export { resolveNoNewPrivs } from './resolve.js'
export type * from './types.js'
export { COLUMNS, NO_NEW_PRIVS_TABLE, ROWS } from './table.js'
export type { ColumnAccount, RowAccount } from './proposal.js'
export type { AdmittedSetting } from './kubernetes.js'
export { VIOLATION_CODES } from './violations.js'
export { RULES, type Check, type PodOs, type Rule, type RuleVariant, type Subject } from './rules/index.js'
export type { VersionRange } from './versions.js'
export { RESTRICTED_REASON } from './podSecurity.js'
export {
  grantsSysAdmin,
  KUBERNETES_SYS_ADMIN,
  type AddedCapability,
  type CapabilityComparison,
} from './capabilities.js'
