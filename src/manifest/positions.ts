/**
 * Field path → place in the source, looked up lazily on the composed YAML tree.
 *
 * Nothing is computed until a caller asks: most documents are asked for a handful of paths (one
 * per container and violation), so building a table of every node's place would cost more than
 * it saves.
 *
 * @packageDocumentation
 */
import { isAlias, isMap, isNode, isScalar, isSeq } from 'yaml'
import type { Document, Pair, YAMLMap } from 'yaml'
import type { Position } from './document.js'
import { segmentsOf } from './fieldPath.js'
import type { FieldPath } from './fieldPath.js'
import { positionAt } from './lineIndex.js'
import type { LineIndex } from './lineIndex.js'

const MERGE_KEY = '<<'
// Merges of merges are followed this far; deeper chains are treated as not found.
const MAX_MERGE_HOPS = 64

/** An alias stands for its anchor's node; anything else stands for itself. */
const targetOf = (doc: Document, value: unknown): unknown => (isAlias(value) ? value.resolve(doc) : value)

// With `merge: true` eemeli/yaml gives a merge key the value `Symbol('<<')`; a quoted "<<" is an
// ordinary string key and merges nothing.
const isMergePair = (pair: Pair): boolean => {
  const key = pair.key
  return isScalar(key) && typeof key.value === 'symbol' && key.value.description === MERGE_KEY
}

const keyMatches = (pair: Pair, key: string): boolean => {
  const k = pair.key
  if (isScalar(k)) return String(k.value) === key
  return k === key
}

/**
 * The pair that gives `map[key]` its value, as `toJS` decides it: a key written in the map wins
 * over merged ones, and among `<<` sources the first that has the key wins.
 */
const pairOf = (doc: Document, map: YAMLMap, key: string, hops: number): Pair | null => {
  for (const item of map.items) if (!isMergePair(item) && keyMatches(item, key)) return item
  if (hops >= MAX_MERGE_HOPS) return null
  for (const item of map.items) {
    if (!isMergePair(item)) continue
    const source = targetOf(doc, item.value)
    const sources = isSeq(source) ? source.items.map((s) => targetOf(doc, s)) : [source]
    for (const s of sources) {
      if (!isMap(s)) continue
      const found = pairOf(doc, s, key, hops + 1)
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
export const positionFinder =
  (doc: Document, lines: LineIndex, base: number) =>
  (path: FieldPath): Position | null => {
    const segments = segmentsOf(path)
    if (segments === null) return null
    let node: unknown = doc.contents
    let at = startOf(node)
    for (const segment of segments) {
      node = targetOf(doc, node)
      if (isMap(node)) {
        const pair = pairOf(doc, node, String(segment), 0)
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

/** The answer of a document that did not come from text: no place is known. */
export const noPosition = (_path: FieldPath): Position | null => null
