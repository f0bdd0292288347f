/**
 * An evaluator for the generated admission objects, on `@bufbuild/cel` (a conformance-tested CEL
 * implementation), binding what the API server binds and nothing more:
 *
 * - `object`, `oldObject` (null on CREATE) and `request` (`operation`, `subResource`), with the
 *   object as the API server's typed view hands it to CEL: fields set to `null` are absent (a nil
 *   pointer is not serialised) and integers are CEL `int`s;
 * - `variables.NAME`: each variable expression evaluated in order, later ones seeing earlier ones;
 * - the strings extension (`join`), which the API server also enables;
 * - apply configurations: `Object{…}` / `Object.spec.containers{…}` construct typed partial objects
 *   on the API server. CEL-ES has no such types, so before planning each such construction is
 *   rewritten into the map literal with the same fields (the apply configuration's content), and
 *   the result is merged the way structured-merge-diff merges an apply configuration into the pod:
 *   maps field by field, the container lists (`listType=map`, key `name`) by name, nothing deleted.
 *
 * Matching (which requests a binding sees) is modelled from `resourceRules`, and the bindings'
 * `namespaceSelector` / `objectSelector` with the LabelSelector semantics of apimachinery
 * (`labels.Selector`: `matchLabels` and every requirement must hold; `NotIn` and `DoesNotExist`
 * hold for a missing key), against the request's namespace labels and the object's labels.
 */
import { celEnv, isCelError, isCelList, isCelMap, parse, plan, type CelValue } from '@bufbuild/cel'
import { strings } from '@bufbuild/cel/ext'
import { create } from '@bufbuild/protobuf'
import { ConstantSchema, ExprSchema, type Expr } from '@bufbuild/cel-spec/cel/expr/syntax_pb.js'
import type {
  LabelSelector,
  MatchResources,
  MutatingAdmissionPolicy,
  MutatingAdmissionPolicyBinding,
  NamedRuleWithOperations,
  ValidatingAdmissionPolicy,
  ValidatingAdmissionPolicyBinding,
} from '../../src/codecs/admissionRegistration.js'

/** One admission request, as far as the policies read it. */
export interface AdmissionRequest {
  readonly operation: 'CREATE' | 'UPDATE'
  /** `''` for the object itself, `'ephemeralcontainers'` for that subresource of a pod. */
  readonly subResource: string
  readonly object: unknown
  readonly oldObject: unknown
  /** The labels of the request's namespace (the API server reads them for `namespaceSelector`); none when absent. */
  readonly namespaceLabels?: Readonly<Record<string, string>>
}

const RESOURCES: Readonly<Record<string, readonly [string, string]>> = {
  Pod: ['', 'pods'],
  PodTemplate: ['', 'podtemplates'],
  ReplicationController: ['', 'replicationcontrollers'],
  Deployment: ['apps', 'deployments'],
  ReplicaSet: ['apps', 'replicasets'],
  StatefulSet: ['apps', 'statefulsets'],
  DaemonSet: ['apps', 'daemonsets'],
  Job: ['batch', 'jobs'],
  CronJob: ['batch', 'cronjobs'],
}

function kindOf(object: unknown): string {
  return (object as { kind?: string }).kind ?? ''
}

/** Does a LabelSelector select these labels? An absent selector selects everything. */
export function selectorMatches(selector: LabelSelector | null | undefined, labels: Readonly<Record<string, string>>): boolean {
  if (selector == null) return true
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false
  for (const r of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, r.key)
    const inValues = has && (r.values ?? []).includes(labels[r.key] as string)
    const ok = r.operator === 'In' ? inValues : r.operator === 'NotIn' ? !inValues : r.operator === 'Exists' ? has : !has
    if (!ok) return false
  }
  return true
}

/** Do a binding's selectors select the request (its namespace, and its object by the object's labels)? */
export function selectorsMatch(match: MatchResources | null | undefined, request: AdmissionRequest): boolean {
  const labels = ((request.object as { metadata?: { labels?: Record<string, string> } }).metadata?.labels ?? {})
  return selectorMatches(match?.namespaceSelector, request.namespaceLabels ?? {}) && selectorMatches(match?.objectSelector, labels)
}

