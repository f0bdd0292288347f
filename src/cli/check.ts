/**
 * `no-new-privs check`: read the manifests, check them, print the report, say how it went.
 *
 * @packageDocumentation
 */
import { spawn } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { open, readFile, stat } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import * as E from 'fp-ts/lib/Either.js'
import { createExemptions, problemEntry } from '../exemptions/ledger.js'
import type { Exemptions } from '../exemptions/ledger.js'
import { SourceUnreadable } from '../read/unreadable.js'
import { parseCheckArgs } from './checkArgs.js'
import type { CheckArgs } from './checkArgs.js'
import { colourFor } from './colour.js'
import { decodeUtf8 } from './decodeText.js'
import { EMPTY_DOCUMENT_KIND, type ReportEntry } from '../report/check.js'
import type { CheckFiles, CheckStream, CliCheckOptions, CliSource, CliStreamSource } from './deps.js'
import { discovery } from './discover.js'
import { ExitTally } from './exitStatus.js'
import type { ExitStatus } from './exitStatus.js'
import { jsonWriter, ndjsonWriter, sarifWriter, textWriter } from './format/streamed.js'
import type { EntryWriter } from './format/streamed.js'
import { decidedBy } from './format/decidedBy.js'
import { githubWriter } from './format/github.js'
import { junitWriter } from './format/junit.js'
import { openOutputFile } from './outputFile.js'
import type { OutputFile } from './outputFile.js'
import { ReadTally } from './readTally.js'
import { CHECK_HELP } from './help.js'
import type { CliIO, CliOutput } from './io.js'
import { progressLine } from './progress.js'
import { collectInputs, describeFsError } from './sources.js'
import type { InputEntry } from './sources.js'

/** Where `check` runs: for SARIF's relative URIs; and, when given, how to check several files on worker threads. */
export interface CheckContext {
  readonly cwd?: string
  readonly checkFiles?: CheckFiles | undefined
}

/** Bytes read from a file at a time. */
const READ_SIZE = 1 << 16

/**
 * Runs `check` with the arguments after the word `check`, and returns the exit status. Every
 * source is streamed through `checkStream` (the library's one path) and every entry written as
 * it arrives, so memory does not grow with the input.
 *
 * @example
 * ```ts
 * const status = await checkCommand(['--output', 'json', 'examples/'], nodeIO(), checkStream)
 * // prints the JSON report; status is 0, 1 or 2
 * ```
 */
