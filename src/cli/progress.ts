/**
 * A one-line counter on stderr while many files are checked, for a person watching a terminal.
 * Never written when stderr is a file or a pipe: logs and CI output stay clean.
 *
 * @packageDocumentation
 */
import type { CliOutput } from './io.js'

/** Fewer files than this finish before anyone would look at a counter. */
export const PROGRESS_THRESHOLD = 20

/** Updates and clears the progress line. */
export interface Progress {
  readonly update: (done: number, source: string) => void
  readonly done: () => void
}

const silent: Progress = { update: () => undefined, done: () => undefined }

/**
 * A progress line for `total` files on `stderr`, or a silent one when stderr is not a terminal
 * or there are too few files.
 *
 * @example
 * ```ts
 * const progress = progressLine(process.stderr, 120)
 * progress.update(1, 'a.yaml') // "\r\u001b[Kchecking 1/120 a.yaml"
 * progress.done()              // clears the line
 * ```
 */
export function progressLine(stderr: CliOutput, total: number, now: () => number = Date.now): Progress {
  if (stderr.isTTY !== true || total < PROGRESS_THRESHOLD) return silent
  let last = Number.NEGATIVE_INFINITY
  let shown = false
  return {
    update: (done, source) => {
      const t = now()
      // A terminal redrawn thousands of times a second slows the run it reports on.
      if (t - last < 50 && done < total) return
      last = t
      shown = true
      stderr.write(`\r\u001b[Kchecking ${done}/${total} ${source}`)
    },
    done: () => {
      if (shown) stderr.write('\r\u001b[K')
    },
  }
}
