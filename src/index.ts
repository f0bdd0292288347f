/**
 * no-new-privs: will this Kubernetes container run with Linux `no_new_privs`, and will the
 * cluster accept it? The front door: what most callers need. The rest is in subpaths —
 * `no-new-privs/codecs` (every codec, the compiled guards), `no-new-privs/manifest` (reading
 * streams, walking documents, choosing policies), `no-new-privs/resolve` (the rules' building
 * blocks), `no-new-privs/runtime` (Docker, OCI, CRI, rkt switches), `no-new-privs/testing`.
 * Re-exports only; each concept lives in its own module.
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
  InputTarget,
  InvalidInput,
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
  RuleCode,
  Semantics,
  Target,
  Violation,
  ViolationCode,
} from './resolve/types.js'
export { COLUMNS, NO_NEW_PRIVS_TABLE, ROWS } from './resolve/table.js'
export { VIOLATION_CODES } from './resolve/violations.js'
export { RULES, type Rule, type RuleVariant } from './resolve/rules/index.js'
export { grantsSysAdmin, KUBERNETES_SYS_ADMIN } from './capabilities.js'

// Admission policies: the API server enforcing the rules
export {
  admissionPolicies,
  MUTATING_POLICY_MINOR,
  VALIDATING_POLICY_MINOR,
  type AdmissionObject,
  type AdmissionPolicies,
  type RuleAccount,
} from './policy/generate.js'
export type { AdmissionPolicyOptions, AdmissionPolicyProblem, PolicySemantics } from './policy/options.js'
export { parseLabelSelector } from './policy/labelSelector.js'

// Codecs: the objects most callers decode (all of them: no-new-privs/codecs)
export { Container, Pod, PodSpec } from './codecs/podSpec.js'
export { SecurityContext } from './codecs/securityContext.js'
export { PodSecurityContext } from './codecs/podSecurityContext.js'
export { PodSecurityPolicy } from './codecs/podSecurityPolicy.js'
export { decode, type DecodeOptions, type Decoded } from './codecs/decode.js'
export type { DecodeIssue, DecodeIssueCode, DecodeIssueSeverity } from './codecs/issue.js'
export { formatIssue } from './codecs/errors.js'

// Manifests (reading and walking them: no-new-privs/manifest)
export { checkEntries, checkManifests, EMPTY_DOCUMENT_KIND, type CheckOptions, type CheckSource, type ReportEntry } from './report/check.js'
export { checkStream, type StreamSource } from './manifest/stream.js'
export { checkFilesInParallel, type FileSource, type ParallelOptions } from './manifest/parallel.js'
export type { PodSpecKind } from './pods/kinds.js'
export type { PodSecuritySource } from './inputs/namespaceLevels.js'
export type { PodSecurityLevel, PodSecurityMode } from './inputs/podSecurityLabels.js'
export type {
  ContainerResult,
  ContainerType,
  Located,
  Report,
  ReportError,
  ReportFinding,
  ReportPlace,
  ReportSkipped,
  ReportViolation,
  ReportWarning,
} from './report/report.js'