export async function checkCommand(
  argv: ReadonlyArray<string>,
  io: CliIO,
  checkStream: CheckStream,
  context: CheckContext = {},
): Promise<ExitStatus> {
  const parsed = parseCheckArgs(argv)
  if (E.isLeft(parsed)) {
    io.stderr.write(`no-new-privs check: ${parsed.left.message} (see no-new-privs check --help)\n`)
    return 2
  }
  const args = parsed.right
  if (args.help) {
    io.stdout.write(CHECK_HELP)
    return 0
  }
  const policies = await readPolicies(args.policies, 'policy')
  if (E.isLeft(policies)) {
    io.stderr.write(`no-new-privs check: ${policies.left}\n`)
    return 2
  }
  const exemptionFiles = await readPolicies(args.exemptions, 'exemptions file')
  if (E.isLeft(exemptionFiles)) {
    io.stderr.write(`no-new-privs check: ${exemptionFiles.left}\n`)
    return 2
  }
  // Opened before any input is read: a report that cannot be written is a usage error (exit 2).
  const file = args.outputFile === undefined ? undefined : openOutputFile(args.outputFile)
  if (file !== undefined && E.isLeft(file)) {
    io.stderr.write(`no-new-privs check: ${file.left}\n`)
    return 2
  }
  const out: CliOutput = file === undefined ? io.stdout : file.right
  // One stage for the whole run, made here so its files' problems come first, its unused
  // exemptions after every source, and its summary at the end of the report.
  const exemptions = args.exemptions.length > 0 ? createExemptions(exemptionFiles.right) : undefined
  const collected = await collectInputs(args.inputs, discovery({ excludes: args.excludes }))
  const { emptyDirectories } = collected
  const entries = args.stdinFilename === undefined ? collected.entries : collected.entries.map((e) => named(e, args.stdinFilename as string))
  for (const directory of emptyDirectories) {
    io.stderr.write(`no-new-privs check: no *.yaml, *.yml or *.json file under ${directory}\n`)
  }
  if (io.stdinIsTTY && entries.some((e) => e._tag === 'stdin')) {
    io.stderr.write('no-new-privs check: reading manifests from standard input (end with Ctrl-D)\n')
  }
  const summary = args.output === 'github' ? stepSummaryOf(io) : undefined
  const writer = writerOf(args, io, out, entries, context, summary)
  const tally = new ExitTally()
  const read = new ReadTally()
  const progress = progressLine(io.stderr, entries.length)
  let done = 0
  const write = (entry: ReportEntry): void => {
    tally.add(entry)
    read.add(entry)
    writer.add(entry)
  }
  for (const problem of exemptions?.problems ?? []) write(problemEntry(problem))
  // A file skipped whole by the directory walk (a Helm chart) is listed before the checked ones;
  // the rest stream through checkStream, one source after another.
  for (const entry of entries) {
    if (entry._tag !== 'skipped') continue
    write({ _tag: 'Skipped', skipped: { source: entry.source, document: 0, kind: SKIPPED_FILE_KIND, reason: entry.reason } })
    done++
    progress.update(done, entry.source)
  }
  const sources = async function* (): AsyncGenerator<CliStreamSource> {
    for (const entry of entries) {
      if (entry._tag === 'skipped') continue
      yield { source: entry.source, chunks: chunksOf(entry, io) }
      done++
      progress.update(done, entry.source)
    }
  }
  const walked = new Set(entries.flatMap((e) => (e._tag === 'file' && e.walked === true ? [e.source] : [])))
  const options = optionsOf(args, policies.right, exemptions)
  const files = await onThreads(entries, args.threads, context.checkFiles)
  const checked =
    files === undefined
      ? checkStream(sources(), options)
      : progressed(files.check(files.files, options, { threads: files.threads }), new Set(files.files.map((f) => f.source)), (source) => {
          done++
          progress.update(done, source)
        })
  for await (const entry of foreignFilesSkipped(checked, walked)) write(entry)
  // An exemption matched nothing only once every source was seen.
  for (const problem of exemptions?.unused() ?? []) write(problemEntry(problem))
  progress.done()
  writer.end(exemptions === undefined ? {} : { exemptions: exemptions.summary() })
  const summaryClosed = summary?.close() ?? null
  if (summaryClosed !== null) io.stderr.write(`no-new-privs check: ${summaryClosed}\n`)
  const closed = file?.right.close() ?? null
  if (closed !== null) {
    io.stderr.write(`no-new-privs check: ${closed}\n`)
    return 2
  }
  if (args.failIfNoObjectsFound && read.containers === 0) {
    io.stderr.write(`no-new-privs check: no container was checked (--fail-if-no-objects-found): ${read.words(entries.length)}\n`)
    return 2
  }
  return tally.status()
}

/**
 * Below this many bytes of files, `--threads auto` stays on one thread. Measured on 2 idle cores
 * (README "Performance"): each worker costs ~0.25 s of CPU to start, and every entry is cloned to
 * this thread (~6 µs a container) while one thread reads and checks a container in ~60 µs, so
 * 7.4 MB of manifests ran no faster on two threads (1.8 s against 1.7 s) and 59 MB ran 1.45× faster.
 */
const AUTO_THREADS_MIN_BYTES = 32 << 20

/**
 * The files to check on worker threads, or `undefined` for one thread: threads pay off only for
 * several files of some size, and only files can go to a worker (standard input and `kubectl
 * kustomize` are read here). Either way the entries are the same (test/cli/threads.test.ts).
 */
async function onThreads(
  entries: ReadonlyArray<InputEntry>,
  threads: number | undefined,
  check: CheckFiles | undefined,
): Promise<{ readonly check: CheckFiles; readonly files: ReadonlyArray<{ readonly path: string; readonly source: string }>; readonly threads: number } | undefined> {
  if (check === undefined) return undefined
  const files: Array<{ readonly path: string; readonly source: string }> = []
  for (const e of entries) {
    if (e._tag === 'skipped') continue
    if (e._tag !== 'file') return undefined
    files.push({ path: e.path, source: e.source })
  }
  const n = Math.min(threads ?? availableParallelism(), files.length)
  if (n < 2) return undefined
  if (threads === undefined) {
    let bytes = 0
    // Sizes are added only until the threshold is reached.
    for (const f of files) {
      if (bytes >= AUTO_THREADS_MIN_BYTES) break
      bytes += await stat(f.path).then((info) => info.size, () => 0)
    }
    if (bytes < AUTO_THREADS_MIN_BYTES) return undefined
  }
  return { check, files, threads: n }
}

