/**
 * Document → pods → containers, with the full path of each from the document root in the API server's style (`spec.template.spec.containers[1]`, `items[2].spec…`).
 *
 * The walk reads only shapes (objects, arrays, `kind`, names); it decodes nothing. The pod spec
 * and each container are handed on raw, for the codecs to decode with these paths as prefixes.
 *
 * @packageDocumentation
 */
import type { ContainerType } from '../report/report.js'
import { fieldOf, itemOf } from '../path.js'
import { describeValue, isRecord } from '../callerInput.js'
import { groupOf, isListKind, isPolicyKind, itemKindOf, kindEntryOf, kindTableOf, type KindTable } from './kinds.js'

/** A JSON object as the walk sees it: keys to anything. */
export type RawObject = Readonly<Record<string, unknown>>

/**
 * One container of a pod, not decoded.
 *
 * @example
 * ```ts
 * const walk = walkPods({ kind: 'Pod', spec: { containers: [{ name: 'app' }] } })
 * const pod = walk.entries[0]
 * const refs: ReadonlyArray<ContainerRef> = pod?._tag === 'Pod' ? pod.containers : []
 * refs[0]?.path // 'spec.containers[0]'
 * ```
 */
export interface ContainerRef {
  /** The field it sits in. */
  readonly containerType: ContainerType
  /** Its index in that field. */
  readonly index: number
  /** `name` when it is a string, else `null` (the codecs report the bad name). */
  readonly name: string | null
  /** From the document root: `spec.template.spec.containers[1]`. */
  readonly path: string
  readonly container: RawObject
}

/**
 * A pod spec found in a document (a Pod, or the template of a workload).
 *
 * @example
 * ```ts
 * const walk = walkPods({ kind: 'Deployment', metadata: { name: 'web' }, spec: { template: { spec: { containers: [] } } } })
 * const pods = walk.entries.filter((e): e is PodEntry => e._tag === 'Pod')
 * pods[0]?.specPath // 'spec.template.spec'
 * ```
 */
export interface PodEntry {
  readonly _tag: 'Pod'
  /** The kind of the object that holds the pod: `Deployment`, `Pod`, … (of the list item inside a List). */
  readonly kind: string
  /** `metadata.namespace` of that object when it is a string. */
  readonly namespace: string | null
  /** `metadata.name` of that object when it is a string. */
  readonly name: string | null
  /** Path of that object: `''` for the document itself, `items[2]` inside a List. */
  readonly path: string
  /** Path of the pod spec: `spec.template.spec`, `items[2].spec`, … */
  readonly specPath: string
  /** The pod spec, not decoded (`securityContext`, `os`, … are read by the codecs). */
  readonly spec: RawObject
  /**
   * Every container, init first, then regular, then ephemeral: the order the kubelet starts them
   * and the order pod-security-admission lists them in its messages ("in pod order").
   * Empty for a pod without containers: the entry itself is still here, so nothing is lost.
   */
  readonly containers: ReadonlyArray<ContainerRef>
  /**
   * The shapes of this pod spec the walk could not go through (`containers` not a list, a
   * container that is not an object), at their paths; the pod's other containers are still here.
   */
  readonly errors: ReadonlyArray<WalkError>
  /**
   * `true` when the kind's controller names unnamed containers (Knative): such a container's
   * `name` here is its place, `containers[0]`, and a missing `name` is not an error.
   */
  readonly namesContainers?: boolean
}

/**
 * A PodSecurityPolicy document (or list item), returned whole for the caller to decode.
 *
 * @example
 * ```ts
 * const walk = walkPods({ kind: 'PodSecurityPolicy', metadata: { name: 'restricted' }, spec: {} })
 * const policies = walk.entries.filter((e): e is PolicyEntry => e._tag === 'Policy')
 * policies[0]?.name // 'restricted'
 * ```
 */
export interface PolicyEntry {
  readonly _tag: 'Policy'
  readonly name: string | null
  readonly path: string
  readonly policy: RawObject
}

/**
 * An object of a kind that carries no pod (`Service`, `ConfigMap`, …). Counted, not an error.
 *
 * @example
 * ```ts
 * const walk = walkPods({ kind: 'List', items: [{ kind: 'Service' }] })
 * const skipped = walk.entries.filter((e): e is SkippedEntry => e._tag === 'Skipped')
 * skipped[0] // { _tag: 'Skipped', kind: 'Service', path: 'items[0]' }
 * ```
 */
