/**
 * What `loadDocuments` returns for each `---`-separated document of a manifest stream.
 *
 * @packageDocumentation
 */
import type { FieldPath } from '../path.js'

/**
 * A 1-based place in a source, as an editor shows it.
 *
 * @example
 * const start: Position = { line: 1, column: 1 }
 */
export interface Position {
  /** 1-based line. */
  readonly line: number
  /** 1-based column, counted in UTF-16 code units (a tab is one column). */
  readonly column: number
}

/**
 * A problem the YAML reader found, with its place in the whole source (not in the document).
 * `yamlCode` is eemeli/yaml's own code (`TAB_AS_INDENT`, `DUPLICATE_KEY`, …) when it has one.
 *
 * @example
 * ```ts
 * const [doc] = loadDocuments('a: [1\n', 'bad.yaml')
 * if (doc?._tag === 'Error') {
 *   const first: LoadProblem | undefined = doc.problems[0]
 *   first?.code // 'yaml-syntax'
 * }
 * ```
 */
export interface LoadProblem extends Position {
  readonly code: LoadErrorCode
  readonly message: string
  readonly yamlCode?: string | undefined
  /** For a `duplicate-key` warning: the path of the map that holds the key twice. */
  readonly path?: string | undefined
  /** For a `duplicate-key` warning: the key as written, and the line of its first occurrence. */
  readonly duplicate?: { readonly key: string; readonly firstLine: number } | undefined
}

/**
 * Why a document could not be loaded.
 *
 * - `yaml-syntax`: the text is not valid YAML (unclosed bracket or quote, bad indentation, …).
 * - `tab-indentation`: a tab character indents a line; YAML allows only spaces there.
 * - `duplicate-key`: (a warning; an error under strict mode) a mapping holds the same key twice;
 *   the last one wins, as kubectl reads it.
 * - `alias-limit`: aliases expand beyond kubectl's budget, a share of the decoded nodes (a
 *   "billion laughs" document), or the document holds more than `maxAliasCount` aliases.
 * - `too-deep`: nesting beyond `maxDepth`, counted after alias expansion.
 * - `unresolved-alias`: `*name` with no `&name` anchor before it.
 * - `yaml-value`: the YAML parsed but could not be turned into a value for another reason.
 * - `unresolved-tag`: (a warning) a `!tag` nobody knows; the value is kept as if untagged.
 * - `invalid-input`: a plain-JavaScript caller passed something that is not a string as the text
 *   or the source's name, or limits that are not positive integers; nothing was read.
 *
 * @example
 * ```ts
 * const [doc] = loadDocuments('spec:\n\tcontainers: []\n', 'tabs.yaml')
 * const code: LoadErrorCode | null = doc?._tag === 'Error' ? doc.code : null // 'tab-indentation'
 * ```
 */
export type LoadErrorCode =
  | 'yaml-syntax'
  | 'tab-indentation'
  | 'duplicate-key'
  | 'alias-limit'
  | 'too-deep'
  | 'unresolved-alias'
  | 'yaml-value'
  | 'unresolved-tag'
  | 'invalid-input'

/** Where a document sits in its source. Shared by the three outcomes. */
export interface DocumentPlace {
  /** The name the caller gave the source (a file name, `-` for standard input, …). */
  readonly source: string
  /** Index of the document in its source, counting every `---`-separated document from 0. */
  readonly index: number
  /** 1-based line where the document starts: its `---` marker line, or 1 for a first document without one. */
  readonly line: number
}

/**
 * A document that holds a value.
 *
 * @example
 * ```ts
 * const [doc] = loadDocuments('kind: Pod\nspec: {}\n', 'pod.yaml')
 * if (doc?._tag === 'Document') {
 *   const loaded: LoadedDocument = doc
 *   loaded.value // { kind: 'Pod', spec: {} }
 *   loaded.positionOf('spec') // { line: 2, column: 1 }
 * }
 * ```
 */
