/**
 * Field path → place in a JSON unit's text, found by skipping over the text on demand.
 *
 * Nothing is built per unit: most units are asked for one place per container, and skipping a
 * JSON value is a few `indexOf` calls, far cheaper than indexing every node of a 12 KB pod.
 *
 * @packageDocumentation
 */
import type { Position } from '../document.js'
import { segmentsOf } from '../../path.js'
import type { FieldPath } from '../../path.js'

const isWhite = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9

const skipWhite = (s: string, i: number): number => {
  while (i < s.length && isWhite(s.charCodeAt(i))) i++
  return i
}

/** Offset just past the string that opens at `i` (a `"`). */
const skipString = (s: string, i: number): number => {
  let j = i + 1
  for (;;) {
    const q = s.indexOf('"', j)
    if (q < 0) return s.length
    let backslashes = 0
    for (let k = q - 1; k > i && s.charCodeAt(k) === 92; k--) backslashes++
    if (backslashes % 2 === 0) return q + 1
    j = q + 1
  }
}

// The characters that matter when skipping over a container: a regex jumps over everything else
// (indentation, numbers, literals, punctuation) in native code.
const STRUCTURAL = /["{}[\]]/g

/** Offset just past the value that starts at `i`. */
const skipValue = (s: string, i: number): number => {
  const c = s.charCodeAt(i)
  if (c === 34) return skipString(s, i)
  if (c !== 123 && c !== 91) {
    while (i < s.length) {
      const d = s.charCodeAt(i)
      if (d === 44 || d === 125 || d === 93 || isWhite(d)) break
      i++
    }
    return i
  }
  let depth = 0
  STRUCTURAL.lastIndex = i
  for (;;) {
    const m = STRUCTURAL.exec(s)
    if (m === null) return s.length
    const at = m.index
    const d = s.charCodeAt(at)
    if (d === 34) {
      STRUCTURAL.lastIndex = skipString(s, at)
      continue
    }
    if (d === 123 || d === 91) depth++
    else {
      depth--
      if (depth === 0) return at + 1
    }
  }
}

const keyText = (s: string, start: number, end: number): string => {
  const raw = s.slice(start + 1, end - 1)
  if (raw.indexOf('\\') < 0) return raw
  try {
    return JSON.parse(s.slice(start, end)) as string
  } catch {
    return raw
  }
}

/**
 * Offset in `text` of the node at `segments`: a field answers with its key's `"` (the last one
 * written, whose value `JSON.parse` keeps), an array item with its value; `-1` when absent.
 *
 * @example
 * ```ts
 * offsetOf('{"spec":{"containers":[{"name":"a"}]}}', ['spec', 'containers', 0]) // 23
 * ```
 */
export const offsetOf = (text: string, segments: ReadonlyArray<string | number>, keys: ReadonlyArray<string | number> = []): number => {
  let at = skipWhite(text, 0)
  let found = at
  let k = 0
  // The first field is looked up among the keys the cutter noted (the last one written wins).
  const first = segments[0]
  if (typeof first === 'string' && keys.length > 0) {
    let hit = -1
    for (let j = 0; j < keys.length; j += 2) if (keys[j] === first) hit = keys[j + 1] as number
    if (hit < 0) return -1
    found = hit
    at = skipWhite(text, skipWhite(text, skipString(text, hit)) + 1)
    k = 1
  }
  for (; k < segments.length; k++) {
    const segment = segments[k] as string | number
    const c = text.charCodeAt(at)
    if (c === 123 && typeof segment === 'string') {
      let i = skipWhite(text, at + 1)
      let hit = -1
      let value = -1
      while (i < text.length && text.charCodeAt(i) === 34) {
        const keyEnd = skipString(text, i)
        const v = skipWhite(text, skipWhite(text, keyEnd) + 1)
        if (keyText(text, i, keyEnd) === segment) {
          hit = i
          value = v
        }
        i = skipWhite(text, skipValue(text, v))
        if (text.charCodeAt(i) !== 44) break
        i = skipWhite(text, i + 1)
      }
      if (hit < 0) return -1
      found = hit
      at = value
    } else if (c === 91 && typeof segment === 'number') {
      let i = skipWhite(text, at + 1)
      if (text.charCodeAt(i) === 93) return -1
      for (let k = 0; k < segment; k++) {
        i = skipWhite(text, skipValue(text, i))
        if (text.charCodeAt(i) !== 44) return -1
        i = skipWhite(text, i + 1)
      }
      found = i
      at = i
    } else return -1
  }
  return found
}

/**
 * The `positionOf` of a JSON unit whose text starts at `line`/`column` of its stream. `prefix`
 * is the unit's own path in its document (`items[3]` for a List item, `''` for a document):
 * paths are asked from the document root.
 *
 * @example
 * ```ts
 * const find = jsonPositionFinder('{"spec":\n {"containers":[{}]}}', 1, 1, '')
 * find('spec.containers[0]') // { line: 2, column: 17 }
 * ```
 */
export const jsonPositionFinder = (text: string, line: number, column: number, prefix: string, keys: ReadonlyArray<string | number> = []) => {
  const prefixSegments = prefix === '' ? [] : (segmentsOf(prefix) ?? [])
  return (path: FieldPath): Position | null => {
    const segments = segmentsOf(path)
    if (segments === null || segments.length < prefixSegments.length) return null
    for (let k = 0; k < prefixSegments.length; k++) if (segments[k] !== prefixSegments[k]) return null
    const offset = offsetOf(text, prefixSegments.length === 0 ? segments : segments.slice(prefixSegments.length), keys)
    if (offset < 0) return null
    let lines = 0
    let lastNewline = -1
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
      lines++
      lastNewline = i
    }
    return lines === 0 ? { line, column: column + offset } : { line: line + lines, column: offset - lastNewline }
  }
}
