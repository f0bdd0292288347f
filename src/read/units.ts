/**
 * Bytes → units, streamed: the read stage of the flow.
 *
 * A source whose first character other than a byte-order mark and white space (Go's
 * `unicode.IsSpace`) is `{` is a JSON stream, exactly as kubectl's YAML-or-JSON reader decides:
 * `[`, a comment or `---` first make it YAML. A JSON stream is cut by `JsonCutter` and each unit
 * parsed by `JSON.parse`. kubectl reads it with Go's `json.Decoder` and stops at the first syntax
 * error, so a unit Go refuses (a YAML flow mapping `{apiVersion: v1}` too) is one `json-syntax`
 * problem with Go's words, and nothing after it is read. A valid unit that would round (an
 * integer beyond 2^53) goes to the YAML reader, which keeps it exact. Anything else is YAML, cut
 * at its `---` lines and read one document at a time by `loadDocuments`, the one YAML boundary
 * (src/read/yaml/load.ts).
 *
 * @packageDocumentation
 */
import { defaultLoadOptions } from './document.js'
import type { LoadedDocument, LoadOptions, LoadResult } from './document.js'
import { inputError, loadDocuments, notText } from './yaml/load.js'
import { describeValue } from '../callerInput.js'
import { DocumentCutter, placed } from './documents.js'
import type { DocumentText } from './documents.js'
import { JsonCutter } from './json/cutter.js'
import type { Cut, DuplicateKey, UnitFlaw } from './json/cutter.js'
import { goJsonError, JSON_STOPS, placeIn } from './json/goSyntax.js'
import { jsonPositionFinder } from './json/positions.js'
import { looksLikeYamlList, YAML_LIST_AT, YamlListCutter } from './yamlList.js'
import type { ReadNote, Unit } from './unit.js'
import { notUtf8Message, Utf8Decoder } from './utf8.js'
import type { NotUtf8 } from './utf8.js'

/**
 * Text in pieces: strings, or UTF-8 bytes (decoded across chunk boundaries).
 *
 * @example
 * ```ts
 * const chunks: TextChunks = createReadStream('pods.yaml') // bytes; or ['kind: Pod\n', 'spec: …']
 * ```
 */
export type TextChunks = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>

const BOM = 0xfeff

/**
 * Go's `unicode.IsSpace`, which kubectl's reader trims before looking for `{`: more than JSON's
 * four blanks, so `\v{…}` is a JSON stream that Go's decoder then refuses at the `\v`.
 */
const isGoSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000

/** Index of the first character of `s` that is not Go white space, or -1. */
const firstNonBlank = (s: string): number => {
  for (let i = 0; i < s.length; i++) if (!isGoSpace(s.charCodeAt(i))) return i
  return -1
}

/**
 * How far kubectl looks for the `{` of a JSON stream: its reader peeks at the first 4096 bytes
 * after the BOM (k8s.io/apimachinery `NewYAMLOrJSONDecoder(r, 4096)`), so a `{` after more
 * blank text than that starts a YAML stream (checked against kubectl 1.32).
 */
const JSON_SNIFF_BYTES = 4096

/** UTF-8 length of Go white space (all of it is below U+10000). */
const blankBytes = (s: string, end: number): number => {
  let n = 0
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i)
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3
  }
  return n
}

/**
 * The read stage of one source: `push` each chunk (bytes or text), then `end`; each returns the
 * units completed so far, in order. It holds one unit at a time (or, for a List whose `kind`
 * comes after its items, at most the hold limit). Never throws for bad input: that is a
 * `Problem` unit or an `Error` document.
 *
 * @example
 * ```ts
 * const reader = new UnitReader('two.json')
 * const units = [...reader.push('{"kind":"Pod"}{"kind":'), ...reader.push('"Service"}'), ...reader.end()]
 * units.map((u) => u._tag) // ['Whole', 'Whole']
 * ```
 */
export class UnitReader {
  private readonly decoder = new Utf8Decoder()
  private readonly before: string[] = []
  /** UTF-8 bytes of the blank text before the first character, against {@link JSON_SNIFF_BYTES}. */
  private blank = 0
  private started = false
  private json: JsonCutter | null = null
  private yaml: DocumentCutter | null = null
  private stopped = false
  /** The YAML List being read item by item, its units so far, and the document last looked at. */
  private list: YamlListCutter | null = null
  private listUnits: Unit[] = []
  private looked = -1