/** Does a rule list match the request (group, resource[/subresource], operation)? */
export function rulesMatch(rules: ReadonlyArray<NamedRuleWithOperations> | null | undefined, request: AdmissionRequest): boolean {
  const gr = RESOURCES[kindOf(request.object)]
  if (gr === undefined || rules == null) return false
  const [group, resource] = gr
  const full = request.subResource === '' ? resource : `${resource}/${request.subResource}`
  return rules.some((r) => r.apiGroups.includes(group) && r.resources.includes(full) && (r.operations.includes(request.operation) || r.operations.includes('*')))
}

/** The object as the API server's typed view gives it to CEL: no nulls, integers as `int`. */
export function asApiObject(value: unknown): unknown {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value
  if (Array.isArray(value)) return value.map(asApiObject)
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      const converted = asApiObject(v)
      if (converted !== undefined) out[k] = converted
    }
    return out
  }
  return value
}

/** A CEL value back as plain JSON-like data (ints as numbers). */
export function toPlain(v: CelValue): unknown {
  if (typeof v === 'bigint') return Number(v)
  if (isCelList(v)) return [...v].map(toPlain)
  if (isCelMap(v)) {
    const out: Record<string, unknown> = {}
    for (const [k, x] of v) out[String(k)] = toPlain(x)
    return out
  }
  return v
}

const env = celEnv({ funcs: strings })

let nextId = 1_000_000
/** Rewrite every `Object…{field: v}` construction into the map literal `{'field': v}`. */
function rewriteApplyConfigurations(e: Expr | undefined): void {
  if (e === undefined) return
  const k = e.exprKind
  switch (k.case) {
    case 'structExpr':
      if (k.value.messageName === 'Object' || k.value.messageName.startsWith('Object.')) {
        k.value.messageName = ''
        for (const entry of k.value.entries) {
          if (entry.keyKind.case === 'fieldKey') {
            const key = entry.keyKind.value
            entry.keyKind = {
              case: 'mapKey',
              value: create(ExprSchema, { id: BigInt(nextId++), exprKind: { case: 'constExpr', value: create(ConstantSchema, { constantKind: { case: 'stringValue', value: key } }) } }),
            }
          }
        }
      }
      for (const entry of k.value.entries) {
        if (entry.keyKind.case === 'mapKey') rewriteApplyConfigurations(entry.keyKind.value)
        rewriteApplyConfigurations(entry.value)
      }
      return
    case 'selectExpr':
      rewriteApplyConfigurations(k.value.operand)
      return
    case 'callExpr':
      rewriteApplyConfigurations(k.value.target)
      for (const a of k.value.args) rewriteApplyConfigurations(a)
      return
    case 'listExpr':
      for (const x of k.value.elements) rewriteApplyConfigurations(x)
      return
    case 'comprehensionExpr':
      for (const x of [k.value.iterRange, k.value.accuInit, k.value.loopCondition, k.value.loopStep, k.value.result]) rewriteApplyConfigurations(x)
      return
    default:
      return
  }
}

const planned = new Map<string, ReturnType<typeof plan>>()
function compiled(expression: string): ReturnType<typeof plan> {
  let p = planned.get(expression)
  if (p === undefined) {
    const parsed = parse(expression)
    rewriteApplyConfigurations(parsed.expr)
    p = plan(env, parsed)
    planned.set(expression, p)
  }
  return p
}

/** Evaluate one expression; a CEL error is thrown as an Error with the expression. */
export function evaluate(expression: string, bindings: Record<string, unknown>): CelValue {
  const result = (compiled(expression) as (ctx: Record<string, unknown>) => CelValue)(bindings)
  if (isCelError(result)) throw new Error(`CEL error ${result.message} in: ${expression}`)
  return result
}

function bindingsOf(request: AdmissionRequest, variables: ReadonlyArray<{ name: string; expression: string }>): Record<string, unknown> {
  const base: Record<string, unknown> = {
    object: asApiObject(request.object) ?? null,
    oldObject: asApiObject(request.oldObject) ?? null,
    request: { operation: request.operation, subResource: request.subResource },
  }
  const values: Record<string, CelValue> = {}
  for (const v of variables) values[v.name] = evaluate(v.expression, { ...base, variables: values })
  return { ...base, variables: values }
}

/** What one binding of the validating policy does with a request. */
export interface ValidatingOutcome {
  /** Does the binding (and the policy) match the request at all? */
  readonly matched: boolean
  /** The failed validations' messages (from `messageExpression`), in policy order. */
  readonly messages: ReadonlyArray<string>
  readonly actions: ReadonlyArray<string>
}

