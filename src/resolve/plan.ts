/**
 * What the options of one call select, worked out once per distinct set of options: the checks
 * of the registry for Linux and Windows pods, the versions, whether a PodSecurityPolicy still
 * exists. Kept apart from the semantics: it is a cache of `checksFor`, nothing more.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { optionsProblems } from './guard.js'
import { NO_WARNINGS } from './origins.js'
import { policyNotApplied } from './policyNotApplied.js'
import { checksFor } from './rules/select.js'
import type { Check } from './rules/rule.js'
import type { DecisionWarning, InvalidInput, KubernetesDecision, KubernetesVersion, Operation, PodSecurityOptions, ResolveOptions, Semantics } from './types.js'
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
  /** Always `undefined`: options whose values are wrong get an `InvalidOptions` instead. */
  readonly invalid: undefined
  readonly semantics: Semantics
  readonly kubernetesVersion: KubernetesVersion
  readonly kubernetesMinor: number
  readonly operation: Operation
  /**
   * The Pod Security options with their version resolved (default: the cluster's), as given; the
   * checks are selected at this version capped at the cluster's (`kubernetesMinor`).
   */
  readonly podSecurity: PodSecurityOptions | undefined
  /** `false` from v1.25 in the `kubernetes` semantics: PodSecurityPolicy no longer exists. */
  readonly policyApplies: boolean
  /** An update from v1.37 may be relaxed by its old pod spec (kubernetes/kubernetes#138834). */
  readonly readsOldPod: boolean
  /** The warnings a result with a policy carries: `policy-not-applied` when the policy does not apply. */
  readonly policyWarnings: ReadonlyArray<DecisionWarning>
  readonly linux: ReadonlyArray<Check>
  readonly windows: ReadonlyArray<Check>
  /**
   * The `kubernetes` decisions shared by every call with this plan, made on first use (see
   * kubernetes.ts): a cache kept with the plan, so finding one costs no map lookup.
   */
  readonly kubernetesDecisions: Array<E.Right<KubernetesDecision> | undefined>
}

/**
 * What `planOf` answers for options of the wrong type (a plain-JavaScript caller's).
 *
 * @example
 * ```ts
 * const p = planOf({ semantics: 'Kubernetes' })
 * p.invalid?.left[0].path // 'semantics'
 * ```
 */
export interface InvalidOptions {
  readonly invalid: E.Left<ReadonlyNonEmptyArray<InvalidInput>>
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
  // Pod Security Admission of cluster version C knows the checks up to C only: a level version
  // above C (or `latest`) is evaluated with C's checks (pod-security-admission policy/registry.go
  // EvaluatePod caps the version at the newest it has).
  const podSecurityMinor = resolved === undefined ? undefined : Math.min(minorOf(resolved.version), kubernetesMinor)
  const at = { semantics, kubernetesMinor, podSecurityMinor, operation }
  const policyApplies = semantics !== 'kubernetes' || kubernetesMinor <= minorOf(LAST_PSP_VERSION)
  return Object.freeze({
    invalid: undefined,
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
    kubernetesDecisions: [],
  })
}

// Plans by their options' values, never trusted by the options object alone (a caller may change
// it between calls). Two levels: an options object seen before keeps the values its plan was made
// from, compared as primitives on the next call (no string is built, nothing is allocated); an
// options object seen first (an update's fresh `{ ...options, oldPod }`) finds its plan by value
// in nested maps keyed by the same primitives. A batch that switches between a few options objects
// from call to call, as the whole-domain bench does, hits the first level every time.
interface Seen {
  readonly semantics: unknown
  readonly version: unknown
  readonly operation: unknown
  readonly podSecurity: unknown
  readonly level: unknown
  readonly psVersion: unknown
  readonly plan: Plan | InvalidOptions
}
const seen = new WeakMap<object, Seen>()
type ByValue = Map<unknown, Map<unknown, Map<unknown, Map<unknown, Map<unknown, Plan>>>>>
let byValue: ByValue = new Map()
let plansMade = 0
const MAX_PLANS = 256

function child<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let got = map.get(key)
  if (got === undefined) map.set(key, (got = make()))
  return got
}

function planByValue(
  semantics: Semantics,
  version: KubernetesVersion,
  operation: Operation,
  podSecurity: PodSecurityOptions | undefined,
): Plan {
  const level = podSecurity?.level
  const psVersion = podSecurity?.version
  const bySemantics = child(byValue, semantics, () => new Map())
  const byVersion = child(bySemantics, version, () => new Map())
  const byOperation = child(byVersion, operation, () => new Map())
  const byLevel = child(byOperation, level, () => new Map<unknown, Plan>())
  let plan = byLevel.get(psVersion)
  if (plan === undefined) {
    // Distinct option values are few in practice; the bound only keeps a caller that makes up
    // versions from growing the maps without end.
    if (++plansMade > MAX_PLANS) {
      byValue = new Map()
      plansMade = 0
    }
    plan = makePlan(semantics, version, operation, podSecurity === undefined ? undefined : { level: 'restricted', version: psVersion })
    byLevel.set(psVersion, plan)
  }
  return plan
}

const DEFAULT_PLAN = planByValue('proposal', 'latest', 'create', undefined)

/**
 * The plan for `options`, or its problems when they are not `ResolveOptions` (checked here, on
 * the first call with an options object or after its values change, not on every call).
 *
 * @example
 * ```ts
 * planOf(undefined).semantics // 'proposal'
 * ```
 */
export function planOf(options: ResolveOptions | undefined): Plan
export function planOf(options: unknown): Plan | InvalidOptions
export function planOf(given: unknown): Plan | InvalidOptions {
  if (given === undefined) return DEFAULT_PLAN
  if (typeof given !== 'object' || given === null) return invalidOptions(given)
  const options = given as ResolveOptions
  const semantics = options.semantics
  const version = options.kubernetesVersion
  const operation = options.operation
  const podSecurity = options.podSecurity
  const level = podSecurity?.level
  const psVersion = podSecurity?.version
  const was = seen.get(options)
  if (
    was !== undefined &&
    was.semantics === semantics &&
    was.version === version &&
    was.operation === operation &&
    was.podSecurity === podSecurity &&
    was.level === level &&
    was.psVersion === psVersion
  ) {
    return was.plan
  }
  const problems = optionsProblems(options)
  const plan = problems === undefined ? planByValue(semantics ?? 'proposal', version ?? 'latest', operation ?? 'create', podSecurity) : invalid(problems)
  seen.set(options, { semantics, version, operation, podSecurity, level, psVersion, plan })
  return plan
}

function invalid(problems: ReadonlyNonEmptyArray<InvalidInput>): InvalidOptions {
  return { invalid: E.left(problems) as E.Left<ReadonlyNonEmptyArray<InvalidInput>> }
}

function invalidOptions(options: unknown): InvalidOptions {
  // `optionsProblems` answers for every value that is not `undefined` or an object.
  return invalid(optionsProblems(options) as ReadonlyNonEmptyArray<InvalidInput>)
}