/** The entries as they come, telling `finished` each time the entries of one of `files` are over. */
async function* progressed(entries: AsyncIterable<ReportEntry>, files: ReadonlySet<string>, finished: (source: string) => void): AsyncGenerator<ReportEntry> {
  let source: string | undefined
  for await (const entry of entries) {
    const from = sourceOfEntry(entry)
    if (source !== undefined && from !== source) finished(source)
    source = files.has(from) ? from : undefined
    yield entry
  }
  if (source !== undefined) finished(source)
}

/** Standard input under the name `--stdin-filename` gave it: every entry read from it carries that source. */
function named(entry: InputEntry, name: string): InputEntry {
  return entry._tag === 'stdin' ? { _tag: 'stdin', source: name } : entry
}

function writerOf(
  args: CheckArgs,
  io: CliIO,
  out: CliOutput,
  entries: ReadonlyArray<InputEntry>,
  context: CheckContext,
  summary: OutputFile | undefined,
): EntryWriter {
  const decided = decidedBy(args.semantics, args.kubernetesVersion)
  switch (args.output) {
    case 'json':
      return jsonWriter(out, args.semantics, args.kubernetesVersion)
    case 'ndjson':
      return ndjsonWriter(out, args.semantics, args.kubernetesVersion)
    case 'sarif':
      return sarifWriter(out, args.semantics, { ...(context.cwd === undefined ? {} : { cwd: context.cwd }), kubernetesVersion: args.kubernetesVersion })
    case 'junit':
      return junitWriter(out, { decidedBy: decided })
    case 'github':
      return githubWriter(out, { decidedBy: decided, ...(summary === undefined ? {} : { summary }) })
    case 'text': {
      const sources = entries.map((e) => e.source)
      return textWriter(out, { colour: colourFor(args.color, out, io.env), sources, decidedBy: decided, failuresOnly: args.failuresOnly })
    }
  }
}

/**
 * `$GITHUB_STEP_SUMMARY`, the file the runner renders as the job's summary, opened to append
 * (other steps write there too). One that cannot be opened costs the summary, not the report.
 */
function stepSummaryOf(io: CliIO): OutputFile | undefined {
  const path = io.env['GITHUB_STEP_SUMMARY']
  if (path === undefined || path === '') return undefined
  const file = openOutputFile(path, { append: true, what: 'the step summary' })
  if (E.isRight(file)) return file.right
  io.stderr.write(`no-new-privs check: ${file.left}\n`)
  return undefined
}

/** A source's bytes as they are read; what cannot be read throws `SourceUnreadable` (one error entry). */
async function* chunksOf(entry: Exclude<InputEntry, { readonly _tag: 'skipped' }>, io: CliIO): AsyncGenerator<Uint8Array> {
  if (entry._tag === 'unreadable') throw new SourceUnreadable(entry.message)
  if (entry._tag === 'kustomize') {
    yield* kustomize(entry.directory)
    return
  }
  if (entry._tag === 'stdin') {
    yield* io.stdinChunks === undefined ? [await io.readStdin()] : io.stdinChunks()
    return
  }
  let handle: FileHandle
  try {
    handle = await open(entry.path, 'r')
  } catch (error) {
    throw new SourceUnreadable(describeFsError(error))
  }
  try {
    for (;;) {
      let read: number
      const buffer = new Uint8Array(READ_SIZE)
      try {
        read = (await handle.read(buffer, 0, READ_SIZE, null)).bytesRead
      } catch (error) {
        throw new SourceUnreadable(describeFsError(error))
      }
      if (read === 0) return
      yield read === READ_SIZE ? buffer : buffer.subarray(0, read)
    }
  } finally {
    await handle.close()
  }
}

function optionsOf(args: CheckArgs, policies: ReadonlyArray<CliSource>, exemptions: Exemptions | undefined): CliCheckOptions {
  return {
    ...(exemptions === undefined ? {} : { exemptions }),
    semantics: args.semantics,
    ...(policies.length > 0 ? { policies } : {}),
    ...(args.podSecurity !== undefined ? { podSecurity: args.podSecurity } : {}),
    kubernetesVersion: args.kubernetesVersion,
    ...(args.namespace !== undefined ? { namespace: args.namespace } : {}),
    requireNoNewPrivs: args.requireNoNewPrivs,
    strict: args.strict,
    ...(args.podSpecKinds.length > 0 ? { podSpecKinds: args.podSpecKinds } : {}),
  }
}

