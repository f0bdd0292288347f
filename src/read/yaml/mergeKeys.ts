/**
 * `<<` merge keys applied the way kubectl (go-yaml v2) applies them.
 *
 * eemeli/yaml follows the YAML 1.1 merge spec: a merged key never replaces one the map already
 * has. go-yaml v2 does not: it walks the map in document order and every key it meets, explicit
 * or merged, is written over what was there. So `allowPrivilegeEscalation: false` followed by
 * `<<: {allowPrivilegeEscalation: true}` is `true` to kubectl, and reading it as `false` would
 * report no_new_privs for a container that runs with escalation allowed. Within a sequence
 * (`<<: [*a, *b]`) go-yaml merges the last map first, so the first map of the sequence wins.
 *
 * @packageDocumentation
 */
import { Scalar, isAlias, isMap, isSeq } from 'yaml'
import type { ScalarTag } from 'yaml'

const MERGE_TAG = 'tag:yaml.org,2002:merge'

/** kubectl's words for a `<<` whose value is not a map or a sequence of maps. */
export const MERGE_VALUE_MESSAGE = 'map merge requires map or sequence of maps as the value'

/** Thrown while converting, caught by the loader: the offset of the offending merge value. */
export class MergeValueError extends Error {
  constructor(readonly offset: number) {
    super(MERGE_VALUE_MESSAGE)
  }
}

// eemeli/yaml's own `ToJSContext` is not exported; only the parts used here are named.
interface Context {
  readonly doc: unknown
}
interface Resolvable {
  resolve(doc: unknown, ctx: unknown): unknown
}
interface Convertible {
  toJSON(arg: null, ctx: unknown, type: MapConstructor): Map<unknown, unknown>
  readonly range?: readonly [number, number, number] | null
}

const offsetOf = (node: unknown): number => (node as { range?: readonly number[] | null } | null)?.range?.[0] ?? 0

const resolved = (ctx: Context, value: unknown): unknown => (isAlias(value) ? (value as unknown as Resolvable).resolve(ctx.doc, ctx) : value)

const setKey = (target: unknown, key: unknown, value: unknown): void => {
  if (target instanceof Map) target.set(key, value)
  else if (target instanceof Set) target.add(key)
  // defineProperty, not assignment: a `__proto__` key must stay an own key, not a prototype.
  else Object.defineProperty(target, String(key), { value, writable: true, enumerable: true, configurable: true })
}

const mergeOne = (ctx: Context, target: unknown, node: unknown, at: number): void => {
  const source = resolved(ctx, node)
  if (!isMap(source)) throw new MergeValueError(at)
  for (const [key, value] of (source as unknown as Convertible).toJSON(null, ctx, Map)) setKey(target, key, value)
}

const addMerge = (ctx: Context, target: unknown, value: unknown): void => {
  const source = resolved(ctx, value)
  const at = offsetOf(value)
  if (isSeq(source)) {
    // Last map first, so that the first map of the sequence is written last and wins.
    for (let i = source.items.length - 1; i >= 0; i--) mergeOne(ctx, target, source.items[i], offsetOf(source.items[i]) || at)
  } else mergeOne(ctx, target, source, at)
}

/**
 * The `!!merge` tag of kubectl's reading: a plain `<<` key (or `!!merge <<`) whose pairs are
 * written over the map in document order. A quoted `"<<"` is an ordinary key, as in go-yaml.
 *
 * @example
 * import { parseDocument } from 'yaml'
 * parseDocument('a: 1\n<<: {a: 2}\n', { version: '1.1', customTags: kubectlTags }).toJS() // { a: 2 }
 */
export const kubectlMerge: ScalarTag = {
  identify: (value) => typeof value === 'symbol' && value.description === '<<',
  default: 'key',
  tag: MERGE_TAG,
  test: /^<<$/,
  resolve: () => Object.assign(new Scalar(Symbol('<<')), { addToJSMap: addMerge }),
  stringify: () => '<<',
}

/** Is this the tag kubectl's merge replaces? */
export const isMergeTag = (tag: { readonly tag: string }): boolean => tag.tag === MERGE_TAG
