/**
 * What `checkFilesInParallel` and its worker threads say to each other, and the per-file check
 * both sides share (the main thread uses it when there is no worker to give a file to).
 *
 * @packageDocumentation
 */
import type { PreparedCheck, ReportEntry } from '../report/check.js'
import type { ExemptionUsage } from '../exemptions/ledger.js'
import type { LoadOptions } from '../read/document.js'
import { readUnits } from '../read/units.js'
import { createReadStream } from 'node:fs'
import { createNamespaceBook, type NamespaceBook, type NamespaceDelta, type NamespaceSnapshot } from '../inputs/namespaces.js'

/** Check this file, starting from what the main thread knew of the Namespaces before it. */
export interface WorkerRequest {
  readonly id: number
  readonly path: string
  readonly source: string
  readonly namespaces: NamespaceSnapshot
}

/**
 * Some of a file's entries, in order; `done` on the last batch. `reads` are the inherited
 * Namespace values these entries depend on; `delta`, on the last batch, what the file changed.
 */
export interface WorkerReply {
  readonly id: number
  readonly entries: ReadonlyArray<ReportEntry>
  readonly reads: ReadonlyArray<string>
  readonly done: boolean
  readonly delta?: NamespaceDelta | undefined
  /** On the last batch, what the file's exemptions marked (the main thread's stage counts it). */
  readonly usage?: ExemptionUsage | undefined
}

/**
 * The entries of one file, streamed from disk, without the check's own problems (reported once
 * by the caller). An unreadable file is one `Error` entry. `book` is the record of the Namespaces
 * seen before this file (a new, empty one by default); the file's own are added to it.
 */
export async function* checkFileEntries(
  path: string,
  source: string,
  prepared: PreparedCheck,
  load: LoadOptions | undefined,
  book: NamespaceBook = createNamespaceBook(),
): AsyncGenerator<ReportEntry> {
  const check = prepared.withNamespaces(book)
  try {
    // The read stage checkStream uses: JSON and YAML read alike on every thread.
    for await (const unit of readUnits(createReadStream(path, { highWaterMark: 1 << 16 }), source, load)) yield* check.checkUnit(unit)
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown)
    yield { _tag: 'Error', error: { source, document: null, line: null, column: null, code: 'unreadable-source', message: `could not read ${source}: ${reason}`, category: 'input' } }
  }
}
