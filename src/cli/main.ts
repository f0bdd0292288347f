/**
 * The `no-new-privs` executable: wires the real library into the command line and sets the
 * exit status. Everything else lives in modules that tests run in-process.
 *
 * @packageDocumentation
 */
import { checkStream } from '../manifest/stream.js'
import { resolveNoNewPrivs } from '../resolve/resolve.js'
import { runCli } from './cli.js'
import { nodeIO } from './io.js'

runCli(process.argv.slice(2), nodeIO(), { checkStream, resolveNoNewPrivs }).then(
  (status) => {
    process.exitCode = status
  },
  (error: unknown) => {
    // A bug, not a finding: exit 2 so that CI never reads a crash as "violations found" (1).
    process.stderr.write(`no-new-privs: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 2
  },
)
