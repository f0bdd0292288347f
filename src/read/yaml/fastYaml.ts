/**
 * The fast reader: js-yaml for the documents it can be shown to read exactly as the exact reader
 * (eemeli/yaml plus kubectl's rules, src/read/yaml/load.ts) reads them, and `null` for every other.
 *
 * js-yaml 4 is ~10× faster than eemeli/yaml's parser and composer, but it reads YAML 1.2 and its
 * own way. Three things make its answer the exact reader's:
 * - plain scalars (the only ones that go through implicit types in js-yaml) are resolved by one
 *   implicit type that asks the exact reader's own tag list (`YAML_OPTIONS`: kubectl's booleans,
 *   Go's numbers, `bigint` beyond safe integers), so the rules exist once;
 * - a gate sends to the exact reader every document with something where the two may differ:
 *   characters beyond printable ASCII, LF and ordinary Unicode (tabs, CR, control characters,
 *   NEL/LS/PS, BOMs, surrogates), escapes other than `\"`, `\\`, `\n` and `\t`, `?` indicators,
 *   comments glued to a quoted scalar or a flow collection, plain scalars in flow collections
 *   that go-yaml cuts differently, directives and `...` lines; and, seen while parsing: tags,
 *   anchors (so aliases), keys that are not strings, `<<` keys, `.inf`/`.nan`, keys of 1,000
 *   characters or more, any js-yaml warning or error (duplicate keys among them), and any node
 *   whose children do not pair up with its value one to one (empty sequence items, flow pairs);
 * - js-yaml's `listener` reports where each node starts; per mapping the start of each key, per
 *   sequence the start of each item, per document its root, so `positionOf` answers what the
 *   exact reader's finder answers.
 *
 * @packageDocumentation
 */
import { FAILSAFE_SCHEMA, Type, load } from 'js-yaml'
import type { LoadOptions as JsYamlOptions } from 'js-yaml'
import { Document as YamlDocument, isScalar } from 'yaml'
import type { ScalarTag } from 'yaml'
import type { Position } from '../document.js'
import { segmentsOf } from '../../path.js'
import type { FieldPath } from '../../path.js'
import { mayCutFlowScalars } from './goFlowScalars.js'
import { positionAt } from './lineIndex.js'
import type { LineIndex } from './lineIndex.js'
import { YAML_OPTIONS } from './yamlOptions.js'

// ---------------------------------------------------------------------------------------------
// Plain scalars, resolved by the exact reader's tag list

const template = new YamlDocument(null, YAML_OPTIONS)
// eemeli/yaml's `findScalarTagByTest`: the first default tag whose test matches, else a string.
const PLAIN_TAGS = (template.schema.tags as ReadonlyArray<ScalarTag & { collection?: unknown }>).filter(
  (t) => t.default === true && t.test !== undefined && t.collection === undefined,
)
const RESOLVE_OPTIONS = template.options

/** Marks a plain scalar the fast reader does not read (its resolution reported an error, or it is no JSON number). */
const UNPROVABLE: unique symbol = Symbol('unprovable')

const resolvePlain = (text: string): unknown => {
  for (const tag of PLAIN_TAGS) {
    if (!(tag.test as RegExp).test(text)) continue
    let failed = false
    let value: unknown
    try {
      value = tag.resolve(text, () => {
        failed = true
      }, RESOLVE_OPTIONS)
    } catch {
      return UNPROVABLE
    }
    if (failed) return UNPROVABLE
    if (isScalar(value)) value = value.value
    // `.inf`/`.nan`: the exact reader refuses them as values and writes them Go's way as keys.
    if (typeof value === 'number' && !Number.isFinite(value)) return UNPROVABLE
    return value
  }
  return text
}

// One test for "does any tag of the list match?", built from the list itself: most plain scalars
// (names, keys) match none and are strings at the cost of one regular expression.
const ANY_TAG: RegExp | null = PLAIN_TAGS.every((t) => (t.test as RegExp).flags === '')
  ? new RegExp(PLAIN_TAGS.map((t) => `(?:${(t.test as RegExp).source})`).join('|'))
  : null

