/**
 * Text → documents: read a manifest stream the way kubectl reads it, never throwing.
 *
 * The stream is first cut at its `---` lines (as kubectl's reader does), then each document is
 * read alone, so a broken document can hide nothing but itself: by the fast reader
 * (src/read/yaml/fastYaml.ts, js-yaml) when it can show it reads the document exactly, else by the
 * exact reader, eemeli/yaml in YAML 1.1 with kubectl's rules. Bad input of any kind (syntax, tabs,
 * duplicate keys, alias bombs, self-referencing aliases, absurd nesting) always goes to the exact
 * reader and comes back as an `Error` document with its line and column.
 *
 * @packageDocumentation
 */
import { Composer, Pair, Parser, YAMLMap, isScalar, isSeq, visit } from 'yaml'
import type { CST, Document, YAMLError } from 'yaml'
import { checkTokenDepth, expandedDepthOf } from './depth.js'
import { duplicateKeys } from './duplicateKeys.js'
import { fastDocument, fastPositionFinder } from './fastYaml.js'
import type { DuplicateKeyAt } from './duplicateKeys.js'
import { defaultLoadOptions } from '../document.js'
import type { DocumentError, DocumentPlace, LoadErrorCode, LoadOptions, LoadProblem, LoadResult } from '../document.js'
import { NOT_JSON_NUMBER } from './goNumbers.js'
import { TAG_REFUSED } from './goTags.js'
import { goFlowScalars } from './goFlowScalars.js'
import { controlCharacter, goLineBreaks, scannerRefusal, tabStartingLine } from './goScanner.js'
import { goQuotedValue } from './goQuoted.js'
import { goTagSpelling } from './goTagUris.js'
import { kubectlValueOf } from './kubectlValue.js'
import { lineIndexOf, positionAt } from './lineIndex.js'
import type { LineIndex } from './lineIndex.js'
import { noPosition, positionFinder } from './positions.js'
import { directiveIn, directiveMessage, markerVerdict } from './separator.js'
import { chunksOf } from './split.js'
import { YAML_OPTIONS } from './yamlOptions.js'
import type { Chunk } from './split.js'
import { describeValue, isRecord, optionsProblem } from '../../callerInput.js'

const BOM = 0xfeff
const STR_TAG = 'tag:yaml.org,2002:str'

/** Everything one document's loading needs from its stream. */
interface StreamContext {
  readonly text: string
  readonly lines: LineIndex
  readonly source: string
  readonly maxDepth: number
  readonly maxAliasCount: number
  /** Try the fast reader first (false: the exact reader alone, what the fast reader is proven against). */
  readonly fast: boolean
}

const KEY_PREVIEW = 60

// eemeli/yaml places a duplicate key's error on its first character only; the key is read back
// from the text: a quoted string, or everything up to the `: ` that ends a plain key.
const KEY_AT = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\n]*?)[ \t]*:(?:[ \t\r\n]|$)/

const keyTextAt = (ctx: StreamContext, start: number): string => {
  const lineEnd = ctx.text.indexOf('\n', start)
  const rest = ctx.text.slice(start, lineEnd < 0 ? ctx.text.length : lineEnd)
  const key = (KEY_AT.exec(rest)?.[1] ?? rest).trim()
  return key.length > KEY_PREVIEW ? `${key.slice(0, KEY_PREVIEW)}…` : key
}

