/**
 * A short, bounded rendering of any value for messages (`received` of a decode issue).
 *
 * @packageDocumentation
 */

/** Default length of a rendering, `…` included. */
export const RENDER_MAX_LENGTH = 80

const MAX_DEPTH = 3

/**
 * Renders `u` JSON-like in at most `maxLength` characters, ending in `…` when cut.
 *
 * Total for any input: the work is bounded by `maxLength` whatever the size or depth of `u`
 * (huge arrays and objects are read only as far as the rendering reaches), it never calls
 * `toString`/`toJSON` of the value, and bigints render as their digits (a YAML integer beyond
 * 2^53 is shown as written).
 *
 * @example
 * ```ts
 * import { renderValue } from 'no-new-privs/codecs'
 * renderValue({ runAsUser: 'root' }) // '{"runAsUser":"root"}'
 * renderValue('x'.repeat(100), 10)  // '"xxxxxxxx…'
 * ```
 * @public
 */
export function renderValue(u: unknown, maxLength: number = RENDER_MAX_LENGTH): string {
  // A plain-JavaScript caller may pass anything as the length: anything but a number is the default.
  const limit = typeof maxLength === 'number' && !Number.isNaN(maxLength) ? Math.max(1, Math.floor(maxLength)) : RENDER_MAX_LENGTH
  const out: Array<string> = []
  // Stop producing once one character past the limit is known to exist.
  const budget = { left: limit + 1 }
  try {
    write(u, 0, out, budget)
  } catch {
    // A hostile getter or proxy: say so rather than fail the message that needed the rendering.
    return '<unrenderable>'
  }
  const text = out.join('')
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text
}

interface Budget {
  left: number
}

function emit(s: string, out: Array<string>, budget: Budget): void {
  if (budget.left <= 0) return
  const piece = s.length > budget.left ? s.slice(0, budget.left) : s
  out.push(piece)
  budget.left -= piece.length
}

function write(u: unknown, depth: number, out: Array<string>, budget: Budget): void {
  if (budget.left <= 0) return
  switch (typeof u) {
    case 'string':
      // A huge string is cut before escaping so the work stays bounded.
      emit(JSON.stringify(u.length > budget.left ? u.slice(0, budget.left) : u), out, budget)
      return
    case 'number':
      emit(Object.is(u, -0) ? '-0' : String(u), out, budget)
      return
    case 'bigint':
    case 'boolean':
      emit(String(u), out, budget)
      return
    case 'undefined':
      emit('undefined', out, budget)
      return
    case 'symbol':
      emit('symbol', out, budget)
      return
    case 'function':
      emit('function', out, budget)
      return
  }
  if (u === null) {
    emit('null', out, budget)
    return
  }
  if (Array.isArray(u)) {
    writeArray(u, depth, out, budget)
    return
  }
  const tag = Object.prototype.toString.call(u)
  if (tag !== '[object Object]') {
    emit(`<${tag.slice(8, -1)}>`, out, budget)
    return
  }
  writeObject(u as Readonly<Record<string, unknown>>, depth, out, budget)
}

function writeArray(u: ReadonlyArray<unknown>, depth: number, out: Array<string>, budget: Budget): void {
  if (depth >= MAX_DEPTH) {
    emit(u.length === 0 ? '[]' : '[…]', out, budget)
    return
  }
  emit('[', out, budget)
  for (let i = 0; i < u.length && budget.left > 0; i++) {
    if (i > 0) emit(',', out, budget)
    write(u[i], depth + 1, out, budget)
  }
  emit(']', out, budget)
}

function writeObject(u: Readonly<Record<string, unknown>>, depth: number, out: Array<string>, budget: Budget): void {
  emit('{', out, budget)
  let first = true
  // for…in with an own-property check stops early on a huge object, unlike Object.keys.
  for (const k in u) {
    if (budget.left <= 0) break
    if (!Object.prototype.hasOwnProperty.call(u, k)) continue
    if (depth >= MAX_DEPTH) {
      emit('…', out, budget)
      break
    }
    if (!first) emit(',', out, budget)
    first = false
    emit(JSON.stringify(k.length > budget.left ? k.slice(0, budget.left) : k), out, budget)
    emit(':', out, budget)
    write(u[k], depth + 1, out, budget)
  }
  emit('}', out, budget)
}
