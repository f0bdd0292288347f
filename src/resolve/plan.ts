/**
 * What the options of one call select, worked out once per distinct set of options: the checks
 * of the registry for Linux and Windows pods, the versions, whether a PodSecurityPolicy still
 * exists. Kept apart from the semantics: it is a cache of `checksFor`, nothing more.
 *
 * @packageDocumentation
 */
import { NO_WARNINGS } from './origins.js'
import { policyNotApplied } from './policyNotApplied.js'
import { checksFor } from './rules/select.js'
import type { Check } from './rules/rule.js'
import type { DecisionWarning, KubernetesVersion, Operation, PodSecurityOptions, ResolveOptions, Semantics } from './types.js'
import { LAST_PSP_VERSION, minorOf } from './versions.js'

/**
 * The selection for one set of options.
 *
 * @example
 * ```ts
 * planOf({ semantics: 'kubernetes', kubernetesVersion: 'v1.25' }).policyApplies // false
 * ```
 */
export interface Plan {
  readonly semantics: Semantics
  readonly kubernetesVersion: KubernetesVersion
  readonly kubernetesMinor: number
  readonly operation: Operation
  /** The Pod Security options with their version resolved (default: the cluster's). */
  readonly podSecurity: PodSecurityOptions | undefined
  /** `false` from v1.25 in the `kubernetes` semantics: PodSecurityPolicy no longer exists. */
  readonly policyApplies: boolean
  /** An update from v1.37 may be relaxed by its old pod spec (kubernetes/kubernetes#138834). */
  readonly readsOldPod: boolean
  /** The warnings a result with a policy carries: `policy-not-applied` when the policy does not apply. */
  readonly policyWarnings: ReadonlyArray<DecisionWarning>
  readonly linux: ReadonlyArray<Check>
  readonly windows: ReadonlyArray<Check>
}

/** Versions below the first one the semantics knows are read as it (allowPrivilegeEscalation is from 1.8). */
function kubernetesMinorOf(version: KubernetesVersion): number {
  return Math.max(8, minorOf(version))
}

function makePlan(
  semantics: Semantics,
  kubernetesVersion: KubernetesVersion,
  operation: Operation,
  podSecurity: PodSecurityOptions | undefined,
): Plan {
  const kubernetesMinor = kubernetesMinorOf(kubernetesVersion)
  const resolved = podSecurity === undefined ? undefined : { ...podSecurity, version: podSecurity.version ?? kubernetesVersion }
  const podSecurityMinor = resolved === undefined ? undefined : minorOf(resolved.version)
  const at = { semantics, kubernetesMinor, podSecurityMinor, operation }
  const policyApplies = semantics !== 'kubernetes' || kubernetesMinor <= minorOf(LAST_PSP_VERSION)
  return Object.freeze({
    semantics,
    kubernetesVersion,
    kubernetesMinor,
    operation,
    podSecurity: resolved,
    policyApplies,
    policyWarnings: policyApplies ? NO_WARNINGS : Object.freeze([policyNotApplied(kubernetesVersion)]),
    readsOldPod: semantics === 'kubernetes' && operation === 'update' && kubernetesMinor >= 37,
    linux: checksFor({ ...at, os: 'linux' }),
    windows: checksFor({ ...at, os: 'windows' }),
  })
}

// Plans by their options' values (not the options object, which a caller may change). A hot loop
// shares one options object, so the last key is compared first, as primitives, without a lookup.
const plans = new Map<string, Plan>()
const MAX_PLANS = 256
let last: { semantics: unknown; version: unknown; operation: unknown; level: unknown; psVersion: unknown; plan: Plan } | undefined

/**
 * The plan for `options`.
 *
 * @example
 * ```ts
 * planOf(undefined).semantics // 'proposal'
 * ```
 */
export function planOf(options: ResolveOptions | undefined): Plan {
  const semantics = options?.semantics ?? 'proposal'
  const version = options?.kubernetesVersion ?? 'latest'
  const operation = options?.operation ?? 'create'
  const podSecurity = options?.podSecurity
  const level = podSecurity?.level
  const psVersion = podSecurity?.version
  if (
    last !== undefined &&
    last.semantics === semantics &&
    last.version === version &&
    last.operation === operation &&
    last.level === level &&
    last.psVersion === psVersion
  ) {
    return last.plan
  }
  const key = `${semantics}|${version}|${operation}|${String(level)}|${String(psVersion)}`
  let plan = plans.get(key)
  if (plan === undefined) {
    plan = makePlan(semantics, version, operation, podSecurity === undefined ? undefined : { level: 'restricted', version: psVersion })
    if (plans.size >= MAX_PLANS) plans.clear()
    plans.set(key, plan)
  }
  last = { semantics, version, operation, level, psVersion, plan }
  return plan
}
