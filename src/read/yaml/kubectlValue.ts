/**
 * A composed YAML document turned into the value kubectl sends: go-yaml v2's decoding followed by
 * sigs.k8s.io/yaml's conversion to JSON, in one walk in document order.
 *
 * eemeli/yaml's `toJS` differs from kubectl where it matters here: its alias limit is a flat
 * count (a 10,000-item List with anchors was refused), it returns a value that refers to itself
 * for `&x [*x]`, it writes `null` and collection keys as text where kubectl refuses the document,
 * and it formats number keys its own way. This walk decides each of those as kubectl does:
 * - aliases: go-yaml's budget, relative to the size of the document (decode.go `allowedAliasRatio`);
 * - an alias inside its own anchor: "anchor 'x' value contains itself";
 * - keys: strings as they are, booleans and integers as Go prints them, floats as
 *   `strconv.FormatFloat(f, 'g', -1, 32)` does; `null`, collection and uint64 keys refuse it;
 * - `.inf`/`.nan` as values refuse the document (JSON has no such number); as keys they are text.
 *
 * @packageDocumentation
 */
import { isAlias, isMap, isScalar, isSeq, visit } from 'yaml'
import type { Alias, Document, Node, Pair, Scalar } from 'yaml'
import { isGoInteger, NOT_JSON_NUMBER } from './goNumbers.js'
import { MERGE_VALUE_MESSAGE } from './mergeKeys.js'

/** Why kubectl refuses a document while converting it, and where (an offset in the document's text). */
export interface Refusal {
  readonly _tag: 'Refused'
  readonly code: 'alias-limit' | 'unresolved-alias' | 'yaml-value'
  readonly offset: number
  readonly message: string
}

/** The value kubectl sends, or its refusal. */
export type KubectlValue = { readonly _tag: 'Value'; readonly value: unknown } | Refusal

/** Thrown inside the walk only; `kubectlValueOf` turns it into its answer. */
class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message)
  }
}

const refuse = (code: Refusal['code'], node: unknown, message: string): never => {
  throw new Refused({ _tag: 'Refused', code, offset: offsetOf(node), message })
}

const offsetOf = (node: unknown): number => (node as { range?: readonly number[] | null } | null)?.range?.[0] ?? 0

// go-yaml v2 decode.go: below 400,000 decoded nodes 99 % may come from aliases, above 4,000,000
// only 10 %, linear in between; nothing is checked before 1,000 nodes and 100 alias-driven ones.
const RATIO_LOW = 400_000
const RATIO_HIGH = 4_000_000

/**
 * The share of decoded nodes go-yaml lets come from alias expansion, for a document decoded so far.
 *
 * @example
 * allowedAliasRatio(1_000) // 0.99
 * allowedAliasRatio(4_000_000) // 0.1
 */
export const allowedAliasRatio = (decodeCount: number): number =>
  decodeCount <= RATIO_LOW ? 0.99 : decodeCount >= RATIO_HIGH ? 0.1 : 0.99 - (0.89 * (decodeCount - RATIO_LOW)) / (RATIO_HIGH - RATIO_LOW)

const isMergeKey = (key: unknown): boolean => isScalar(key) && typeof key.value === 'symbol'

const ALIAS_MESSAGE = 'the document contains excessive aliasing (a "billion laughs" document): kubectl refuses it'

const FLOAT_TAG = 'tag:yaml.org,2002:float'

/**
 * A float key as sigs.k8s.io/yaml writes it: Go's `strconv.FormatFloat(f, 'g', -1, 32)`, the
 * shortest digits that read back as the same float32, with `.inf`/`-.inf`/`.nan` for the rest.
 *
 * @example
 * goFloatKey(1e20) // '1e+20'
 * goFloatKey(0.1) // '0.1'
 * goFloatKey(1.5e300) // '.inf' (beyond float32)
 */
