/** An in-memory `CliIO` that records what a command writes. */
import type { CliIO } from '../../src/cli/io.js'

export interface RecordingIO extends CliIO {
  readonly out: () => string
  readonly err: () => string
}

export function recordingIO(
  options: {
    readonly stdin?: string | Uint8Array
    readonly stdoutTTY?: boolean
    readonly stderrTTY?: boolean
    readonly stdinTTY?: boolean
    readonly env?: Record<string, string | undefined>
  } = {},
): RecordingIO {
  let out = ''
  let err = ''
  const stdin = options.stdin ?? ''
  return {
    stdout: { write: (s) => void (out += s), isTTY: options.stdoutTTY ?? false },
    stderr: { write: (s) => void (err += s), isTTY: options.stderrTTY ?? false },
    readStdin: () => Promise.resolve(typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin),
    stdinIsTTY: options.stdinTTY ?? false,
    env: options.env ?? {},
    out: () => out,
    err: () => err,
  }
}
