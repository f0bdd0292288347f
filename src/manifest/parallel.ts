/**
 * Many files, every core: files are handed to worker threads, each checks whole files, and the
 * entries come back in the order of the files, as `checkStream` would give them on one thread.
 *
 * @packageDocumentation
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { CheckOptions, ReportEntry } from '../report/check.js'
import { prepareCheck } from '../report/check.js'
import { createNamespaceBook, type NamespaceBook, type NamespaceDelta } from '../inputs/namespaces.js'
import { checkFileEntries, type WorkerReply, type WorkerRequest } from './parallelProtocol.js'
import type { ExemptionUsage } from '../exemptions/ledger.js'
import { describeValue, isRecord, optionsProblem } from '../callerInput.js'

/**
 * Options of `checkFilesInParallel`.
 *
 * @example
 * ```ts
 * const parallel: ParallelOptions = { threads: 2 }
 * checkFilesInParallel(['a.yaml', 'b.yaml'], { semantics: 'kubernetes' }, parallel)
 * ```
 */
export interface ParallelOptions {
  /** Worker threads to start; default: the machine's available parallelism. */
  readonly threads?: number | undefined
  /**
   * The worker script (`checkWorker.js` of this package's build). Default: the one beside this
   * module. Bundlers that move this module must say where the worker went: a file path, or a
   * `file:` URL (any object with an `href`, so the declaration needs no DOM or Node typings).
   */
  readonly workerUrl?: string | { readonly href: string } | undefined
}

/**
 * One file to check: its path, and the name to report it under (default: the path).
 *
 * @example
 * ```ts
 * const files: FileSource[] = ['k8s/web.yaml', { path: '/tmp/render-1234.yaml', source: 'helm: web' }]
 * ```
 */
export type FileSource = string | { readonly path: string; readonly source?: string }

interface Pending {
  readonly batches: Array<{ readonly entries: ReadonlyArray<ReportEntry>; readonly reads: ReadonlyArray<string> }>
  /** What the main thread knew of the Namespaces when it sent the file. */
  readonly sent: NamespaceBook
  done: boolean
  delta: NamespaceDelta | undefined
  usage: ExemptionUsage | undefined
}

function defaultWorkerUrl(): URL {
  return new URL('./checkWorker.js', import.meta.url)
}

/**
 * `checkStream` over files, on worker threads: each file is read and checked by one worker,
 * entries are yielded in file order (a file's entries in document order), the policies' problems
 * first. At most two files per thread are in flight, so memory stays bounded whatever the number
 * of files; nothing is accumulated. The threads end when the iteration ends (or is broken off).
 *
 * @example
 * ```ts
 * import { checkFilesInParallel } from 'no-new-privs'
 * let results = 0
 * for await (const entry of checkFilesInParallel(['a.yaml', 'b.yaml'], { semantics: 'kubernetes' })) {
 *   if (entry._tag === 'Result') results++
 * }
 * ```
 */