/** One of eemeli/yaml's errors, placed in the whole source and told in our words. */
const problemOf = (ctx: StreamContext, base: number, error: YAMLError): LoadProblem => {
  const start = base + error.pos[0]
  const place = positionAt(ctx.lines, start)
  const yamlCode = error.code
  switch (yamlCode) {
    case 'DUPLICATE_KEY':
      return {
        ...place,
        code: 'duplicate-key',
        yamlCode,
        message: `mapping key ${JSON.stringify(keyTextAt(ctx, start))} already defined: each key may appear once in a mapping`,
      }
    case 'TAB_AS_INDENT':
      return { ...place, code: 'tab-indentation', yamlCode, message: 'a tab character indents this line: YAML indentation must use spaces' }
    case 'TAG_RESOLVE_FAILED':
      if (error.message.includes(NOT_JSON_NUMBER) || error.message.includes(TAG_REFUSED)) return { ...place, code: 'yaml-value', yamlCode, message: error.message }
      return { ...place, code: 'unresolved-tag', yamlCode, message: `${error.message}; the value is read as if it had no tag` }
    default:
      return { ...place, code: 'yaml-syntax', yamlCode, message: error.message }
  }
}

/**
 * A repeated key: kubectl keeps the last one silently, so it is read that way and said (a `duplicate-key` warning);
 * strict mode makes it an error (src/read/units.ts turns it into a note of the read stage).
 */
const duplicateWarning = (ctx: StreamContext, base: number, d: DuplicateKeyAt): LoadProblem => {
  const place = positionAt(ctx.lines, base + d.offset)
  const duplicate = { key: keyTextAt(ctx, base + d.offset), firstLine: positionAt(ctx.lines, base + d.firstOffset).line }
  return { ...place, code: 'duplicate-key', path: d.path, duplicate, message: duplicateMessage(duplicate.key, duplicate.firstLine, place.line) }
}

const duplicateMessage = (key: string, firstLine: number, line: number): string =>
  `key ${JSON.stringify(key)} appears twice in one mapping (lines ${firstLine} and ${line}): the last one wins, as kubectl reads it`

/**
 * A problem moved `lines` lines down (a document read on its own, placed back in its stream);
 * a duplicate key's message names both lines, so it is told again with the new ones.
 *
 * @example
 * shiftProblem({ line: 2, column: 1, code: 'yaml-syntax', message: 'm' }, 10).line // 12
 */
export const shiftProblem = (p: LoadProblem, lines: number): LoadProblem => {
  if (p.duplicate === undefined) return { ...p, line: p.line + lines }
  const duplicate = { key: p.duplicate.key, firstLine: p.duplicate.firstLine + lines }
  return { ...p, line: p.line + lines, duplicate, message: duplicateMessage(duplicate.key, duplicate.firstLine, p.line + lines) }
}

const problemAt = (ctx: StreamContext, offset: number, code: LoadErrorCode, message: string): LoadProblem => ({
  ...positionAt(ctx.lines, offset),
  code,
  message,
})

const errorOf = (place: DocumentPlace, problems: ReadonlyArray<LoadProblem>): DocumentError => {
  // The earliest problem leads: fixing from the top is how a person reads an error list.
  const sorted = [...problems].sort((a, b) => a.line - b.line || a.column - b.column)
  const first = sorted[0] as LoadProblem
  return {
    _tag: 'Error',
    source: place.source,
    index: place.index,
    startLine: place.line,
    line: first.line,
    column: first.column,
    code: first.code,
    message: first.message,
    problems: sorted,
  }
}

const tooDeepMessage = (maxDepth: number): string =>
  `nesting deeper than ${maxDepth} levels (counting expanded aliases); no Kubernetes object nests like this`

/** Something thrown while reading a document (not expected: kubectlValue answers its refusals), as a problem of ours. */
const conversionProblem = (ctx: StreamContext, offset: number, thrown: unknown): LoadProblem => {
  const message = thrown instanceof Error ? thrown.message : String(thrown)
  if (thrown instanceof RangeError) return problemAt(ctx, offset, 'too-deep', tooDeepMessage(ctx.maxDepth))
  return problemAt(ctx, offset, 'yaml-value', message)
}

/** A document with nothing in it, or only an explicit `null`/`~`. */
const isEmptyDocument = (doc: Document.Parsed): boolean => doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)

