/**
 * The Pod Security level a pod is checked at in each mode: its Namespace's labels over the
 * cluster-wide default, field by field, as pod-security-admission's `PolicyToEvaluate` does.
 *
 * The cluster-wide default is `podSecurity` (`--pod-security restricted[:V]`), PSA's
 * AdmissionConfiguration `defaults.enforce`; `warn` and `audit` default to `privileged`, PSA's own
 * default. A label's `latest` (and an absent version) is the cluster's version.
 *
 * @packageDocumentation
 */
import type { KubernetesVersion, PodSecurityOptions, PodSecurityVersion } from '../resolve/types.js'
import { minorOf } from '../resolve/versions.js'
import { labelOf, type NamespaceLabels, type PodSecurityLevel, type PodSecurityMode } from './podSecurityLabels.js'

/**
 * Where a Pod Security check of a result came from: the Namespace, its labels, the policy as PSA
 * prints it (`restricted:v1.30`), and the mode.
 *
 * @example
 * ```ts
 * const from: PodSecuritySource = { namespace: 'prod', mode: 'warn', labels: ['pod-security.kubernetes.io/warn'], policy: 'restricted:latest' }
 * ```
 */
export interface PodSecuritySource {
  readonly namespace: string
  readonly mode: PodSecurityMode
  /** The labels that set it (`[]` never appears: a default alone is not attributed). */
  readonly labels: ReadonlyArray<string>
  readonly policy: string
}

/**
 * One mode's level for one pod.
 *
 * @example
 * ```ts
 * const l: ModeLevel = levelFor('enforce', 'prod', undefined, { level: 'restricted' }, 'latest')
 * l.options // { level: 'restricted' } (the default itself)
 * ```
 */
export interface ModeLevel {
  readonly level: PodSecurityLevel
  /** What to resolve with: `undefined` unless the level is `restricted`. */
  readonly options: PodSecurityOptions | undefined
  /** Set when a label of the Namespace decided it. */
  readonly source: PodSecuritySource | undefined
}

const NO_LEVEL: ModeLevel = Object.freeze({ level: 'privileged', options: undefined, source: undefined })

/**
 * A label's version as the cluster evaluates it: `latest` is the cluster's own version
 * (`undefined`, which the resolver reads as `kubernetesVersion`), and a version newer than the
 * cluster is evaluated with the newest checks the cluster has, which are its own.
 */
function versionAtCluster(version: PodSecurityVersion, cluster: KubernetesVersion | undefined): PodSecurityVersion | undefined {
  if (version === 'latest') return undefined
  return minorOf(version) > minorOf(cluster) ? undefined : version
}

/**
 * The level of `mode` for a pod of `namespace`, whose Namespace has `labels` (`undefined`: none
 * in the input). `defaults` is the cluster-wide `enforce` level; `warn` and `audit` have none.
 *
 * @example
 * ```ts
 * const labels = { enforce: { level: 'baseline' }, warn: { level: 'restricted', version: 'v1.24' }, audit: {} } as const
 * levelFor('enforce', 'prod', labels, { level: 'restricted' }, 'latest').options // undefined: baseline has no such check
 * levelFor('warn', 'prod', labels, undefined, 'latest').source?.policy // 'restricted:v1.24'
 * ```
 */
export function levelFor(
  mode: PodSecurityMode,
  namespace: string,
  labels: NamespaceLabels | undefined,
  defaults: PodSecurityOptions | undefined,
  cluster: KubernetesVersion | undefined,
): ModeLevel {
  const own = labels?.[mode]
  const fallback = mode === 'enforce' ? defaults : undefined
  if (own === undefined || (own.level === undefined && own.version === undefined)) {
    // Untouched by the Namespace: exactly the default, the same object (one resolver plan).
    return fallback === undefined ? NO_LEVEL : { level: fallback.level, options: fallback, source: undefined }
  }
  const level = own.level ?? (fallback === undefined ? 'privileged' : fallback.level)
  const shownVersion = own.version ?? fallback?.version ?? 'latest'
  const version = own.version !== undefined ? versionAtCluster(own.version, cluster) : fallback?.version
  const set: string[] = []
  if (own.level !== undefined) set.push(labelOf(mode, 'level'))
  if (own.version !== undefined) set.push(labelOf(mode, 'version'))
  return {
    level,
    options: level === 'restricted' ? (version === undefined ? { level } : { level, version }) : undefined,
    source: { namespace, mode, labels: set, policy: `${level}:${shownVersion}` },
  }
}

/**
 * The words a message ends with to say which Namespace label it comes from.
 *
 * @example
 * ```ts
 * attribution({ namespace: 'prod', mode: 'warn', labels: ['pod-security.kubernetes.io/warn'], policy: 'restricted:latest' })
 * // 'PodSecurity "restricted:latest" of namespace "prod" (pod-security.kubernetes.io/warn): reported, not enforced'
 * ```
 */
export function attribution(source: PodSecuritySource): string {
  const tail = source.mode === 'enforce' ? 'the pod is rejected' : 'reported, not enforced'
  return `PodSecurity ${JSON.stringify(source.policy)} of namespace ${JSON.stringify(source.namespace)} (${source.labels.join(', ')}): ${tail}`
}
