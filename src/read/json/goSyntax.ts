/**
 * Where and why Go's `encoding/json` refuses one JSON value: the first offending character and
 * the words of Go's scanner (`invalid character 'a' looking for beginning of object key string`).
 *
 * kubectl reads a JSON stream with Go's `json.Decoder` and stops at its first syntax error, so
 * the library says what kubectl says, at the same character. This runs only on a unit
 * `JSON.parse` refused (the slow path), never on the valid units of a large dump.
 *
 * @packageDocumentation
 */

/** What follows a syntax error in a JSON stream, said once with the error. */
export const JSON_STOPS = 'kubectl reads a stream starting with `{` as JSON and stops at this error, so nothing after it is read'

/** The first character Go's JSON scanner refuses in a value, and its message. */
export interface GoJsonError {
  /** Offset (UTF-16 code units) of the refused character in the text. */
  readonly offset: number
  readonly message: string
}

const OBJECT_KEY = 1
const OBJECT_VALUE = 2
const ARRAY = 3

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13
const isDigit = (c: number): boolean => c >= 48 && c <= 57
const isHex = (c: number): boolean => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70)

const GO_ESCAPES: Readonly<Record<number, string>> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 92: '\\\\' }

/**
 * A character as Go's scanner quotes it: it scans bytes, so a non-ASCII character shows as its
 * first UTF-8 byte read as a Latin-1 rune (`'Â'` for U+0085), as kubectl prints it.
 */
export const goQuoteChar = (text: string, at: number): string => {
  const c = text.codePointAt(at) ?? 0
  if (c === 39) return "'\\''"
  if (c === 34) return "'\"'"
  if (c < 0x80) {
    const escaped = GO_ESCAPES[c]
    if (escaped !== undefined) return `'${escaped}'`
    if (c < 0x20 || c === 0x7f) return `'\\x${c.toString(16).padStart(2, '0')}'`
    return `'${String.fromCharCode(c)}'`
  }
  const first = new TextEncoder().encode(String.fromCodePoint(c))[0] ?? 0
  return `'${String.fromCharCode(first)}'`
}

/**
 * The line and column of `offset` in a unit's `text` that starts at `line`, `column` of its
 * stream (columns in UTF-16 code units, as every place of the JSON reader).
 *
 * @example
 * ```ts
 * placeIn('{\n  x}', 4, 3, 5) // { line: 4, column: 3 }
 * ```
 */
export const placeIn = (text: string, offset: number, line: number, column: number): { readonly line: number; readonly column: number } => {
  let lines = 0
  let lastBreak = -1
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    lines++
    lastBreak = i
  }
  return { line: line + lines, column: lastBreak < 0 ? column + offset : offset - lastBreak }
}

const refused = (text: string, at: number, context: string): GoJsonError => ({ offset: at, message: `invalid character ${goQuoteChar(text, at)} ${context}` })

/**
 * Go's verdict on `text` as one JSON value (whitespace around it allowed): the first error, or
 * `null` when Go reads it (or the text ends before Go could refuse it: that is an incomplete
 * value, which the cutter reports itself).
 *
 * @example
 * ```ts
 * goJsonError('{apiVersion: v1}') // { offset: 1, message: "invalid character 'a' looking for beginning of object key string" }
 * goJsonError('{"a": 1}') // null
 * ```
 */
