/**
 * The `ValidatingAdmissionPolicy` and its two bindings: one for pods with the user's actions, one
 * for workload templates with `Warn` in place of `Deny` (Pod Security Admission's treatment: a
 * workload is never rejected for its template, its pods are).
 *
 * @packageDocumentation
 */
import type {
  FailurePolicyType,
  MatchResources,
  ValidatingAdmissionPolicy,
  ValidatingAdmissionPolicyBinding,
  ValidationAction,
  Variable,
} from '../codecs/admissionRegistration.js'
import { allContainers, isWindowsSpec, podSpecOf } from './cel.js'
import { POD_RULES, WORKLOAD_RULES } from './resources.js'
import { violates, type InClusterRule } from './rules.js'

const API_VERSION = 'admissionregistration.k8s.io/v1'

/** What the validating objects are built from. */
export interface ValidatingInput {
  readonly name: string
  readonly rules: ReadonlyArray<InClusterRule>
  readonly actions: ReadonlyArray<ValidationAction>
  readonly selectors: Pick<MatchResources, 'namespaceSelector' | 'objectSelector'>
  readonly failurePolicy: FailurePolicyType
  readonly labels: Readonly<Record<string, string>>
}

/**
 * The policy's variables, in dependency order: the pod spec by kind, its containers (init,
 * regular, ephemeral), whether it is a Windows pod, and — only when a rule reads it — the old
 * object's containers.
 */
export function policyVariables(readsOldObject: boolean): ReadonlyArray<Variable> {
  const variables: Variable[] = [
    { name: 'spec', expression: podSpecOf('object') },
    { name: 'containers', expression: allContainers('variables.spec') },
    { name: 'windows', expression: isWindowsSpec('variables.spec') },
  ]
  if (readsOldObject) {
    variables.push(
      { name: 'oldSpec', expression: `oldObject == null ? null : (${podSpecOf('oldObject')})` },
      { name: 'oldContainers', expression: `variables.oldSpec == null ? [] : ${allContainers('variables.oldSpec')}` },
    )
  }
  return variables
}

/** `Deny` becomes `Warn` for workload templates; `Warn` and `Audit` stay. */
export function workloadActions(actions: ReadonlyArray<ValidationAction>): ReadonlyArray<ValidationAction> {
  const out: ValidationAction[] = []
  for (const a of actions) {
    const mapped = a === 'Deny' ? 'Warn' : a
    if (!out.includes(mapped)) out.push(mapped)
  }
  return out
}

/**
 * The policy and its bindings (pods first).
 *
 * @example
 * ```ts
 * const [policy, pods, workloads] = validatingObjects({ name: 'no-new-privs', rules: [], actions: ['Deny'], selectors: {}, failurePolicy: 'Fail', labels: {} })
 * workloads.spec?.validationActions // ['Warn']
 * ```
 */
export function validatingObjects(
  input: ValidatingInput,
): readonly [ValidatingAdmissionPolicy, ValidatingAdmissionPolicyBinding, ValidatingAdmissionPolicyBinding] {
  const readsOldObject = input.rules.some((r) => r.readsOldObject)
  const policy: ValidatingAdmissionPolicy = {
    apiVersion: API_VERSION,
    kind: 'ValidatingAdmissionPolicy',
    metadata: { name: input.name, labels: input.labels },
    spec: {
      failurePolicy: input.failurePolicy,
      matchConstraints: { resourceRules: [...POD_RULES, ...WORKLOAD_RULES] },
      variables: policyVariables(readsOldObject),
      validations: input.rules.map((rule) => ({
        expression: `!(${violates(rule)})`,
        messageExpression: rule.messageExpression,
        message: rule.fallbackMessage,
        reason: rule.reason,
      })),
    },
  }
  const binding = (suffix: string, resourceRules: MatchResources['resourceRules'], actions: ReadonlyArray<ValidationAction>): ValidatingAdmissionPolicyBinding => ({
    apiVersion: API_VERSION,
    kind: 'ValidatingAdmissionPolicyBinding',
    metadata: { name: `${input.name}-${suffix}`, labels: input.labels },
    spec: {
      policyName: input.name,
      validationActions: actions,
      matchResources: { ...input.selectors, resourceRules },
    },
  })
  return [policy, binding('pods', POD_RULES, input.actions), binding('workloads', WORKLOAD_RULES, workloadActions(input.actions))]
}
