/**
 * Whether to colour, and the few colours the text report uses.
 *
 * @packageDocumentation
 */
import type { CliOutput } from './io.js'

/**
 * Colour when writing to a terminal, unless `NO_COLOR` is set to anything non-empty
 * (no-color.org) or `TERM=dumb`; `FORCE_COLOR` overrides both ways (`0`/`false` off, anything
 * else on), as Node and most tools read it.
 *
 * @example
 * ```ts
 * wantsColour({ write() {}, isTTY: true }, {})                 // true
 * wantsColour({ write() {}, isTTY: true }, { NO_COLOR: '1' })  // false
 * wantsColour({ write() {} }, { FORCE_COLOR: '1' })            // true
 * ```
 */
export function wantsColour(out: CliOutput, env: Readonly<Record<string, string | undefined>>): boolean {
  const force = env['FORCE_COLOR']
  if (force !== undefined) return !(force === '0' || force.toLowerCase() === 'false')
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false
  if (env['TERM'] === 'dumb') return false
  return out.isTTY === true
}

/**
 * `--color auto|always|never`: an explicit `always` or `never` beats the environment (a flag is
 * the more specific wish: CI logs that render ANSI, a terminal recorded to a file); `auto` is
 * {@link wantsColour}.
 *
 * @example
 * ```ts
 * colourFor('always', { write() {} }, { NO_COLOR: '1' }) // true
 * colourFor('auto', { write() {}, isTTY: true }, {})     // true
 * ```
 */
export function colourFor(mode: 'auto' | 'always' | 'never', out: CliOutput, env: Readonly<Record<string, string | undefined>>): boolean {
  return mode === 'auto' ? wantsColour(out, env) : mode === 'always'
}

/** The styles of the text report. Each returns its input unchanged when colour is off. */
export interface Palette {
  readonly red: (s: string) => string
  readonly green: (s: string) => string
  readonly yellow: (s: string) => string
  readonly dim: (s: string) => string
  readonly bold: (s: string) => string
}

const sgr =
  (open: number, close: number) =>
  (s: string): string =>
    `\u001b[${open}m${s}\u001b[${close}m`

const identity = (s: string): string => s

/**
 * ANSI styles, or none.
 *
 * @example
 * ```ts
 * palette(false).red('x') // 'x'
 * palette(true).red('x')  // '\u001b[31mx\u001b[39m'
 * ```
 */
export function palette(colour: boolean): Palette {
  return colour
    ? { red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), dim: sgr(2, 22), bold: sgr(1, 22) }
    : { red: identity, green: identity, yellow: identity, dim: identity, bold: identity }
}
