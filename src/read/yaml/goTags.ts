/**
 * Explicit standard tags (`!!int`, `!!float`, `!!bool`, `!!null`, `!!str`, `!!timestamp`,
 * `!!binary`) read the way kubectl (go-yaml v2 `resolve`) reads them.
 *
 * go-yaml does not let a tag force a reading: it resolves the text as if it had no tag, and the
 * tag must agree with what it found (`!!int "12"` is 12, `!!int abc` refuses the document with
 * "cannot decode !!str `abc` as a !!int"); the one conversion is an integer under `!!float`
 * (`!!float 10` is 10). `!!binary` is base64, decoded to text (each byte that is not UTF-8 becomes
 * U+FFFD, as Go's JSON encoder writes it). eemeli/yaml instead left `!!float 10` a string and
 * `!!binary` undecoded.
 *
 * @packageDocumentation
 */
import type { ScalarTag } from 'yaml'
import { goNumber, isGoInteger } from './goNumbers.js'

/** Marks the message of a tag kubectl refuses, so the loader tells it from an unknown tag. */
export const TAG_REFUSED = 'kubectl refuses the document'

const P = 'tag:yaml.org,2002:'

type GoKind = 'int' | 'float' | 'bool' | 'null' | 'str' | 'timestamp'

const BOOLS = new Map<string, boolean>()
for (const t of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) BOOLS.set(t, true)
for (const t of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) BOOLS.set(t, false)
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL'])
const SPECIAL_FLOATS = new Set(['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF'])
// go-yaml's timestamp formats, all starting with four digits and a dash (resolve.go).
const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::?\d{2})?))?)?$/

/** What go-yaml makes of a text with no tag (or the given one): its kind and value. */
const goResolve = (text: string, tag: GoKind): { readonly kind: GoKind; readonly value: unknown } => {
  const bool = BOOLS.get(text)
  if (bool !== undefined) return { kind: 'bool', value: bool }
  if (NULLS.has(text)) return { kind: 'null', value: null }
  if (SPECIAL_FLOATS.has(text)) return { kind: 'float', value: goNumber(text) }
  if (/^[-+.0-9]/.test(text)) {
    if (tag === 'timestamp' && TIMESTAMP.test(text)) return { kind: 'timestamp', value: text }
    const value = goNumber(text)
    // Beyond int64 and uint64 go-yaml has a float64 (the library keeps the integer exact where kubectl would round it; README "Reading manifests").
    const beyond = typeof value === 'bigint' && (value < -(2n ** 63n) || value >= 2n ** 64n)
    if (typeof value !== 'string') return { kind: beyond || text.startsWith('.') || !isGoInteger(text) ? 'float' : 'int', value }
  }
  return { kind: 'str', value: text }
}

const refusal = (found: GoKind, text: string, tag: GoKind): string => `cannot decode !!${found} \`${text}\` as a !!${tag}: ${TAG_REFUSED}`

const explicit = (kind: Exclude<GoKind, 'str'>): ScalarTag => ({
  tag: `${P}${kind}`,
  // Never matched by a plain scalar's text: only an explicit tag picks these.
  default: false,
  identify: () => false,
  resolve: (text, onError) => {
    const found = goResolve(text, kind)
    // A float64 to go-yaml, whatever integer spelling it had.
    if (kind === 'float' && (found.kind === 'float' || found.kind === 'int')) return Number(found.value)
    if (found.kind === kind) return found.value
    onError(refusal(found.kind, text, kind))
    return text
  },
})

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/** Bytes as Go's JSON encoder writes them: UTF-8 where valid, U+FFFD for each other byte. */
const goText = (bytes: Uint8Array): string => {
  let out = ''
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] as number
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    let cp = need === 0 ? b : need === 1 ? b & 0x1f : need === 2 ? b & 0x0f : b & 0x07
    let ok = need >= 0 && i + need < bytes.length
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k] as number
      if ((c & 0xc0) !== 0x80) ok = false
      else cp = (cp << 6) | (c & 0x3f)
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8 to Go either.
    if (ok && need === 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ok = false
    if (ok && need === 3 && (cp < 0x10000 || cp > 0x10ffff)) ok = false
    if (!ok) {
      out += '\ufffd'
      i += 1
      continue
    }
    out += String.fromCodePoint(cp)
    i += need + 1
  }
  return out
}

/**
 * kubectl's `!!binary`: standard base64 (padding required; line breaks ignored), decoded to text.
 *
 * @example
 * goBinary('aGVs\nbG8=') // 'hello'
 * goBinary('aGVsbG8') // null: not valid base64 to Go
 */
export const goBinary = (text: string): string | null => {
  const compact = text.replace(/[\r\n]/g, '')
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) return null
  return goText(Uint8Array.from(atob(compact), (c) => c.charCodeAt(0)))
}

const binary: ScalarTag = {
  tag: `${P}binary`,
  default: false,
  identify: () => false,
  resolve: (text, onError) => {
    const decoded = goBinary(text)
    if (decoded === null) onError(`!!binary value contains invalid base64 data: ${TAG_REFUSED}`)
    return decoded ?? text
  },
}

const str: ScalarTag = { tag: `${P}str`, default: false, identify: () => false, resolve: (text) => text }

/**
 * The explicit-tag readings of kubectl, to put ahead of every other tag (eemeli/yaml picks the
 * first tag of a name that has no `test`).
 *
 * @example
 * import { parseDocument } from 'yaml'
 * parseDocument('a: !!float 10\nb: !!binary aGVsbG8=', { version: '1.1', customTags: kubectlTags }).toJS()
 * // { a: 10, b: 'hello' }
 */
export const goExplicitTags: ReadonlyArray<ScalarTag> = [
  explicit('int'),
  explicit('float'),
  explicit('bool'),
  explicit('null'),
  explicit('timestamp'),
  binary,
  str,
]
