/**
 * `no-new-privs run`: print the Pod `kubectl run` would create, or refuse what the semantics rejects.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import { stringify } from 'yaml'
import type { ResolveNoNewPrivs } from './deps.js'
import { RUN_HELP } from './help.js'
import type { CliIO } from './io.js'
import { parseRunArgs } from './runArgs.js'
import { runPod } from './runPod.js'

/**
 * Runs `run` with the arguments after the word `run`; returns `0` after printing the Pod,
 * `2` for a usage error or a combination the semantics rejects (one line naming the rule).
 *
 * @example
 * ```ts
 * await runCommand(['web', '--image', 'nginx', '--security-opt', 'no-new-privileges'], nodeIO(), resolveNoNewPrivs)
 * // prints the Pod YAML with securityContext.allowPrivilegeEscalation: false; returns 0
 * ```
 */
export async function runCommand(argv: ReadonlyArray<string>, io: CliIO, resolve: ResolveNoNewPrivs): Promise<0 | 2> {
  const parsed = parseRunArgs(argv)
  if (E.isLeft(parsed)) {
    io.stderr.write(`no-new-privs run: ${parsed.left.message} (see no-new-privs run --help)\n`)
    return 2
  }
  const args = parsed.right
  if (args.help) {
    io.stdout.write(RUN_HELP)
    return 0
  }
  const pod = runPod(args)
  const container = pod.spec.containers[0]
  const decision = resolve({ container: container.securityContext ?? null, name: container.name }, { semantics: args.semantics })
  if (E.isLeft(decision)) {
    const rules = decision.left.map((v) => `${v.code}: ${v.message} (${v.path})`).join('; ')
    io.stderr.write(`no-new-privs run: refused under semantics ${args.semantics}: ${rules}\n`)
    return 2
  }
  for (const w of decision.right.warnings) {
    io.stderr.write(`no-new-privs run: warning: ${w.code}: ${w.message} (${w.path})\n`)
  }
  // YAML 1.1 so that words such as `yes` or `on` stay strings for kubectl, which reads YAML 1.1.
  io.stdout.write(stringify(pod, { version: '1.1', indentSeq: false }))
  return 0
}