export interface SkippedEntry {
  readonly _tag: 'Skipped'
  readonly kind: string
  readonly path: string
}

/**
 * A core `Namespace` (or list item): its labels may set Pod Security levels for its pods (SPEC
 * §5.1). Returned whole for the caller to read.
 *
 * @example
 * ```ts
 * const walk = walkPods({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod' } })
 * const namespaces = walk.entries.filter((e): e is NamespaceEntry => e._tag === 'Namespace')
 * namespaces[0]?.name // 'prod'
 * ```
 */
export interface NamespaceEntry {
  readonly _tag: 'Namespace'
  readonly kind: 'Namespace'
  /** `metadata.name` when it is a string. */
  readonly name: string | null
  readonly path: string
  readonly object: RawObject
}

/**
 * Why part of a document could not be walked.
 *
 * - `not-an-object`: the document or a list item is not a mapping.
 * - `missing-kind`: no `kind` (or an empty one).
 * - `invalid-kind`: `kind` is not a string.
 * - `missing-field`: the pod spec (or a field on the way to it) is absent or `null`.
 * - `wrong-type`: a field on the way is not an object, `containers` (or `items`) is not an array,
 *   or a container is not an object.
 * - `too-deep`: lists nested in lists beyond `maxListDepth`.
 *
 * @example
 * ```ts
 * const walk = walkPods({ kind: 'Pod', spec: { containers: 'app' } })
 * const codes: WalkErrorCode[] = walk.entries.flatMap((e) => (e._tag === 'Pod' ? e.errors.map((error) => error.code) : [])) // ['wrong-type']
 * ```
 */
export type WalkErrorCode = 'not-an-object' | 'missing-kind' | 'invalid-kind' | 'missing-field' | 'wrong-type' | 'too-deep'

/**
 * A shape the walk cannot go through; the rest of the document is still walked.
 *
 * @example
 * ```ts
 * const walk = walkPods({ spec: {} })
 * const [error] = walk.entries.filter((e): e is WalkError => e._tag === 'WalkError')
 * error?.message // 'no kind at kind: expected Pod, Deployment, List, … (other kinds are skipped)'
 * ```
 */
export interface WalkError {
  readonly _tag: 'WalkError'
  readonly code: WalkErrorCode
  /** From the document root, API-server style; `''` is the document itself. */
  readonly path: string
  readonly message: string
}

/**
 * What the walk found, in document order.
 *
 * @example
 * for (const entry of walkPods(value).entries) {
 *   if (entry._tag === 'Pod') entry.containers.forEach((c) => console.log(c.path))
 *   else if (entry._tag === 'WalkError') console.error(entry.path, entry.message)
 * }
 */
export type WalkEntry = PodEntry | PolicyEntry | NamespaceEntry | SkippedEntry | WalkError

/**
 * The walk of one document.
 *
 * @example
 * ```ts
 * const walk: DocumentWalk = walkPods({ kind: 'Service' })
 * walk.kind // 'Service'
 * walk.entries // [{ _tag: 'Skipped', kind: 'Service', path: '' }]
 * ```
 */
export interface DocumentWalk {
  /** The document's own `kind` when it is a string, else `null`. */
  readonly kind: string | null
  readonly entries: ReadonlyArray<WalkEntry>
}

/**
 * Knobs of `walkPods`.
 *
 * @example
 * walkPods(value, { maxListDepth: 4 })
 */
export interface WalkOptions {
  /** How many Lists may nest inside each other. Default 16; a cyclic object stops here too. */
  readonly maxListDepth?: number | undefined
  /** Kinds that carry a pod besides the built-in ones (`kindTableOf`); default: the built-in ones. */
  readonly kinds?: KindTable | undefined
}

/**
 * The fields of a pod spec that hold containers, in the order the kubelet starts them.
 *
 * @example
 * ```ts
 * CONTAINER_FIELDS.includes('ephemeralContainers') // true
 * ```
 */
export const CONTAINER_FIELDS: ReadonlyArray<ContainerType> = ['initContainers', 'containers', 'ephemeralContainers']

const isObject: (value: unknown) => value is RawObject = isRecord
const describe = describeValue

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null)

const walkError = (code: WalkErrorCode, path: string, message: string): WalkError => ({ _tag: 'WalkError', code, path, message })

