/**
 * A YAML stream cut at its `---` lines as the text arrives, in time linear in its length.
 *
 * Documents are cut exactly where `loadDocuments` cuts a whole text (every line that starts with
 * `---`, as kubectl's reader cuts; a prelude of comments and directives joins the first document),
 * so indices, lines and columns are the ones the whole text gets. Each chunk is searched once,
 * with the last few characters of the one before it: the first version appended every chunk to
 * one string and searched it again, quadratic on one large document.
 *
 * @packageDocumentation
 */
import type { LoadProblem, LoadResult, Position } from './document.js'
import type { FieldPath } from '../path.js'
import { shiftProblem } from './yaml/load.js'
import { describeValue } from '../callerInput.js'

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
  /** Offset in `text` of the document's `---` marker line; `null` for a first document without one. */
  readonly marker: number | null
  /** The document's text went to a sink (`DocumentCutter.divert`) instead: `text` is empty. */
  readonly diverted?: boolean
  /**
   * The chunks could not be read as text (a plain-JavaScript caller's: chunks that are no
   * iterable, a chunk that is no string): this entry, with an empty `text`, is the last.
   */
  readonly error?: { readonly code: 'invalid-input'; readonly message: string }
}

const BOM = 0xfeff

/** Only blank lines, comments and `%` directives: it joins the first document (as in `chunksOf`). */
function isPrelude(text: string): boolean {
  let lineStart = 0
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd < 0) lineEnd = text.length
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

function countLines(text: string): number {
  let n = 0
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++
  return n
}


/** The offset of the first line start after offset `from`, or -1. */
const lineStartAfter = (text: string, from: number): number => {
  const i = text.indexOf('\n', from)
  return i < 0 ? -1 : i + 1
}

/**
 * The first line start at or after `first` (itself a line start, or -1) that begins a `---` line,
 * or the first line start too near the end to tell (`undecided`, unless `final`). One native
 * search for `\n---` instead of a look at every line: a document of many lines is scanned once.
 */
function markerAfter(text: string, first: number, final: boolean): { readonly at: number; readonly undecided: number } {
  if (first < 0) return NO_MARKER
  const length = text.length
  if (!final && first + 3 >= length) return { at: -1, undecided: first }
  if (text.startsWith('---', first)) return { at: first, undecided: -1 }
  const i = text.indexOf('\n---', first)
  if (i >= 0) {
    const p = i + 1
    return final || p + 3 < length ? { at: p, undecided: -1 } : { at: -1, undecided: p }
  }
  if (final) return NO_MARKER
  const j = text.indexOf('\n', Math.max(first, length - 4))
  return j < 0 ? NO_MARKER : { at: -1, undecided: j + 1 }
}

const NO_MARKER = { at: -1, undecided: -1 } as const

/**
 * Cuts a stream of text into its `---`-separated documents as they complete, holding one
 * document and one incoming chunk: `push` each piece, then `end`. Every document of the stream
 * is given, empty ones too, and a stream with no document at all gives one empty document, as
 * `loadDocuments` counts them.
 *
 * @example
 * ```ts
 * const cutter = new DocumentCutter()
 * const docs = [...cutter.push('a: 1\n--'), ...cutter.push('-\nb: 2\n'), ...cutter.end()]
 * docs.map((d) => [d.index, d.lineBase]) // [[0, 0], [1, 1]]
 * ```
 */
export class DocumentCutter {
  // The current document's text, in pieces; `pending` is text not yet searched for markers.
  private pieces: string[] = []
  private pending = ''
  /** Is `pending[0]` at the start of a line? */
  private atLineStart = true
  private started = false
  private index = 0
  private lineBase = 0
  private firstDecided = false
  /** Where the current document's marker sits in its text, `null` while it has none. */
  private marker: number | null = null
  private out: DocumentText[] = []
  private readonly stripBom: boolean
  private size = 0
  private sink: ((text: string) => void) | null = null
  private divertedLines = 0

  /** `stripBom: false` for text whose byte-order mark is already gone (a second one is content). */
  constructor(options: { readonly stripBom?: boolean } = {}) {
    this.stripBom = options.stripBom ?? true
  }

  /** Documents completed by the next piece of text. */
  push(chunk: string): DocumentText[] {
    if (!this.started) {
      if (chunk === '') return []
      this.started = true
      this.pending = this.stripBom && chunk.charCodeAt(0) === BOM ? chunk.slice(1) : chunk
    } else this.pending += chunk
    this.search(false)
    return this.take()
  }

  /** The last documents. */
  end(): DocumentText[] {
    this.search(true)
    this.add(this.pending)
    this.pending = ''
    this.emit(this.pieces.join(''))
    this.pieces = []
    return this.take()
  }

  /** Characters of the current document held so far. */
  held(): number {
    return this.size
  }

  /** Index of the current document. */
  currentIndex(): number {
    return this.index
  }

  /** The current document: its index, the lines before it, its marker, and its text so far. */
  current(): { readonly index: number; readonly lineBase: number; readonly marker: number | null; readonly text: string } {
    const text = this.pieces.join('')
    this.pieces = [text]
    return { index: this.index, lineBase: this.lineBase, marker: this.marker, text }
  }

  /**
   * From now on the current document's text goes to `sink` as it is cut (a large List read item
   * by item); returns the text held so far. The document is then given with `diverted: true`.
   */
  divert(sink: (text: string) => void): string {
    const text = this.pieces.join('')
    this.pieces = []
    this.size = 0
    this.sink = sink
    this.divertedLines = countLines(text)
    return text
  }

