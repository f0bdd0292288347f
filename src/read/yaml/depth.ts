/**
 * How deep a document nests, measured without recursion.
 *
 * eemeli/yaml composes and converts recursively; a few thousand levels can make V8 abort the
 * process (a fatal "RegExpCompiler Allocation failed", not a catchable RangeError), so depth is
 * checked on the token tree before composing, and again after alias expansion before `toJS`.
 *
 * @packageDocumentation
 */
import { isAlias, isMap, isPair, isSeq } from 'yaml'
import type { CST, Node } from 'yaml'

/**
 * The outcome of a depth check: fine, the offset of the first collection past the depth limit,
 * or the offset of an alias past the alias limit.
 */
export type DepthCheck =
  | { readonly _tag: 'Within'; readonly hasAlias: boolean }
  | { readonly _tag: 'TooDeep'; readonly offset: number }
  | { readonly _tag: 'TooManyAliases'; readonly offset: number }

/**
 * Checks that no collection of a CST document nests deeper than `maxDepth` and that it holds at
 * most `maxAliases` aliases (negative: no limit); also says whether the document uses any alias
 * (only then is the expanded depth worth measuring). The alias limit is there because
 * eemeli/yaml resolves each alias by scanning every anchor before it: thousands of aliases make
 * reading one document quadratic, and real manifests hold a handful.
 *
 * @example
 * import { Parser } from 'yaml'
 * const [doc] = new Parser().parse('[[[1]]]')
 * checkTokenDepth(doc, 2) // { _tag: 'TooDeep', offset: 2 }
 */
export const checkTokenDepth = (document: CST.Token, maxDepth: number, maxAliases = -1): DepthCheck => {
  const tokens: CST.Token[] = [document]
  const depths: number[] = [0]
  let hasAlias = false
  let aliases = 0
  while (tokens.length > 0) {
    const token = tokens.pop() as CST.Token
    let depth = depths.pop() as number
    switch (token.type) {
      case 'document':
        if (token.value) {
          tokens.push(token.value)
          depths.push(depth)
        }
        break
      case 'alias':
        hasAlias = true
        aliases += 1
        if (maxAliases >= 0 && aliases > maxAliases) return { _tag: 'TooManyAliases', offset: token.offset }
        break
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        depth += 1
        if (depth > maxDepth) return { _tag: 'TooDeep', offset: token.offset }
        for (const item of token.items) {
          if (item.key) {
            tokens.push(item.key)
            depths.push(depth)
          }
          if (item.value) {
            tokens.push(item.value)
            depths.push(depth)
          }
        }
        break
      default:
        break
    }
  }
  return { _tag: 'Within', hasAlias }
}

/** One collection being measured: its children still to visit and the deepest child so far. */
interface Frame {
  readonly node: Node
  readonly children: ReadonlyArray<unknown>
  next: number
  deepest: number
}

const childrenOf = (node: Node): ReadonlyArray<unknown> | null => {
  if (!isMap(node) && !isSeq(node)) return null
  const children: unknown[] = []
  for (const item of node.items) {
    if (isPair(item)) children.push(item.key, item.value)
    else children.push(item)
  }
  return children
}

/**
 * The nesting depth of a composed document once its aliases are expanded, in document order, so
 * an alias meets its anchor's depth already measured. An alias inside its own anchor counts 0
 * (`toJS` reports it). Stops early and answers `maxDepth + 1` once past the limit.
 *
 * @example
 * import { parseDocument } from 'yaml'
 * const doc = parseDocument('a: &a [[1]]\nb: [*a]')
 * expandedDepthOf(doc.contents, 10) // 4: the map, b's sequence, then a's two levels
 */
export const expandedDepthOf = (root: unknown, maxDepth: number): number => {
  const anchors = new Map<string, Node>()
  const heights = new Map<Node, number>()
  const stack: Frame[] = []
  // Height of a leaf, or pushes a frame and returns -1 to say "pending".
  const enter = (value: unknown): number => {
    if (isAlias(value)) {
      const source = anchors.get(value.source)
      return source === undefined ? 0 : (heights.get(source) ?? 0)
    }
    if (value === null || typeof value !== 'object') return 0
    const node = value as Node
    if (node.anchor) anchors.set(node.anchor, node)
    const children = childrenOf(node)
    if (children === null) {
      heights.set(node, 0)
      return 0
    }
    stack.push({ node, children, next: 0, deepest: 0 })
    return -1
  }
  let result = enter(root)
  if (stack.length > maxDepth) return maxDepth + 1
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame
    if (frame.next < frame.children.length) {
      const height = enter(frame.children[frame.next++])
      // A pending child is on the stack now; a finished one (leaf or alias) adds its height.
      if (stack.length + Math.max(height, 0) > maxDepth) return maxDepth + 1
      if (height > frame.deepest) frame.deepest = height
      continue
    }
    stack.pop()
    const height = frame.deepest + 1
    if (height > maxDepth) return maxDepth + 1
    heights.set(frame.node, height)
    result = height
    const parent = stack[stack.length - 1]
    if (parent !== undefined && height > parent.deepest) parent.deepest = height
  }
  return result
}