/** Follows the kind's pod spec path; the spec object, or the error at the first bad step. */
const podSpecAt = (
  object: RawObject,
  kind: string,
  path: string,
  steps: ReadonlyArray<string>,
): { readonly spec: RawObject } | { readonly error: WalkError } => {
  let current: RawObject = object
  let at = path
  for (const step of steps) {
    at = fieldOf(at, step)
    const next = current[step]
    if (next === undefined || next === null)
      return { error: walkError('missing-field', at, `a ${kind} needs ${at}, the pod's spec is read from there`) }
    if (!isObject(next)) return { error: walkError('wrong-type', at, `expected an object at ${at}, got ${describe(next)}`) }
    current = next
  }
  return { spec: current }
}

/** Every container of a pod spec, and an error for each shape that is not a container list. */
const containersOf = (spec: RawObject, specPath: string, errors: WalkError[], namesContainers: boolean): ContainerRef[] => {
  const containers: ContainerRef[] = []
  for (const containerType of CONTAINER_FIELDS) {
    const list = spec[containerType]
    if (list === undefined || list === null) continue
    const listPath = fieldOf(specPath, containerType)
    if (!Array.isArray(list)) {
      errors.push(walkError('wrong-type', listPath, `expected an array of containers at ${listPath}, got ${describe(list)}`))
      continue
    }
    for (let index = 0; index < list.length; index++) {
      const container: unknown = list[index]
      const path = itemOf(listPath, index)
      if (!isObject(container)) {
        errors.push(walkError('wrong-type', path, `expected a container object at ${path}, got ${describe(container)}`))
        continue
      }
      // An unnamed container of a kind whose controller names it is called by its place.
      const name = namesContainers && container['name'] === undefined ? `${containerType}[${index}]` : stringOrNull(container['name'])
      containers.push({ containerType, index, name, path, container })
    }
  }
  return containers
}

const metadataOf = (object: RawObject): RawObject | null => {
  const metadata = object['metadata']
  return isObject(metadata) ? metadata : null
}

/** Walks one object (the document, or a list item) whose kind is known. */
const walkObject = (object: RawObject, kind: string, path: string, listDepth: number, maxListDepth: number, out: WalkEntry[], kinds: KindTable, listGroup = ''): void => {
  // Items of a typed list (`RolloutList`) may leave out their apiVersion as they leave out their kind.
  const group = object['apiVersion'] === undefined ? listGroup : groupOf(object['apiVersion'])
  const entry = kindEntryOf(kind, group, kinds)
  if (entry !== undefined) {
    const steps = entry.steps
    const objectSpec = object['spec']
    if (entry.referenceField !== undefined && isObject(objectSpec) && objectSpec['template'] == null && isObject(objectSpec[entry.referenceField])) {
      out.push({ _tag: 'Skipped', kind, path })
      return
    }
    const found = podSpecAt(object, kind, path, steps)
    if ('error' in found) {
      out.push(found.error)
      return
    }
    const spec = found.spec
    const specPath = steps.reduce(fieldOf, path)
    const errors: WalkError[] = []
    const namesContainers = entry.namesContainers === true
    const containers = containersOf(spec, specPath, errors, namesContainers)
    const metadata = metadataOf(object)
    out.push({
      _tag: 'Pod',
      kind,
      namespace: stringOrNull(metadata?.['namespace']),
      name: stringOrNull(metadata?.['name']),
      path,
      specPath,
      spec,
      containers,
      errors,
      ...(namesContainers ? { namesContainers } : {}),
    })
    return
  }
  if (isPolicyKind(kind)) {
    out.push({ _tag: 'Policy', name: stringOrNull(metadataOf(object)?.['name']), path, policy: object })
    return
  }
  if (kind === 'Namespace' && group === '') {
    out.push({ _tag: 'Namespace', kind, name: stringOrNull(metadataOf(object)?.['name']), path, object })
    return
  }
  if (isListKind(kind)) {
    walkList(object, kind, path, listDepth + 1, maxListDepth, out, kinds)
    return
  }
  out.push({ _tag: 'Skipped', kind, path })
}

