/**
 * Cutting a stream into its `---`-separated documents before any YAML is parsed.
 *
 * kubectl does the same (apimachinery's `YAMLReader` cuts at `---` lines, then parses each
 * chunk), and it is what keeps one broken document from swallowing the next: an unclosed quote
 * or bracket in eemeli/yaml's stream parser runs on across `---` lines.
 *
 * @packageDocumentation
 */

/** One document's slice of the source. */
export interface Chunk {
  /** Offset of the first character of the chunk in the source. */
  readonly start: number
  /** Offset just past the chunk's last character. */
  readonly end: number
  /** Offset of the chunk's `---` marker line, `null` for a first document without one. */
  readonly marker: number | null
}

/**
 * Is there a document marker line (`---` at column 1, then end of line, a space or a tab) at
 * `offset`, which must be the start of a line? `---x` is a plain scalar, not a marker.
 */
const isMarkerAt = (text: string, offset: number): boolean => {
  if (text.charCodeAt(offset) !== 45 || text.charCodeAt(offset + 1) !== 45 || text.charCodeAt(offset + 2) !== 45) return false
  const next = text.charCodeAt(offset + 3)
  // NaN: the marker ends the text. 10 \n, 13 \r, 32 space, 9 tab.
  return Number.isNaN(next) || next === 10 || next === 13 || next === 32 || next === 9
}

/**
 * Does this slice hold only blank lines, comments and `%` directives? Such text before the first
 * `---` belongs to the first document (YAML's rule: a leading `---` opens document 0, it does not
 * close an empty one).
 */
const isPrelude = (text: string, start: number, end: number): boolean => {
  let lineStart = start
  while (lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd < 0 || lineEnd > end) lineEnd = end
    let i = lineStart
    while (i < lineEnd && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r')) i++
    if (i < lineEnd) {
      const c = text[i]
      if (c !== '#' && !(c === '%' && i === lineStart)) return false
    }
    lineStart = lineEnd + 1
  }
  return true
}

/**
 * The documents of a stream, as an editor shows them: every `---` marker line starts a new
 * document, except that a first marker preceded only by blank lines, comments and directives
 * opens document 0 instead of ending an empty one. A stream without any marker is one document
 * (possibly empty), so the result is never empty.
 *
 * count = markers + 1, minus 1 when the text before the first marker is only a prelude.
 *
 * @example
 * chunksOf('a: 1\n---\nb: 2\n').length // 2
 * chunksOf('---\na: 1\n').length // 1
 * chunksOf('a: 1\n---\n---\nb: 2\n').length // 3 (the middle one is empty)
 * chunksOf('').length // 1
 */
export const chunksOf = (text: string): ReadonlyArray<Chunk> => {
  const markers: number[] = []
  if (isMarkerAt(text, 0)) markers.push(0)
  let i = text.indexOf('\n---')
  while (i >= 0) {
    if (isMarkerAt(text, i + 1)) markers.push(i + 1)
    i = text.indexOf('\n---', i + 1)
  }
  const chunks: Chunk[] = []
  const first = markers[0]
  if (first === undefined) return [{ start: 0, end: text.length, marker: null }]
  // The prelude joins document 0 so that its directives still apply to it.
  const preludeOnly = isPrelude(text, 0, first)
  if (!preludeOnly) chunks.push({ start: 0, end: first, marker: null })
  for (let m = 0; m < markers.length; m++) {
    const marker = markers[m] as number
    const end = m + 1 < markers.length ? (markers[m + 1] as number) : text.length
    chunks.push({ start: m === 0 && preludeOnly ? 0 : marker, end, marker })
  }
  return chunks
}
