/**
 * The top level of the command line: pick the subcommand, or answer `--help` / `--version`.
 *
 * @packageDocumentation
 */
import { checkCommand } from './check.js'
import type { CheckContext } from './check.js'
import type { CliDeps } from './deps.js'
import { ADMISSION_POLICY_HELP, CHECK_HELP, RUN_HELP, TOP_HELP } from './help.js'
import { admissionPolicyCommand } from './admissionPolicy.js'
import type { CliIO } from './io.js'
import { runCommand } from './run.js'
import { suggestName } from '../codecs/suggest.js'
import { VERSION } from './version.js'

const COMMANDS = ['check', 'run', 'admission-policy', 'help'] as const

/**
 * Runs the command line `argv` (without `node` and the script) and returns the exit status.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2), nodeIO(), { checkStream, resolveNoNewPrivs })
 * ```
 */
export async function runCli(
  argv: ReadonlyArray<string>,
  io: CliIO,
  deps: CliDeps,
  context: CheckContext = {},
): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case 'check':
      return checkCommand(rest, io, deps.checkStream, deps.checkFiles === undefined ? context : { ...context, checkFiles: deps.checkFiles })
    case 'run':
      return runCommand(rest, io, deps.resolveNoNewPrivs)
    case 'admission-policy':
      return admissionPolicyCommand(rest, io)
    case 'help':
      return help(rest, io)
    case '--help':
    case '-h':
      io.stdout.write(TOP_HELP)
      return 0
    case '--version':
      io.stdout.write(`${VERSION}\n`)
      return 0
    case undefined:
      io.stderr.write(TOP_HELP)
      return 2
    default: {
      const guess = suggestName(command, COMMANDS)
      const what = command.startsWith('-') ? `unknown option ${command}` : `unknown command ${JSON.stringify(command)}`
      io.stderr.write(`no-new-privs: ${what}${guess === undefined ? '' : ` (did you mean ${guess}?)`} (see no-new-privs --help)\n`)
      return 2
    }
  }
}

function help(rest: ReadonlyArray<string>, io: CliIO): number {
  const topic = rest[0]
  if (topic === undefined) io.stdout.write(TOP_HELP)
  else if (topic === 'check') io.stdout.write(CHECK_HELP)
  else if (topic === 'run') io.stdout.write(RUN_HELP)
  else if (topic === 'admission-policy') io.stdout.write(ADMISSION_POLICY_HELP)
  else {
    io.stderr.write(`no-new-privs help: unknown command ${JSON.stringify(topic)} (commands: check, run, admission-policy)\n`)
    return 2
  }
  return 0
}
