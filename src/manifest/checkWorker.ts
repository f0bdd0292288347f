/**
 * The worker thread of `checkFilesInParallel`: checks the files it is sent, one at a time, and
 * posts their entries back in batches. Started by `checkFilesInParallel`, never imported.
 *
 * @packageDocumentation
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { CheckOptions, ReportEntry } from '../report/check.js'
import { createNamespaceBook } from '../inputs/namespaces.js'
import { checkFileEntries, type WorkerReply, type WorkerRequest } from './parallelProtocol.js'

const port = parentPort
const options = (workerData as { readonly options?: CheckOptions } | null)?.options

// Entries cross to the main thread by structured clone: batches amortise the message cost
// without holding a large file's whole report.
const BATCH = 512

if (port !== null) {
  port.on('message', (request: WorkerRequest) => {
    void (async () => {
      // The file starts from what the main thread knew; the reads of each batch let it see
      // whether one thread would have known the same (src/inputs/namespaces.ts).
      const book = createNamespaceBook(request.namespaces)
      let batch: ReportEntry[] = []
      for await (const entry of checkFileEntries(request.path, request.source, options, book)) {
        batch.push(entry)
        if (batch.length >= BATCH) {
          port.postMessage({ id: request.id, entries: batch, reads: book.takeReads(), done: false } satisfies WorkerReply)
          batch = []
        }
      }
      port.postMessage({ id: request.id, entries: batch, reads: book.takeReads(), done: true, delta: book.delta() } satisfies WorkerReply)
    })()
  })
}
