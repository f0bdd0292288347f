/**
 * A Namespace's `pod-security.kubernetes.io/*` labels, read as Pod Security Admission reads them
 * (pod-security-admission `api/helpers.go` `PolicyToEvaluate`, `ParseLevel`, `ParseVersion`).
 *
 * Only the labels that are present are kept: an absent one falls back to the cluster-wide default
 * (the CLI's `--pod-security`, PSA's AdmissionConfiguration `defaults`), which is applied later,
 * where the default is known (src/inputs/namespaceLevels.ts).
 *
 * @packageDocumentation
 */
import type { PodSecurityVersion } from '../resolve/types.js'

/**
 * The Pod Security Standards levels a label may name.
 *
 * @example
 * ```ts
 * const levels: PodSecurityLevel[] = ['privileged', 'baseline', 'restricted']
 * ```
 */
export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted'

/**
 * The three modes of Pod Security Admission: `enforce` rejects, `warn` and `audit` only report.
 *
 * @example
 * ```ts
 * const modes: PodSecurityMode[] = ['enforce', 'warn', 'audit']
 * ```
 */
export type PodSecurityMode = 'enforce' | 'warn' | 'audit'

/**
 * What a Namespace's labels say for one mode: the level and the version when their label is
 * present (after PSA's fallback for an invalid value), `undefined` when it is absent.
 *
 * @example
 * ```ts
 * const enforce: ModeLabels = { level: 'restricted', version: 'v1.30' }
 * ```
 */
export interface ModeLabels {
  readonly level?: PodSecurityLevel | undefined
  readonly version?: PodSecurityVersion | undefined
}

/**
 * The pod-security labels of one Namespace.
 *
 * @example
 * ```ts
 * const prod: NamespaceLabels = { enforce: { level: 'restricted' }, warn: {}, audit: { level: 'restricted', version: 'latest' } }
 * ```
 */
export interface NamespaceLabels {
  readonly enforce: ModeLabels
  readonly warn: ModeLabels
  readonly audit: ModeLabels
}

/**
 * A label value Pod Security Admission refuses. The API server rejects the Namespace (PSA's
 * `ValidateNamespace` requires valid labels on create); pods are still evaluated with PSA's
 * fallback, as `PolicyToEvaluate` returns it.
 *
 * @example
 * ```ts
 * const p: LabelProblem = { label: 'pod-security.kubernetes.io/enforce', value: 'strict', message: 'must be one of privileged, baseline, restricted' }
 * ```
 */
export interface LabelProblem {
  readonly label: string
  readonly value: string
  /** PSA's own words. */
  readonly message: string
}

/**
 * The labels' common prefix.
 *
 * @example
 * ```ts
 * `${POD_SECURITY_LABEL_PREFIX}enforce` // 'pod-security.kubernetes.io/enforce'
 * ```
 */
export const POD_SECURITY_LABEL_PREFIX = 'pod-security.kubernetes.io/'

/**
 * The label that sets a mode's level (`enforce`) or version (`enforce-version`).
 *
 * @example
 * ```ts
 * labelOf('warn', 'version') // 'pod-security.kubernetes.io/warn-version'
 * ```
 */
export function labelOf(mode: PodSecurityMode, part: 'level' | 'version'): string {
  return part === 'level' ? `${POD_SECURITY_LABEL_PREFIX}${mode}` : `${POD_SECURITY_LABEL_PREFIX}${mode}-version`
}

const MODES: ReadonlyArray<PodSecurityMode> = ['enforce', 'warn', 'audit']
const LEVELS: ReadonlyArray<string> = ['privileged', 'baseline', 'restricted']
// PSA's versionRegexp: no leading zero, no patch, no other major.
const VERSION = /^v1\.([0-9]|[1-9][0-9]*)$/

function levelOf(value: string): PodSecurityLevel | undefined {
  return LEVELS.includes(value) ? (value as PodSecurityLevel) : undefined
}

function versionOf(value: string): PodSecurityVersion | undefined {
  if (value === 'latest') return 'latest'
  return VERSION.test(value) ? (value as PodSecurityVersion) : undefined
}

/**
 * Reads the pod-security labels from a Namespace's (string-valued) labels, with PSA's fallback
 * for invalid values: an invalid `enforce` level is `restricted` (fail closed), an invalid `warn`
 * or `audit` level is `privileged` (fail open), an invalid version is `latest`.
 *
 * @example
 * ```ts
 * const { labels, problems } = podSecurityLabelsOf({ 'pod-security.kubernetes.io/enforce': 'strict' })
 * labels.enforce // { level: 'restricted' }
 * problems[0]?.message // 'must be one of privileged, baseline, restricted'
 * ```
 */
export function podSecurityLabelsOf(given: Readonly<Record<string, string>>): { readonly labels: NamespaceLabels; readonly problems: ReadonlyArray<LabelProblem> } {
  const problems: LabelProblem[] = []
  const out: Record<PodSecurityMode, { level?: PodSecurityLevel; version?: PodSecurityVersion }> = { enforce: {}, warn: {}, audit: {} }
  // A plain-JavaScript caller may pass anything: what is not an object holds no labels, and a
  // label that is not a string is an invalid value (the API server only stores strings).
  const labels: Readonly<Record<string, unknown>> = typeof given === 'object' && given !== null ? given : {}
  const read = (label: string): string | undefined => {
    if (!Object.prototype.hasOwnProperty.call(labels, label)) return undefined
    const value = labels[label]
    return typeof value === 'string' ? value : String(value)
  }
  for (const mode of MODES) {
    const levelLabel = labelOf(mode, 'level')
    const level = read(levelLabel)
    if (level !== undefined) {
      const parsed = levelOf(level)
      if (parsed === undefined) problems.push({ label: levelLabel, value: level, message: `must be one of ${LEVELS.join(', ')}` })
      out[mode].level = parsed ?? (mode === 'enforce' ? 'restricted' : 'privileged')
    }
    const versionLabel = labelOf(mode, 'version')
    const version = read(versionLabel)
    if (version !== undefined) {
      const parsed = versionOf(version)
      if (parsed === undefined) problems.push({ label: versionLabel, value: version, message: 'must be "latest" or "v1.x"' })
      out[mode].version = parsed ?? 'latest'
    }
  }
  return { labels: out, problems }
}

/**
 * Does the Namespace carry any pod-security label at all?
 *
 * @example
 * ```ts
 * hasPodSecurityLabels({ enforce: {}, warn: { level: 'restricted' }, audit: {} }) // true
 * ```
 */
export function hasPodSecurityLabels(labels: NamespaceLabels): boolean {
  return MODES.some((m) => labels[m].level !== undefined || labels[m].version !== undefined)
}
