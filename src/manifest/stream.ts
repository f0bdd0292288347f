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
import type { CheckOptions, ReportEntry } from '../report/check.js'
import { prepareCheck } from '../report/check.js'
import { describeValue, isRecord } from '../callerInput.js'
import type { LoadResult } from '../read/document.js'
import { inputError, loadDocuments, notText } from '../read/yaml/load.js'
import { documentTexts, placed } from '../read/documents.js'
import { readUnits } from '../read/units.js'
import { SourceUnreadable } from '../read/unreadable.js'
import type { TextChunks } from '../read/units.js'

export { documentTexts, type DocumentText } from '../read/documents.js'
export type { TextChunks } from '../read/units.js'

/**
 * One source of a stream check: chunks of text under a name, or a file read as it is checked.
 *
 * @example
 * ```ts
 * const sources: StreamSource[] = [{ source: 'all.yaml', path: 'all.yaml' }, { source: '<stdin>', chunks: process.stdin }]
 * ```
 */
export type StreamSource = { readonly source: string; readonly chunks: TextChunks } | { readonly source: string; readonly path: string }

async function* decoded(chunks: TextChunks): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8')
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })
  const rest = decoder.decode()
  if (rest !== '') yield rest
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
  // A plain-JavaScript caller's wrong arguments: one error document, as loadDocuments gives.
  const wrong = notText('', source, options) ?? (isIterableOrAsync(chunks) ? undefined : inputError(source, `the chunks must be an iterable of strings or bytes, got ${describeValue(chunks)}`))
  if (wrong !== undefined) {
    yield wrong
    return
  }
  try {
    for await (const doc of documentTexts(decoded(checkedChunks(chunks)))) {
      for (const result of loadDocuments(doc.text, source, options)) yield placed(result, doc.index, doc.lineBase)
    }
  } catch (thrown) {
    if (!(thrown instanceof SourceUnreadable)) throw thrown
    yield inputError(source, thrown.reason)
  }
}

/**
 * A caller's chunks, each looked at: one that is neither text nor bytes ends the source with an
 * error that says which, rather than a `TypeError` from the UTF-8 decoder.
 */
async function* checkedChunks(chunks: TextChunks): AsyncGenerator<string | Uint8Array> {
  let i = 0
  for await (const chunk of chunks as AsyncIterable<unknown>) {
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) throw new SourceUnreadable(`chunk ${i} is ${describeValue(chunk)}, not text or bytes`)
    yield chunk
    i++
  }
}

function chunksOf(s: StreamSource): TextChunks {
  return 'chunks' in s ? checkedChunks(s.chunks) : createReadStream(s.path, { highWaterMark: 1 << 16 })
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
  if (prepared.entries.some((e) => e._tag === 'Error' && e.error.code === 'invalid-option')) return
  if (!isIterableOrAsync(sources)) {
    yield invalidSource('<input>', `checkStream: expected an iterable of { source, chunks } or { source, path }, got ${describeValue(sources)}`)
    return
  }
  let i = 0
  for await (const s of sources) {
    const at = `<input>[${i++}]`
    if (!isStreamSource(s)) {
      yield invalidSource(at, `checkStream: ${at} is not { source: string, chunks } nor { source: string, path: string }: got ${describeValue(s)}`)
      continue
    }
    try {
      for await (const unit of readUnits(chunksOf(s), s.source, options?.load)) yield* prepared.checkUnit(unit)
    } catch (thrown) {
      if (thrown instanceof SourceUnreadable) {
        const message = thrown.code === 'unreadable' ? `cannot read: ${thrown.reason}` : thrown.reason
        yield { _tag: 'Error', error: { source: s.source, document: null, line: null, column: null, code: thrown.code, message, category: 'input' } }
        continue
      }
      const reason = thrown instanceof Error ? thrown.message : String(thrown)
      yield {
        _tag: 'Error',
        error: { source: s.source, document: null, line: null, column: null, code: 'unreadable-source', message: `could not read ${s.source}: ${reason}`, category: 'input' },
      }
    }
  }
  yield* prepared.finish()
}

function isIterableOrAsync(u: unknown): u is Iterable<unknown> | AsyncIterable<unknown> {
  if (typeof u !== 'object' || u === null) return false
  const o = u as { [Symbol.iterator]?: unknown; [Symbol.asyncIterator]?: unknown }
  return typeof o[Symbol.iterator] === 'function' || typeof o[Symbol.asyncIterator] === 'function'
}

function isStreamSource(u: unknown): u is StreamSource {
  if (!isRecord(u) || typeof u['source'] !== 'string') return false
  return 'chunks' in u ? isIterableOrAsync(u['chunks']) || typeof u['chunks'] === 'string' : typeof u['path'] === 'string'
}

function invalidSource(source: string, message: string): ReportEntry {
  return { _tag: 'Error', error: { source, document: null, line: null, column: null, code: 'invalid-input', message, category: 'input' } }
}