/** Parses the chunk's text alone; `null` when the depth check refused it before composing. */
const composeChunk = (
  ctx: StreamContext,
  chunk: Chunk,
  blankMarker: boolean,
): {
  readonly docs: Document.Parsed[]
  readonly streamErrors: ReadonlyArray<YAMLError>
  readonly hasAlias: boolean
  /** Where the first document's root flow collection closes (after its `}` or `]`), if it is one. */
  readonly flowRootEnd: number | null
} | LoadProblem => {
  const parser = new Parser()
  let text = ctx.text.slice(chunk.start, chunk.end)
  // `---#c`: kubectl drops the line; three spaces keep every column where it was.
  if (blankMarker && chunk.marker !== null) {
    const at = chunk.marker - chunk.start
    text = `${text.slice(0, at)}   ${text.slice(at + 3)}`
  }
  const composer = new Composer(YAML_OPTIONS)
  const docs: Document.Parsed[] = []
  let hasAlias = false
  let flowRootEnd: number | null = null
  const control = controlCharacter(text)
  if (control !== null) return problemAt(ctx, chunk.start + control.offset, 'yaml-syntax', control.message)
  const broken = goLineBreaks(text)
  const flow = goFlowScalars(broken.text)
  if (flow._tag === 'Refused') return problemAt(ctx, chunk.start + flow.offset, 'yaml-syntax', flow.message)
  const tab = tabStartingLine(flow.text)
  if (tab !== null) return problemAt(ctx, chunk.start + tab.offset, 'yaml-syntax', tab.message)
  for (const token of parser.parse(goTagSpelling(flow.text))) {
    if (token.type === 'document') {
      const refusal = scannerRefusal(token)
      if (refusal !== null) return problemAt(ctx, chunk.start + refusal.offset, 'yaml-syntax', refusal.message)
      const depth = checkTokenDepth(token, ctx.maxDepth, ctx.maxAliasCount)
      if (depth._tag === 'TooDeep') return problemAt(ctx, chunk.start + depth.offset, 'too-deep', tooDeepMessage(ctx.maxDepth))
      if (depth._tag === 'TooManyAliases')
        return problemAt(ctx, chunk.start + depth.offset, 'alias-limit', `more than ${ctx.maxAliasCount} aliases in one document; no Kubernetes object needs this many`)
      hasAlias ||= depth.hasAlias
      if (docs.length === 0 && flowRootEnd === null) flowRootEnd = flowRootEndOf(token)
    }
    for (const doc of composer.next(token)) docs.push(doc)
  }
  for (const doc of composer.end()) docs.push(doc)
  if (broken.goQuoted.length > 0) for (const doc of docs) decodeGoQuoted(doc, text, broken.goQuoted)
  if (flow.pairs.length > 0) for (const doc of docs) questionPairs(doc, flow.pairs)
  return { docs, streamErrors: docs.length === 0 ? composer.streamInfo().errors : [], hasAlias, flowRootEnd }
}

/**
 * The quoted (and plain) scalars of `doc` that go-yaml reads differently (at `offsets` in `text`, listed by
 * `goLineBreaks`), given go-yaml's value. A tag other than `!!str` resolved eemeli/yaml's reading
 * already and is left alone.
 */
const decodeGoQuoted = (doc: Document.Parsed, text: string, offsets: ReadonlyArray<number>): void => {
  const at = new Set(offsets)
  visit(doc, {
    Scalar(_, node) {
      const range = node.range
      const style = node.type === 'PLAIN' || node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'
      if (range && style && at.has(range[0]) && typeof node.value === 'string' && (node.tag === undefined || node.tag === STR_TAG))
        node.value = goQuotedValue(text.slice(range[0], range[1]))
    },
  })
}

/**
 * `[?x]`: the sequence items starting at `offsets` (a `?` before them, blanked by
 * `goFlowScalars`) become the one-pair maps go-yaml makes of them, `{x: null}`, placed at the `?`.
 */
