/**
 * Duplicate mapping keys, found in one pass.
 *
 * eemeli/yaml's own `uniqueKeys` check compares each new key with every earlier key of its map,
 * so a document with one map of 50,000 keys took most of a minute to read; a hostile file could
 * make it hours. This finds the same duplicates with one set per map, so reading stays linear.
 *
 * @packageDocumentation
 */
import { YAMLParseError, isMap, isPair, isScalar, isSeq } from 'yaml'
import type { Document } from 'yaml'

/**
 * The `DUPLICATE_KEY` errors eemeli/yaml's `uniqueKeys: true` would report for a composed
 * document (parse it with `uniqueKeys: false`), in linear time. Two scalar keys are the same
 * when their values are (`yes` and `true` in YAML 1.1 both read `true`; `1` and `"1"` differ),
 * as eemeli/yaml compares them; collection keys are never equal to one another. Each error sits
 * at the repeated key.
 *
 * @example
 * import { parseDocument } from 'yaml'
 * const doc = parseDocument('a: 1\nb: 2\na: 3\n', { uniqueKeys: false })
 * duplicateKeyErrors(doc).map((e) => e.pos[0]) // [10]
 */
export const duplicateKeyErrors = (doc: Document.Parsed): YAMLParseError[] => {
  const errors: YAMLParseError[] = []
  // Explicit stack: a document may nest up to `maxDepth` levels, and recursion is what V8 aborts on.
  const stack: unknown[] = [doc.contents]
  while (stack.length > 0) {
    const node = stack.pop()
    if (isMap(node)) {
      const seen = new Set<unknown>()
      for (const pair of node.items) {
        const key = pair.key
        if (isScalar(key)) {
          const value = key.value
          // NaN is not === to itself: eemeli/yaml never calls two `.nan` keys the same.
          if (seen.has(value) && !(typeof value === 'number' && Number.isNaN(value))) {
            const start = key.range?.[0] ?? 0
            errors.push(new YAMLParseError([start, start + 1], 'DUPLICATE_KEY', 'Map keys must be unique'))
          } else seen.add(value)
        } else stack.push(key)
        stack.push(pair.value)
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        if (isPair(item)) stack.push(item.key, item.value)
        else stack.push(item)
      }
    }
  }
  return errors
}
