/**
 * Streaming: manifest text that arrives in chunks (a file read piece by piece, a socket, a
 * generator) is checked one document at a time, so a stream of a million pods never sits in
 * memory, and neither does its report: entries are yielded, and the consumer decides what to keep.
 *
 * Documents are cut exactly where `loadDocuments` cuts a whole text (`---` lines, a prelude of
 * comments and directives joining the first document), so indices, lines and columns are the
 * ones `checkEntries` reports for the same text.
 *
 * @packageDocumentation
 */
import { createReadStream } from 'node:fs'
import type { CheckOptions, ReportEntry } from './check.js'
import { problemEntry } from '../exemptions/ledger.js'
import { prepareCheck } from './check.js'
import type { LoadProblem, LoadResult, Position } from './document.js'
import type { FieldPath } from './fieldPath.js'
import { loadDocuments } from './load.js'

/**
 * Text in pieces: strings, or UTF-8 bytes (decoded across chunk boundaries).
 *
 * @example
 * ```ts
 * const chunks: TextChunks = createReadStream('pods.yaml') // bytes; or ['kind: Pod\n', 'spec: …']
 * ```
 */
export type TextChunks = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>

/**
 * One source of a stream check: chunks of text under a name, or a file read as it is checked.
 *
 * @example
 * ```ts
 * const sources: StreamSource[] = [{ source: 'all.yaml', path: 'all.yaml' }, { source: '<stdin>', chunks: process.stdin }]
 * ```
 */
export type StreamSource = { readonly source: string; readonly chunks: TextChunks } | { readonly source: string; readonly path: string }

/**
 * One document's text cut from a stream, and where it sits in it.
 *
 * @example
 * ```ts
 * for await (const doc of documentTexts(['kind: Pod\n---\nkind: Service\n'])) console.log(doc.index, doc.text)
 * ```
 */
export interface DocumentText {
  readonly text: string
  /** Index of the document in its stream, from 0. */
  readonly index: number
  /** Lines of the stream before the document's first character. */
  readonly lineBase: number
}

const BOM = 0xfeff

/** `---` at a line start, then end of line, a space, a tab, or the end; `undefined`: need more text. */
function markerAt(text: string, offset: number, ended: boolean): boolean | undefined {
  if (offset + 3 > text.length) return ended ? false : text.startsWith('---'.slice(0, text.length - offset), offset) ? undefined : false
  if (text.charCodeAt(offset) !== 45 || text.charCodeAt(offset + 1) !== 45 || text.charCodeAt(offset + 2) !== 45) return false
  if (offset + 3 === text.length) return ended ? true : undefined
  const next = text.charCodeAt(offset + 3)
  return next === 10 || next === 13 || next === 32 || next === 9
}

/** Only blank lines, comments and `%` directives: it joins the first document (as in `chunksOf`). */
function isPrelude(text: string): boolean {
  for (const line of text.split('\n')) {
    const trimmed = line.replace(/^[ \t\r]+/, '')
    if (trimmed === '') continue
    if (trimmed[0] !== '#' && !(trimmed[0] === '%' && line[0] === '%')) return false
  }
  return true
}

function countLines(text: string): number {
  let n = 0
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++
  return n
}

async function* decoded(chunks: TextChunks): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8')
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })
  const rest = decoder.decode()
  if (rest !== '') yield rest
}

/**
 * Cuts a stream of text into its `---`-separated documents as they complete, holding at most one
 * document and one incoming chunk. Every document of the stream is yielded, empty ones too, and a
 * stream with no document at all yields one empty document, as `loadDocuments` counts them.
 *
 * @example
 * ```ts
 * for await (const doc of documentTexts(['a: 1\n--', '-\nb: 2\n'])) console.log(doc.index, doc.lineBase)
 * // 0 0, then 1 1
 * ```
 */
