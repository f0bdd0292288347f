/**
 * Tags spelt the way go-yaml v2's scanner reads them.
 *
 * go-yaml takes `,`, `[` and `]` as characters of a tag (they are URI characters), where
 * eemeli/yaml ends the tag before them, as YAML 1.2 says: `[!!null, 1]` is to kubectl one item,
 * `1`, under the unknown tag `!!null,` (so the string `"1"`), and `{a: !!null, b: 1}` a syntax
 * error. Replacing those characters inside such a tag by `_` gives eemeli/yaml the same reading
 * (an unknown tag that runs on to the same place) without moving any other character.
 *
 * @packageDocumentation
 */
import { Lexer } from 'yaml'

// eemeli/yaml's lexer marks documents, flow ends and plain scalars with characters that take no
// place in the source.
const ZERO_WIDTH = new Set(['\x02', '\x18', '\x1f'])
const GO_ONLY = new Set([',', '[', ']'])
const GO_URI = /[0-9A-Za-z\-_;/?:@&=+$,.!~*'()[\]%]/
const MAYBE = /![^\s,[\]!]*[,[\]]/

/**
 * The text with `,`, `[` and `]` inside go-yaml's tags replaced by `_`; the text itself when
 * there are none (the common case costs one regular-expression test).
 *
 * @example
 * goTagSpelling('a: [!!null, 1]') // 'a: [!!null_ 1]'
 * goTagSpelling('a: "!,"') // 'a: "!,"'
 */
export const goTagSpelling = (text: string): string => {
  if (!MAYBE.test(text)) return text
  let out: string[] | null = null
  let offset = 0
  for (const token of new Lexer().lex(text)) {
    if (ZERO_WIDTH.has(token)) continue
    const end = offset + token.length
    if (token.startsWith('!') && !token.startsWith('!<')) {
      for (let j = end; j < text.length && GO_URI.test(text[j] as string); j++) {
        if (GO_ONLY.has(text[j] as string)) {
          out ??= [...text]
          out[j] = '_'
        }
      }
    }
    offset = end
  }
  return out === null ? text : out.join('')
}
