/**
 * The worker thread of `checkFilesInParallel`: checks the files it is sent, one at a time, and
 * posts their entries back in batches. Started by `checkFilesInParallel`, never imported.
 *
 * @packageDocumentation
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { CheckOptions, ReportEntry } from '../report/check.js'
import { prepareCheck } from '../report/check.js'
import { createNamespaceBook } from '../inputs/namespaces.js'
import { checkFileEntries, type WorkerReply, type WorkerRequest } from './parallelProtocol.js'

const port = parentPort
const options = (workerData as { readonly options?: CheckOptions } | null)?.options
// Policies and exemptions files are read once per thread, not once per file.
const prepared = prepareCheck(options)

// Entries cross to the main thread by structured clone: batches amortise the message cost
// without holding a large file's whole report.
const BATCH = 512

/** One file, start to end: its entries in batches, then what it changed and what it marked. */
async function checkFile(request: WorkerRequest, to: NonNullable<typeof port>): Promise<void> {
  // The file starts from what the main thread knew; the reads of each batch let it see
  // whether one thread would have known the same (src/inputs/namespaces.ts).
  const book = createNamespaceBook(request.namespaces)
  let batch: ReportEntry[] = []
  for await (const entry of checkFileEntries(request.path, request.source, prepared, options?.load, book)) {
    batch.push(entry)
    if (batch.length >= BATCH) {
      to.postMessage({ id: request.id, entries: batch, reads: book.takeReads(), done: false } satisfies WorkerReply)
      batch = []
    }
  }
  to.postMessage({ id: request.id, entries: batch, reads: book.takeReads(), done: true, delta: book.delta(), usage: prepared.exemptions?.takeUsage() } satisfies WorkerReply)
}

if (port !== null) {
  // Files are checked one after another, never interleaved: the main thread queues a second file
  // behind the first, and the exemption counts taken at a file's end must be that file's alone.
  let queue: Promise<void> = Promise.resolve()
  port.on('message', (request: WorkerRequest) => {
    queue = queue.then(() => checkFile(request, port))
  })
}
