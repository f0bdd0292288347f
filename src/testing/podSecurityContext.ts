/**
 * `podSecurityContextArbitrary`: pod security contexts steered by the column they give
 * containers that say nothing of their own.
 *
 * @packageDocumentation
 */
import type fc from 'fast-check'
import type { PodSecurityContext } from '../codecs/index.js'
import type { Semantics } from '../resolve/types.js'
import { podSecurityFor } from './_internals/podSecurityContextFor.js'
import { aBoolean, checkedConstraints, oneOf, SEMANTICS } from './_internals/checkConstraints.js'

/**
 * Constraints of `podSecurityContextArbitrary`.
 *
 * @example
 * ```ts
 * import { podSecurityContextArbitrary } from 'no-new-privs/testing'
 * podSecurityContextArbitrary({ nonRoot: true, os: 'linux' })
 * ```
 * @public
 */
export interface PodSecurityContextConstraints {
  /**
   * `true`: a container that sets neither `runAsUser` nor `runAsNonRoot` (nor privileged, nor
   * SYS_ADMIN) lands in the `nonRoot` column (the pod sets a non-zero `runAsUser` or
   * `runAsNonRoot: true`); `false`: in the `root` column. Default: either.
   */
  readonly nonRoot?: boolean | undefined
  /** `'windows'`: only the fields the API server allows on a Windows pod. Default `'linux'`. */
  readonly os?: 'linux' | 'windows' | undefined
  /** Under `'noNewPrivileges'` the first design's pod-level `noNewPrivileges` is generated too. Default `'proposal'`. */
  readonly semantics?: Semantics | undefined
}

/**
 * Generates a pod's `spec.securityContext` (core/v1 `PodSecurityContext`) that decodes with the
 * `PodSecurityContext` codec with no error and no warning. `runAsUser` and `runAsNonRoot` are
 * set, `null` or left out so that a container with nothing of its own lands in the column
 * `nonRoot` asks for; `fsGroup`, `supplementalGroups`, seccomp and SELinux settings come along
 * on Linux, `windowsOptions` on Windows.
 *
 * @example
 * ```ts
 * import fc from 'fast-check'
 * import { podSecurityContextArbitrary } from 'no-new-privs/testing'
 *
 * fc.sample(podSecurityContextArbitrary({ nonRoot: true }), 1)
 * // e.g. [{ runAsUser: 65534, fsGroup: 2000 }] or [{ runAsNonRoot: true }]
 * ```
 * @public
 */
export function podSecurityContextArbitrary(given: PodSecurityContextConstraints = {}): fc.Arbitrary<PodSecurityContext> {
  const constraints = checkedConstraints(given, 'podSecurityContextArbitrary', { nonRoot: aBoolean, os: oneOf('linux', 'windows'), semantics: SEMANTICS })
  const column = constraints.nonRoot === undefined ? undefined : constraints.nonRoot ? 'nonRoot' : 'root'
  return podSecurityFor({ os: constraints.os ?? 'linux', semantics: constraints.semantics ?? 'proposal', column }).map(
    (p) => p.securityContext,
  )
}
