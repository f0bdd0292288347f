/**
 * The Pod `kubectl run` creates, with `run`'s security options as `securityContext` fields.
 *
 * @packageDocumentation
 */
import type { Semantics } from '../resolve/types.js'
import type { RunArgs } from './runArgs.js'

/** The container `securityContext` `run` writes (only the fields its options set). */
export interface RunSecurityContext {
  readonly allowPrivilegeEscalation?: boolean
  readonly capabilities?: { readonly add: ReadonlyArray<string> }
  readonly noNewPrivileges?: boolean
  readonly privileged?: boolean
  readonly runAsGroup?: number
  readonly runAsUser?: number
}

/** The one container of the pod. Keys in kubectl's (alphabetical) order. */
export interface RunContainer {
  readonly args?: ReadonlyArray<string>
  readonly command?: ReadonlyArray<string>
  readonly image: string
  readonly name: string
  readonly securityContext?: RunSecurityContext
}

/** The Pod manifest `run` prints. */
export interface RunPod {
  readonly apiVersion: 'v1'
  readonly kind: 'Pod'
  readonly metadata: { readonly labels: { readonly run: string }; readonly name: string }
  readonly spec: {
    readonly containers: readonly [RunContainer]
    readonly dnsPolicy: 'ClusterFirst'
    readonly restartPolicy: 'Always'
  }
}

/**
 * The `securityContext` for the options under `semantics`: `no-new-privileges[:true]` is
 * `allowPrivilegeEscalation: false` in the `proposal` and `kubernetes` semantics and
 * `noNewPrivileges: true` in the first design; `no-new-privileges:false` is the explicit
 * opposite (under the proposal an unset field would still give a root container no_new_privs).
 *
 * @example
 * ```ts
 * securityContextOf({ noNewPrivileges: true, privileged: false, user: undefined, capAdd: [] }, 'proposal')
 * // { allowPrivilegeEscalation: false }
 * ```
 */
export function securityContextOf(
  args: Pick<RunArgs, 'noNewPrivileges' | 'privileged' | 'user' | 'capAdd'>,
  semantics: Semantics,
): RunSecurityContext | undefined {
  const nnp = args.noNewPrivileges
  const context: RunSecurityContext = {
    ...(nnp !== undefined && semantics !== 'noNewPrivileges' ? { allowPrivilegeEscalation: !nnp } : {}),
    ...(args.capAdd.length > 0 ? { capabilities: { add: [...args.capAdd] } } : {}),
    ...(nnp !== undefined && semantics === 'noNewPrivileges' ? { noNewPrivileges: nnp } : {}),
    ...(args.privileged ? { privileged: true } : {}),
    ...(args.user?.gid !== undefined ? { runAsGroup: args.user.gid } : {}),
    ...(args.user !== undefined ? { runAsUser: args.user.uid } : {}),
  }
  return Object.keys(context).length === 0 ? undefined : context
}

/**
 * The Pod of `kubectl run NAME --image IMAGE [--command] -- WORDS`: label `run: NAME`, one
 * container named NAME, the words as `args` (or `command` with `--command`), `restartPolicy:
 * Always`, `dnsPolicy: ClusterFirst`.
 *
 * @example
 * ```ts
 * runPod({ name: 'web', image: 'nginx', words: [], command: false, noNewPrivileges: true, privileged: false, user: undefined, capAdd: [], semantics: 'proposal', help: false })
 * // { apiVersion: 'v1', kind: 'Pod', metadata: { labels: { run: 'web' }, name: 'web' }, spec: { containers: [{ image: 'nginx', name: 'web', securityContext: { allowPrivilegeEscalation: false } }], … } }
 * ```
 */
export function runPod(args: RunArgs): RunPod {
  const securityContext = securityContextOf(args, args.semantics)
  const words = args.words.length === 0 ? {} : args.command ? { command: [...args.words] } : { args: [...args.words] }
  const container: RunContainer = {
    ...words,
    image: args.image,
    name: args.name,
    ...(securityContext === undefined ? {} : { securityContext }),
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { labels: { run: args.name }, name: args.name },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: 'Always' },
  }
}