/**
 * Policies (and exemptions files) are read before anything is checked: without them every
 * answer would be about a different cluster (or exempt nothing), so an unreadable one stops the
 * run instead of becoming one error entry.
 */
async function readPolicies(paths: ReadonlyArray<string>, what: string): Promise<E.Either<string, ReadonlyArray<CliSource>>> {
  const out: CliSource[] = []
  for (const path of paths) {
    let bytes: Uint8Array
    try {
      bytes = await readFile(path)
    } catch (error) {
      return E.left(`cannot read ${what} ${path}: ${describeFsError(error)}`)
    }
    const text = decodeUtf8(bytes)
    if (E.isLeft(text)) return E.left(`${what} ${path} is not UTF-8 (line ${text.left.line}, byte ${text.left.offset})`)
    out.push({ source: path, text: text.right })
  }
  return E.right(out)
}

/** The kind a file skipped as a whole is listed under (with its `reason`). */
export const SKIPPED_FILE_KIND = '(file)'

/**
 * A file met in a directory walk whose every document is a mapping without a kind (package.json,
 * values.yaml, a CI config) is not a manifest that went wrong: it is not a manifest, and is listed
 * as one skipped file. A scalar or binary junk under a manifest's name stays an error (that file
 * is broken, not foreign). Entries of such a file are held only while nothing but `missing-kind`
 * errors and empty documents came from it, so memory stays bounded by that file's documents.
 */
async function* foreignFilesSkipped(entries: AsyncIterable<ReportEntry>, walked: ReadonlySet<string>): AsyncGenerator<ReportEntry> {
  let source: string | null = null
  let held: ReportEntry[] = []
  let foreign = false
  const settle = function* (): Generator<ReportEntry> {
    if (source !== null && foreign && held.some((e) => e._tag === 'Error')) {
      yield { _tag: 'Skipped', skipped: { source, document: 0, kind: SKIPPED_FILE_KIND, reason: 'not a Kubernetes manifest: no document in it has a kind' } }
    } else {
      yield* held
    }
    held = []
  }
  for await (const entry of entries) {
    const from = sourceOfEntry(entry)
    if (from !== source) {
      yield* settle()
      source = from
      foreign = walked.has(from)
    }
    if (foreign && looksForeign(entry)) {
      held.push(entry)
      continue
    }
    if (foreign) {
      foreign = false
      yield* held
      held = []
    }
    yield entry
  }
  yield* settle()
}

function sourceOfEntry(entry: ReportEntry): string {
  switch (entry._tag) {
    case 'Result':
      return entry.result.source
    case 'Error':
      return entry.error.source
    case 'Warning':
      return entry.warning.source
    case 'Skipped':
      return entry.skipped.source
  }
}

const looksForeign = (entry: ReportEntry): boolean =>
  (entry._tag === 'Error' && entry.error.code === 'missing-kind') || (entry._tag === 'Skipped' && entry.skipped.kind === EMPTY_DOCUMENT_KIND)

/** `kubectl kustomize DIR`'s output as it is rendered; a failure is this source's `kustomize-failed` error. */
async function* kustomize(directory: string): AsyncGenerator<Uint8Array> {
  const child = spawn('kubectl', ['kustomize', directory], { stdio: ['ignore', 'pipe', 'pipe'] })
  const stderr: Buffer[] = []
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
  const exited = new Promise<number | null>((resolve) => {
    child.on('error', () => resolve(null))
    child.on('close', (code) => resolve(code))
  })
  const rendered: Uint8Array[] = []
  // Rendered whole before it is checked: a kustomization that fails half-way must not report half a stream.
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) rendered.push(chunk)
  const code = await exited
  if (code !== 0) {
    const first = Buffer.concat(stderr).toString('utf8').split('\n').find((l) => l.trim() !== '') ?? `exit status ${String(code)}`
    throw new SourceUnreadable(`kubectl kustomize ${directory} failed: ${first.trim()}`, 'kustomize-failed')
  }
  yield* rendered
}
