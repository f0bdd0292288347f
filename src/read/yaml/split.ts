/**
 * Cutting a whole text into its `---`-separated documents before any YAML is parsed.
 *
 * kubectl does the same (apimachinery's `YAMLReader` cuts at `---` lines, then parses each
 * chunk), and it is what keeps one broken document from swallowing the next: an unclosed quote
 * or bracket in eemeli/yaml's stream parser runs on across `---` lines. The rule itself lives in
 * one place, `DocumentCutter` (src/read/documents.ts), which streams use too; this gives its cuts
 * as offsets into the whole text.
 *
 * @packageDocumentation
 */
import { DocumentCutter } from '../documents.js'

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
 * The documents of a text, as an editor shows them: every `---` marker line starts a new
 * document, except that a first marker preceded only by blank lines, comments and directives
 * opens document 0 instead of ending an empty one. A text without any marker is one document
 * (possibly empty), so the result is never empty.
 *
 * @example
 * chunksOf('a: 1\n---\nb: 2\n').length // 2
 * chunksOf('---\na: 1\n').length // 1
 * chunksOf('a: 1\n---\n---\nb: 2\n').length // 3 (the middle one is empty)
 * chunksOf('').length // 1
 */
export const chunksOf = (text: string): ReadonlyArray<Chunk> => {
  const cutter = new DocumentCutter({ stripBom: false })
  const docs = cutter.push(text)
  for (const d of cutter.end()) docs.push(d)
  const chunks: Chunk[] = []
  let start = 0
  for (const d of docs) {
    chunks.push({ start, end: start + d.text.length, marker: d.marker === null ? null : start + d.marker })
    start += d.text.length
  }
  return chunks
}
