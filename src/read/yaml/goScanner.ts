/**
 * What go-yaml v2's reader and scanner refuse, or read differently, that eemeli/yaml accepts.
 *
 * - Characters: go-yaml's reader refuses control characters (all C0 but tab, LF and CR; DEL;
 *   C1 but NEL; U+FFFE/U+FFFF; lone surrogates): "control characters are not allowed".
 * - Line breaks: NEL (U+0085), LS (U+2028) and PS (U+2029) end a line for go-yaml outside quotes
 *   (a plain `x<LS>y` breaks the line); inside quotes they are breaks that go-yaml folds
 *   (goQuoted.ts). eemeli/yaml reads all three as text.
 * - Escapes: go-yaml's double-quoted escapes are YAML 1.1's; `\/` (YAML 1.2 only) is "found
 *   unknown escape character", and `\uD83D` (a surrogate, even in a pair) "found invalid Unicode
 *   character escape code".
 * - Tabs: in block context a tab after `-` or an explicit `?` is "found character that cannot
 *   start any token" (after `:` it is fine). So is a tab among the blanks that start a line with
 *   nothing else on it (a blank line, or only a comment): go-yaml skips a tab only where no
 *   simple key may start, and one may at every line start in block context (eemeli/yaml reads
 *   such a line as blank). A line with content after the tab is eemeli/yaml's `TAB_AS_INDENT`.
 *
 * @packageDocumentation
 */
import { Lexer } from 'yaml'
import type { CST } from 'yaml'
import { differsInGo, forEemeli } from './goQuoted.js'

/** A refusal of go-yaml's scanner: an offset into the text it read, and why. */
export interface ScannerRefusal {
  readonly offset: number
  readonly message: string
}

// go-yaml's reader: #x9 | #xA | #xD | [#x20-#x7E] | #x85 | [#xA0-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const CONTROL = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u
const UNICODE_BREAK = /[\u0085\u2028\u2029]/g
const PLAIN_ASCII = /^[\t\n\r\x20-\x7e]*$/
const ESCAPED_BREAK = /\\[\r\n\u0085\u2028\u2029]/

/**
 * The first character go-yaml's reader refuses, or `null`.
 *
 * @example
 * controlCharacter('a: "x\u0001"') // { offset: 5, message: 'a control character (U+0001): …' }
 * controlCharacter('a: é') // null
 */
