/**
 * Duplicate mapping keys, found in one pass.
 *
 * kubectl (go-yaml v2) keeps the last of two equal keys without a word; this library makes that a
 * `duplicate-key` warning naming both lines (an error under strict mode), so each duplicate is
 * reported with both places and the path of its map. eemeli/yaml's own `uniqueKeys` check
 * compares each new key with every earlier key of its map, so a map of 50,000 keys took most of
 * a minute; this finds the same duplicates with one map per mapping, so reading stays linear.
 *
 * @packageDocumentation
 */
import { YAMLParseError, isMap, isPair, isScalar, isSeq } from 'yaml'
import type { Document } from 'yaml'
import { fieldOf, itemOf } from '../../path.js'

/** One repeated key: where it is repeated, where it first was, and the path of its map. */
export interface DuplicateKeyAt {
  /** The key's value as read (`yes` and `true` both read `true`). */
  readonly key: string
  /** Offset of the repeated (winning) key in the document's text. */
  readonly offset: number
  /** Offset of the first occurrence. */
  readonly firstOffset: number
  /** Path of the map that holds the key twice, from the document root (`''` for the root). */
  readonly path: string
}

const keyName = (value: unknown): string => (value === null ? 'null' : String(value))

/**
 * Every repeated scalar key of a composed document (parse it with `uniqueKeys: false`), in
 * linear time. Two scalar keys are the same when their values are (`1` and `"1"` differ), as
 * eemeli/yaml compares them; collection keys and `<<` merge keys are never equal to one another.
 *
 * @example
 * import { parseDocument } from 'yaml'
 * duplicateKeys(parseDocument('a: 1\nb: 2\na: 3\n', { uniqueKeys: false }))
 * // [{ key: 'a', offset: 10, firstOffset: 0, path: '' }]
 */
export const duplicateKeys = (doc: Document.Parsed): DuplicateKeyAt[] => {
  const found: DuplicateKeyAt[] = []
  // Explicit stack: a document may nest up to `maxDepth` levels, and recursion is what V8 aborts on.
  const stack: Array<readonly [unknown, string]> = [[doc.contents, '']]
  while (stack.length > 0) {
    const [node, path] = stack.pop() as readonly [unknown, string]
    if (isMap(node)) {
      const seen = new Map<unknown, number>()
      for (const pair of node.items) {
        const key = pair.key
        if (isScalar(key)) {
          const value = key.value
          const start = key.range?.[0] ?? 0
          const first = seen.get(value)
          // NaN is not === to itself: eemeli/yaml never calls two `.nan` keys the same.
          if (first !== undefined && !(typeof value === 'number' && Number.isNaN(value))) found.push({ key: keyName(value), offset: start, firstOffset: first, path })
          seen.set(value, start)
          stack.push([pair.value, fieldOf(path, keyName(value))])
        } else {
          stack.push([key, path], [pair.value, path])
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (isPair(item)) stack.push([item.key, itemOf(path, i)], [item.value, itemOf(path, i)])
        else stack.push([item, itemOf(path, i)])
      })
    }
  }
  return found
}

/**
 * The `DUPLICATE_KEY` errors eemeli/yaml's `uniqueKeys: true` would report, each at the
 * repeated key (see `duplicateKeys`).
 *
 * @example
 * import { parseDocument } from 'yaml'
 * const doc = parseDocument('a: 1\nb: 2\na: 3\n', { uniqueKeys: false })
 * duplicateKeyErrors(doc).map((e) => e.pos[0]) // [10]
 */
export const duplicateKeyErrors = (doc: Document.Parsed): YAMLParseError[] =>
  duplicateKeys(doc).map((d) => new YAMLParseError([d.offset, d.offset + 1], 'DUPLICATE_KEY', 'Map keys must be unique'))
