/**
 * What the read stage hands to the manifest stage: one unit per document, or per item of a List
 * read item by item, each complete with its place (source, document index, lines).
 *
 * @packageDocumentation
 */
import type { LoadedDocument, LoadResult } from './document.js'

/**
 * Something the reader accepted but reports: a key written twice in one object (JSON). The value
 * is the last one, as kubectl reads it.
 *
 * @example
 * ```ts
 * // {"a": 1, "a": 2} on line 1: the value is {"a": 2}, and the note says so
 * const note: ReadNote = { code: 'duplicate-key', line: 1, column: 10, path: '', message: 'key "a" already set on line 1' }
 * ```
 */
export interface ReadNote {
  readonly code: 'duplicate-key'
  readonly line: number
  readonly column: number
  /** Path of the object that holds the key twice, from the document root. */
  readonly path: string
  readonly message: string
}

/**
 * A whole document (every YAML document, every JSON value that is not a List read item by item).
 *
 * @example
 * ```ts
 * const unit: WholeUnit = { _tag: 'Whole', doc: { _tag: 'Empty', source: 'a.yaml', index: 0, line: 1 }, notes: [] }
 * ```
 */
export interface WholeUnit {
  readonly _tag: 'Whole'
  readonly doc: LoadResult
  readonly notes: ReadonlyArray<ReadNote>
}

/**
 * One item of a List, read on its own: `doc.value` is the item, `doc.index`/`doc.line` are the
 * List document's, and `doc.positionOf` answers paths from the document root (`items[3]…`).
 *
 * @example
 * ```ts
 * for await (const unit of readUnits(chunks, 'pods.json')) {
 *   if (unit._tag === 'Item') console.log(unit.item, unit.listKind) // 0 'List', 1 'List', …
 * }
 * ```
 */
export interface ItemUnit {
  readonly _tag: 'Item'
  readonly doc: LoadedDocument
  readonly item: number
  /** The List's kind, `null` when it was not known yet (see `ListEndUnit.provisional`). */
  readonly listKind: string | null
  /** The List's `apiVersion` when known before the item: items without their own inherit its API group. */
  readonly listApiVersion: string | null
  readonly notes: ReadonlyArray<ReadNote>
}

/**
 * The end of a List read item by item.
 *
 * @example
 * ```ts
 * // after the last ItemUnit of `kubectl get pods -A -o json`:
 * // { _tag: 'ListEnd', source: '-', index: 0, line: 1, kind: 'List', items: 10000, provisional: false, notes: [] }
 * ```
 */
export interface ListEndUnit {
  readonly _tag: 'ListEnd'
  readonly source: string
  readonly index: number
  readonly line: number
  readonly kind: unknown
  readonly items: number
  /** The items were checked before the kind was known (a List longer than the hold limit with `kind` last). */
  readonly provisional: boolean
  readonly notes: ReadonlyArray<ReadNote>
}

/**
 * Input the reader could not cut into units: not UTF-8, text between JSON values, cut short, too deep.
 *
 * @example
 * ```ts
 * for await (const unit of readUnits(['{"kind": "List", "items": [{}, {"ki'], 'cut.json')) {
 *   if (unit._tag === 'Problem') console.log(unit.code) // 'incomplete-input'
 * }
 * ```
 */
export interface ProblemUnit {
  readonly _tag: 'Problem'
  readonly source: string
  readonly index: number | null
  readonly line: number | null
  readonly column: number | null
  readonly code: string
  readonly message: string
}

/**
 * One unit of a source, in source order.
 *
 * @example
 * ```ts
 * for await (const unit of readUnits(chunks, 'pods.json')) if (unit._tag === 'Problem') console.error(unit.message)
 * ```
 */
export type Unit = WholeUnit | ItemUnit | ListEndUnit | ProblemUnit
