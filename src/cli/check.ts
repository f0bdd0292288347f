/**
 * `no-new-privs check`: read the manifests, check them, print the report, say how it went.
 *
 * @packageDocumentation
 */
import { open, readFile } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import * as E from 'fp-ts/lib/Either.js'
import { SourceUnreadable } from '../read/unreadable.js'
import { parseCheckArgs } from './checkArgs.js'
import type { CheckArgs } from './checkArgs.js'
import { wantsColour } from './colour.js'
import { decodeUtf8 } from './decodeText.js'
import type { CheckStream, CliCheckOptions, CliSource, CliStreamSource } from './deps.js'
import { ExitTally } from './exitStatus.js'
import type { ExitStatus } from './exitStatus.js'
import { jsonWriter, ndjsonWriter, sarifWriter, textWriter } from './format/streamed.js'
import type { EntryWriter } from './format/streamed.js'
import { CHECK_HELP } from './help.js'
import type { CliIO } from './io.js'
import { progressLine } from './progress.js'
import { collectInputs, describeFsError } from './sources.js'
import type { InputEntry } from './sources.js'

/** Where `check` runs: for SARIF's relative URIs. */
export interface CheckContext {
  readonly cwd?: string
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
  const policies = await readPolicies(args.policies)
  if (E.isLeft(policies)) {
    io.stderr.write(`no-new-privs check: ${policies.left}\n`)
    return 2
  }
  const { entries, emptyDirectories } = await collectInputs(args.inputs)
  for (const directory of emptyDirectories) {
    io.stderr.write(`no-new-privs check: no *.yaml, *.yml or *.json file under ${directory}\n`)
  }
  if (io.stdinIsTTY && entries.some((e) => e._tag === 'stdin')) {
    io.stderr.write('no-new-privs check: reading manifests from standard input (end with Ctrl-D)\n')
  }
  const writer = writerOf(args, io, entries, context)
  const tally = new ExitTally()
  const progress = progressLine(io.stderr, entries.length)
  let done = 0
  const sources = async function* (): AsyncGenerator<CliStreamSource> {
    for (const entry of entries) {
      yield { source: entry.source, chunks: chunksOf(entry, io) }
      done++
      progress.update(done, entry.source)
    }
  }
  for await (const entry of checkStream(sources(), optionsOf(args, policies.right))) {
    tally.add(entry)
    writer.add(entry)
  }
  progress.done()
  writer.end()
  return tally.status()
}

function writerOf(args: CheckArgs, io: CliIO, entries: ReadonlyArray<InputEntry>, context: CheckContext): EntryWriter {
  switch (args.output) {
    case 'json':
      return jsonWriter(io.stdout, args.semantics)
    case 'ndjson':
      return ndjsonWriter(io.stdout, args.semantics)
    case 'sarif':
      return sarifWriter(io.stdout, args.semantics, context.cwd === undefined ? {} : { cwd: context.cwd })
    case 'text':
      return textWriter(io.stdout, { colour: wantsColour(io.stdout, io.env), sources: entries.map((e) => e.source) })
  }
}

/** A source's bytes as they are read; what cannot be read throws `SourceUnreadable` (one error entry). */
async function* chunksOf(entry: InputEntry, io: CliIO): AsyncGenerator<Uint8Array> {
  if (entry._tag === 'unreadable') throw new SourceUnreadable(entry.message)
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

function optionsOf(args: CheckArgs, policies: ReadonlyArray<CliSource>): CliCheckOptions {
  return {
    semantics: args.semantics,
    ...(policies.length > 0 ? { policies } : {}),
    ...(args.podSecurity !== undefined ? { podSecurity: args.podSecurity } : {}),
    requireNoNewPrivs: args.requireNoNewPrivs,
    strict: args.strict,
  }
}

/**
 * Policies are read before anything is checked: without them every answer would be about a
 * different cluster, so an unreadable policy stops the run instead of becoming one error entry.
 */
async function readPolicies(paths: ReadonlyArray<string>): Promise<E.Either<string, ReadonlyArray<CliSource>>> {
  const out: CliSource[] = []
  for (const path of paths) {
    let bytes: Uint8Array
    try {
      bytes = await readFile(path)
    } catch (error) {
      return E.left(`cannot read policy ${path}: ${describeFsError(error)}`)
    }
    const text = decodeUtf8(bytes)
    if (E.isLeft(text)) return E.left(`policy ${path} is not UTF-8 (line ${text.left.line}, byte ${text.left.offset})`)
    out.push({ source: path, text: text.right })
  }
  return E.right(out)
}
