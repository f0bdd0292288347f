/**
 * Which kinds carry a pod, and where its spec sits (README: "Manifests"), plus the custom resources that
 * carry one (Argo Rollouts, OpenShift, Knative) and the ones users declare.
 *
 * @packageDocumentation
 */

import * as E from 'fp-ts/lib/Either.js'
import { describeValue, isRecord } from '../callerInput.js'

const TEMPLATE_SPEC = ['spec', 'template', 'spec'] as const

/**
 * A kind whose objects hold a pod spec, declared by the user: `{ kind: 'Workflow', group:
 * 'example.com', podSpecPath: 'spec.template.spec' }`. Without `group` it matches the kind in
 * every API group.
 *
 * @example
 * ```ts
 * import { checkManifests, type PodSpecKind } from 'no-new-privs'
 * const kinds: ReadonlyArray<PodSpecKind> = [{ kind: 'Scaler', group: 'example.com', podSpecPath: 'spec.workload.spec' }]
 * checkManifests('apiVersion: example.com/v1\nkind: Scaler\nspec: {workload: {spec: {containers: [{name: a, image: x}]}}}', { podSpecKinds: kinds }).results.length // 1
 * ```
 */
export interface PodSpecKind {
  readonly kind: string
  /** The API group (`argoproj.io`); absent or `undefined`: any group. */
  readonly group?: string | undefined
  /** Dotted field names from the object to its pod spec: `spec.template.spec`. */
  readonly podSpecPath: string
}

/**
 * Where one kind keeps its pod spec.
 *
 * @example
 * ```ts
 * const rollout: KindEntry | undefined = kindEntryOf('Rollout', 'argoproj.io')
 * rollout?.referenceField // 'workloadRef'
 * ```
 */
export interface KindEntry {
  readonly steps: ReadonlyArray<string>
  /**
   * A field under `spec` that replaces the template (an Argo Rollout's `workloadRef` points at a
   * Deployment checked on its own): when it is there and the template is not, the object is skipped.
   */
  readonly referenceField?: string
  /**
   * The kind's controller names an unnamed container itself (Knative's defaulting webhook, from
   * a configurable template, `user-container` by default): a missing `name` is not an error, and
   * the report names the container by its place in the pod spec (`containers[0]`).
   */
  readonly namesContainers?: boolean
}

/**
 * Kinds by `Kind` (any group) and by `Kind.group`; build one with {@link kindTableOf}. `problems`
 * lists the declarations `kindTableOf` was given that it could not use (absent when there were none).
 *
 * @example
 * ```ts
 * const table: KindTable = kindTableOf([{ kind: 'Scaler', podSpecPath: 'spec.workload.spec' }])
 * walkPods(object, { kinds: table })
 * ```
 */
export type KindTable = ReadonlyMap<string, KindEntry> & { readonly problems?: ReadonlyArray<string> }

// A Map, not an object literal: a document's `kind` is user data and `constructor` or
// `__proto__` must not find anything. Core kinds are keyed by kind alone (as before: manifests
// in the wild carry `extensions/v1beta1` and other old groups); custom resources by kind and group,
// because their kinds collide with core ones — Knative's `Service` carries a pod, core v1's has none.
const BUILT_IN: KindTable = new Map<string, KindEntry>([
  ['Pod', { steps: ['spec'] }],
  ['PodTemplate', { steps: ['template', 'spec'] }],
  ['ReplicationController', { steps: TEMPLATE_SPEC }],
  ['ReplicaSet', { steps: TEMPLATE_SPEC }],
  ['Deployment', { steps: TEMPLATE_SPEC }],
  ['StatefulSet', { steps: TEMPLATE_SPEC }],
  ['DaemonSet', { steps: TEMPLATE_SPEC }],
  ['Job', { steps: TEMPLATE_SPEC }],
  ['CronJob', { steps: ['spec', 'jobTemplate', 'spec', 'template', 'spec'] }],
  ['Rollout.argoproj.io', { steps: TEMPLATE_SPEC, referenceField: 'workloadRef' }],
  // Kind alone: OpenShift 3 served DeploymentConfig at the ungrouped `v1` (checkov's examples
  // still use it), OpenShift 4 at apps.openshift.io/v1; no other API has a kind of this name.
  ['DeploymentConfig', { steps: TEMPLATE_SPEC }],
  ['Service.serving.knative.dev', { steps: TEMPLATE_SPEC, namesContainers: true }],
  ['Configuration.serving.knative.dev', { steps: TEMPLATE_SPEC, namesContainers: true }],
])

/**
 * The problem of one pod-spec kind declaration, or `undefined`: the one rule and wording of the
 * kind table and of `checkManifests`'s `podSpecKinds` check (src/report/checkOptions.ts).
 */
export function declarationProblem(u: unknown, at: string): string | undefined {
  if (!isRecord(u)) return `${at}: expected { kind, group?, podSpecPath }, got ${describeValue(u)}`
  if (typeof u['kind'] !== 'string') return `${at}.kind: expected a string, got ${describeValue(u['kind'])}`
  if (typeof u['podSpecPath'] !== 'string') return `${at}.podSpecPath: expected a string, got ${describeValue(u['podSpecPath'])}`
  const group = u['group']
  if (group !== undefined && typeof group !== 'string') return `${at}.group: expected a string, got ${describeValue(group)}`
  return undefined
}