const walkList = (list: RawObject, kind: string, path: string, listDepth: number, maxListDepth: number, out: WalkEntry[], kinds: KindTable): void => {
  if (listDepth > maxListDepth) {
    out.push(walkError('too-deep', path, `lists nested more than ${maxListDepth} deep at ${path === '' ? 'the document root' : path}`))
    return
  }
  const itemsPath = fieldOf(path, 'items')
  const items = list['items']
  if (items === undefined || items === null) return
  if (!Array.isArray(items)) {
    out.push(walkError('wrong-type', itemsPath, `expected an array at ${itemsPath}, got ${describe(items)}`))
    return
  }
  const inherited = itemKindOf(kind)
  for (let i = 0; i < items.length; i++) {
    const item: unknown = items[i]
    const itemPath = itemOf(itemsPath, i)
    if (!isObject(item)) {
      out.push(walkError('not-an-object', itemPath, `expected an object at ${itemPath}, got ${describe(item)}`))
      continue
    }
    const itemKind = kindOf(item, itemPath, inherited)
    if (typeof itemKind !== 'string') out.push(itemKind)
    else walkObject(item, itemKind, itemPath, listDepth, maxListDepth, out, kinds, groupOf(list['apiVersion']))
  }
}

/** An object's kind, the kind its list gives it when it has none, or the error. */
const kindOf = (object: RawObject, path: string, inherited: string | null): string | WalkError => {
  const kind = object['kind']
  const kindPath = fieldOf(path, 'kind')
  if (kind === undefined || kind === null || kind === '') {
    if (inherited !== null && inherited !== '') return inherited
    return walkError('missing-kind', kindPath, `no kind at ${kindPath}: expected Pod, Deployment, List, … (other kinds are skipped)`)
  }
  if (typeof kind !== 'string') return walkError('invalid-kind', kindPath, `expected a string at ${kindPath}, got ${describe(kind)}`)
  return kind
}

/**
 * Finds every pod (and PodSecurityPolicy) in one document, with each container and its path from
 * the document root. Total: any value gives an answer, wrong shapes are `WalkError` entries and
 * never hide the rest of the document.
 *
 * @param value - one document, as `loadDocuments` returns it (or any parsed object)
 *
 * @example
 * const walk = walkPods({
 *   kind: 'Deployment',
 *   metadata: { name: 'web', namespace: 'prod' },
 *   spec: { template: { spec: { containers: [{ name: 'app' }], initContainers: [{ name: 'init' }] } } },
 * })
 * walk.kind // 'Deployment'
 * const pod = walk.entries[0]
 * if (pod?._tag === 'Pod') pod.containers.map((c) => c.path)
 * // ['spec.template.spec.initContainers[0]', 'spec.template.spec.containers[0]']
 */
export const walkPods = (value: unknown, options?: WalkOptions): DocumentWalk => {
  const maxListDepth = options?.maxListDepth ?? 16
  if (!isObject(value))
    return { kind: null, entries: [walkError('not-an-object', '', `expected a Kubernetes object (a mapping) as the document, got ${describe(value)}`)] }
  const kind = kindOf(value, '', null)
  if (typeof kind !== 'string') return { kind: null, entries: [kind] }
  const entries: WalkEntry[] = []
  walkObject(value, kind, '', 0, maxListDepth, entries, options?.kinds ?? kindTableOf(undefined))
  return { kind, entries }
}

/**
 * Walks one item of a List read item by item (src/read): the entries `walkPods` gives for
 * `items[index]` of the whole List. `listKind` is the List's kind (its items inherit `Pod` from
 * `PodList`); `null` when it is not known yet, and then an item must carry its own kind.
 *
 * @example
 * ```ts
 * const entries = walkItem({ kind: 'Pod', spec: { containers: [{ name: 'a' }] } }, 3, 'List')
 * entries[0]?._tag === 'Pod' && entries[0].specPath // 'items[3].spec'
 * ```
 */
export const walkItem = (item: unknown, index: number, listKind: string | null, options?: WalkOptions, listApiVersion: string | null = null): ReadonlyArray<WalkEntry> => {
  const out: WalkEntry[] = []
  const itemPath = itemOf('items', index)
  if (!isObject(item)) {
    out.push(walkError('not-an-object', itemPath, `expected an object at ${itemPath}, got ${describe(item)}`))
    return out
  }
  const itemKind = kindOf(item, itemPath, listKind === null ? null : itemKindOf(listKind))
  if (typeof itemKind !== 'string') out.push(itemKind)
  else walkObject(item, itemKind, itemPath, 1, options?.maxListDepth ?? 16, out, options?.kinds ?? kindTableOf(undefined), groupOf(listApiVersion))
  return out
}
