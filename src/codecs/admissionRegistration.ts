/**
 * The admissionregistration.k8s.io/v1 types `no-new-privs admission-policy` emits:
 * `ValidatingAdmissionPolicy` and its binding (GA in v1.30), `MutatingAdmissionPolicy` and its
 * binding (GA in v1.36). Field names and requiredness follow `k8s.io/api/admissionregistration/v1`
 * (`types.go`); `status` is not modelled (the API server writes it) and, like every codec here,
 * unknown keys are kept and reported by `decode` as warnings, never dropped.
 *
 * @packageDocumentation
 */
import * as t from 'io-ts'
import { ObjectMeta } from './objectMeta.js'
import { mixedFields, optionalFields, requiredFields } from './object.js'
import { enumOf, nullable, stringList, stringMap } from './primitives.js'

/**
 * The API version every type of this module is served under.
 *
 * @example
 * ```ts
 * import { AdmissionRegistrationApiVersion } from 'no-new-privs/codecs'
 * AdmissionRegistrationApiVersion.is('admissionregistration.k8s.io/v1') // true
 * ```
 * @public
 */
export const AdmissionRegistrationApiVersion = enumOf('AdmissionRegistrationApiVersion', ['admissionregistration.k8s.io/v1'])

/**
 * `LabelSelectorRequirement.operator` values.
 *
 * @example
 * ```ts
 * import { LabelSelectorOperator } from 'no-new-privs/codecs'
 * LabelSelectorOperator.is('NotIn') // true
 * ```
 * @public
 */
export const LabelSelectorOperator = enumOf('LabelSelectorOperator', ['In', 'NotIn', 'Exists', 'DoesNotExist'])

/**
 * One requirement of a label selector (meta/v1).
 *
 * @example
 * ```ts
 * import { LabelSelectorRequirement } from 'no-new-privs/codecs'
 * LabelSelectorRequirement.is({ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system'] }) // true
 * ```
 * @public
 */
export const LabelSelectorRequirement = mixedFields(
  'LabelSelectorRequirement',
  { key: t.string, operator: LabelSelectorOperator },
  { values: nullable(stringList) },
)

/**
 * A label selector (meta/v1): the `namespaceSelector` and `objectSelector` of a binding. Empty
 * matches everything.
 *
 * @example
 * ```ts
 * import { LabelSelector } from 'no-new-privs/codecs'
 * LabelSelector.is({ matchLabels: { 'no-new-privs.io/enforce': 'true' } }) // true
 * ```
 * @public
 */
export const LabelSelector = optionalFields('LabelSelector', {
  matchLabels: nullable(stringMap),
  matchExpressions: nullable(t.readonlyArray(LabelSelectorRequirement, '[]LabelSelectorRequirement')),
})

/**
 * Admission operations a rule can name (`*` is all of them).
 *
 * @example
 * ```ts
 * import { OperationType } from 'no-new-privs/codecs'
 * OperationType.is('UPDATE') // true
 * ```
 * @public
 */
export const OperationType = enumOf('OperationType', ['*', 'CREATE', 'UPDATE', 'DELETE', 'CONNECT'])

/**
 * `scope` of a rule.
 *
 * @example
 * ```ts
 * import { ScopeType } from 'no-new-privs/codecs'
 * ScopeType.is('Namespaced') // true
 * ```
 * @public
 */
export const ScopeType = enumOf('ScopeType', ['Cluster', 'Namespaced', '*'])

/**
 * Operations on resources (and subresources, `pods/ephemeralcontainers`) a policy matches.
 *
 * @example
 * ```ts
 * import { NamedRuleWithOperations } from 'no-new-privs/codecs'
 * NamedRuleWithOperations.is({ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }) // true
 * ```
 * @public
 */
export const NamedRuleWithOperations = mixedFields(
  'NamedRuleWithOperations',
  {
    apiGroups: stringList,
    apiVersions: stringList,
    operations: t.readonlyArray(OperationType, '[]OperationType'),
    resources: stringList,
  },
  { resourceNames: nullable(stringList), scope: nullable(ScopeType) },
)

/**
 * `matchPolicy`: does a rule also match the same resource served under another group/version?
 *
 * @example
 * ```ts
 * import { MatchPolicyType } from 'no-new-privs/codecs'
 * MatchPolicyType.is('Equivalent') // true
 * ```
 * @public
 */
export const MatchPolicyType = enumOf('MatchPolicyType', ['Exact', 'Equivalent'])