  /**
   * @param limits - `yamlListAt`: the size past which a YAML List is read item by item (default
   *   {@link YAML_LIST_AT}; tests lower it)
   */
  constructor(
    private readonly source: string,
    private readonly options?: LoadOptions,
    private readonly limits: { readonly yamlListAt?: number } = {},
  ) {}

  push(chunk: string | Uint8Array): Unit[] {
    if (this.stopped) return []
    const text = typeof chunk === 'string' ? chunk : this.decoder.push(chunk)
    return this.text(text)
  }

  end(): Unit[] {
    if (this.stopped) return []
    const out = this.text(this.decoder.end())
    if (this.stopped) return out
    // Blank text, or nothing: YAML's reader says what an empty stream is.
    if (this.json === null && this.yaml === null) this.choose(false)
    if (this.json !== null) this.jsonUnits(out, this.json.end())
    if (this.yaml !== null) for (const d of this.yaml.end()) this.yamlDocument(out, d)
    return out
  }

  private text(piece: string | NotUtf8): Unit[] {
    if (typeof piece !== 'string') {
      // What follows a bad byte is not text: the source stops here, with what it read so far.
      const out = piece.before === undefined || piece.before === '' ? [] : this.text(piece.before)
      this.stopped = true
      return [
        ...out,{ _tag: 'Problem', source: this.source, index: null, line: piece.line, column: null, code: 'not-utf8', message: notUtf8Message(piece) }]
    }
    let text = piece
    if (!this.started) {
      if (text === '') return []
      this.started = true
      if (text.charCodeAt(0) === BOM) text = text.slice(1)
    }
    if (this.json === null && this.yaml === null) {
      // Sniff: blank text before the first character is kept for whichever reader takes it.
      const at = firstNonBlank(text)
      this.blank += blankBytes(text, at < 0 ? text.length : at)
      if (at < 0 && this.blank < JSON_SNIFF_BYTES) {
        this.before.push(text)
        return []
      }
      this.choose(at >= 0 && text.charCodeAt(at) === 123 && this.blank < JSON_SNIFF_BYTES)
    }
    const out: Unit[] = []
    const pieces = this.before.length === 0 ? [text] : [...this.before.splice(0), text]
    for (const p of pieces) {
      if (this.stopped) break
      if (this.json !== null) this.jsonUnits(out, this.json.push(p))
      else if (this.yaml !== null) {
        const docs = this.yaml.push(p)
        for (const u of this.listUnits.splice(0)) out.push(u)
        for (const d of docs) this.yamlDocument(out, d)
        this.maybeList()
        for (const u of this.listUnits.splice(0)) out.push(u)
      }
    }
    return out
  }

  /** The units of a JSON stream's cuts, up to its first syntax error: kubectl reads no further. */
  private jsonUnits(out: Unit[], cuts: ReadonlyArray<Cut>): void {
    for (const c of cuts) {
      const unit = unitOf(c, this.source, this.options)
      out.push(unit)
      if (unit._tag === 'Problem' && unit.code === 'json-syntax') {
        this.stopped = true
        this.json = null
        return
      }
    }
  }

  private yamlDocument(out: Unit[], d: DocumentText): void {
    if (d.diverted === true && this.list !== null) {
      for (const u of this.listUnits.splice(0)) out.push(u)
      for (const u of this.list.end()) out.push(u)
      this.list = null
      return
    }
    pushDocuments(out, d, this.source, this.options)
  }

  /** A YAML document past the size where a kubectl List in it is read item by item. */
  private maybeList(): void {
    const yaml = this.yaml
    if (yaml === null || this.list !== null || yaml.held() < (this.limits.yamlListAt ?? YAML_LIST_AT)) return
    // Looked at once per document: joining its text again at every chunk would be quadratic.
    if (yaml.currentIndex() === this.looked) return
    const doc = yaml.current()
    this.looked = doc.index
    if (!looksLikeYamlList(doc.text)) return
    const list = new YamlListCutter(this.source, doc.index, doc.lineBase, doc.marker, doc.text, this.options)
    this.list = list
    const prefix = yaml.divert((text) => {
      for (const u of list.push(text)) this.listUnits.push(u)
    })
    for (const u of list.push(prefix)) this.listUnits.push(u)
  }

