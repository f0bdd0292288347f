/**
 * Plain scalars that look like numbers, resolved the way kubectl (go-yaml v2 `resolve`) does.
 *
 * go-yaml does not use YAML 1.1's number rules: it drops every `_`, then asks Go's
 * `strconv.ParseInt(s, 0, 64)` (so `0o17`, `0O17`, `0X1F`, `0B101`, `017` are integers), then a
 * YAML-style float (`1e1_0`, `1.`, `+.5`) that must fit a float64 (`1e500` stays a string);
 * a scalar starting with `.` is a float only if Go's `ParseFloat` takes it as written (`.5`,
 * `.7_500`, not `.`, `._5`, `.5_e1`). Whatever fails every rule is a string (`0x_`, `-.`). `.inf`/`.nan` are
 * floats that kubectl then cannot write as JSON: it refuses the document, and so does this.
 *
 * @packageDocumentation
 */
import type { ScalarTag } from 'yaml'

const INT = 'tag:yaml.org,2002:int'

/** Marks the message of a value kubectl refuses, so the loader can tell it from a bad tag. */
export const NOT_JSON_NUMBER = 'not a JSON number'

const GO_INT = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
// Go's `ParseFloat` takes `_` only between two digits (`.7_500`, `.5e1_0`; not `._5`, `.5_e1`).
const DOT_FLOAT = /^\.[0-9]+(_[0-9]+)*([eE][-+]?[0-9]+(_[0-9]+)*)?$/
const INFINITE = new Set(['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF'])
const NAN = new Set(['.nan', '.NaN', '.NAN'])

/**
 * Is this plain text an integer to go-yaml (as opposed to a float or a string)? sigs.k8s.io/yaml
 * writes the two differently as map keys (`1e3` is the key `1000`, but a float; `12` an int).
 *
 * @example
 * isGoInteger('0o17') // true
 * isGoInteger('1.0') // false
 */
export const isGoInteger = (text: string): boolean => GO_INT.test(text.replace(/_/g, ''))

/** An exact integer: a `number` when it is safe, else a `bigint` (a declared deviation from kubectl, which rounds it through float64). */
const exactInteger = (sign: string, digits: string): number | bigint => {
  // `BigInt` reads 0x/0o/0b prefixes but takes a leading 0 as decimal, where Go means octal.
  const big = BigInt(/^0[0-7]+$/.test(digits) ? `0o${digits.slice(1)}` : digits)
  const value = sign === '-' ? -big : big
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value
}

/**
 * go-yaml v2's reading of a plain scalar that starts like a number: a number, a `bigint`, or
 * the text itself. `.inf`/`.nan` are read as floats: kubectlValue refuses them as values, not as keys.
 *
 * @example
 * goNumber('0o17', () => {}) // 15
 * goNumber('1e500', () => {}) // '1e500'
 */
export const goNumber = (text: string, _onError?: (message: string) => void): number | bigint | string => {
  // Read as floats; kubectlValue refuses them as values (JSON has no such number) but not as keys.
  if (INFINITE.has(text) || NAN.has(text)) return NAN.has(text) ? Number.NaN : text.startsWith('-') ? -Infinity : Infinity
  if (text.startsWith('.')) return DOT_FLOAT.test(text) ? Number(text.replace(/_/g, '')) : text
  const plain = text.replace(/_/g, '')
  const int = GO_INT.exec(plain)
  if (int) return exactInteger(int[1] as string, int[2] as string)
  if (YAML_STYLE_FLOAT.test(plain)) {
    const value = Number(plain)
    // Go's ParseFloat fails out of float64's range, and go-yaml then keeps the text.
    return Number.isFinite(value) ? value : text
  }
  return text
}

/**
 * The tag that reads every plain scalar starting with a digit, a sign or a dot by `goNumber`,
 * ahead of eemeli/yaml's YAML 1.1 number tags.
 */
export const goNumberTag: ScalarTag = {
  identify: (value) => typeof value === 'number' || typeof value === 'bigint',
  default: true,
  tag: INT,
  test: /^[-+.0-9]/,
  resolve: (text) => goNumber(text),
}
