/**
 * io-ts codecs for the Kubernetes API types `no-new-privs` reads, covering every field of the current API, and `decode`, which
 * reports problems as plain data with API-server paths and never drops an unknown field.
 *
 * Every codec `X` has a type `X = t.TypeOf<typeof X>` of the same name, declared beside it.
 *
 * @packageDocumentation
 */

export {
  EnumType,
  IntegerType,
  NullableType,
  enumOf,
  gid,
  int32,
  int64,
  nullable,
  stringList,
  stringMap,
  uid,
} from './primitives.js'
export { mixedFields, optionalFields, requiredFields } from './object.js'
export { RequiredByApiType } from './requiredByApi.js'
export {
  AppArmorProfile,
  AppArmorProfileType,
  Capabilities,
  CgroupOptions,
  ProcMountType,
  SELinuxOptions,
  SeccompProfile,
  SeccompProfileType,
  SecurityContext,
  WindowsSecurityContextOptions,
} from './securityContext.js'
export {
  PodFSGroupChangePolicy,
  PodSELinuxChangePolicy,
  PodSecurityContext,
  SupplementalGroupsPolicy,
  Sysctl,
} from './podSecurityContext.js'
export {
  AllowedCSIDriver,
  AllowedFlexVolume,
  AllowedHostPath,
  FSGroupStrategyOptions,
  FSGroupStrategyType,
  FSType,
  HostPortRange,
  IDRange,
  PodSecurityPolicy,
  PodSecurityPolicyApiVersion,
  PodSecurityPolicySpec,
  RunAsGroupStrategy,
  RunAsGroupStrategyOptions,
  RunAsUserStrategy,
  RunAsUserStrategyOptions,
  RuntimeClassStrategyOptions,
  SELinuxStrategy,
  SELinuxStrategyOptions,
  SupplementalGroupsStrategyOptions,
  SupplementalGroupsStrategyType,
} from './podSecurityPolicy.js'
export { ObjectMeta, OwnerReference } from './objectMeta.js'
export {
  AdmissionRegistrationApiVersion,
  ApplyConfiguration,
  AuditAnnotation,
  FailurePolicyType,
  JSONPatch,
  LabelSelector,
  LabelSelectorOperator,
  LabelSelectorRequirement,
  MatchCondition,
  MatchPolicyType,
  MatchResources,
  MutatingAdmissionPolicy,
  MutatingAdmissionPolicyBinding,
  MutatingAdmissionPolicyBindingSpec,
  MutatingAdmissionPolicySpec,
  Mutation,
  NamedRuleWithOperations,
  OperationType,
  ParamKind,
  ParameterNotFoundActionType,
  ParamRef,
  PatchType,
  ReinvocationPolicyType,
  ScopeType,
  ValidatingAdmissionPolicy,
  ValidatingAdmissionPolicyBinding,
  ValidatingAdmissionPolicyBindingSpec,
  ValidatingAdmissionPolicySpec,
  Validation,
  ValidationAction,
  Variable,
} from './admissionRegistration.js'
export { Container, EphemeralContainer, OSName, Pod, PodOS, PodSpec, PodTemplateSpec } from './podSpec.js'
export type { DecodeIssue, DecodeIssueCode, DecodeIssueSeverity } from './issue.js'
export { formatIssue, issuesFromErrors } from './errors.js'
export { decode, decodeWith, type DecodeOptions, type Decoded } from './decode.js'
export { fieldWarnings, unknownFields, type FieldWalkOptions } from './unknownFields.js'
export { renderValue } from './render.js'
export { fieldsOf, type AnyDecoder } from './structure.js'
export { compileClosureGuard, compileDecoder, compileGuard, type Guard } from './compile.js'