/**
 * What a policy (`matchConstraints`) or a binding (`matchResources`) applies to.
 *
 * @example
 * ```ts
 * import { MatchResources } from 'no-new-privs/codecs'
 * MatchResources.is({ namespaceSelector: { matchLabels: { team: 'a' } } }) // true
 * ```
 * @public
 */
export const MatchResources = optionalFields('MatchResources', {
  namespaceSelector: nullable(LabelSelector),
  objectSelector: nullable(LabelSelector),
  resourceRules: nullable(t.readonlyArray(NamedRuleWithOperations, '[]NamedRuleWithOperations')),
  excludeResourceRules: nullable(t.readonlyArray(NamedRuleWithOperations, '[]NamedRuleWithOperations')),
  matchPolicy: nullable(MatchPolicyType),
})

/**
 * The kind of a policy's parameter objects.
 *
 * @example
 * ```ts
 * import { ParamKind } from 'no-new-privs/codecs'
 * ParamKind.is({ apiVersion: 'v1', kind: 'ConfigMap' }) // true
 * ```
 * @public
 */
export const ParamKind = optionalFields('ParamKind', { apiVersion: nullable(t.string), kind: nullable(t.string) })

/**
 * `failurePolicy`: what an expression error (or a misconfigured policy) does to the request.
 *
 * @example
 * ```ts
 * import { FailurePolicyType } from 'no-new-privs/codecs'
 * FailurePolicyType.is('Fail') // true
 * ```
 * @public
 */
export const FailurePolicyType = enumOf('FailurePolicyType', ['Ignore', 'Fail'])

/**
 * A CEL condition a request must meet before the policy is evaluated at all.
 *
 * @example
 * ```ts
 * import { MatchCondition } from 'no-new-privs/codecs'
 * MatchCondition.is({ name: 'not-exempt', expression: 'true' }) // true
 * ```
 * @public
 */
export const MatchCondition = requiredFields('MatchCondition', { name: t.string, expression: t.string })

/**
 * A named CEL expression, available to the policy's other expressions as `variables.NAME`.
 *
 * @example
 * ```ts
 * import { Variable } from 'no-new-privs/codecs'
 * Variable.is({ name: 'spec', expression: 'object.spec' }) // true
 * ```
 * @public
 */
export const Variable = requiredFields('Variable', { name: t.string, expression: t.string })

/**
 * One validation of a `ValidatingAdmissionPolicy`: the request fails it when `expression` is
 * `false`.
 *
 * @example
 * ```ts
 * import { Validation } from 'no-new-privs/codecs'
 * Validation.is({ expression: 'true', messageExpression: "'never'", reason: 'Forbidden' }) // true
 * ```
 * @public
 */
export const Validation = mixedFields(
  'Validation',
  { expression: t.string },
  { message: nullable(t.string), reason: nullable(t.string), messageExpression: nullable(t.string) },
)

/**
 * An audit annotation a `ValidatingAdmissionPolicy` adds to the audit event.
 *
 * @example
 * ```ts
 * import { AuditAnnotation } from 'no-new-privs/codecs'
 * AuditAnnotation.is({ key: 'violations', valueExpression: "'none'" }) // true
 * ```
 * @public
 */
export const AuditAnnotation = requiredFields('AuditAnnotation', { key: t.string, valueExpression: t.string })

/**
 * The spec of a `ValidatingAdmissionPolicy`.
 *
 * @example
 * ```ts
 * import { ValidatingAdmissionPolicySpec } from 'no-new-privs/codecs'
 * ValidatingAdmissionPolicySpec.is({ failurePolicy: 'Fail', validations: [{ expression: 'true' }] }) // true
 * ```
 * @public
 */
export const ValidatingAdmissionPolicySpec = optionalFields('ValidatingAdmissionPolicySpec', {
  paramKind: nullable(ParamKind),
  matchConstraints: nullable(MatchResources),
  validations: nullable(t.readonlyArray(Validation, '[]Validation')),
  failurePolicy: nullable(FailurePolicyType),
  auditAnnotations: nullable(t.readonlyArray(AuditAnnotation, '[]AuditAnnotation')),
  matchConditions: nullable(t.readonlyArray(MatchCondition, '[]MatchCondition')),
  variables: nullable(t.readonlyArray(Variable, '[]Variable')),
})

/**
 * A whole `ValidatingAdmissionPolicy` document.
 *
 * @example
 * ```ts
 * import { ValidatingAdmissionPolicy } from 'no-new-privs/codecs'
 * ValidatingAdmissionPolicy.is({
 *   apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicy',
 *   metadata: { name: 'p' }, spec: { validations: [{ expression: 'true' }] },
 * }) // true
 * ```
 * @public
 */
