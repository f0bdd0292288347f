/**
 * What decided the report (README: "Command line"): the semantics and, for `kubernetes`, the
 * cluster version. Every format states it, since the same root pod is `yes` under `proposal` and
 * `no` on a real cluster, and a reader who is not told which one ruled cannot tell why.
 *
 * @packageDocumentation
 */
import type { KubernetesVersion, Semantics } from '../../resolve/types.js'

/** The semantics a report was decided by, with the version when it is `kubernetes`. */
export interface DecidedBy {
  readonly semantics: Semantics
  /** Only for `kubernetes`: the other semantics do not depend on a release. */
  readonly kubernetesVersion?: KubernetesVersion
}

/**
 * Builds a {@link DecidedBy}, dropping the version when the semantics does not read it.
 *
 * @example
 * ```ts
 * decidedBy('kubernetes', 'v1.32') // { semantics: 'kubernetes', kubernetesVersion: 'v1.32' }
 * decidedBy('proposal', 'v1.32')   // { semantics: 'proposal' }
 * ```
 */
export function decidedBy(semantics: Semantics, kubernetesVersion: KubernetesVersion | undefined): DecidedBy {
  return semantics === 'kubernetes' && kubernetesVersion !== undefined ? { semantics, kubernetesVersion } : { semantics }
}

/**
 * The words every human-facing format uses for it.
 *
 * @example
 * ```ts
 * decidedByWords({ semantics: 'kubernetes', kubernetesVersion: 'v1.32' }) // 'semantics kubernetes at Kubernetes v1.32'
 * decidedByWords({ semantics: 'proposal' })                                // 'semantics proposal'
 * ```
 */
export function decidedByWords(d: DecidedBy): string {
  return d.kubernetesVersion === undefined ? `semantics ${d.semantics}` : `semantics ${d.semantics} at Kubernetes ${d.kubernetesVersion}`
}