export interface LoadedDocument extends DocumentPlace {
  readonly _tag: 'Document'
  /**
   * The document as plain JSON-like data (objects, arrays, strings, booleans, `null`, numbers).
   * Integers outside `Number.MIN_SAFE_INTEGER..MAX_SAFE_INTEGER` are `bigint` so no digit is lost;
   * `.nan`/`.inf` refuse the document (`yaml-value`), as kubectl refuses it.
   */
  readonly value: unknown
  /** Things the reader accepted but the author may not have meant (e.g. an unknown `!tag`). */
  readonly warnings: ReadonlyArray<LoadProblem>
  /**
   * The 1-based place of the node at `path` (`spec.containers[1].securityContext`, or segments),
   * `null` when there is no such node or the document did not come from text. A map field answers
   * with the place of its key; a sequence item with the place of its value.
   */
  readonly positionOf: (path: FieldPath) => Position | null
}

/**
 * A document with nothing in it: only comments, blank lines, or an explicit `null`.
 *
 * @example
 * ```ts
 * const docs = loadDocuments('# only a comment\n', 'notes.yaml')
 * const empty = docs.filter((d): d is EmptyDocument => d._tag === 'Empty') // one, index 0
 * ```
 */
export interface EmptyDocument extends DocumentPlace {
  readonly _tag: 'Empty'
}

/**
 * A document that could not be read. `line`/`column` are those of the first problem (what a
 * report prints); `startLine` is where the document starts.
 *
 * @example
 * ```ts
 * const [doc] = loadDocuments('kind: Pod\nkind: Pod\n', 'dup.yaml')
 * if (doc?._tag === 'Error') {
 *   const error: DocumentError = doc
 *   `${error.source}:${error.line}:${error.column}: ${error.message}` // 'dup.yaml:2:1: mapping key "kind" already defined: …'
 * }
 * ```
 */
export interface DocumentError extends Position {
  readonly _tag: 'Error'
  readonly source: string
  readonly index: number
  /** 1-based line where the document starts, as `line` of the other outcomes. */
  readonly startLine: number
  readonly code: LoadErrorCode
  readonly message: string
  /** Every problem found in this document, the first one included. */
  readonly problems: ReadonlyArray<LoadProblem>
}

/**
 * One `---`-separated document of a source, whatever became of it.
 *
 * @example
 * for (const doc of loadDocuments(text, 'deploy.yaml')) {
 *   if (doc._tag === 'Error') console.error(`${doc.source}:${doc.line}:${doc.column} ${doc.message}`)
 *   else if (doc._tag === 'Document') walkPods(doc.value)
 * }
 */
export type LoadResult = LoadedDocument | EmptyDocument | DocumentError

/**
 * Limits and knobs of `loadDocuments`.
 *
 * @example
 * loadDocuments(text, 'big.yaml', { maxDepth: 2000, maxAliasCount: 1000 })
 */
export interface LoadOptions {
  /**
   * Deepest nesting of collections accepted, counted after alias expansion. Default 500: real
   * manifests stay below 30, and V8 can abort the whole process (not throw) when eemeli/yaml
   * recurses a few thousand levels deep, so the check runs on the token tree before composing.
   */
  readonly maxDepth?: number | undefined
  /**
   * The most aliases one document may hold, on top of kubectl's own limit (go-yaml's: aliases
   * may make at most 99 % of the decoded nodes, down to 10 % for very large documents), which
   * always applies. Default -1: kubectl's limit only, so a 10,000-item List with anchors is read.
   */
  readonly maxAliasCount?: number | undefined
}

/**
 * The defaults of {@link LoadOptions}.
 *
 * @example
 * defaultLoadOptions.maxDepth // 500
 */
export const defaultLoadOptions: { readonly maxDepth: number; readonly maxAliasCount: number } = { maxDepth: 500, maxAliasCount: -1 }
