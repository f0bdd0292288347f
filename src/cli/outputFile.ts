/**
 * `--output-file FILE`: the report written to a file instead of standard output.
 *
 * @packageDocumentation
 */
import { closeSync, openSync, writeSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import type { CliOutput } from './io.js'
import { describeFsError } from './sources.js'

/** A report file being written: a `CliOutput`, then `close`, which says how writing went. */
export interface OutputFile extends CliOutput {
  /** Closes the file; the first write or close failure as a message, or `null` when all went in. */
  readonly close: () => string | null
}

/**
 * Creates (or truncates; with `append`, appends to) `path` for the report. It is opened before anything is checked, so a
 * path that cannot be written is a usage error (exit 2) and no input is read for nothing.
 *
 * Writes are synchronous: the writers hand over 64 KiB pieces, so this costs little, and the
 * file is complete when `close` returns, before the process sets its exit status. A write that
 * fails (a full disk) is kept as the message `close` returns, not thrown in the middle of a
 * report.
 *
 * @example
 * ```ts
 * const file = openOutputFile('report.xml')
 * if (E.isRight(file)) { file.right.write('<testsuites/>\n'); file.right.close() } // null
 * ```
 */
export function openOutputFile(path: string, options: { readonly append?: boolean; readonly what?: string } = {}): E.Either<string, OutputFile> {
  const what = options.what ?? '--output-file'
  let fd: number
  try {
    fd = openSync(path, options.append === true ? 'a' : 'w')
  } catch (error) {
    return E.left(`cannot write ${what} ${path}: ${describeFsError(error)}`)
  }
  let failure: string | null = null
  const fail = (error: unknown): void => {
    failure ??= `cannot write ${what} ${path}: ${error instanceof Error ? error.message : String(error)}`
  }
  return E.right({
    isTTY: false,
    write: (text) => {
      if (failure !== null) return
      try {
        const bytes = Buffer.from(text, 'utf8')
        // writeSync may write less than asked (a pipe or FIFO named as the file): write the rest.
        for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at)
      } catch (error) {
        fail(error)
      }
    },
    close: () => {
      try {
        closeSync(fd)
      } catch (error) {
        fail(error)
      }
      return failure
    },
  })
}
