/**
 * Plain scalars inside `[...]` and `{...}` cut where go-yaml v2's scanner cuts them.
 *
 * In flow context go-yaml ends a plain scalar at `?` and takes a `?` or `:` that starts one as an
 * indicator, even with no space after it (YAML 1.1): `{url: http://x/p?q=1}` and `{x: :y}` are
 * syntax errors to kubectl, `{?x: 1}` is `{x: 1}` and `[?x]` is `[{x: null}]`. eemeli/yaml
 * (YAML 1.2) reads all four as text inside the scalar.
 *
 * @packageDocumentation
 */
import { Parser } from 'yaml'
import type { CST } from 'yaml'
import type { ScannerRefusal } from './goScanner.js'

// Cheap, linear filters: only a text with a flow collection and a `?`, or a `:` that may start a
// plain scalar, is parsed a second time.
/** The pattern `hasLeadingColon` finds (kept as the statement of it, and for its test). */
export const LEADING_COLON = /(?:[[{,]|:[ \t])[ \t]*:/
/**
 * Might go-yaml cut a plain scalar in a flow collection of `text` differently from a YAML 1.2
 * reader (a flow collection, and a `?` or a `:` that may start a plain scalar)? `false` is sure.
 *
 * @example
 * mayCutFlowScalars('a: {u: http://x/p?q=1}') // true
 * mayCutFlowScalars('a: {}') // false
 */
export const mayCutFlowScalars = (text: string): boolean =>
  (text.includes('[') || text.includes('{')) && (text.includes('?') || hasLeadingColon(text))

/**
 * `LEADING_COLON.test(text)`, found from each `:` backwards (a kubectl List item has a `:` on
 * every line, and the expression cost a regular-expression scan of every character of every item).
 */
export const hasLeadingColon = (text: string): boolean => {
  for (let p = text.indexOf(':', 1); p >= 0; p = text.indexOf(':', p + 1)) {
    let q = p - 1
    while (q >= 0 && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)) q--
    if (q < 0) continue
    const c = text.charCodeAt(q)
    // `[`, `{` or `,` then blanks, or `:` then at least one blank, then this `:`.
    if (c === 91 || c === 123 || c === 44 || (c === 58 && q < p - 1)) return true
  }
  return false
}

/**
 * The text to parse (a leading `?` of a flow key blanked), and where the scalars start that were
 * `[?x]` items (go-yaml: a one-pair map `{x: null}`, made so after composing); or go-yaml's refusal.
 */
export type FlowScalars = { readonly _tag: 'Text'; readonly text: string; readonly pairs: ReadonlyArray<number> } | ({ readonly _tag: 'Refused' } & ScannerRefusal)

const refusedAt = (offset: number, what: string, said: string): FlowScalars => ({
  _tag: 'Refused',
  offset,
  message: `${what} inside [...] or {...}: kubectl refuses the document ("${said}"); quote the value`,
})

/**
 * go-yaml's reading of the plain scalars in flow collections of `text`.
 *
 * @example
 * goFlowScalars('a: {?x: 1}') // { _tag: 'Text', text: 'a: { x: 1}', pairs: [] }
 * goFlowScalars('a: [?x]') // { _tag: 'Text', text: 'a: [ x]', pairs: [5] }
 * goFlowScalars('a: {u: http://x/p?q=1}')._tag // 'Refused'
 */
export const goFlowScalars = (text: string): FlowScalars => {
  if (!mayCutFlowScalars(text)) return { _tag: 'Text', text, pairs: [] }
  let out: string[] | null = null
  const pairs: number[] = []
  const stack: CST.Token[] = []
  for (const doc of new Parser().parse(text)) stack.push(doc)
  while (stack.length > 0) {
    const token = stack.pop() as CST.Token
    switch (token.type) {
      case 'document':
        if (token.value) stack.push(token.value)
        break
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        const flow = token.type === 'flow-collection'
        const isSeq = flow && token.start.source === '['
        for (const item of token.items) {
          if (flow) {
            for (const part of [item.key, item.value]) {
              if (part?.type !== 'scalar') continue
              const source = part.source
              if (source.startsWith(':')) return refusedAt(part.offset, 'a plain value starting with `:`', 'did not find expected node content')
              const q = source.indexOf('?', 1)
              if (q > 0) return refusedAt(part.offset + q, 'a `?` in a plain value', "did not find expected ',' or '}'")
              if (source.startsWith('?')) {
                // go-yaml's `?` is a key indicator: not after `:`, and not after an anchor or a tag.
                const isValue = part === item.value && (item.sep ?? []).some((t) => t.type === 'map-value-ind')
                if (isValue) return refusedAt(part.offset, 'a `?` that starts a value', 'did not find expected node content')
                const props = isValue ? [] : (item.start as ReadonlyArray<CST.SourceToken>)
                if (props.some((t) => t.type === 'anchor' || t.type === 'tag'))
                  return refusedAt(part.offset, 'a `?` after an anchor or a tag', `did not find expected ',' or '${isSeq ? ']' : '}'}'`)
                // `[?x]`: the item is the one-pair map `{x: null}` to go-yaml.
                if (isSeq && part === item.value && item.sep === undefined && source.length > 1) pairs.push(part.offset + 1)
                out ??= text.split('')
                out[part.offset] = ' '
              }
            }
          }
          if (item.key) stack.push(item.key)
          if (item.value) stack.push(item.value)
        }
        break
      }
      default:
        break
    }
  }
  return { _tag: 'Text', text: out === null ? text : out.join(''), pairs }
}