// The others repeat a lot (`true`, `1`, `null`): resolved once, in a bounded cache so memory
// stays flat whatever the input.
const CACHE_LIMIT = 10_000
let cache = new Map<string, unknown>()

const resolved = (text: string): unknown => {
  if (ANY_TAG !== null && !ANY_TAG.test(text)) return text
  let value = cache.get(text)
  if (value === undefined && !cache.has(text)) {
    value = resolvePlain(text)
    if (cache.size >= CACHE_LIMIT) cache = new Map()
    cache.set(text, value)
  }
  return value
}

/**
 * The value kubectl gives a plain (unquoted) scalar, as the exact reader resolves it (the text
 * itself for the few the fast reader leaves to the exact reader, `.inf` among them).
 *
 * @example
 * kubectlPlainScalar('yes') // true
 * kubectlPlainScalar('0o17') // 15
 * kubectlPlainScalar('12345678901234567890') // 12345678901234567890n
 * kubectlPlainScalar('2026-01-01') // '2026-01-01'
 */
export const kubectlPlainScalar = (text: string): unknown => {
  const value = resolved(text)
  return value === UNPROVABLE ? text : value
}

// Set when a plain scalar of the document being read is one the fast reader leaves alone.
let unprovableSeen = false

const constructPlain = (text: string): unknown => {
  const value = resolved(text)
  if (value !== UNPROVABLE) return value
  unprovableSeen = true
  return text
}

// ---------------------------------------------------------------------------------------------
// The gate on the text

