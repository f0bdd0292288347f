/**
 * io-ts codecs for the Kubernetes API types `no-new-privs` reads (SPEC §6), and `decode`, which
 * reports problems as plain data with API-server paths and never drops an unknown field.
 *
 * Every codec `X` has a type `X = t.TypeOf<typeof X>` of the same name.
 *
 * @packageDocumentation
 */
import type * as t from 'io-ts'
import type * as sc from './securityContext.js'
import type * as psc from './podSecurityContext.js'
import type * as psp from './podSecurityPolicy.js'
import type * as meta from './objectMeta.js'
import type * as pod from './podSpec.js'

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
export { Container, EphemeralContainer, OSName, Pod, PodOS, PodSpec, PodTemplateSpec } from './podSpec.js'
export type { DecodeIssue, DecodeIssueCode, DecodeIssueSeverity } from './issue.js'
export { expectedOf, formatIssue, issuesFromErrors } from './errors.js'
export { decode, decodeWith, type DecodeOptions, type Decoded } from './decode.js'
export { fieldWarnings, unknownFields, type FieldWalkOptions } from './unknownFields.js'
export { formatPath, type PathSegment } from './path.js'
export { renderValue } from './render.js'
export { suggestName } from './suggest.js'
export { fieldsOf, tagOf, unwrap, type AnyDecoder } from './structure.js'

/** @public */ export type Capabilities = t.TypeOf<typeof sc.Capabilities>
/** @public */ export type SELinuxOptions = t.TypeOf<typeof sc.SELinuxOptions>
/** @public */ export type SeccompProfileType = t.TypeOf<typeof sc.SeccompProfileType>
/** @public */ export type SeccompProfile = t.TypeOf<typeof sc.SeccompProfile>
/** @public */ export type AppArmorProfileType = t.TypeOf<typeof sc.AppArmorProfileType>
/** @public */ export type AppArmorProfile = t.TypeOf<typeof sc.AppArmorProfile>
/** @public */ export type WindowsSecurityContextOptions = t.TypeOf<typeof sc.WindowsSecurityContextOptions>
/** @public */ export type CgroupOptions = t.TypeOf<typeof sc.CgroupOptions>
/** @public */ export type ProcMountType = t.TypeOf<typeof sc.ProcMountType>
/** @public */ export type SecurityContext = t.TypeOf<typeof sc.SecurityContext>
/** @public */ export type Sysctl = t.TypeOf<typeof psc.Sysctl>
/** @public */ export type PodFSGroupChangePolicy = t.TypeOf<typeof psc.PodFSGroupChangePolicy>
/** @public */ export type PodSELinuxChangePolicy = t.TypeOf<typeof psc.PodSELinuxChangePolicy>
/** @public */ export type SupplementalGroupsPolicy = t.TypeOf<typeof psc.SupplementalGroupsPolicy>
/** @public */ export type PodSecurityContext = t.TypeOf<typeof psc.PodSecurityContext>
/** @public */ export type IDRange = t.TypeOf<typeof psp.IDRange>
/** @public */ export type HostPortRange = t.TypeOf<typeof psp.HostPortRange>
/** @public */ export type AllowedHostPath = t.TypeOf<typeof psp.AllowedHostPath>
/** @public */ export type AllowedFlexVolume = t.TypeOf<typeof psp.AllowedFlexVolume>
/** @public */ export type AllowedCSIDriver = t.TypeOf<typeof psp.AllowedCSIDriver>
/** @public */ export type FSType = t.TypeOf<typeof psp.FSType>
/** @public */ export type RunAsUserStrategy = t.TypeOf<typeof psp.RunAsUserStrategy>
/** @public */ export type RunAsUserStrategyOptions = t.TypeOf<typeof psp.RunAsUserStrategyOptions>
/** @public */ export type RunAsGroupStrategy = t.TypeOf<typeof psp.RunAsGroupStrategy>
/** @public */ export type RunAsGroupStrategyOptions = t.TypeOf<typeof psp.RunAsGroupStrategyOptions>
/** @public */ export type SELinuxStrategy = t.TypeOf<typeof psp.SELinuxStrategy>
/** @public */ export type SELinuxStrategyOptions = t.TypeOf<typeof psp.SELinuxStrategyOptions>
/** @public */ export type SupplementalGroupsStrategyType = t.TypeOf<typeof psp.SupplementalGroupsStrategyType>
/** @public */ export type SupplementalGroupsStrategyOptions = t.TypeOf<typeof psp.SupplementalGroupsStrategyOptions>
/** @public */ export type FSGroupStrategyType = t.TypeOf<typeof psp.FSGroupStrategyType>
/** @public */ export type FSGroupStrategyOptions = t.TypeOf<typeof psp.FSGroupStrategyOptions>
/** @public */ export type RuntimeClassStrategyOptions = t.TypeOf<typeof psp.RuntimeClassStrategyOptions>
/** @public */ export type PodSecurityPolicySpec = t.TypeOf<typeof psp.PodSecurityPolicySpec>
/** @public */ export type PodSecurityPolicyApiVersion = t.TypeOf<typeof psp.PodSecurityPolicyApiVersion>
/** @public */ export type PodSecurityPolicy = t.TypeOf<typeof psp.PodSecurityPolicy>
/** @public */ export type OwnerReference = t.TypeOf<typeof meta.OwnerReference>
/** @public */ export type ObjectMeta = t.TypeOf<typeof meta.ObjectMeta>
/** @public */ export type Container = t.TypeOf<typeof pod.Container>
/** @public */ export type EphemeralContainer = t.TypeOf<typeof pod.EphemeralContainer>
/** @public */ export type OSName = t.TypeOf<typeof pod.OSName>
/** @public */ export type PodOS = t.TypeOf<typeof pod.PodOS>
/** @public */ export type PodSpec = t.TypeOf<typeof pod.PodSpec>
/** @public */ export type PodTemplateSpec = t.TypeOf<typeof pod.PodTemplateSpec>
/** @public */ export type Pod = t.TypeOf<typeof pod.Pod>