  private add(text: string): void {
    if (this.sink !== null) {
      if (text !== '') {
        this.divertedLines += countLines(text)
        this.sink(text)
      }
      return
    }
    this.pieces.push(text)
    this.size += text.length
  }

  private take(): DocumentText[] {
    const out = this.out
    this.out = []
    return out
  }

  private emit(text: string): void {
    const diverted = this.sink !== null
    this.out.push({ text, index: this.index++, lineBase: this.lineBase, marker: this.marker, ...(diverted ? { diverted } : {}) })
    this.lineBase += diverted ? this.divertedLines : countLines(text)
    this.sink = null
    this.size = 0
  }

  /**
   * Cuts at every marker of `pending` whose fourth character is known (all of them when
   * `final`), then moves the searched text into the document, keeping only a line start a
   * marker could still begin at.
   */
  private search(final: boolean): void {
    let from = 0
    let undecided = -1
    for (;;) {
      const pending = this.pending
      // Every line that starts with `---` is a separator line to kubectl's reader, whatever
      // follows (`---#c` too); what follows is judged by the loader (src/read/yaml/separator.ts).
      // A line start within the last three characters is undecided until more text comes.
      const found = markerAfter(pending, from === 0 && this.atLineStart ? 0 : lineStartAfter(pending, from), final)
      if (found.undecided >= 0) undecided = found.undecided
      const at = found.at
      if (at < 0) break
      this.cutAt(at)
      from = 1
    }
    if (final) return
    if (undecided >= 0) {
      this.add(this.pending.slice(0, undecided))
      this.pending = this.pending.slice(undecided)
      this.atLineStart = true
    } else {
      this.add(this.pending)
      this.atLineStart = this.pending.charCodeAt(this.pending.length - 1) === 10
      this.pending = ''
    }
  }

  /** A marker at offset `at` of `pending`: the document before it is complete. */
  private cutAt(at: number): void {
    this.add(this.pending.slice(0, at))
    this.pending = this.pending.slice(at)
    this.atLineStart = true
    const text = this.pieces.join('')
    this.pieces = []
    if (this.sink !== null) this.firstDecided = true
    if (!this.firstDecided) {
      this.firstDecided = true
      // A leading marker, or only a prelude before it: the text joins document 0.
      if (isPrelude(text)) {
        this.pieces = [text]
        this.marker = text.length
        return
      }
    }
    this.emit(text)
    this.marker = 0
  }
}

/**
 * {@link DocumentCutter} over chunks that arrive asynchronously.
 *
 * Total for a plain-JavaScript caller: chunks that are no iterable, or a chunk that is no string,
 * end the documents with one entry whose `error` says which (`documentTexts: chunk 1 is a
 * Uint8Array object, not text …`); the documents completed before it are given first. Nothing
 * throws but what the caller's own iterator throws.
 *
 * @example
 * ```ts
 * for await (const doc of documentTexts(['a: 1\n--', '-\nb: 2\n'])) console.log(doc.index, doc.lineBase)
 * // 0 0, then 1 1
 * ```
 */
export async function* documentTexts(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<DocumentText> {
  const cutter = new DocumentCutter()
  if (!isIterable(chunks)) {
    yield invalidInput(cutter, `documentTexts: the chunks must be an iterable of strings, got ${describeValue(chunks)}`)
    return
  }
  let i = 0
  for await (const chunk of chunks as AsyncIterable<unknown>) {
    if (typeof chunk !== 'string') {
      yield invalidInput(cutter, `documentTexts: chunk ${i} is ${describeValue(chunk)}, not text (decode bytes first, or read them with loadStream)`)
      return
    }
    yield* cutter.push(chunk)
    i++
  }
  yield* cutter.end()
}

/** Something `for await` can walk: a sync or an async iterable (strings included). */
function isIterable(u: unknown): boolean {
  if (typeof u === 'string') return true
  if ((typeof u !== 'object' && typeof u !== 'function') || u === null) return false
  const o = u as { readonly [Symbol.iterator]?: unknown; readonly [Symbol.asyncIterator]?: unknown }
  return typeof o[Symbol.iterator] === 'function' || typeof o[Symbol.asyncIterator] === 'function'
}

/** The last entry of a stream that cannot be read on: where the current document would start, and why. */
function invalidInput(cutter: DocumentCutter, message: string): DocumentText {
  const current = cutter.current()
  return { text: '', index: current.index, lineBase: current.lineBase, marker: null, error: { code: 'invalid-input', message } }
}

function shiftPosition<P extends Position>(p: P, lines: number): P {
  return { ...p, line: p.line + lines }
}

/**
 * A document loaded on its own, placed back in its stream: its index and every line shifted.
 *
 * @example
 * ```ts
 * placed({ _tag: 'Empty', source: 'a.yaml', index: 0, line: 1 }, 3, 10) // { _tag: 'Empty', source: 'a.yaml', index: 3, line: 11 }
 * ```
 */
export function placed(result: LoadResult, index: number, lines: number): LoadResult {
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
        warnings: result.warnings.map((w) => shiftProblem(w, lines)),
        positionOf:
          lines === 0
            ? positionOf
            : (path: FieldPath) => {
                const p = positionOf(path)
                return p === null ? null : shiftPosition(p, lines)
              },
      }
    }
  }
}