export async function* documentTexts(chunks: TextChunks): AsyncGenerator<DocumentText> {
  let buffer = ''
  let started = false
  let index = 0
  let lineBase = 0
  // Where the search for the next marker resumes: markers are found once, never rescanned.
  let searchFrom = 1
  // The first marker, when the text before it may still turn out to be a prelude.
  let firstCut = -1
  const emit = (end: number): DocumentText => {
    const text = buffer.slice(0, end)
    const doc = { text, index: index++, lineBase }
    lineBase += countLines(text)
    buffer = buffer.slice(end)
    searchFrom = 1
    return doc
  }
  const next = function* (ended: boolean): Generator<DocumentText> {
    for (;;) {
      let found = -1
      let i = buffer.indexOf('\n---', Math.max(0, searchFrom - 1))
      while (i >= 0) {
        const marker = markerAt(buffer, i + 1, ended)
        if (marker === undefined) {
          searchFrom = i + 1
          return
        }
        if (marker) {
          found = i + 1
          break
        }
        i = buffer.indexOf('\n---', i + 1)
      }
      if (found < 0) {
        searchFrom = Math.max(searchFrom, buffer.length - 4)
        return
      }
      if (index === 0 && firstCut < 0 && !markerAt(buffer, 0, true)) {
        // The first marker of the stream: text before it is document 0, unless it is a prelude.
        firstCut = found
        if (isPrelude(buffer.slice(0, found))) {
          searchFrom = found + 1
          continue
        }
      }
      yield emit(found)
    }
  }
  for await (const chunk of decoded(chunks)) {
    if (!started) {
      if (chunk === '') continue
      started = true
      buffer = chunk.charCodeAt(0) === BOM ? chunk.slice(1) : chunk
    } else buffer += chunk
    yield* next(false)
  }
  yield* next(true)
  yield emit(buffer.length)
}

function shiftPosition<P extends Position>(p: P, lines: number): P {
  return { ...p, line: p.line + lines }
}

/** A document loaded on its own, placed back in its stream: its index and every line shifted. */
function placed(result: LoadResult, index: number, lines: number): LoadResult {
  switch (result._tag) {
    case 'Empty':
      return { ...result, index, line: result.line + lines }
    case 'Error':
      return {
        ...result,
        index,
        line: result.line + lines,
        startLine: result.startLine + lines,
        problems: result.problems.map((p: LoadProblem) => shiftPosition(p, lines)),
      }
    case 'Document': {
      const positionOf = result.positionOf
      return {
        ...result,
        index,
        line: result.line + lines,
        warnings: result.warnings.map((w) => shiftPosition(w, lines)),
        positionOf: lines === 0 ? positionOf : (path: FieldPath) => {
          const p = positionOf(path)
          return p === null ? null : shiftPosition(p, lines)
        },
      }
    }
  }
}

/**
 * The documents of a stream, loaded one at a time as `loadDocuments` would load the whole text.
 *
 * @example
 * ```ts
 * for await (const doc of loadStream(createReadStream('pods.yaml'), 'pods.yaml')) if (doc._tag === 'Error') console.error(doc.message)
 * ```
 */
export async function* loadStream(chunks: TextChunks, source: string, options?: CheckOptions['load']): AsyncGenerator<LoadResult> {
  for await (const doc of documentTexts(chunks)) {
    for (const result of loadDocuments(doc.text, source, options)) yield placed(result, doc.index, doc.lineBase)
  }
}

function chunksOf(s: StreamSource): TextChunks {
  return 'chunks' in s ? s.chunks : createReadStream(s.path, { highWaterMark: 1 << 16 })
}

/**
 * `checkEntries` for streams: the same entries, in the same order, for text that arrives in
 * chunks or files read piece by piece. Holds one document at a time and accumulates nothing: the
 * consumer decides whether to count, aggregate or keep entries. An unreadable file is an `Error`
 * entry for that source; the other sources go on.
 *
 * @example
 * ```ts
 * import { checkStream } from 'no-new-privs'
 * let withoutNoNewPrivs = 0
 * for await (const entry of checkStream([{ source: 'big.yaml', path: 'big.yaml' }])) {
 *   if (entry._tag === 'Result' && entry.result.noNewPrivs === false) withoutNoNewPrivs++
 * }
 * ```
 */
export async function* checkStream(sources: Iterable<StreamSource> | AsyncIterable<StreamSource>, options?: CheckOptions): AsyncGenerator<ReportEntry> {
  const prepared = prepareCheck(options)
  yield* prepared.entries
  for await (const s of sources) {
    try {
      for await (const doc of loadStream(chunksOf(s), s.source, options?.load)) yield* prepared.check(doc)
    } catch (thrown) {
      const reason = thrown instanceof Error ? thrown.message : String(thrown)
      yield {
        _tag: 'Error',
        error: { source: s.source, document: null, line: null, column: null, code: 'unreadable-source', message: `could not read ${s.source}: ${reason}` },
      }
    }
  }
  // An exemption matched nothing only once every source was seen (a shared stage is its owner's to judge).
  if (prepared.exemptions !== undefined && prepared.ownsExemptions === true) {
    for (const p of prepared.exemptions.unused()) yield problemEntry(p)
  }
}