export async function* checkFilesInParallel(
  files: ReadonlyArray<FileSource>,
  options?: CheckOptions,
  parallel?: ParallelOptions,
): AsyncGenerator<ReportEntry> {
  const prepared = prepareCheck(options)
  yield* prepared.entries
  if (prepared.entries.some((e) => e._tag === 'Error' && e.error.code === 'invalid-option')) return
  const threadsGiven: unknown = isRecord(parallel) ? parallel['threads'] : undefined
  const badParallel = optionsProblem(parallel, 'checkFilesInParallel: parallel options', {})
    ?? (threadsGiven === undefined || (typeof threadsGiven === 'number' && Number.isInteger(threadsGiven) && threadsGiven > 0)
      ? undefined
      : `checkFilesInParallel: parallel options.threads: expected a positive integer, got ${describeValue(threadsGiven)}`)
  if (badParallel !== undefined) {
    yield { _tag: 'Error', error: { source: '<options>', document: null, line: null, column: null, code: 'invalid-option', message: badParallel, category: 'input' } }
    return
  }
  // A plain-JavaScript caller's wrong files are errors of the report, each named, never a throw.
  if (!Array.isArray(files)) {
    yield invalidFile('<input>', `checkFilesInParallel: expected an array of paths or { path, source? }, got ${describeValue(files)}`)
    return
  }
  const requests: Array<Omit<WorkerRequest, 'namespaces'>> = []
  for (let i = 0; i < files.length; i++) {
    const f: unknown = files[i]
    if (typeof f === 'string') requests.push({ id: requests.length, path: f, source: f })
    else if (isRecord(f) && typeof f['path'] === 'string' && (f['source'] === undefined || typeof f['source'] === 'string')) {
      requests.push({ id: requests.length, path: f['path'], source: typeof f['source'] === 'string' ? f['source'] : f['path'] })
    } else yield invalidFile(`<input>[${i}]`, `checkFilesInParallel: <input>[${i}] is not a path nor { path: string, source?: string }: got ${describeValue(f)}`)
  }
  // The Namespaces one thread would know at the file being yielded (a Namespace's pod-security labels apply to the pods after it in the input): files are checked
  // ahead from an older snapshot, and checked again here when a value they read has changed.
  const book = createNamespaceBook()
  const threads = Math.max(1, Math.min(parallel?.threads ?? availableParallelism(), requests.length))
  if (requests.length === 0) {
    yield* prepared.finish()
    return
  }
  const given = parallel?.workerUrl
  const url = given === undefined ? defaultWorkerUrl() : typeof given === 'string' ? given : new URL(given.href)
  // A worker gets the exemptions files, not the stage (functions do not cross threads): it marks
  // what this thread's stage would, and its counts are added here, file by file, in file order.
  const stage = prepared.exemptions
  const workerOptions = stage === undefined ? options : { ...options, exemptions: stage.files }
  const workers = Array.from({ length: threads }, () => new Worker(url, { workerData: { options: workerOptions } }))
  const pending = new Map<number, Pending>()
  let wake: (() => void) | undefined
  let failure: unknown
  let next = 0
  const idle: Worker[] = []
  const send = (worker: Worker): void => {
    const request = requests[next]
    if (request === undefined) {
      idle.push(worker)
      return
    }
    next++
    const namespaces = book.snapshot()
    pending.set(request.id, { batches: [], sent: createNamespaceBook(namespaces), done: false, delta: undefined, usage: undefined })
    worker.postMessage({ ...request, namespaces } satisfies WorkerRequest)
  }
  for (const worker of workers) {
    worker.on('message', (reply: WorkerReply) => {
      const p = pending.get(reply.id)
      // A file found stale is no longer pending: its entries are dropped, its worker freed.
      if (p !== undefined) {
        p.batches.push({ entries: reply.entries, reads: reply.reads })
        if (reply.done) {
          p.done = true
          p.delta = reply.delta
          p.usage = reply.usage
        }
      }
      if (reply.done) send(worker)
      wake?.()
    })
    worker.on('error', (error) => {
      failure = error
      wake?.()
    })
  }
  try {
    // Two files per thread: one being checked, one queued behind it.
    for (const worker of workers) send(worker)
    for (const worker of workers) send(worker)
    for (let id = 0; id < requests.length; id++) {
      let yielded = 0
      let stale = false
      for (;;) {
        if (failure !== undefined) throw failure
        const p = pending.get(id)
        if (p !== undefined) {
          while (!stale && p.batches.length > 0) {
            const batch = p.batches.shift() as Pending['batches'][number]
            // Entries before the first read of a changed value are what one thread gives.
            if (batch.reads.some((key) => book.valueOf(key) !== p.sent.valueOf(key))) {
              stale = true
              pending.delete(id)
              break
            }
            yield* batch.entries
            yielded += batch.entries.length
          }
          if (stale) break
          if (p.done) {
            pending.delete(id)
            if (p.delta !== undefined) book.apply(p.delta)
            if (p.usage !== undefined) stage?.addUsage(p.usage)
            break
          }
        }
        await new Promise<void>((resolve) => (wake = resolve))
        wake = undefined
      }
      if (stale) {
        const request = requests[id] as (typeof requests)[number]
        let skip = yielded
        // Checked again on this thread, with this thread's stage counting the whole file (the worker's counts were dropped with it).
        for await (const entry of checkFileEntries(request.path, request.source, prepared, options?.load, book)) {
          if (skip > 0) skip--
          else yield entry
        }
      }
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()))
  }
  yield* prepared.finish()
}

function invalidFile(source: string, message: string): ReportEntry {
  return { _tag: 'Error', error: { source, document: null, line: null, column: null, code: 'invalid-input', message, category: 'input' } }
}