  private choose(json: boolean): void {
    if (json) this.json = new JsonCutter({ maxDepth: this.options?.maxDepth ?? defaultLoadOptions.maxDepth })
    else this.yaml = new DocumentCutter()
    if (!json && this.before.length > 0) {
      // Nothing but blank text: hand it over as it is.
      for (const p of this.before.splice(0)) this.yaml?.push(p)
    }
  }
}

/**
 * {@link UnitReader} over chunks that arrive asynchronously.
 *
 * @example
 * ```ts
 * for await (const unit of readUnits(createReadStream('pods.json'), 'pods.json')) if (unit._tag === 'Problem') console.error(unit.message)
 * ```
 */
export async function* readUnits(chunks: TextChunks, source: string, options?: LoadOptions): AsyncGenerator<Unit> {
  // A plain-JavaScript caller's wrong arguments: one error unit, as readAllUnits gives, never a
  // TypeError from the loop or the UTF-8 decoder.
  const wrong = notText('', source, options) ?? (isChunks(chunks) ? undefined : inputError(source, `the chunks must be an iterable of strings or bytes, got ${describeValue(chunks)}`))
  if (wrong !== undefined) {
    yield { _tag: 'Whole', doc: wrong, notes: [] }
    return
  }
  const reader = new UnitReader(source, options)
  let n = 0
  for await (const chunk of chunks as AsyncIterable<unknown>) {
    // One check per chunk (not per byte): a chunk that is neither text nor bytes ends the source
    // with an error that says which; the units completed before it stay reported.
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
      yield { _tag: 'Whole', doc: inputError(source, `chunk ${n} is ${describeValue(chunk)}, not text or bytes: the rest of ${source} is not read`), notes: [] }
      return
    }
    const units = reader.push(chunk)
    for (let i = 0; i < units.length; i++) yield units[i] as Unit
    n++
  }
  yield* reader.end()
}

function isChunks(u: unknown): boolean {
  if (typeof u !== 'object' || u === null) return false
  const o = u as { [Symbol.iterator]?: unknown; [Symbol.asyncIterator]?: unknown }
  return typeof o[Symbol.iterator] === 'function' || typeof o[Symbol.asyncIterator] === 'function'
}

/**
 * The units of a whole text, read as the stream of it would be.
 *
 * @example
 * ```ts
 * readAllUnits('kind: Pod\n---\n', 'pod.yaml').length // 2
 * ```
 */
export const readAllUnits = (text: string, source: string, options?: LoadOptions): Unit[] => {
  const wrong = notText(text, source, options)
  if (wrong !== undefined) return [{ _tag: 'Whole', doc: wrong, notes: [] }]
  const reader = new UnitReader(source, options)
  const units = reader.push(text)
  for (const u of reader.end()) units.push(u)
  return units
}

// ---------------------------------------------------------------------------------------------
// YAML

function pushDocuments(out: Unit[], doc: DocumentText, source: string, options: LoadOptions | undefined): void {
  for (const result of loadDocuments(doc.text, source, options)) out.push({ _tag: 'Whole', doc: placed(result, doc.index, doc.lineBase), notes: [] })
}

// ---------------------------------------------------------------------------------------------
// JSON

const duplicateNote = (d: DuplicateKey): ReadNote => ({
  code: 'duplicate-key',
  line: d.line,
  column: d.column,
  path: d.path,
  message: `key ${JSON.stringify(d.key)} appears twice in one object (lines ${d.firstLine} and ${d.line}): the last one wins, as kubectl reads it`,
})

const notesOf = (duplicates: ReadonlyArray<DuplicateKey>): ReadonlyArray<ReadNote> => (duplicates.length === 0 ? [] : duplicates.map(duplicateNote))

/**
 * A unit Go's JSON decoder refuses: a `json-syntax` problem at the refused character, in Go's
 * words; `null` when Go would read it (the YAML reader then reads it, keeping big integers).
 */