export const controlCharacter = (text: string): ScannerRefusal | null => {
  if (PLAIN_ASCII.test(text)) return null
  const found = CONTROL.exec(text)
  if (found === null) return null
  const code = (found[0].codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')
  return { offset: found.index, message: `a control character (U+${code}): kubectl refuses the document ("control characters are not allowed")` }
}

// eemeli/yaml's lexer marks documents, flow ends and plain scalars with characters that take no place.
const ZERO_WIDTH = new Set(['\x02', '\x18', '\x1f'])

/** The text eemeli/yaml is to read, and where its quoted scalars whose value go-yaml decodes differently start. */
export interface GoText {
  readonly text: string
  /** Offsets of the quoted scalars to decode again with `goQuotedValue` (src/read/yaml/goQuoted.ts). */
  readonly goQuoted: ReadonlyArray<number>
}

/**
 * The text with NEL, LS and PS read as go-yaml reads them, offsets unmoved: a line feed outside
 * quotes; inside a quoted scalar (which go-yaml folds, see goQuoted.ts) a space, as is a `\'`
 * escape made `\"`, and the scalar's offset is listed to be decoded again from the original text.
 *
 * @example
 * goLineBreaks('a: x\u2028y').text // 'a: x\ny'
 * goLineBreaks('a: "x\u0085y"') // { text: 'a: "x y"', goQuoted: [3] }
 */
export const goLineBreaks = (text: string): GoText => {
  if (!text.includes("\\'") && !ESCAPED_BREAK.test(text) && (PLAIN_ASCII.test(text) || !UNICODE_BREAK.test(text))) return { text, goQuoted: [] }
  UNICODE_BREAK.lastIndex = 0
  // By UTF-16 unit, as the lexer counts (joined again, surrogate pairs come back whole).
  const out = text.replace(UNICODE_BREAK, '\n').split('')
  const goQuoted: number[] = []
  let offset = 0
  for (const token of new Lexer().lex(text)) {
    if (ZERO_WIDTH.has(token)) continue
    if (differsInGo(token)) {
      goQuoted.push(offset)
      if (token.startsWith('"') || token.startsWith("'")) {
        const replaced = forEemeli(token)
        for (let j = 0; j < token.length; j++) out[offset + j] = replaced[j] as string
      }
    }
    offset += token.length
  }
  return { text: out.join(''), goQuoted }
}

const GO_ESCAPES = new Set(['0', 'a', 'b', 't', '\t', 'n', 'v', 'f', 'r', 'e', ' ', '"', '\'', '\\', 'N', '_', 'L', 'P', 'x', 'u', 'U', '\n', '\r'])

const badEscape = (token: CST.FlowScalar): ScannerRefusal | null => {
  const source = token.source
  for (let i = source.indexOf('\\'); i >= 0 && i < source.length - 1; i = source.indexOf('\\', i + 2)) {
    const c = source[i + 1] as string
    if (!GO_ESCAPES.has(c))
      return { offset: token.offset + i, message: `the escape \\${c} is not YAML 1.1's: kubectl refuses the document ("found unknown escape character")` }
    if (c === 'u' || c === 'U') {
      const value = Number.parseInt(source.slice(i + 2, i + (c === 'u' ? 6 : 10)), 16)
      if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff)
        return {
          offset: token.offset + i,
          message: `the escape ${source.slice(i, i + (c === 'u' ? 6 : 10))} is a surrogate, not a character: kubectl refuses the document ("found invalid Unicode character escape code"); write a character beyond U+FFFF as \\UXXXXXXXX`,
        }
    }
  }
  return null
}

const tabAfterIndicator = (start: ReadonlyArray<CST.SourceToken>): ScannerRefusal | null => {
  for (let i = 0; i + 1 < start.length; i++) {
    const t = start[i] as CST.SourceToken
    const next = start[i + 1] as CST.SourceToken
    if ((t.type === 'seq-item-ind' || t.type === 'explicit-key-ind') && next.type === 'space' && next.source.includes('\t'))
      return {
        offset: next.offset + next.source.indexOf('\t'),
        message: `a tab after \`${t.source}\`: kubectl refuses the document ("found character that cannot start any token"); use spaces`,
      }
  }
  return null
}

const LINE_END = new Set(['\n', '\r\n', ''])
const BLANKS = /^[ \t]+$/
/** Tokens that end a line's content: after them, go-yaml's plain-scalar scanner is not running. */
const isLineBreak = (t: string): boolean => LINE_END.has(t) && t !== ''

const columnAt = (text: string, offset: number): number => offset - (text.lastIndexOf('\n', offset - 1) + 1)

/**
 * The first tab that starts a blank or comment-only line outside flow collections and scalars
 * (go-yaml refuses it, see above), or `null`. Only a text with a tab is lexed.
 *
 * Right after a plain scalar go-yaml's plain-scalar scanner eats the blank lines that follow,
 * and refuses a tab there only left of the scalar's indentation (the column of the key or `-`
 * that holds it, plus one: "found a tab character that violates indentation"), so
 * `a: 1\n \t\n` is refused and `  a: 1\n   \t\n` is read.
 *
 * @example
 * tabStartingLine('a: 1\n\t# c\n') // { offset: 5, message: 'a tab at the start of a line …' }
 * tabStartingLine('a: [1,\n\t2]\n') // null (inside a flow collection)
 */