export const ValidatingAdmissionPolicy = optionalFields('ValidatingAdmissionPolicy', {
  apiVersion: nullable(AdmissionRegistrationApiVersion),
  kind: nullable(enumOf('ValidatingAdmissionPolicyKind', ['ValidatingAdmissionPolicy'])),
  metadata: nullable(ObjectMeta),
  spec: nullable(ValidatingAdmissionPolicySpec),
})

/**
 * `parameterNotFoundAction` of a `paramRef`.
 *
 * @example
 * ```ts
 * import { ParameterNotFoundActionType } from 'no-new-privs/codecs'
 * ParameterNotFoundActionType.is('Deny') // true
 * ```
 * @public
 */
export const ParameterNotFoundActionType = enumOf('ParameterNotFoundActionType', ['Allow', 'Deny'])

/**
 * Where a binding finds its policy's parameter objects.
 *
 * @example
 * ```ts
 * import { ParamRef } from 'no-new-privs/codecs'
 * ParamRef.is({ name: 'settings', parameterNotFoundAction: 'Deny' }) // true
 * ```
 * @public
 */
export const ParamRef = optionalFields('ParamRef', {
  name: nullable(t.string),
  namespace: nullable(t.string),
  selector: nullable(LabelSelector),
  parameterNotFoundAction: nullable(ParameterNotFoundActionType),
})

/**
 * What a failed validation does for a binding: reject, warn the client, or record in the audit log.
 *
 * @example
 * ```ts
 * import { ValidationAction } from 'no-new-privs/codecs'
 * ValidationAction.is('Warn') // true
 * ```
 * @public
 */
export const ValidationAction = enumOf('ValidationAction', ['Deny', 'Warn', 'Audit'])

/**
 * The spec of a `ValidatingAdmissionPolicyBinding`.
 *
 * @example
 * ```ts
 * import { ValidatingAdmissionPolicyBindingSpec } from 'no-new-privs/codecs'
 * ValidatingAdmissionPolicyBindingSpec.is({ policyName: 'p', validationActions: ['Deny'] }) // true
 * ```
 * @public
 */
export const ValidatingAdmissionPolicyBindingSpec = mixedFields(
  'ValidatingAdmissionPolicyBindingSpec',
  { policyName: t.string, validationActions: t.readonlyArray(ValidationAction, '[]ValidationAction') },
  { paramRef: nullable(ParamRef), matchResources: nullable(MatchResources) },
)

/**
 * A whole `ValidatingAdmissionPolicyBinding` document.
 *
 * @example
 * ```ts
 * import { ValidatingAdmissionPolicyBinding } from 'no-new-privs/codecs'
 * ValidatingAdmissionPolicyBinding.is({
 *   apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicyBinding',
 *   metadata: { name: 'p' }, spec: { policyName: 'p', validationActions: ['Warn', 'Audit'] },
 * }) // true
 * ```
 * @public
 */
export const ValidatingAdmissionPolicyBinding = optionalFields('ValidatingAdmissionPolicyBinding', {
  apiVersion: nullable(AdmissionRegistrationApiVersion),
  kind: nullable(enumOf('ValidatingAdmissionPolicyBindingKind', ['ValidatingAdmissionPolicyBinding'])),
  metadata: nullable(ObjectMeta),
  spec: nullable(ValidatingAdmissionPolicyBindingSpec),
})

/**
 * `patchType` of a mutation.
 *
 * @example
 * ```ts
 * import { PatchType } from 'no-new-privs/codecs'
 * PatchType.is('ApplyConfiguration') // true
 * ```
 * @public
 */
export const PatchType = enumOf('PatchType', ['ApplyConfiguration', 'JSONPatch'])

/**
 * A CEL expression that builds an apply configuration (merged into the object by structured
 * merge diff).
 *
 * @example
 * ```ts
 * import { ApplyConfiguration } from 'no-new-privs/codecs'
 * ApplyConfiguration.is({ expression: 'Object{}' }) // true
 * ```
 * @public
 */
export const ApplyConfiguration = optionalFields('ApplyConfiguration', { expression: nullable(t.string) })

/**
 * A CEL expression that builds a list of JSON Patch operations.
 *
 * @example
 * ```ts
 * import { JSONPatch } from 'no-new-privs/codecs'
 * JSONPatch.is({ expression: '[]' }) // true
 * ```
 * @public
 */
