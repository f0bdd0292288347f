/**
 * Kubernetes (and Pod Security policy) versions as rules compare them: by minor version.
 *
 * @packageDocumentation
 */
import type { KubernetesVersion } from './types.js'

/**
 * The minor version a version names: `'v1.25'` → 25; `'latest'`, `undefined` (or anything that
 * does not name a `v1.N` version) → `Infinity`, later than every release.
 *
 * @example
 * ```ts
 * minorOf('v1.8')   // 8
 * minorOf('latest') // Infinity
 * ```
 * @public
 */
export function minorOf(version: string | undefined): number {
  // `undefined` and `latest` are read as the strings they are, which name no `v1.N`.
  const match = /^v1\.(\d+)$/.exec(String(version))
  return match === null ? Infinity : Number(match[1])
}

/**
 * The first release the `kubernetes` semantics knows: `allowPrivilegeEscalation` shipped in 1.8.
 *
 * @example
 * ```ts
 * FIRST_KUBERNETES_VERSION // 'v1.8'
 * ```
 */
export const FIRST_KUBERNETES_VERSION = 'v1.8'

/**
 * The last release with PodSecurityPolicy (removed in 1.25).
 *
 * @example
 * ```ts
 * minorOf(LAST_PSP_VERSION) // 24
 * ```
 */
export const LAST_PSP_VERSION = 'v1.24'

/**
 * An inclusive range of versions: `through: 'latest'` means "still so in the newest release".
 *
 * @example
 * ```ts
 * const psp: VersionRange = { from: 'v1.8', through: 'v1.24' }
 * ```
 */
export interface VersionRange {
  readonly from: KubernetesVersion
  readonly through: KubernetesVersion
}

/**
 * Every version from v1.8 on.
 *
 * @example
 * ```ts
 * inRange(EVERY_VERSION, 37) // true
 * ```
 */
export const EVERY_VERSION: VersionRange = Object.freeze({ from: FIRST_KUBERNETES_VERSION, through: 'latest' })

/**
 * Is the minor version `minor` inside `range`?
 *
 * @example
 * ```ts
 * inRange({ from: 'v1.8', through: 'v1.24' }, 25) // false
 * inRange({ from: 'v1.8', through: 'v1.24' }, 8)  // true
 * ```
 */
export function inRange(range: VersionRange, minor: number): boolean {
  return minor >= minorOf(range.from) && minor <= minorOf(range.through)
}