/**
 * The built-in kinds with the user's declarations on top (a declaration wins over a built-in of
 * the same kind and group).
 *
 * Total for a plain-JavaScript caller: `undefined`, `null` and `[]` give the built-in table; a
 * declaration of the wrong shape is left out and named in the table's `problems`
 * (`kindTableOf declared[1].podSpecPath: expected a string, got a number (5)`), as is a `declared`
 * that is no array (the table then holds the built-in kinds). Nothing throws.
 *
 * @example
 * ```ts
 * const table = kindTableOf([{ kind: 'Scaler', podSpecPath: 'spec.workload.spec' }])
 * podSpecPathOf('Scaler', 'example.com/v1', table) // ['spec', 'workload', 'spec']
 * kindTableOf([{ kind: 'Scaler' }]).problems // ['kindTableOf declared[0].podSpecPath: expected a string, got undefined']
 * ```
 */
export const kindTableOf = (declared: ReadonlyArray<PodSpecKind> | undefined): KindTable => {
  if (declared === undefined || declared === null || (Array.isArray(declared) && declared.length === 0)) return BUILT_IN
  if (!Array.isArray(declared)) {
    return Object.assign(new Map(BUILT_IN), {
      problems: [`kindTableOf declared: expected an array of { kind, group?, podSpecPath }, got ${describeValue(declared)}`],
    })
  }
  const table = new Map(BUILT_IN)
  const problems: string[] = []
  for (let i = 0; i < declared.length; i++) {
    const d: unknown = declared[i]
    const problem = declarationProblem(d, `kindTableOf declared[${i}]`)
    if (problem !== undefined) {
      problems.push(problem)
      continue
    }
    const { kind, group, podSpecPath } = d as PodSpecKind
    table.set(group === undefined ? kind : `${kind}.${group}`, { steps: podSpecPath.split('.') })
  }
  return problems.length === 0 ? table : Object.assign(table, { problems })
}

/**
 * The API group of an `apiVersion`: `apps/v1` → `apps`, `v1` → `''` (core); `''` when it is not a string.
 *
 * @example
 * ```ts
 * groupOf('argoproj.io/v1alpha1') // 'argoproj.io'
 * groupOf('v1') // ''
 * ```
 */
export const groupOf = (apiVersion: unknown): string => {
  if (typeof apiVersion !== 'string') return ''
  const slash = apiVersion.indexOf('/')
  return slash < 0 ? '' : apiVersion.slice(0, slash)
}

/**
 * Where an object of this kind and API group keeps its pod spec; `undefined` when it carries no
 * pod. `Kind.group` is looked up first, then the kind in any group.
 *
 * Total for a plain-JavaScript caller: a `kind` or `group` that is no string names no kind, and a
 * `table` that is no Map holds none, so the answer is `undefined`; `table` `undefined` or `null`
 * is the built-in table. Nothing throws.
 *
 * @example
 * ```ts
 * kindEntryOf('Service', 'serving.knative.dev')?.steps // ['spec', 'template', 'spec']
 * kindEntryOf('Service', '') // undefined
 * ```
 */
export const kindEntryOf = (kind: string, group: string, table: KindTable = BUILT_IN): KindEntry | undefined => {
  if (typeof kind !== 'string' || typeof group !== 'string') return undefined
  const kinds: unknown = table ?? BUILT_IN
  if (!(kinds instanceof Map)) return undefined
  return (group === '' ? undefined : (kinds as KindTable).get(`${kind}.${group}`)) ?? (kinds as KindTable).get(kind)
}

/**
 * The field names leading from an object of this kind to its pod spec; `undefined` when the kind
 * carries no pod.
 *
 * @example
 * podSpecPathOf('Deployment') // ['spec', 'template', 'spec']
 * podSpecPathOf('Service') // undefined
 * podSpecPathOf('Rollout', 'argoproj.io/v1alpha1') // ['spec', 'template', 'spec']
 */
export const podSpecPathOf = (kind: string, apiVersion?: unknown, table: KindTable = BUILT_IN): ReadonlyArray<string> | undefined =>
  kindEntryOf(kind, groupOf(apiVersion), table)?.steps

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

const KIND = /^[A-Za-z][A-Za-z0-9]*$/
// A DNS subdomain, as CRD groups are.
const GROUP = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const FIELD = /^[A-Za-z_$][A-Za-z0-9_$-]*$/

/**
 * Reads a `--pod-spec` value, `KIND[.GROUP]=PATH` (`Workflow.example.com=spec.template.spec`);
 * a one-line message when it is malformed.
 *
 * @example
 * ```ts
 * parsePodSpecKind('Scaler.example.com=spec.workload.spec')
 * // { _tag: 'Right', right: { kind: 'Scaler', group: 'example.com', podSpecPath: 'spec.workload.spec' } }
 * ```
 */
export const parsePodSpecKind = (text: string): E.Either<string, PodSpecKind> => {
  const bad = (why: string): E.Either<string, PodSpecKind> =>
    E.left(`--pod-spec must be KIND[.GROUP]=PATH such as Rollout.argoproj.io=spec.template.spec; ${why}`)
  if (typeof text !== 'string') return bad(`got ${describeValue(text)}, not text`)
  const eq = text.indexOf('=')
  if (eq < 0) return bad(`${JSON.stringify(text)} has no =`)
  const name = text.slice(0, eq)
  const path = text.slice(eq + 1)
  const dot = name.indexOf('.')
  const kind = dot < 0 ? name : name.slice(0, dot)
  const group = dot < 0 ? undefined : name.slice(dot + 1)
  if (!KIND.test(kind)) return bad(`${JSON.stringify(kind)} is not a kind`)
  if (group !== undefined && !GROUP.test(group)) return bad(`${JSON.stringify(group)} is not an API group`)
  if (!path.split('.').every((f) => FIELD.test(f))) return bad(`${JSON.stringify(path)} is not a dotted field path`)
  return E.right({ kind, ...(group === undefined ? {} : { group }), podSpecPath: path })
}