export const JSONPatch = optionalFields('JSONPatch', { expression: nullable(t.string) })

/**
 * One mutation of a `MutatingAdmissionPolicy`.
 *
 * @example
 * ```ts
 * import { Mutation } from 'no-new-privs/codecs'
 * Mutation.is({ patchType: 'ApplyConfiguration', applyConfiguration: { expression: 'Object{}' } }) // true
 * ```
 * @public
 */
export const Mutation = mixedFields(
  'Mutation',
  { patchType: PatchType },
  { applyConfiguration: nullable(ApplyConfiguration), jsonPatch: nullable(JSONPatch) },
)

/**
 * `reinvocationPolicy`: may the policy's mutations run again when later ones change the object?
 *
 * @example
 * ```ts
 * import { ReinvocationPolicyType } from 'no-new-privs/codecs'
 * ReinvocationPolicyType.is('IfNeeded') // true
 * ```
 * @public
 */
export const ReinvocationPolicyType = enumOf('ReinvocationPolicyType', ['Never', 'IfNeeded'])

/**
 * The spec of a `MutatingAdmissionPolicy`.
 *
 * @example
 * ```ts
 * import { MutatingAdmissionPolicySpec } from 'no-new-privs/codecs'
 * MutatingAdmissionPolicySpec.is({ reinvocationPolicy: 'IfNeeded', mutations: [{ patchType: 'JSONPatch', jsonPatch: { expression: '[]' } }] }) // true
 * ```
 * @public
 */
export const MutatingAdmissionPolicySpec = optionalFields('MutatingAdmissionPolicySpec', {
  paramKind: nullable(ParamKind),
  matchConstraints: nullable(MatchResources),
  variables: nullable(t.readonlyArray(Variable, '[]Variable')),
  mutations: nullable(t.readonlyArray(Mutation, '[]Mutation')),
  failurePolicy: nullable(FailurePolicyType),
  matchConditions: nullable(t.readonlyArray(MatchCondition, '[]MatchCondition')),
  reinvocationPolicy: nullable(ReinvocationPolicyType),
})

/**
 * A whole `MutatingAdmissionPolicy` document.
 *
 * @example
 * ```ts
 * import { MutatingAdmissionPolicy } from 'no-new-privs/codecs'
 * MutatingAdmissionPolicy.is({ apiVersion: 'admissionregistration.k8s.io/v1', kind: 'MutatingAdmissionPolicy', metadata: { name: 'm' } }) // true
 * ```
 * @public
 */
export const MutatingAdmissionPolicy = optionalFields('MutatingAdmissionPolicy', {
  apiVersion: nullable(AdmissionRegistrationApiVersion),
  kind: nullable(enumOf('MutatingAdmissionPolicyKind', ['MutatingAdmissionPolicy'])),
  metadata: nullable(ObjectMeta),
  spec: nullable(MutatingAdmissionPolicySpec),
})

/**
 * The spec of a `MutatingAdmissionPolicyBinding`.
 *
 * @example
 * ```ts
 * import { MutatingAdmissionPolicyBindingSpec } from 'no-new-privs/codecs'
 * MutatingAdmissionPolicyBindingSpec.is({ policyName: 'm' }) // true
 * ```
 * @public
 */
export const MutatingAdmissionPolicyBindingSpec = mixedFields(
  'MutatingAdmissionPolicyBindingSpec',
  { policyName: t.string },
  { paramRef: nullable(ParamRef), matchResources: nullable(MatchResources) },
)

/**
 * A whole `MutatingAdmissionPolicyBinding` document.
 *
 * @example
 * ```ts
 * import { MutatingAdmissionPolicyBinding } from 'no-new-privs/codecs'
 * MutatingAdmissionPolicyBinding.is({
 *   apiVersion: 'admissionregistration.k8s.io/v1', kind: 'MutatingAdmissionPolicyBinding',
 *   metadata: { name: 'm' }, spec: { policyName: 'm' },
 * }) // true
 * ```
 * @public
 */
export const MutatingAdmissionPolicyBinding = optionalFields('MutatingAdmissionPolicyBinding', {
  apiVersion: nullable(AdmissionRegistrationApiVersion),
  kind: nullable(enumOf('MutatingAdmissionPolicyBindingKind', ['MutatingAdmissionPolicyBinding'])),
  metadata: nullable(ObjectMeta),
  spec: nullable(MutatingAdmissionPolicyBindingSpec),
})

