/**
 * The outside world as the command line sees it, so every command runs in-process in tests.
 *
 * @packageDocumentation
 */

/** A stream the CLI writes to. `isTTY` decides colour (stdout) and progress (stderr). */
export interface CliOutput {
  write(text: string): void
  readonly isTTY?: boolean
}

/** Everything a command reads from or writes to outside its arguments. */
export interface CliIO {
  readonly stdout: CliOutput
  readonly stderr: CliOutput
  /** Reads standard input to its end (tests; the real process streams it with `stdinChunks`). */
  readonly readStdin: () => Promise<Uint8Array>
  /** Standard input as it arrives: a 2 GB `kubectl get -o json` is never held whole. */
  readonly stdinChunks?: () => AsyncIterable<Uint8Array>
  /** Whether standard input is a terminal (a person would have to type the manifest). */
  readonly stdinIsTTY: boolean
  readonly env: Readonly<Record<string, string | undefined>>
}

/**
 * The real process: `process.stdout`, `process.stderr`, `process.stdin`, `process.env`.
 *
 * @example
 * ```ts
 * import { nodeIO } from './io.js'
 * nodeIO().stdout.write('hello\n')
 * ```
 */
export function nodeIO(): CliIO {
  // `no-new-privs check … | head` closes the pipe early: stop writing instead of crashing, and
  // still exit with the status the check earned.
  let stdoutClosed = false
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    stdoutClosed = true
  })
  return {
    stdout: {
      write: (text) => {
        if (!stdoutClosed) process.stdout.write(text)
      },
      isTTY: process.stdout.isTTY === true,
    },
    stderr: {
      write: (text) => void process.stderr.write(text),
      isTTY: process.stderr.isTTY === true,
    },
    readStdin: readAll,
    stdinChunks: () => process.stdin as AsyncIterable<Uint8Array>,
    stdinIsTTY: process.stdin.isTTY === true,
    env: process.env,
  }
}

async function readAll(): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer))
  }
  return Buffer.concat(chunks)
}
