/**
 * The options every pod-shaped arbitrary of `no-new-privs/testing` is steered with.
 *
 * @packageDocumentation
 */
import type { Column, Row, Semantics } from '../resolve/types.js'

/**
 * What the generated containers must be, in the terms of the design's table (README: "The resolver"): the table's `column` (who runs
 * the process) and `row` (the effective `allowPrivilegeEscalation`), the resulting `noNewPrivs`,
 * and whether the API server may reject them.
 *
 * Every option narrows; leave it out for "any". Options that contradict each other (e.g.
 * `{ column: 'privileged', row: 'false', violations: 'none' }` under the `proposal` semantics,
 * where such a container is always rejected) make the arbitrary's factory throw an `Error`
 * naming them: a mistake in a test's setup, reported where it is made.
 *
 * The promises hold for each container as `resolveNoNewPrivs` sees it with its pod's
 * `securityContext` and `os` and **no PodSecurityPolicy** (a policy's defaults can move a
 * container to another row or column), and without the Pod Security Standards check.
 *
 * @example
 * ```ts
 * import { podArbitrary } from 'no-new-privs/testing'
 * podArbitrary({ column: 'privileged' })                      // every container privileged or with SYS_ADMIN
 * podArbitrary({ nonRoot: true, row: ['nil', 'true'] })       // non-root, escalation allowed
 * podArbitrary({ noNewPrivs: true, semantics: 'kubernetes' }) // every container gets no_new_privs on a real cluster
 * ```
 * @public
 */
export interface NoNewPrivsConstraints {
  /** The table's column of every container (who runs the process: `root`, `nonRoot`, `privileged`): one, or any of several. Default: any. */
  readonly column?: Column | ReadonlyArray<Column> | undefined
  /** Shorthand: `true` is `column: 'privileged'`, `false` excludes that column. */
  readonly privileged?: boolean | undefined
  /** Shorthand: `true` is `column: 'nonRoot'`, `false` is `column: 'root'`. */
  readonly nonRoot?: boolean | undefined
  /** The table's row of every container (the effective `allowPrivilegeEscalation`: `nil`, `false`, `true`): one, or any of several. Default: any. */
  readonly row?: Row | ReadonlyArray<Row> | undefined
  /**
   * The decision of every container under `semantics`. Implies `violations: 'none'` (only a
   * container without violations has a decision); `true` implies a Linux pod.
   */
  readonly noNewPrivs?: boolean | undefined
  /**
   * `'none'`: no container has a violation under `semantics`, and the pod keeps to the API
   * server's rules the resolver does not model (a Windows pod sets no Linux-only field).
   * `'allowed'` (default): anything the codecs accept, violations included.
   */
  readonly violations?: 'none' | 'allowed' | undefined
  /**
   * The semantics `noNewPrivs` and `violations` are judged by. Default `'proposal'`. Under
   * `'noNewPrivileges'` the first design's `noNewPrivileges` fields are generated too; under the
   * others they never are (the API has no such field).
   */
  readonly semantics?: Semantics | undefined
}

/**
 * Constraints of a single container or security context: the operating system of the pod it is
 * meant for. The promises hold for the container resolved alone (no pod `securityContext`).
 *
 * @example
 * ```ts
 * import { containerArbitrary } from 'no-new-privs/testing'
 * containerArbitrary({ os: 'windows', violations: 'none' }) // no allowPrivilegeEscalation, no Linux-only field
 * ```
 * @public
 */
export interface ContainerConstraints extends NoNewPrivsConstraints {
  /** The pod's operating system. Default `'linux'`. */
  readonly os?: 'linux' | 'windows' | undefined
}

/**
 * Constraints of a pod (or a workload's pod template).
 *
 * @example
 * ```ts
 * import { podArbitrary } from 'no-new-privs/testing'
 * podArbitrary({ os: 'linux', noNewPrivs: false })
 * ```
 * @public
 */
export interface PodConstraints extends NoNewPrivsConstraints {
  /**
   * `spec.os.name`: `'linux'` (the field absent or `linux`), `'windows'`, or `'any'` (default):
   * either, as far as the other options allow (`noNewPrivs: true` needs Linux).
   */
  readonly os?: 'linux' | 'windows' | 'any' | undefined
}