/** Evaluate a validating policy through one binding. */
export function runValidating(policy: ValidatingAdmissionPolicy, binding: ValidatingAdmissionPolicyBinding, request: AdmissionRequest): ValidatingOutcome {
  const actions = binding.spec?.validationActions ?? []
  const matched =
    rulesMatch(policy.spec?.matchConstraints?.resourceRules, request) &&
    rulesMatch(binding.spec?.matchResources?.resourceRules, request) &&
    selectorsMatch(binding.spec?.matchResources, request)
  if (!matched) return { matched, messages: [], actions }
  const bindings = bindingsOf(request, policy.spec?.variables ?? [])
  const messages: string[] = []
  for (const v of policy.spec?.validations ?? []) {
    const ok = evaluate(v.expression, bindings)
    if (typeof ok !== 'boolean') throw new Error(`validation is not a bool: ${v.expression}`)
    if (!ok) {
      const message = v.messageExpression == null ? v.message : evaluate(v.messageExpression, bindings)
      if (typeof message !== 'string') throw new Error('messageExpression is not a string')
      messages.push(message)
    }
  }
  return { matched, messages, actions }
}

type Json = Record<string, unknown>
const KEYED_LISTS = new Set(['initContainers', 'containers', 'ephemeralContainers'])

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

/** Structured-merge-diff's merge of an apply configuration, for the shapes the mutation emits. */
export function mergeApplyConfiguration(target: unknown, patch: unknown, field = ''): unknown {
  if (isObject(patch)) {
    const base: Json = isObject(target) ? { ...target } : {}
    for (const [k, v] of Object.entries(patch)) base[k] = mergeApplyConfiguration(base[k], v, k)
    return base
  }
  if (Array.isArray(patch)) {
    if (!KEYED_LISTS.has(field)) throw new Error(`the mutation sets list ${field}, which this harness does not model`)
    const items = Array.isArray(target) ? [...(target as unknown[])] : []
    for (const p of patch) {
      const name = (p as Json).name
      const i = items.findIndex((x) => isObject(x) && x.name === name)
      if (i < 0) items.push(p)
      else items[i] = mergeApplyConfiguration(items[i], p)
    }
    return items
  }
  return patch
}

/** Apply every mutation of a mutating policy, in order, to the request's object. */
export function runMutating(policy: MutatingAdmissionPolicy, request: AdmissionRequest): { readonly matched: boolean; readonly object: unknown } {
  if (!rulesMatch(policy.spec?.matchConstraints?.resourceRules, request)) return { matched: false, object: request.object }
  let object = request.object
  for (const m of policy.spec?.mutations ?? []) {
    if (m.patchType !== 'ApplyConfiguration' || m.applyConfiguration?.expression == null) throw new Error('only apply configurations are modelled')
    const current: AdmissionRequest = { ...request, object }
    const patch = toPlain(evaluate(m.applyConfiguration.expression, bindingsOf(current, policy.spec?.variables ?? [])))
    object = mergeApplyConfiguration(object, patch)
  }
  return { matched: true, object }
}

/** What the API server's admission chain does with a request: the mutation (when there is one), then the validation. */
export interface ClusterOutcome {
  /** The object after mutating admission. */
  readonly object: unknown
  /** The validating binding's outcome, on the mutated object. */
  readonly validation: ValidatingOutcome
}

/**
 * Mutating admission runs before validating admission, and the validating policy sees its result:
 * run both, in that order, for one validating binding.
 */
export function runCluster(
  policies: {
    readonly mutatingPolicy: MutatingAdmissionPolicy | null
    readonly mutatingBinding: MutatingAdmissionPolicyBinding | null
    readonly validatingPolicy: ValidatingAdmissionPolicy
  },
  binding: ValidatingAdmissionPolicyBinding,
  request: AdmissionRequest,
): ClusterOutcome {
  const mutates = policies.mutatingPolicy !== null && selectorsMatch(policies.mutatingBinding?.spec?.matchResources, request)
  const object = mutates && policies.mutatingPolicy !== null ? runMutating(policies.mutatingPolicy, request).object : request.object
  return { object, validation: runValidating(policies.validatingPolicy, binding, { ...request, object }) }
}
