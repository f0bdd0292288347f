/**
 * Offsets to 1-based line and column, built once per source.
 *
 * @packageDocumentation
 */
import type { Position } from '../document.js'

/**
 * The start offset of every line of a text; answers "which line and column is this offset?"
 * with a binary search. `\r\n` needs no special case: the `\r` ends a line, never starts one.
 *
 * @example
 * const lines = lineIndexOf('a: 1\nb: 2\n')
 * positionAt(lines, 5) // { line: 2, column: 1 }
 */
export interface LineIndex {
  readonly starts: ReadonlyArray<number>
}

/**
 * Indexes the line starts of `text`.
 *
 * @example
 * lineIndexOf('a\nb').starts // [0, 2]
 */
export const lineIndexOf = (text: string): LineIndex => {
  const starts = [0]
  let i = text.indexOf('\n')
  while (i >= 0) {
    starts.push(i + 1)
    i = text.indexOf('\n', i + 1)
  }
  return { starts }
}

/**
 * The 1-based line and column of `offset`.
 *
 * @example
 * positionAt(lineIndexOf('a\nbc'), 3) // { line: 2, column: 2 }
 */
export const positionAt = (index: LineIndex, offset: number): Position => {
  const starts = index.starts
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >>> 1
    if ((starts[mid] as number) <= offset) low = mid
    else high = mid - 1
  }
  return { line: low + 1, column: offset - (starts[low] as number) + 1 }
}