// Printable ASCII, LF, and Unicode that no reader treats specially: not NEL, LS, PS, a BOM,
// U+FFFE/U+FFFF or a surrogate (so no character beyond U+FFFF either).
const OUTSIDE_DOMAIN = /[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/
// Escapes both readers decode alike; any other backslash (in any scalar style) is left to the exact reader.
const OTHER_BACKSLASH = /\\[^"\\nt]/
// `?` as an indicator (explicit key, also in flow and after `-`), or as a plain scalar of its own.
const QUESTION_INDICATOR = /(?:^|[ [{,-])\?(?:[ \n,\]}]|$)/m
// A comment glued to a quoted scalar or a flow collection (`"x"# c`): an error to the exact reader, a comment to js-yaml.
const GLUED_COMMENT = /["'\]}]#/
// A directive, or a `...` document end marker.
const DIRECTIVE_OR_END = /^(?:%|\.\.\.(?:[ \n]|$))/m

/**
 * Does the text hold only what the fast reader is proven to read exactly? `false` sends the
 * document to the exact reader; the parse adds its own checks.
 *
 * @example
 * inFastDomain('kind: Pod\nspec: {}\n') // true
 * inFastDomain('a: "\\u00e9"\n') // false
 */
export const inFastDomain = (text: string): boolean =>
  !OUTSIDE_DOMAIN.test(text) &&
  !(text.includes('\\') && OTHER_BACKSLASH.test(text)) &&
  !(text.includes('?') && QUESTION_INDICATOR.test(text)) &&
  !(text.includes('#') && GLUED_COMMENT.test(text)) &&
  !((text.includes('%') || text.includes('...')) && DIRECTIVE_OR_END.test(text)) &&
  !mayCutFlowScalars(text)

// ---------------------------------------------------------------------------------------------
// The parse, with its listener

const PLAIN_TAG = 'tag:no-new-privs,kubectl:plain'
// Below YAML's 1024 characters, with room for the spaces between a key and its `:`.
const LONGEST_KEY = 1000

/**
 * Where a mapping's keys start, as one flat array (key, offset, key, offset, … in the order
 * written), or a sequence's items (offsets): one allocation per collection.
 */
type Places = ReadonlyArray<string | number>

/** The part of js-yaml's loader state the listener reads. */
interface ListenerState {
  readonly position: number
  readonly tag: string | null
  readonly anchor: string | null
  readonly kind: string | null
  readonly result: unknown
}

/** One parse's bookkeeping: a stack of open nodes and of the finished children of each. */
class Recorder {
  refused = false
  root = -1
  places = new Map<object, Places>()
  // The stacks are kept from one document to the next (reading is synchronous): only `places`
  // is new per document, so a stream of documents does not regrow them each time.
  private readonly opens: number[] = []
  private readonly bases: number[] = []
  private depth = 0
  private readonly childStarts: number[] = []
  private readonly childValues: unknown[] = []
  private top = 0

  /** Ready for the next document. */
  reset(): void {
    this.refused = false
    this.root = -1
    this.places = new Map()
    this.depth = 0
    this.top = 0
  }

  /** Lets go of the last document's values. */
  release(): void {
    this.childValues.fill(undefined)
  }

  readonly listener = (event: string, state: ListenerState): void => {
    if (event === 'open') {
      this.opens[this.depth] = state.position
      this.bases[this.depth] = this.top
      this.depth++
      return
    }
    this.depth--
    const start = this.opens[this.depth] as number
    const base = this.bases[this.depth] as number
    if (!this.refused) {
      const tag = state.tag
      if ((tag !== null && tag !== PLAIN_TAG) || state.anchor !== null) this.refused = true
      else if (state.kind === 'mapping' || state.kind === 'sequence') this.collection(state.kind, state.result, base)
    }
    this.top = base
    this.childStarts[this.top] = start
    this.childValues[this.top] = state.result
    this.top++
    if (this.depth === 0) this.root = start
  }

  private collection(kind: string, result: unknown, base: number): void {
    if (typeof result !== 'object' || result === null || this.places.has(result)) return
    const n = this.top - base
    if (kind === 'sequence') {
      if (!Array.isArray(result) || result.length !== n) this.refused = true
      else this.places.set(result, this.childStarts.slice(base, this.top))
      return
    }
    if (n % 2 !== 0 || ownKeyCount(result) !== n / 2) {
      this.refused = true
      return
    }
    const places: Array<string | number> = new Array<string | number>(n)
    for (let i = base; i < this.top; i += 2) {
      const key = this.childValues[i]
      if (typeof key !== 'string' || key === '<<' || !Object.prototype.hasOwnProperty.call(result, key)) {
        this.refused = true
        return
      }
      const start = this.childStarts[i] as number
      // An implicit key may span at most 1024 characters up to its `:` (YAML, go-yaml and the
      // exact reader refuse longer ones, js-yaml does not); the value opens just after the `:`.
      if ((this.childStarts[i + 1] as number) - start > LONGEST_KEY) {
        this.refused = true
        return
      }
      places[i - base] = key
      places[i - base + 1] = start
    }
    this.places.set(result, places)
  }
}

/** How many keys a mapping js-yaml made holds (its own, all enumerable), without an array of them. */
const ownKeyCount = (o: object): number => {
  let n = 0
  for (const _ in o) n++
  return n
}

const RECORDER = new Recorder()

let lastOptions: { readonly maxDepth: number; readonly options: JsYamlOptions } | null = null

/** js-yaml's options for a depth limit, made again only when the limit changes. */
const optionsFor = (maxDepth: number): JsYamlOptions => {
  if (lastOptions?.maxDepth === maxDepth) return lastOptions.options
  const options = {
    schema: SCHEMA,
    json: false,
    // js-yaml counts every node, so it stops at or before the exact reader's collection depth.
    maxDepth,
    onWarning: () => {
      RECORDER.refused = true
    },
    listener: RECORDER.listener,
  } as unknown as JsYamlOptions
  lastOptions = { maxDepth, options }
  return options
}

const plainType = new Type(PLAIN_TAG, {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string',
  construct: constructPlain,
})
const SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [plainType] })

/** What the fast reader read of one document: its value and where its nodes start. */
export interface FastDocument {
  /** `null` or `undefined` for an empty document. */
  readonly value: unknown
  /** Offset of the root node in the document's text. */
  readonly root: number
  readonly places: ReadonlyMap<object, Places>
}

/**
 * Reads one document's text (no `---` other than its own first marker) with js-yaml, or answers
 * `null` when the document is outside what the fast reader is proven to read exactly; the exact
 * reader then reads it, and every error and warning comes from there.
 *
 * @example
 * fastDocument('kind: Pod\nspec:\n  hostPID: yes\n', 500)?.value // { kind: 'Pod', spec: { hostPID: true } }
 * fastDocument('a: &x 1\nb: *x\n', 500) // null
 */
export const fastDocument = (text: string, maxDepth: number): FastDocument | null => {
  if (!inFastDomain(text)) return null
  const recorder = RECORDER
  recorder.reset()
  const options = optionsFor(maxDepth)
  let value: unknown
  unprovableSeen = false
  try {
    value = load(text, options)
  } catch {
    recorder.release()
    return null
  }
  recorder.release()
  if (recorder.refused || unprovableSeen) return null
  return { value, root: recorder.root, places: recorder.places }
}

// ---------------------------------------------------------------------------------------------
// positionOf

/**
 * The first offset at or after `at` that is not a space, a line break or a comment. js-yaml opens
 * keys, items and the root on their first character already; a node opened before the spaces in
 * front of it (as a mapping's values are) would still answer its first character.
 */
const contentAt = (text: string, at: number): number => {
  let i = at
  for (;;) {
    const c = text.charCodeAt(i)
    if (c === 32 || c === 10) i++
    else if (c === 35) {
      const nl = text.indexOf('\n', i)
      if (nl < 0) return text.length
      i = nl + 1
    } else return i
  }
}

/** Above this many keys a mapping's places are looked up through a `Map`: 100,000 fields of one pod spec placed one by one were quadratic. */
const KEY_INDEX_FROM = 32
const keyIndexes = new WeakMap<ReadonlyArray<string | number>, Map<string, number>>()

/** The offset `places` (key, offset, key, offset, …) holds for `key`: the first one, as a scan finds it. */
function keyOffset(places: ReadonlyArray<string | number>, key: string): number | undefined {
  if (places.length <= 2 * KEY_INDEX_FROM) {
    for (let i = 0; i < places.length; i += 2) if (places[i] === key) return places[i + 1] as number
    return undefined
  }
  let index = keyIndexes.get(places)
  if (index === undefined) {
    index = new Map()
    for (let i = places.length - 2; i >= 0; i -= 2) index.set(places[i] as string, places[i + 1] as number)
    keyIndexes.set(places, index)
  }
  return index.get(key)
}

/**
 * Makes the `positionOf` of a document the fast reader read: `text` is the document's text,
 * `base` its offset in the whole source, `lines` the source's line index. It answers what the
 * exact reader's finder answers: a map field the place of its key, an item the place of its
 * value, the root the place of its first node.
 *
 * @example
 * const text = 'spec:\n  containers:\n    - name: a\n'
 * const doc = fastDocument(text, 500)
 * if (doc) fastPositionFinder(doc, text, lineIndexOf(text), 0)('spec.containers[0]') // { line: 3, column: 7 }
 */
export const fastPositionFinder = (doc: FastDocument, text: string, lines: LineIndex, base: number) => (path: FieldPath): Position | null => {
  const segments = segmentsOf(path)
  if (segments === null) return null
  let node: unknown = doc.value
  let at = doc.root
  for (const segment of segments) {
    if (typeof node !== 'object' || node === null) return null
    const places = doc.places.get(node)
    if (places === undefined) return null
    if (Array.isArray(node)) {
      if (typeof segment !== 'number' || segment >= node.length) return null
      at = places[segment] as number
      node = node[segment] as unknown
    } else {
      const key = String(segment)
      const found = keyOffset(places, key)
      if (found === undefined) return null
      at = found
      node = (node as Record<string, unknown>)[key]
    }
  }
  return at < 0 ? null : positionAt(lines, base + contentAt(text, at))
}
