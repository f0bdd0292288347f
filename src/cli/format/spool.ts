/**
 * Text held until it can be written, in memory while small and in a temporary file past a limit.
 *
 * JUnit XML states its counts in the start tags (`<testsuite tests="…" failures="…">`), before the
 * test cases they count, so a suite's cases wait until the suite is complete. A spool keeps that
 * wait from holding a 2 GB `kubectl get` stream's worth of XML in memory.
 *
 * @packageDocumentation
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { StringDecoder } from 'node:string_decoder'

/** Characters kept in memory before the spool moves to a file. */
export const SPOOL_MEMORY_LIMIT = 8 << 20

/** Bytes read back at a time. */
const READ_SIZE = 1 << 16

/** Where spooled text goes, once the spool is drained. */
export interface SpoolTarget {
  write(text: string): void
}

/**
 * Append-only text, drained once in order.
 *
 * @example
 * ```ts
 * const spool = new Spool()
 * spool.write('<testcase name="a"/>\n')
 * spool.drainTo(process.stdout) // writes it, and empties the spool
 * ```
 */
export class Spool {
  private parts: string[] = []
  private size = 0
  private file: { readonly dir: string; readonly fd: number } | null = null

  constructor(private readonly limit: number = SPOOL_MEMORY_LIMIT) {}

  /** Whether the spool has moved to a temporary file (for tests that prove memory stays bounded). */
  get onDisk(): boolean {
    return this.file !== null
  }

  write(text: string): void {
    this.parts.push(text)
    this.size += text.length
    if (this.size < this.limit) return
    this.file ??= this.openFile()
    this.flushToFile()
  }

  /** Writes everything spooled to `target`, in order, and leaves the spool empty (and on no disk). */
  drainTo(target: SpoolTarget): void {
    if (this.file === null) {
      if (this.parts.length > 0) target.write(this.parts.join(''))
      this.parts = []
      this.size = 0
      return
    }
    this.flushToFile()
    const { dir, fd } = this.file
    this.file = null
    try {
      const decoder = new StringDecoder('utf8')
      const buffer = Buffer.alloc(READ_SIZE)
      let position = 0
      for (;;) {
        const read = readSync(fd, buffer, 0, READ_SIZE, position)
        if (read === 0) break
        position += read
        // The decoder keeps a character cut at a chunk's end for the next chunk.
        target.write(decoder.write(buffer.subarray(0, read)))
      }
      const rest = decoder.end()
      if (rest !== '') target.write(rest)
    } finally {
      closeSync(fd)
      rmSync(dir, { recursive: true, force: true })
    }
  }

  private openFile(): { readonly dir: string; readonly fd: number } {
    const dir = mkdtempSync(join(tmpdir(), 'no-new-privs-spool-'))
    return { dir, fd: openSync(join(dir, 'spool'), 'w+') }
  }

  private flushToFile(): void {
    if (this.file === null || this.parts.length === 0) return
    const bytes = Buffer.from(this.parts.join(''), 'utf8')
    for (let at = 0; at < bytes.length; ) at += writeSync(this.file.fd, bytes, at)
    this.parts = []
    this.size = 0
  }
}

/**
 * Values held until the end of a report, as JSON lines in a {@link Spool}: a batch of any size
 * with an error or warning for every document stays within the spool's memory limit. Values
 * come back in order, as `JSON.parse` reads them (they are report entries: plain JSON data).
 *
 * @example
 * ```ts
 * const errors = new SpooledValues<ReportError>()
 * errors.push(error)
 * errors.drain((e) => write(e))
 * ```
 */
export class SpooledValues<T> {
  private readonly spool: Spool
  private count = 0

  constructor(limit: number = SPOOL_MEMORY_LIMIT) {
    this.spool = new Spool(limit)
  }

  /** How many values were pushed since the last drain. */
  get length(): number {
    return this.count
  }

  /** Whether the values have moved to a temporary file. */
  get onDisk(): boolean {
    return this.spool.onDisk
  }

  push(value: T): void {
    // JSON.stringify never writes a raw line break, so one value is one line.
    this.spool.write(`${JSON.stringify(value)}\n`)
    this.count++
  }

  /** Gives every value pushed to `each`, in order, one at a time; the spool is empty afterwards. */
  drain(each: (value: T) => void): void {
    let rest = ''
    this.spool.drainTo({
      write: (text) => {
        const lines = (rest + text).split('\n')
        rest = lines.pop() ?? ''
        for (const line of lines) each(JSON.parse(line) as T)
      },
    })
    this.count = 0
  }
}
