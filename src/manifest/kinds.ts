/**
 * Which kinds carry a pod, and where its spec sits (SPEC §9).
 *
 * @packageDocumentation
 */

const TEMPLATE_SPEC = ['spec', 'template', 'spec'] as const

// A Map, not an object literal: a document's `kind` is user data and `constructor` or
// `__proto__` must not find anything.
const POD_SPEC_PATHS: ReadonlyMap<string, ReadonlyArray<string>> = new Map<string, ReadonlyArray<string>>([
  ['Pod', ['spec']],
  ['PodTemplate', ['template', 'spec']],
  ['ReplicationController', TEMPLATE_SPEC],
  ['ReplicaSet', TEMPLATE_SPEC],
  ['Deployment', TEMPLATE_SPEC],
  ['StatefulSet', TEMPLATE_SPEC],
  ['DaemonSet', TEMPLATE_SPEC],
  ['Job', TEMPLATE_SPEC],
  ['CronJob', ['spec', 'jobTemplate', 'spec', 'template', 'spec']],
])

/**
 * The field names leading from an object of this kind to its pod spec; `undefined` when the kind
 * carries no pod.
 *
 * @example
 * podSpecPathOf('Deployment') // ['spec', 'template', 'spec']
 * podSpecPathOf('Service') // undefined
 */
export const podSpecPathOf = (kind: string): ReadonlyArray<string> | undefined => POD_SPEC_PATHS.get(kind)

/**
 * Is this kind a list whose `items` are objects (`List`, `PodList`, `DeploymentList`, …)?
 *
 * @example
 * isListKind('List') // true
 * isListKind('PodList') // true
 * isListKind('Pod') // false
 */
export const isListKind = (kind: string): boolean => kind.endsWith('List')

/**
 * The kind of the items of a typed list, which the API server leaves out of each item
 * (`PodList` items are `Pod`s); `null` for the untyped `List`.
 *
 * @example
 * itemKindOf('PodList') // 'Pod'
 * itemKindOf('List') // null
 */
export const itemKindOf = (listKind: string): string | null => (listKind === 'List' ? null : listKind.slice(0, -'List'.length))

/**
 * Is this the PodSecurityPolicy kind (policy/v1beta1, or extensions/v1beta1 before it)?
 *
 * @example
 * isPolicyKind('PodSecurityPolicy') // true
 */
export const isPolicyKind = (kind: string): boolean => kind === 'PodSecurityPolicy'