const questionPairs = (doc: Document.Parsed, offsets: ReadonlyArray<number>): void => {
  const at = new Set(offsets)
  visit(doc, {
    Scalar(_, node, path) {
      const range = node.range
      if (!range || !at.has(range[0]) || !isSeq(path[path.length - 1])) return undefined
      const map = new YAMLMap()
      map.flow = true
      map.items.push(new Pair(node, null))
      map.range = [range[0] - 1, range[1], range[2]]
      return map
    },
  })
}

/**
 * Where a document that is one flow collection closes, or `null`. Followed by more on its line,
 * eemeli/yaml's CST holds the collection as the first key of a block map with no `:`.
 */
const flowRootEndOf = (document: CST.Document): number | null => {
  let root = document.value
  if (root?.type === 'block-map') {
    const first = root.items[0]
    // `{a: 1} : x` is a map with a flow key; `{a: 1} {b: 2}` puts the second collection in `sep`.
    const sep = (first?.sep ?? []).find((t) => t.type !== 'space')
    root = first !== undefined && sep !== undefined && sep.type !== 'map-value-ind' ? first.key ?? undefined : undefined
  }
  const close = root?.type === 'flow-collection' ? root.end[0] : undefined
  return close !== undefined && (close.type === 'flow-map-end' || close.type === 'flow-seq-end') ? close.offset + 1 : null
}

/**
 * Declared deviation: text after a document that is one flow collection (`{…}\n{…}`, JSON
 * objects one per line in a YAML stream) is dropped by kubectl without a word (go-yaml stops
 * reading after the root node), so it is this document's error, said plainly, not eemeli/yaml's
 * "Unexpected … at node end" list.
 */
const afterFlowRoot = (ctx: StreamContext, base: number, flowRootEnd: number | null, problems: ReadonlyArray<LoadProblem>): LoadProblem[] | null => {
  if (flowRootEnd === null) return null
  const end = positionAt(ctx.lines, base + flowRootEnd)
  const after = (p: LoadProblem): boolean => p.line > end.line || (p.line === end.line && p.column >= end.column)
  // A collection over several lines, followed on its last line, is also a "multiline implicit key" to eemeli/yaml.
  if (problems.some((p) => !after(p) && p.yamlCode !== 'MULTILINE_IMPLICIT_KEY')) return null
  const first = problems.filter(after).sort((a, b) => a.line - b.line || a.column - b.column)[0]
  if (first?.yamlCode !== 'UNEXPECTED_TOKEN') return null
  return [
    {
      line: first.line,
      column: first.column,
      code: 'yaml-syntax',
      message:
        'more text after the flow collection (`{…}` or `[…]`) that makes up this document: kubectl reads the first collection and silently drops the rest; separate documents with `---`',
    },
  ]
}

/**
 * The fast reader's answer for a chunk, or `null` when the chunk is outside what it is proven to
 * read exactly (the exact reader then reads it, errors and warnings included).
 */
const fastChunk = (ctx: StreamContext, chunk: Chunk, place: DocumentPlace): LoadResult | null => {
  const text = ctx.text.slice(chunk.start, chunk.end)
  const doc = fastDocument(text, ctx.maxDepth)
  if (doc === null) return null
  if (doc.value === null || doc.value === undefined) return { _tag: 'Empty', ...place }
  return { _tag: 'Document', ...place, value: doc.value, warnings: [], positionOf: fastPositionFinder(doc, text, ctx.lines, chunk.start) }
}

