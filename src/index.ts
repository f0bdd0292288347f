/**
 * no-new-privs: will this Kubernetes container run with Linux `no_new_privs`, and will the
 * cluster accept it? Re-exports only; each concept lives in its own module.
 *
 * @packageDocumentation
 */

// Resolution
export { resolveNoNewPrivs } from './resolve/resolve.js'
export type {
  CapabilitiesInput,
  Column,
  ContainerSecurityInput,
  Decision,
  DecisionWarning,
  DecisionWarningCode,
  IDRangeInput,
  KubernetesDecision,
  KubernetesVersion,
  OldContainerInput,
  OldPodSpecInput,
  Operation,
  NoNewPrivilegesDecision,
  NotApplicableDecision,
  Origin,
  PodSecurityInput,
  PodSecurityOptions,
  PodSecurityVersion,
  PolicyInput,
  ProposalDecision,
  ResolveInput,
  ResolveOptions,
  Row,
  Semantics,
  Target,
  Violation,
  ViolationCode,
} from './resolve/types.js'
export { COLUMNS, NO_NEW_PRIVS_TABLE, ROWS } from './resolve/table.js'
export { columnOf, policyUidOf, settingOf, type ColumnAccount, type RowAccount } from './resolve/proposal.js'
export { admittedSettingOf, type AdmittedSetting } from './resolve/kubernetes.js'
export { noNewPrivilegesOf } from './resolve/noNewPrivileges.js'
export { isWindows } from './resolve/windows.js'
export { VIOLATION_CODES } from './resolve/violations.js'
export { RULES, type Check, type PodOs, type Rule, type RuleVariant, type Subject } from './resolve/rules/index.js'
export { inRange, type VersionRange } from './resolve/versions.js'
export { policyNotApplied } from './resolve/policyNotApplied.js'
export { minorOf, RESTRICTED_REASON, restrictedChecks, restrictedPodDetail, restrictedViolation } from './resolve/podSecurity.js'
export {
  addedCapabilitiesWhere,
  grantsSysAdmin,
  KUBERNETES_SYS_ADMIN,
  normaliseCapability,
  type AddedCapability,
  type CapabilityComparison,
} from './capabilities.js'

// Codecs
export * from './codecs/index.js'
export { compileClosureGuard, compileDecoder, compileGuard, type Guard } from './codecs/compile.js'

// Manifests
export {
  checkEntries,
  checkManifests,
  EMPTY_DOCUMENT_KIND,
  prepareCheck,
  type CheckOptions,
  type CheckSource,
  type PreparedCheck,
  type ReportEntry,
} from './manifest/check.js'
export { checkStream, documentTexts, loadStream, type DocumentText, type StreamSource, type TextChunks } from './manifest/stream.js'
export { checkFilesInParallel, type FileSource, type ParallelOptions } from './manifest/parallel.js'
export type {
  ContainerResult,
  ContainerType,
  Report,
  ReportError,
  ReportFinding,
  ReportSkipped,
  ReportViolation,
  ReportWarning,
} from './manifest/report.js'
export { loadDocuments, loadValue } from './manifest/load.js'
export type { DocumentError, EmptyDocument, LoadedDocument, LoadErrorCode, LoadOptions, LoadProblem, LoadResult, Position } from './manifest/document.js'
export { walkPods } from './manifest/walk.js'
export type { ContainerRef, DocumentWalk, PodEntry, PolicyEntry, SkippedEntry, WalkEntry, WalkError, WalkErrorCode, WalkOptions } from './manifest/walk.js'
export { byPolicyName, choosePolicy, policyChangesContainer, type Admission, type PolicyCandidate, type PolicyChoice } from './manifest/policies.js'

// Runtimes
export * from './runtime/index.js'