export function goJsonError(text: string): GoJsonError | null {
  const stack: number[] = []
  let i = 0
  const n = text.length
  const skip = (): void => {
    while (i < n && isSpace(text.charCodeAt(i))) i++
  }
  // After a complete value: what the enclosing container allows next.
  const afterValue = (): GoJsonError | 'done' | 'value' | 'key' | null => {
    for (;;) {
      skip()
      if (stack.length === 0) return 'done'
      if (i >= n) return null
      const c = text.charCodeAt(i)
      const top = stack[stack.length - 1]
      if (top === OBJECT_KEY) {
        if (c !== 58) return refused(text, i, 'after object key')
        stack[stack.length - 1] = OBJECT_VALUE
        i++
        return 'value'
      }
      if (top === OBJECT_VALUE) {
        if (c === 44) {
          stack[stack.length - 1] = OBJECT_KEY
          i++
          skip()
          if (i >= n) return null
          if (text.charCodeAt(i) !== 34) return refused(text, i, 'looking for beginning of object key string')
          return 'key'
        }
        if (c !== 125) return refused(text, i, 'after object key:value pair')
        stack.pop()
        i++
        continue
      }
      if (c === 44) {
        i++
        return 'value'
      }
      if (c !== 93) return refused(text, i, 'after array element')
      stack.pop()
      i++
    }
  }
  let want: 'value' | 'key' = 'value'
  for (;;) {
    skip()
    if (i >= n) return null
    const c = text.charCodeAt(i)
    if (want === 'key') {
      // A key string: scanned below as a string; what follows it is `:`.
      stack[stack.length - 1] = OBJECT_KEY
    }
    let failed: GoJsonError | null = null
    if (c === 123) {
      i++
      skip()
      if (i >= n) return null
      const d = text.charCodeAt(i)
      if (d === 125) i++
      else if (d !== 34) return refused(text, i, 'looking for beginning of object key string')
      else {
        stack.push(OBJECT_KEY)
        want = 'key'
        continue
      }
    } else if (c === 91) {
      i++
      skip()
      if (i >= n) return null
      if (text.charCodeAt(i) === 93) i++
      else {
        stack.push(ARRAY)
        want = 'value'
        continue
      }
    } else if (c === 34) failed = scanString()
    else if (c === 45 || isDigit(c)) failed = scanNumber()
    else if (c === 116) failed = scanLiteral('true')
    else if (c === 102) failed = scanLiteral('false')
    else if (c === 110) failed = scanLiteral('null')
    else return refused(text, i, want === 'key' ? 'looking for beginning of object key string' : 'looking for beginning of value')
    if (failed !== null) return failed
    if (i > n) return null
    const next = afterValue()
    if (next === null || next === 'done') return null
    if (typeof next !== 'string') return next
    want = next
  }

  function scanString(): GoJsonError | null {
    i++
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c === 34) {
        i++
        return null
      }
      if (c === 92) {
        i++
        if (i >= n) break
        const e = text.charCodeAt(i)
        if (e === 117) {
          for (let k = 1; k <= 4; k++) {
            if (i + k >= n) {
              i = n + 1
              return null
            }
            if (!isHex(text.charCodeAt(i + k))) return refused(text, i + k, 'in \\u hexadecimal character escape')
          }
          i += 5
          continue
        }
        if (!'bfnrt\\/"'.includes(text[i] ?? '')) return refused(text, i, 'in string escape code')
        i++
        continue
      }
      if (c < 0x20) return refused(text, i, 'in string literal')
      i++
    }
    i = n + 1
    return null
  }

  function scanNumber(): GoJsonError | null {
    if (text.charCodeAt(i) === 45) {
      i++
      if (i >= n) return end()
      if (!isDigit(text.charCodeAt(i))) return refused(text, i, 'in numeric literal')
    }
    if (text.charCodeAt(i) === 48) i++
    else while (i < n && isDigit(text.charCodeAt(i))) i++
    if (i < n && text.charCodeAt(i) === 46) {
      i++
      if (i >= n) return end()
      if (!isDigit(text.charCodeAt(i))) return refused(text, i, 'after decimal point in numeric literal')
      while (i < n && isDigit(text.charCodeAt(i))) i++
    }
    if (i < n && (text.charCodeAt(i) === 101 || text.charCodeAt(i) === 69)) {
      i++
      if (i < n && (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 45)) i++
      if (i >= n) return end()
      if (!isDigit(text.charCodeAt(i))) return refused(text, i, 'in exponent of numeric literal')
      while (i < n && isDigit(text.charCodeAt(i))) i++
    }
    return null
  }

  function scanLiteral(word: string): GoJsonError | null {
    for (let k = 1; k < word.length; k++) {
      if (i + k >= n) return end()
      if (text.charCodeAt(i + k) !== word.charCodeAt(k)) return refused(text, i + k, `in literal ${word} (expecting '${word[k] ?? ''}')`)
    }
    i += word.length
    return null
  }

  /** The text ended inside a scalar: incomplete, not refused. */
  function end(): null {
    i = n + 1
    return null
  }
}
