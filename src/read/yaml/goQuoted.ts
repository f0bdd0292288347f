/**
 * Quoted scalars that go-yaml v2 reads differently from eemeli/yaml, decoded by go-yaml's rules.
 *
 * Four cases only, where no JavaScript YAML library has go-yaml v2's (YAML 1.1 scanner's) rules:
 * - `\'` in a double-quoted scalar is an escape of `'` to go-yaml; YAML 1.2 has no such escape
 *   and eemeli/yaml refuses it.
 * - NEL, LS and PS are line breaks inside quotes to go-yaml: the blanks before and after them are
 *   trimmed, a NEL folds to a space (or to the breaks that follow it) and an LS or PS is kept;
 *   eemeli/yaml reads all three as ordinary characters.
 * - An escaped line break (`\` at the end of a line) followed by empty lines: go-yaml keeps
 *   their line feeds, eemeli/yaml folds them to a space.
 * - LS and PS in a plain scalar: go-yaml folds its lines as inside quotes, keeping an LS or PS
 *   that is the first break (a NEL or a line feed folds as eemeli/yaml folds a line feed).
 * Every other quoted scalar is eemeli/yaml's value, which the differential test shows to be
 * kubectl's. For these, eemeli/yaml reads a text where the differing characters are replaced in
 * place (offsets unmoved: `\'` by `\"`, the breaks by spaces) and the value is then decoded here
 * from the original text: `yaml_parser_scan_flow_scalar` (scannerc.go), folding included.
 *
 * @packageDocumentation
 */

const BREAKS = /[\u0085\u2028\u2029]/
const PLAIN_BREAKS = /[\u2028\u2029]/
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t'
const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029'

/**
 * Does go-yaml read this scalar's source (quotes included) differently from eemeli/yaml, once
 * `goLineBreaks` made NEL, LS and PS line feeds outside quotes?
 *
 * @example
 * differsInGo('"a\\\'b"') // true
 * differsInGo('"a\\\\\'b"') // false (an escaped backslash, then a quote)
 * differsInGo("'x\u2028y'") // true
 * differsInGo('"x\\\n\n y"') // true (an escaped line break, then an empty line)
 */
export const differsInGo = (source: string): boolean => {
  if (!source.startsWith('"') && !source.startsWith("'")) return PLAIN_BREAKS.test(source)
  if (BREAKS.test(source)) return true
  if (!source.startsWith('"')) return false
  for (let i = source.indexOf('\\'); i >= 0; i = source.indexOf('\\', i + 2)) if (source[i + 1] === "'" || isBreak(source[i + 1])) return true
  return false
}

/**
 * The source with what eemeli/yaml would read differently replaced in place (same length): `\'`
 * by `\"`, NEL/LS/PS by spaces. Its value is decoded again by {@link goQuotedValue}.
 *
 * @example
 * forEemeli('"a\\\'b"') // '"a\\"b"'
 */
export const forEemeli = (source: string): string => {
  let out = source.replace(/[\u0085\u2028\u2029]/g, ' ')
  if (source.startsWith('"'))
    out = out.replace(/\\[\s\S]/g, (escape) => (escape === "\\'" ? '\\"' : escape))
  return out
}

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ',
  '"': '"', "'": "'", '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
}
const HEX_LENGTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 }

/** go-yaml's `read_line`: CR LF, CR, LF and NEL are a line feed; LS and PS stay as they are. Returns the break and its length. */
const readLine = (s: string, i: number): readonly [string, number] => {
  const c = s[i] as string
  if (c === '\r' && s[i + 1] === '\n') return ['\n', 2]
  return [c === '\u2028' || c === '\u2029' ? c : '\n', 1]
}

/**
 * A quoted scalar's value as go-yaml v2 scans it, from its source with the quotes; or a plain
 * scalar's text (go-yaml folds its lines the same way, and an LS or PS is a break there too). The
 * source is one eemeli/yaml parsed, and go-yaml's scanner accepted its escapes
 * (`scannerRefusal`), so it is well formed.
 *
 * @example
 * goQuotedValue('"a\\\'b"') // "a'b"
 * goQuotedValue('"x \u2028 y"') // 'x\u2028y'
 * goQuotedValue("'x \u0085 y'") // 'x y'
 * goQuotedValue('x \u2028\n y') // 'x\u2028\ny'
 */
export const goQuotedValue = (source: string): string => {
  const plain = !source.startsWith("'") && !source.startsWith('"')
  const single = source.startsWith("'")
  const end = plain ? source.length : source.length - 1
  let s = ''
  let i = plain ? 0 : 1
  while (i < end) {
    let leadingBlanks = false
    // Non-blank characters.
    while (i < end && !isBlank(source[i]) && !isBreak(source[i])) {
      const c = source[i] as string
      if (plain) {
        s += c
        i += 1
      } else if (single && c === "'") {
        // `''` (the only other `'` inside single quotes).
        s += "'"
        i += 2
      } else if (!single && c === '\\' && isBreak(source[i + 1])) {
        // An escaped line break: nothing of it is kept, and blanks after it are skipped.
        i += 1 + readLine(source, i + 1)[1]
        leadingBlanks = true
        break
      } else if (!single && c === '\\') {
        const e = source[i + 1] as string
        const hex = HEX_LENGTH[e]
        if (hex === undefined) {
          s += ESCAPES[e] ?? e
          i += 2
        } else {
          s += String.fromCodePoint(Number.parseInt(source.slice(i + 2, i + 2 + hex), 16))
          i += 2 + hex
        }
      } else {
        s += c
        i += 1
      }
    }
    if (i >= end) break
    // Blanks and breaks.
    let whitespaces = ''
    let leadingBreak = ''
    let trailingBreaks = ''
    while (i < end && (isBlank(source[i]) || isBreak(source[i]))) {
      if (isBlank(source[i])) {
        if (!leadingBlanks) whitespaces += source[i]
        i += 1
      } else {
        const [brk, length] = readLine(source, i)
        if (!leadingBlanks) {
          whitespaces = ''
          leadingBreak = brk
          leadingBlanks = true
        } else trailingBreaks += brk
        i += length
      }
    }
    if (leadingBlanks) {
      // A first break that is a line feed folds to a space, or to the breaks after it.
      if (leadingBreak === '\n') s += trailingBreaks === '' ? ' ' : trailingBreaks
      else s += leadingBreak + trailingBreaks
    } else s += whitespaces
  }
  return s
}