export const goFloatKey = (f: number): string => {
  const g = Math.fround(f)
  if (g === Infinity) return '.inf'
  if (g === -Infinity) return '-.inf'
  if (Number.isNaN(g)) return '.nan'
  if (g === 0) return Object.is(g, -0) ? '-0' : '0'
  let digits = ''
  let exp = 0
  for (let p = 1; p <= 9; p++) {
    const e = g.toExponential(p - 1)
    if (Math.fround(Number(e)) === g) {
      const [mantissa, power] = e.split('e') as [string, string]
      digits = mantissa.replace('-', '').replace('.', '')
      exp = Number(power)
      break
    }
  }
  const sign = g < 0 ? '-' : ''
  // Go's %g at the shortest precision: the exponent form below 1e-4 and from 1e6 on (`eprec` 6).
  if (exp < -4 || exp >= 6) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits
    const e = Math.abs(exp)
    return `${sign}${mantissa}e${exp < 0 ? '-' : '+'}${e < 10 ? `0${e}` : e}`
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`
  const int = digits.slice(0, exp + 1).padEnd(exp + 1, '0')
  const frac = digits.slice(exp + 1)
  return `${sign}${int}${frac === '' ? '' : `.${frac}`}`
}

const INT64_MAX = 2n ** 63n - 1n
const UINT64_MAX = 2n ** 64n - 1n

const NULL_KEY_MESSAGE = 'a null map key: kubectl refuses the document ("unsupported map key")'

/** A scalar key as sigs.k8s.io/yaml writes it into JSON; `at` is where it is written. */
const keyText = (key: Scalar, at: unknown): string => {
  const value = key.value
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'bigint') {
    // go-yaml keeps an int64 or a uint64; beyond both it is a float64.
    if (value >= -INT64_MAX - 1n && value <= INT64_MAX) return value.toString()
    if (value > INT64_MAX && value <= UINT64_MAX) return refuse('yaml-value', at, `a map key of ${value} is a uint64 to kubectl, which refuses it`)
    return goFloatKey(Number(value))
  }
  if (typeof value === 'number') {
    // An integer spelling is a Go int (printed in full), any other number a float64.
    return key.tag !== FLOAT_TAG && isGoInteger(String(key.source)) ? String(value) : goFloatKey(value)
  }
  return refuse('yaml-value', at, NULL_KEY_MESSAGE)
}

const setKey = (target: Record<string, unknown>, key: string, value: unknown): void => {
  // defineProperty for `__proto__`: it must stay an own key, not become the prototype.
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true })
  else target[key] = value
}

/** The walk's state: anchors resolved in document order, values of finished nodes, go-yaml's counts. */
class Walk {
  private readonly targets = new Map<Alias, Node | undefined>()
  private readonly values = new Map<Node, unknown>()
  private readonly sizes = new Map<Node, number>()
  private readonly open = new Set<Node>()
  private decodeCount = 1 // the document node
  private aliasCount = 0

  constructor(doc: Document.Parsed) {
    const anchors = new Map<string, Node>()
    // Document order, as go-yaml's parser meets them: an alias means the last anchor before it.
    visit(doc, {
      Node: (_key, node) => {
        if (isAlias(node)) this.targets.set(node, anchors.get(node.source))
        else if (node.anchor) anchors.set(node.anchor, node)
      },
    })
  }

  private count(node: unknown, expanded: number): void {
    this.decodeCount += 1 + expanded
    this.aliasCount += expanded
    // Within one expansion both counts grow together, so checking at its end is checking every step.
    if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount))
      refuse('alias-limit', node, ALIAS_MESSAGE)
  }

  /** How many nodes go-yaml decodes for `node`, aliases expanded (memoized: anchors are shared). */
  private sizeOf(node: unknown): number {
    if (isAlias(node)) {
      const target = this.targets.get(node)
      return 1 + (target === undefined ? 0 : this.sizeOf(target))
    }
    if (!isMap(node) && !isSeq(node)) return 1
    const known = this.sizes.get(node)
    if (known !== undefined) return known
    let size = 1
    if (isSeq(node)) for (const item of node.items) size += this.sizeOf(item)
    else
      for (const pair of node.items as Pair[]) {
        if (isMergeKey(pair.key)) size += isSeq(pair.value) ? pair.value.items.reduce((s: number, i) => s + this.sizeOf(i), 0) : this.sizeOf(pair.value)
        else size += this.sizeOf(pair.key) + this.sizeOf(pair.value)
      }
    this.sizes.set(node, size)
    return size
  }

  value(node: unknown, asKey = false): unknown {
    if (isAlias(node)) return this.alias(node)
    if (isScalar(node)) {
      this.count(node, 0)
      const v = node.value
      if (!asKey && typeof v === 'number' && !Number.isFinite(v))
        refuse('yaml-value', node, `${String(node.source)} is ${Number.isNaN(v) ? 'NaN' : 'an infinity'}, ${NOT_JSON_NUMBER}: kubectl refuses the document`)
      return v
    }
    if (isMap(node) || isSeq(node)) {
      this.open.add(node)
      this.count(node, 0)
      const out = isSeq(node) ? this.seq(node.items) : this.map(node.items as Pair[], {})
      this.open.delete(node)
      if (node.anchor) this.values.set(node, out)
      return out
    }
    // An empty node (`a:` with nothing after it).
    this.count(node, 0)
    return null
  }

  private alias(node: Alias): unknown {
    const target = this.targets.get(node)
    if (target === undefined) return refuse('unresolved-alias', node, `unknown anchor '${node.source}' referenced: no \`&${node.source}\` before this alias`)
    if (this.open.has(target)) return refuse('yaml-value', node, `anchor '${node.source}' value contains itself: kubectl refuses the document`)
    this.count(node, this.sizeOf(target))
    if (isScalar(target)) {
      const v = target.value
      if (typeof v === 'number' && !Number.isFinite(v)) return this.value(target)
      return v
    }
    return this.values.get(target) ?? null
  }

  private seq(items: ReadonlyArray<unknown>): unknown[] {
    const out: unknown[] = new Array<unknown>(items.length)
    for (let i = 0; i < items.length; i++) out[i] = this.value(items[i])
    return out
  }

  private map(pairs: ReadonlyArray<Pair>, out: Record<string, unknown>): Record<string, unknown> {
    for (const pair of pairs) {
      if (isMergeKey(pair.key)) {
        this.merge(pair.value)
          .forEach((source) => {
            for (const k of Object.keys(source)) setKey(out, k, source[k])
          })
        continue
      }
      const key = pair.key
      const keyNode = isAlias(key) ? this.targets.get(key) : key
      if (isMap(keyNode) || isSeq(keyNode)) refuse('yaml-value', key, 'a map or sequence as a map key: kubectl refuses the document ("invalid map key")')
      this.value(key, true)
      const text = isScalar(keyNode) ? keyText(keyNode, key) : refuse('yaml-value', key, NULL_KEY_MESSAGE)
      setKey(out, text, this.value(pair.value))
    }
    return out
  }

  /** The maps a `<<` value brings, in the order go-yaml writes them (a sequence's last map first). */
  private merge(value: unknown): Array<Record<string, unknown>> {
    const one = (node: unknown): Record<string, unknown> => {
      const target = isAlias(node) ? this.targets.get(node) : node
      if (target !== undefined && !isMap(target)) refuse('yaml-value', node, `${MERGE_VALUE_MESSAGE} (as kubectl reads \`<<\`)`)
      return this.value(node) as Record<string, unknown>
    }
    if (isSeq(value)) {
      const maps: Array<Record<string, unknown>> = []
      for (let i = value.items.length - 1; i >= 0; i--) maps.push(one(value.items[i]))
      return maps
    }
    if (!isMap(value) && !isAlias(value)) refuse('yaml-value', value, `${MERGE_VALUE_MESSAGE} (as kubectl reads \`<<\`)`)
    return [one(value)]
  }
}

/**
 * The value kubectl makes of a composed document (parsed with `kubectlTags`), or why it refuses it,
 * at the offset of the node that decides. Never throws for a refusal.
 *
 * @example
 * import { parseDocument } from 'yaml'
 * const opts = { version: '1.1', customTags: kubectlTags, merge: false, uniqueKeys: false } as const
 * kubectlValueOf(parseDocument('a: &x [1]\nb: *x\n1.5e300: y\n', opts))
 * // { _tag: 'Value', value: { a: [1], b: [1], '.inf': 'y' } }
 * kubectlValueOf(parseDocument('a: &x [*x]\n', opts))._tag // 'Refused'
 */
export const kubectlValueOf = (doc: Document.Parsed): KubectlValue => {
  try {
    const walk = new Walk(doc)
    return { _tag: 'Value', value: walk.value(doc.contents) }
  } catch (thrown) {
    if (thrown instanceof Refused) return thrown.refusal
    throw thrown
  }
}
