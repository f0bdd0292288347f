/**
 * The `no-new-privs` executable: wires the real library into the command line and sets the
 * exit status. Everything else lives in modules that tests run in-process.
 *
 * @packageDocumentation
 */
import { checkFilesInParallel } from '../manifest/parallel.js'
import { checkStream } from '../manifest/stream.js'
import { resolveNoNewPrivs } from '../resolve/resolve.js'
import { runCli } from './cli.js'
import type { CheckFiles } from './deps.js'
import { nodeIO } from './io.js'

// The worker is built beside this directory (dist/checkWorker.js), not beside dist/cli/main.js.
const workerUrl = new URL('../checkWorker.js', import.meta.url)
const checkFiles: CheckFiles = (files, options, { threads }) => checkFilesInParallel(files, options, { threads, workerUrl })

runCli(process.argv.slice(2), nodeIO(), { checkStream, resolveNoNewPrivs, checkFiles }).then(
  (status) => {
    process.exitCode = status
  },
  (error: unknown) => {
    // A bug, not a finding: exit 2 so that CI never reads a crash as "violations found" (1).
    process.stderr.write(`no-new-privs: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 2
  },
)