const loadChunk = (ctx: StreamContext, chunk: Chunk, index: number): LoadResult => {
  const place: DocumentPlace = { source: ctx.source, index, line: chunk.marker === null ? 1 : positionAt(ctx.lines, chunk.marker).line }
  let blank = false
  if (chunk.marker !== null) {
    const directive = directiveIn(ctx.text, chunk.start, chunk.marker)
    if (directive >= 0) {
      const lineEnd = ctx.text.indexOf('\n', directive)
      return errorOf(place, [problemAt(ctx, directive, 'yaml-syntax', directiveMessage(ctx.text.slice(directive, lineEnd < 0 ? undefined : lineEnd)))])
    }
    const verdict = markerVerdict(ctx.text, chunk.marker)
    if (verdict._tag === 'Refused') return errorOf(place, [problemAt(ctx, verdict.offset, 'yaml-syntax', verdict.message)])
    blank = verdict._tag === 'Blank'
  }
  if (ctx.fast && !blank) {
    const fast = fastChunk(ctx, chunk, place)
    if (fast !== null) return fast
  }
  const composed = composeChunk(ctx, chunk, blank)
  if (!('docs' in composed)) return errorOf(place, [composed])
  const { docs, streamErrors, hasAlias, flowRootEnd } = composed
  const problems: LoadProblem[] = []
  for (const error of streamErrors) problems.push(problemOf(ctx, chunk.start, error))
  for (const doc of docs) for (const error of doc.errors) problems.push(problemOf(ctx, chunk.start, error))
  // `...` followed by more content: eemeli/yaml starts another document, kubectl would not see it.
  for (let i = 1; i < docs.length; i++) {
    const extra = docs[i] as Document.Parsed
    if (!isEmptyDocument(extra))
      problems.push(
        problemAt(ctx, chunk.start + extra.range[0], 'yaml-syntax', 'content after a `...` document end marker: separate documents with `---`'),
      )
  }
  if (problems.length > 0) return errorOf(place, afterFlowRoot(ctx, chunk.start, flowRootEnd, problems) ?? problems)
  const doc = docs[0]
  if (doc === undefined || isEmptyDocument(doc)) return { _tag: 'Empty', ...place }
  const contentStart = chunk.start + (doc.contents?.range[0] ?? doc.range[0])
  if (hasAlias && expandedDepthOf(doc.contents, ctx.maxDepth) > ctx.maxDepth)
    return errorOf(place, [problemAt(ctx, contentStart, 'too-deep', tooDeepMessage(ctx.maxDepth))])
  const converted = kubectlValueOf(doc)
  if (converted._tag === 'Refused') return errorOf(place, [problemAt(ctx, chunk.start + converted.offset, converted.code, converted.message)])
  const value = converted.value
  if (value === null || value === undefined) return { _tag: 'Empty', ...place }
  const warnings = doc.warnings.map((w) => problemOf(ctx, chunk.start, w))
  for (const d of duplicateKeys(doc)) warnings.push(duplicateWarning(ctx, chunk.start, d))
  return { _tag: 'Document', ...place, value, warnings, positionOf: positionFinder(doc, ctx.lines, chunk.start) }
}

/**
 * A plain-JavaScript caller's text or name that is not a string, or limits that are not positive
 * integers: one `invalid-input` error document, rather than a `TypeError` from the reader or a
 * limit silently switched off (`maxDepth: '50'` compares as `NaN`).
 */
export function notText(text: unknown, source: unknown, options?: unknown): DocumentError | undefined {
  const message = typeof text !== 'string'
    ? `the text to read must be a string, got ${describeValue(text)}`
    : typeof source !== 'string'
      ? `the source's name must be a string, got ${describeValue(source)}`
      : limitsProblem(options)
  if (message === undefined) return undefined
  return inputError(source, message)
}

/** The one `invalid-input` error document of a source a caller passed wrongly. */
export function inputError(source: unknown, message: string): DocumentError {
  const problem: LoadProblem = { line: 1, column: 1, code: 'invalid-input', message }
  return errorOf({ source: typeof source === 'string' ? source : '<input>', index: 0, line: 1 }, [problem])
}

function limitsProblem(options: unknown): string | undefined {
  const shape = optionsProblem(options, 'load options', { maxDepth: 'number', maxAliasCount: 'number' })
  if (shape !== undefined || !isRecord(options)) return shape
  for (const field of ['maxDepth', 'maxAliasCount'] as const) {
    const v = options[field]
    if (typeof v === 'number' && !(Number.isInteger(v) && v > 0)) return `load options.${field}: expected a positive integer, got ${describeValue(v)}`
  }
  return undefined
}