export const tabStartingLine = (text: string): ScannerRefusal | null => {
  if (!text.includes('\t')) return null
  const raw = [...new Lexer().lex(text)]
  // Each token with its offset; a plain scalar is marked (the lexer's SCALAR mark before text that is not a block scalar's).
  const tokens: Array<{ readonly t: string; readonly at: number; readonly plain: boolean }> = []
  let offset = 0
  let scalarMark = false
  let blockHeader = false
  for (const t of raw) {
    if (t === '\x1f') scalarMark = true
    if (ZERO_WIDTH.has(t)) continue
    const plain = scalarMark && !blockHeader && !t.startsWith('"') && !t.startsWith("'")
    if (scalarMark) blockHeader = false
    else if (t.startsWith('|') || t.startsWith('>')) blockHeader = true
    scalarMark = false
    tokens.push({ t, at: offset, plain })
    offset += t.length
  }
  let flow = 0
  // The indentation go-yaml's plain-scalar scanner checks blank lines against, while it runs.
  let plainIndent: number | null = null
  for (let i = 0; i < tokens.length; i++) {
    const { t, at, plain } = tokens[i] as (typeof tokens)[number]
    if (t === '{' || t === '[') flow++
    else if ((t === '}' || t === ']') && flow > 0) flow--
    if (flow > 0) continue
    if (plain) {
      plainIndent = holderColumn(text, tokens, i) + 1
      continue
    }
    if ((at === 0 || text[at - 1] === '\n') && BLANKS.test(t)) {
      // The lexer may cut a line's blanks in two (the indentation, then the rest).
      let j = i
      while (BLANKS.test(tokens[j + 1]?.t ?? '')) j++
      const blanks = text.slice(at, (tokens[j] as (typeof tokens)[number]).at + (tokens[j] as (typeof tokens)[number]).t.length)
      const next = tokens[j + 1]?.t ?? ''
      const tab = blanks.indexOf('\t')
      if (tab >= 0 && (LINE_END.has(next) || next.startsWith('#')) && (plainIndent === null || tab < plainIndent))
        return {
          offset: at + tab,
          message: `a tab at the start of a line with nothing else on it (or only a comment): kubectl refuses the document ("${plainIndent === null ? 'found character that cannot start any token' : 'found a tab character that violates indentation'}"); use spaces or remove the tab`,
        }
      i = j
      continue
    }
    if (!isLineBreak(t)) plainIndent = null
  }
  return null
}

/** The column of the key, `-` or `?` that holds the plain scalar `tokens[i]` (its block collection's indentation), or -1 at the top. */
const holderColumn = (text: string, tokens: ReadonlyArray<{ readonly t: string; readonly at: number }>, i: number): number => {
  let j = i - 1
  const skip = (): void => {
    while (j >= 0 && (BLANKS.test((tokens[j] as { t: string }).t) || /^[!&]/.test((tokens[j] as { t: string }).t))) j--
  }
  skip()
  const before = tokens[j]
  if (before === undefined) return -1
  if (before.t === '-' || before.t === '?') return columnAt(text, before.at)
  if (before.t !== ':') return -1
  j--
  skip()
  const key = tokens[j]
  return key === undefined ? -1 : columnAt(text, key.at)
}

/**
 * The first escape or tab of one CST document that go-yaml's scanner refuses, or `null`.
 *
 * @example
 * import { Parser } from 'yaml'
 * const [doc] = new Parser().parse('a: "\\/"\n')
 * scannerRefusal(doc)?.message // 'the escape \/ is not YAML 1.1's: …'
 */
export const scannerRefusal = (document: CST.Token): ScannerRefusal | null => {
  const stack: CST.Token[] = [document]
  while (stack.length > 0) {
    const token = stack.pop() as CST.Token
    switch (token.type) {
      case 'document':
        if (token.value) stack.push(token.value)
        break
      case 'double-quoted-scalar': {
        const bad = token.source.includes('\\') ? badEscape(token) : null
        if (bad) return bad
        break
      }
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        for (const item of token.items) {
          if (token.type !== 'flow-collection') {
            const tab = tabAfterIndicator(item.start)
            if (tab) return tab
          }
          if (item.key) stack.push(item.key)
          if (item.value) stack.push(item.value)
        }
        break
      default:
        break
    }
  }
  return null
}