// The decoded types, each named as its codec (io-ts style), so one import brings both.
/** The decoded `AdmissionRegistrationApiVersion`. @public */
export type AdmissionRegistrationApiVersion = t.TypeOf<typeof AdmissionRegistrationApiVersion>
/** The decoded `LabelSelectorOperator`. @public */
export type LabelSelectorOperator = t.TypeOf<typeof LabelSelectorOperator>
/** The decoded `LabelSelectorRequirement`. @public */
export type LabelSelectorRequirement = t.TypeOf<typeof LabelSelectorRequirement>
/** The decoded `LabelSelector`. @public */
export type LabelSelector = t.TypeOf<typeof LabelSelector>
/** The decoded `OperationType`. @public */
export type OperationType = t.TypeOf<typeof OperationType>
/** The decoded `ScopeType`. @public */
export type ScopeType = t.TypeOf<typeof ScopeType>
/** The decoded `NamedRuleWithOperations`. @public */
export type NamedRuleWithOperations = t.TypeOf<typeof NamedRuleWithOperations>
/** The decoded `MatchPolicyType`. @public */
export type MatchPolicyType = t.TypeOf<typeof MatchPolicyType>
/** The decoded `MatchResources`. @public */
export type MatchResources = t.TypeOf<typeof MatchResources>
/** The decoded `ParamKind`. @public */
export type ParamKind = t.TypeOf<typeof ParamKind>
/** The decoded `FailurePolicyType`. @public */
export type FailurePolicyType = t.TypeOf<typeof FailurePolicyType>
/** The decoded `MatchCondition`. @public */
export type MatchCondition = t.TypeOf<typeof MatchCondition>
/** The decoded `Variable`. @public */
export type Variable = t.TypeOf<typeof Variable>
/** The decoded `Validation`. @public */
export type Validation = t.TypeOf<typeof Validation>
/** The decoded `AuditAnnotation`. @public */
export type AuditAnnotation = t.TypeOf<typeof AuditAnnotation>
/** The decoded `ValidatingAdmissionPolicySpec`. @public */
export type ValidatingAdmissionPolicySpec = t.TypeOf<typeof ValidatingAdmissionPolicySpec>
/** The decoded `ValidatingAdmissionPolicy`. @public */
export type ValidatingAdmissionPolicy = t.TypeOf<typeof ValidatingAdmissionPolicy>
/** The decoded `ParameterNotFoundActionType`. @public */
export type ParameterNotFoundActionType = t.TypeOf<typeof ParameterNotFoundActionType>
/** The decoded `ParamRef`. @public */
export type ParamRef = t.TypeOf<typeof ParamRef>
/** The decoded `ValidationAction`. @public */
export type ValidationAction = t.TypeOf<typeof ValidationAction>
/** The decoded `ValidatingAdmissionPolicyBindingSpec`. @public */
export type ValidatingAdmissionPolicyBindingSpec = t.TypeOf<typeof ValidatingAdmissionPolicyBindingSpec>
/** The decoded `ValidatingAdmissionPolicyBinding`. @public */
export type ValidatingAdmissionPolicyBinding = t.TypeOf<typeof ValidatingAdmissionPolicyBinding>
/** The decoded `PatchType`. @public */
export type PatchType = t.TypeOf<typeof PatchType>
/** The decoded `ApplyConfiguration`. @public */
export type ApplyConfiguration = t.TypeOf<typeof ApplyConfiguration>
/** The decoded `JSONPatch`. @public */
export type JSONPatch = t.TypeOf<typeof JSONPatch>
/** The decoded `Mutation`. @public */
export type Mutation = t.TypeOf<typeof Mutation>
/** The decoded `ReinvocationPolicyType`. @public */
export type ReinvocationPolicyType = t.TypeOf<typeof ReinvocationPolicyType>
/** The decoded `MutatingAdmissionPolicySpec`. @public */
export type MutatingAdmissionPolicySpec = t.TypeOf<typeof MutatingAdmissionPolicySpec>
/** The decoded `MutatingAdmissionPolicy`. @public */
export type MutatingAdmissionPolicy = t.TypeOf<typeof MutatingAdmissionPolicy>
/** The decoded `MutatingAdmissionPolicyBindingSpec`. @public */
export type MutatingAdmissionPolicyBindingSpec = t.TypeOf<typeof MutatingAdmissionPolicyBindingSpec>
/** The decoded `MutatingAdmissionPolicyBinding`. @public */
export type MutatingAdmissionPolicyBinding = t.TypeOf<typeof MutatingAdmissionPolicyBinding>