/**
 * Reads every `---`-separated document of a YAML or JSON stream, in order, as an editor shows
 * them: empty documents are listed too (`Empty`), a first `---` with only comments above it opens
 * document 0, and a stream with no document at all is one `Empty` document. Never throws.
 *
 * YAML is read as kubectl reads it: YAML 1.1 scalars (`yes`/`no`/`on`/`off`/`y`/`n` in their
 * cases are booleans; no base-60 numbers; timestamps stay strings), `<<` merge keys, duplicate
 * keys are errors. Integers beyond `Number.MAX_SAFE_INTEGER` come out as `bigint`. A leading
 * UTF-8 BOM is skipped (positions are counted without it); CRLF line ends are fine.
 *
 * @param text - the whole stream
 * @param source - the name to report it under (a file name, `-`, …)
 *
 * @example
 * const docs = loadDocuments('kind: Pod\nspec:\n  containers:\n  - name: a\n---\n', 'pod.yaml')
 * docs.length // 2
 * docs[0]._tag // 'Document'
 * docs[1]._tag // 'Empty'
 * if (docs[0]._tag === 'Document') docs[0].positionOf('spec.containers[0]') // { line: 4, column: 5 }
 */
export const loadDocuments = (text: string, source: string, options?: LoadOptions): ReadonlyArray<LoadResult> => readStream(text, source, options, true)

/**
 * `loadDocuments` with the exact reader alone (eemeli/yaml and kubectl's rules), never the fast
 * one: the reference the fast reader is proven equal to, and the same answers, only slower.
 *
 * @example
 * loadDocumentsExact('kind: Pod\n', 'pod.yaml')[0]?._tag // 'Document'
 */
export const loadDocumentsExact = (text: string, source: string, options?: LoadOptions): ReadonlyArray<LoadResult> => readStream(text, source, options, false)

const readStream = (text: string, source: string, options: LoadOptions | undefined, fast: boolean): ReadonlyArray<LoadResult> => {
  const wrong = notText(text, source, options)
  if (wrong !== undefined) return [wrong]
  const body = text.charCodeAt(0) === BOM ? text.slice(1) : text
  const ctx: StreamContext = {
    text: body,
    lines: lineIndexOf(body),
    source,
    maxDepth: options?.maxDepth ?? defaultLoadOptions.maxDepth,
    maxAliasCount: options?.maxAliasCount ?? defaultLoadOptions.maxAliasCount,
    fast,
  }
  const chunks = chunksOf(body)
  const results: LoadResult[] = new Array<LoadResult>(chunks.length)
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i] as Chunk
    try {
      results[i] = loadChunk(ctx, chunk, i)
    } catch (thrown) {
      // eemeli/yaml is not supposed to throw here; if it ever does, it stays this document's error.
      const place: DocumentPlace = { source, index: i, line: chunk.marker === null ? 1 : positionAt(ctx.lines, chunk.marker).line }
      results[i] = errorOf(place, [conversionProblem(ctx, chunk.marker ?? chunk.start, thrown)])
    }
  }
  return results
}

/**
 * Wraps an already-parsed object (from `JSON.parse`, `@kubernetes/client-node`, …) as the one
 * document of `source`, so it goes through the same walk and report as text. `null` and
 * `undefined` are an `Empty` document. No place is known: `positionOf` answers `null`.
 *
 * @example
 * const [doc] = loadValue({ kind: 'Pod', spec: { containers: [] } }, 'api')
 * doc._tag // 'Document'
 */
export const loadValue = (value: unknown, source: string): ReadonlyArray<LoadResult> =>
  value === null || value === undefined
    ? [{ _tag: 'Empty', source, index: 0, line: 1 }]
    : [{ _tag: 'Document', source, index: 0, line: 1, value, warnings: [], positionOf: noPosition }]
