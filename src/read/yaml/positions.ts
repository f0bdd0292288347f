/**
 * Field path → place in the source, looked up lazily on the composed YAML tree.
 *
 * Nothing is computed until a caller asks: most documents are asked for a handful of paths (one
 * per container and violation), so building a table of every node's place would cost more than
 * it saves.
 *
 * @packageDocumentation
 */
import { isAlias, isMap, isNode, isScalar, isSeq, visit } from 'yaml'
import type { Alias, Document, Pair, YAMLMap } from 'yaml'
import type { Position } from '../document.js'
import { segmentsOf } from '../../path.js'
import type { FieldPath } from '../../path.js'
import { positionAt } from './lineIndex.js'
import type { LineIndex } from './lineIndex.js'

const MERGE_KEY = '<<'
// Merges of merges are followed this far; deeper chains are treated as not found.
const MAX_MERGE_HOPS = 64

/**
 * What each alias of the document stands for: the last node before it with its anchor, as
 * eemeli/yaml's `Alias.resolve` decides, found in one visit instead of one visit per alias.
 */
const aliasTargetsOf = (doc: Document): Map<Alias, unknown> => {
  const targets = new Map<Alias, unknown>()
  const anchored = new Map<string, unknown>()
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node)) {
        if (anchored.has(node.source)) targets.set(node, anchored.get(node.source))
      } else if (node.anchor) anchored.set(node.anchor, node)
    },
  })
  return targets
}

/**
 * Lookups a finder repeats for every path it is asked: built on first use, then kept, so a
 * document with thousands of containers or fields costs one pass, not one pass per question.
 */
interface Lookups {
  readonly doc: Document
  aliases: Map<Alias, unknown> | null
  readonly keys: WeakMap<YAMLMap, Map<string, Pair>>
}

/** An alias stands for its anchor's node; anything else stands for itself. */
const targetOf = (lookups: Lookups, value: unknown): unknown => {
  if (!isAlias(value)) return value
  lookups.aliases ??= aliasTargetsOf(lookups.doc)
  return lookups.aliases.get(value)
}

// With `merge: true` eemeli/yaml gives a merge key the value `Symbol('<<')`; a quoted "<<" is an
// ordinary string key and merges nothing.
const isMergePair = (pair: Pair): boolean => {
  const key = pair.key
  return isScalar(key) && typeof key.value === 'symbol' && key.value.description === MERGE_KEY
}

/** The key a pair is addressed by in a path: its scalar's value as a string; other keys never match. */
const keyTextOf = (pair: Pair): string | null => {
  const k = pair.key
  if (isScalar(k)) return String(k.value)
  return typeof k === 'string' ? k : null
}

/** The first pair written in `map` (merges aside) under each key. */
const keyIndexOf = (lookups: Lookups, map: YAMLMap): Map<string, Pair> => {
  let index = lookups.keys.get(map)
  if (index !== undefined) return index
  index = new Map<string, Pair>()
  for (const item of map.items) {
    if (isMergePair(item)) continue
    const text = keyTextOf(item)
    if (text !== null && !index.has(text)) index.set(text, item)
  }
  lookups.keys.set(map, index)
  return index
}

/**
 * The pair that gives `map[key]` its value, as `toJS` decides it: a key written in the map wins
 * over merged ones, and among `<<` sources the first that has the key wins.
 */
const pairOf = (lookups: Lookups, map: YAMLMap, key: string, hops: number): Pair | null => {
  const own = keyIndexOf(lookups, map).get(key)
  if (own !== undefined) return own
  if (hops >= MAX_MERGE_HOPS) return null
  for (const item of map.items) {
    if (!isMergePair(item)) continue
    const source = targetOf(lookups, item.value)
    const sources = isSeq(source) ? source.items.map((s) => targetOf(lookups, s)) : [source]
    for (const s of sources) {
      if (!isMap(s)) continue
      const found = pairOf(lookups, s, key, hops + 1)
      if (found !== null) return found
    }
  }
  return null
}

const startOf = (value: unknown): number | null => (isNode(value) && value.range ? value.range[0] : null)

/**
 * Makes the `positionOf` of one document: `base` is the offset of the document's text in the
 * whole source, `lines` the source's line index.
 *
 * @example
 * import { parseDocument } from 'yaml'
 * const text = 'spec:\n  containers:\n    - name: a\n'
 * const find = positionFinder(parseDocument(text), lineIndexOf(text), 0)
 * find('spec.containers[0]') // { line: 3, column: 7 }
 * find('spec.containers[0].name') // { line: 3, column: 7 }
 * find('spec.volumes') // null
 */
export const positionFinder = (doc: Document, lines: LineIndex, base: number) => {
  const lookups: Lookups = { doc, aliases: null, keys: new WeakMap() }
  return (path: FieldPath): Position | null => {
    const segments = segmentsOf(path)
    if (segments === null) return null
    let node: unknown = doc.contents
    let at = startOf(node)
    for (const segment of segments) {
      node = targetOf(lookups, node)
      if (isMap(node)) {
        const pair = pairOf(lookups, node, String(segment), 0)
        if (pair === null) return null
        at = startOf(pair.key) ?? startOf(pair.value)
        node = pair.value
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment]
        if (node === undefined) return null
        at = startOf(node)
      } else return null
    }
    return at === null ? null : positionAt(lines, base + at)
  }
}

/** The answer of a document that did not come from text: no place is known. */
export const noPosition = (_path: FieldPath): Position | null => null