const goRefusal = (text: string, source: string, index: number, line: number, column: number, prefix: string): Unit | null => {
  const error = goJsonError(text)
  if (error === null) return null
  return { _tag: 'Problem', source, index, ...placeIn(text, error.offset, line, column), code: 'json-syntax', message: `${prefix}${error.message}: ${JSON_STOPS}` }
}

/** `JSON.parse`, or `undefined` when it refuses (Go's decoder or the YAML reader then says why). */
const parsed = (text: string, flaw: UnitFlaw | null): { value: unknown } | undefined => {
  if (flaw !== null) return undefined
  try {
    return { value: JSON.parse(text) as unknown }
  } catch {
    return undefined
  }
}

/**
 * A unit the YAML reader reads instead: the text is padded so that its first line keeps its
 * column, and every place is moved to the unit's line.
 */
const viaYaml = (text: string, source: string, index: number, line: number, column: number, options: LoadOptions | undefined): LoadResult => {
  const [result] = loadDocuments(' '.repeat(column - 1) + text, source, options)
  const doc = result ?? { _tag: 'Empty' as const, source, index: 0, line: 1 }
  return placed(doc, index, line - 1)
}

function unitOf(c: Cut, source: string, options: LoadOptions | undefined): Unit {
  switch (c._tag) {
    case 'Problem':
      return { _tag: 'Problem', source, index: c.document, line: c.line, column: c.column, code: c.code, message: c.message }
    case 'ListEnd':
      return { _tag: 'ListEnd', source, index: c.document, line: c.documentLine, kind: c.kind, items: c.items, provisional: c.provisional, notes: notesOf(c.duplicates) }
    case 'Value': {
      const line = c.document === 0 ? 1 : c.line
      const got = parsed(c.text, c.flaw)
      if (got === undefined) {
        const refusal = goRefusal(c.text, source, c.document, c.line, c.column, '')
        if (refusal !== null) return refusal
        const doc = viaYaml(c.text, source, c.document, c.line, c.column, options)
        // The YAML reader starts a first document on line 1, as the first version did.
        return { _tag: 'Whole', doc: { ...doc, line } as LoadResult, notes: [] }
      }
      if (got.value === null) return { _tag: 'Whole', doc: { _tag: 'Empty', source, index: c.document, line }, notes: notesOf(c.duplicates) }
      const doc: LoadedDocument = {
        _tag: 'Document',
        source,
        index: c.document,
        line,
        value: got.value,
        warnings: [],
        positionOf: jsonPositionFinder(c.text, c.line, c.column, '', c.keys),
      }
      return { _tag: 'Whole', doc, notes: notesOf(c.duplicates) }
    }
    case 'Item': {
      const prefix = `items[${c.item}]`
      const got = parsed(c.text, c.flaw)
      let doc: LoadedDocument
      if (got === undefined) {
        const refusal = goRefusal(c.text, source, c.document, c.line, c.column, `${prefix}: `)
        if (refusal !== null) return refusal
        const read = viaYaml(c.text, source, c.document, c.line, c.column, options)
        if (read._tag === 'Error')
          return { _tag: 'Problem', source, index: c.document, line: read.line, column: read.column, code: read.code, message: `${prefix}: ${read.message}` }
        const value = read._tag === 'Document' ? read.value : null
        const positionOf = read._tag === 'Document' ? read.positionOf : () => null
        doc = {
          _tag: 'Document',
          source,
          index: c.document,
          line: c.documentLine,
          value,
          warnings: read._tag === 'Document' ? read.warnings : [],
          positionOf: (path) => {
            const p = typeof path === 'string' ? path : null
            if (p === null || !p.startsWith(prefix)) return null
            const inner = p.slice(prefix.length).replace(/^\./, '')
            return positionOf(inner)
          },
        }
      } else {
        doc = {
          _tag: 'Document',
          source,
          index: c.document,
          line: c.documentLine,
          value: got.value,
          warnings: [],
          positionOf: jsonPositionFinder(c.text, c.line, c.column, prefix, c.keys),
        }
      }
      return { _tag: 'Item', doc, item: c.item, listKind: c.listKind, listApiVersion: c.listApiVersion, notes: notesOf(c.duplicates) }
    }
  }
}
