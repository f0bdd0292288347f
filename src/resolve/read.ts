/**
 * The one read of a resolution's input: every field the rules use, read once, its type checked as
 * it is read, into a flat record (`Reading`) that the semantics and the registry's checks read
 * instead of the caller's objects.
 *
 * Why: inputs come in many shapes (decoded codecs, `JSON.parse` output, client objects), so every
 * read of a caller's object is a megamorphic property lookup, and those were most of resolution's
 * cost: the type guard read each field, then the semantics read it again, then the checks. Here a
 * field is read once; what is read after is a monomorphic record. The answer to a value of the
 * wrong type is not built here: `readInput` says only "no", and `inputProblems` (guard.ts) reads
 * the input again to say why, with its paths and messages. Both accept exactly the same values
 * (test/resolve/read.test.ts proves it on arbitrary values).
 *
 * @packageDocumentation
 */
import type { AddedCapability } from './capabilities.js'
import type { Subject } from './rules/rule.js'
import { isRecord } from '../callerInput.js'

const MAX_UID = 2147483647
const NONE: ReadonlyArray<AddedCapability> = Object.freeze([])

/**
 * One container's input as resolution reads it: `null` stands for a field that is unset (absent,
 * `undefined` or `null`, which the rules never tell apart). It is also the `Subject` the checks
 * read; the semantics fill its last three fields (and drop the policy's fields when the policy does
 * not apply) before running them.
 *
 * One `Reading` is reused from call to call (see `readingFor`), so its fields are plain writable
 * ones and every instance has the same shape.
 */
export class Reading implements Subject {
  // The container's securityContext.
  escalation: boolean | null = null
  privileged = false
  containerNonRoot: boolean | null = null
  noNewPrivileges: boolean | null = null
  /** `-0` is kept as it is: a decision carries the uid, and someone may compare it with `Object.is`. */
  containerUid: number | null = null
  add: ReadonlyArray<string> | null = null
  drop: ReadonlyArray<string> | null = null
  // The pod's securityContext.
  podUid: number | null = null
  podNonRoot: boolean | null = null
  podNoNewPrivileges: boolean | null = null
  // The PodSecurityPolicy.
  policy = false
  policyName: string | null = null
  gate: boolean | null = null
  defaultEscalation: boolean | null = null
  defaultAdd: ReadonlyArray<string> | null = null
  rule: string | null = null
  /** `ranges[0].min` of a `MustRunAs` strategy: the uid the policy's defaulting fills in. */
  policyUid: number | null = null
  windows = false
  name: string | null = null
  // What the semantics derive.
  setting: boolean | null = null
  sysAdmin: ReadonlyArray<AddedCapability> = NONE
  oldSpecRelaxesSysAdmin = false
}

let spare: Reading | undefined = new Reading()

/**
 * A `Reading` to resolve into: the spare one, unless a resolution is already using it. A getter or
 * Proxy in an input can call `resolveNoNewPrivs` while it is read: that inner call gets a fresh
 * one, so it cannot overwrite what the outer call has read. Give it back with `giveBack`.
 *
 * @example
 * ```ts
 * const r = takeReading()
 * try { readInput(input, r) } finally { giveBack(r) }
 * ```
 */
export function takeReading(): Reading {
  const got = spare
  if (got === undefined) return new Reading()
  spare = undefined
  return got
}

/**
 * Make `r` the spare `Reading` again (any one no call is using will do), without the caller's
 * arrays, which it would otherwise keep alive until the next call.
 *
 * @example
 * ```ts
 * giveBack(takeReading())
 * ```
 */
export function giveBack(r: Reading): void {
  r.add = null
  r.drop = null
  r.defaultAdd = null
  r.sysAdmin = NONE
  spare = r
}

function isUid(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_UID
}

// The read of an optional field: its value, `null` when unset, or `BAD` (`BAD_UID`) for a wrong
// type: a number no boolean (no uid) can be.
const BAD = 2
const BAD_UID = -1

function optBoolean(value: unknown): boolean | null | typeof BAD {
  if (value === true || value === false) return value
  return value === undefined || value === null ? null : BAD
}

function optUid(value: unknown): number | null {
  if (value === undefined || value === null) return null
  return isUid(value) ? value : BAD_UID
}

/** A list of strings, `null` when unset, `undefined` when it is not one (every index up to length, holes refused). */
function optStrings(value: unknown): ReadonlyArray<string> | null | undefined {
  if (value === undefined || value === null) return null
  if (!Array.isArray(value)) return undefined
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') return undefined
  return value as ReadonlyArray<string>
}

function readContainer(value: unknown, r: Reading): boolean {
  r.escalation = null
  r.privileged = false
  r.containerNonRoot = null
  r.noNewPrivileges = null
  r.containerUid = null
  r.add = null
  r.drop = null
  if (value === undefined || value === null) return true
  if (!isRecord(value)) return false
  // The guard's order (guard.ts containerProblems): a getter that throws is met at the same field.
  const escalation = optBoolean(value.allowPrivilegeEscalation)
  if (escalation === BAD) return false
  const privileged = optBoolean(value.privileged)
  if (privileged === BAD) return false
  const nonRoot = optBoolean(value.runAsNonRoot)
  if (nonRoot === BAD) return false
  const flag = optBoolean(value.noNewPrivileges)
  if (flag === BAD) return false
  const uid = optUid(value.runAsUser)
  if (uid === BAD_UID) return false
  r.escalation = escalation
  r.privileged = privileged === true
  r.containerNonRoot = nonRoot
  r.noNewPrivileges = flag
  r.containerUid = uid
  const caps = value.capabilities
  if (caps === undefined || caps === null) return true
  if (!isRecord(caps)) return false
  const add = optStrings(caps.add)
  if (add === undefined) return false
  const drop = optStrings(caps.drop)
  if (drop === undefined) return false
  r.add = add
  r.drop = drop
  return true
}

function readPod(value: unknown, r: Reading): boolean {
  r.podUid = null
  r.podNonRoot = null
  r.podNoNewPrivileges = null
  if (value === undefined || value === null) return true
  if (!isRecord(value)) return false
  const nonRoot = optBoolean(value.runAsNonRoot)
  if (nonRoot === BAD) return false
  const flag = optBoolean(value.noNewPrivileges)
  if (flag === BAD) return false
  const uid = optUid(value.runAsUser)
  if (uid === BAD_UID) return false
  r.podNonRoot = nonRoot
  r.podNoNewPrivileges = flag
  r.podUid = uid
  return true
}

function readPolicy(value: unknown, r: Reading): boolean {
  r.policy = false
  r.policyName = null
  r.gate = null
  r.defaultEscalation = null
  r.defaultAdd = null
  r.rule = null
  r.policyUid = null
  if (value === undefined || value === null) return true
  if (!isRecord(value)) return false
  r.policy = true
  const metadata = value.metadata
  if (metadata !== undefined && metadata !== null) {
    if (!isRecord(metadata)) return false
    const name = metadata.name
    if (name != null) {
      if (typeof name !== 'string') return false
      r.policyName = name
    }
  }
  const spec = value.spec
  if (spec === undefined || spec === null) return true
  if (!isRecord(spec)) return false
  const gate = optBoolean(spec.allowPrivilegeEscalation)
  if (gate === BAD) return false
  const fallback = optBoolean(spec.defaultAllowPrivilegeEscalation)
  if (fallback === BAD) return false
  const defaults = optStrings(spec.defaultAddCapabilities)
  if (defaults === undefined) return false
  r.gate = gate
  r.defaultEscalation = fallback
  r.defaultAdd = defaults
  const strategy = spec.runAsUser
  if (strategy === undefined || strategy === null) return true
  if (!isRecord(strategy)) return false
  const rule = strategy.rule
  if (rule !== 'MustRunAs' && rule !== 'MustRunAsNonRoot' && rule !== 'RunAsAny') return false
  r.rule = rule
  const ranges = strategy.ranges
  if (ranges === undefined || ranges === null) return true
  if (!Array.isArray(ranges)) return false
  for (let i = 0; i < ranges.length; i++) {
    const range: unknown = ranges[i]
    if (!isRecord(range)) return false
    const min = range.min
    if (!isUid(min) || !isUid(range.max)) return false
    if (i === 0 && rule === 'MustRunAs') r.policyUid = min
  }
  return true
}

/**
 * Read `input` (the first argument of `resolveNoNewPrivs`) into `r`: `true` when it is well-typed
 * (`ResolveInput`, `null` or `undefined`), exactly when `inputProblems(input)` is `undefined`;
 * `false` as soon as a value is of the wrong type (`r` is then partly filled, and not to be used).
 *
 * @example
 * ```ts
 * const r = new Reading()
 * readInput({ container: { runAsUser: 1000 } }, r) // true; r.containerUid === 1000
 * readInput({ container: { privileged: 'yes' } }, r) // false
 * ```
 */
export function readInput(input: unknown, r: Reading): boolean {
  r.setting = null
  r.sysAdmin = NONE
  r.oldSpecRelaxesSysAdmin = false
  if (input === undefined || input === null) {
    readContainer(undefined, r)
    readPod(undefined, r)
    readPolicy(undefined, r)
    r.windows = false
    r.name = null
    return true
  }
  if (!isRecord(input)) return false
  if (!readContainer(input.container, r) || !readPod(input.pod, r) || !readPolicy(input.policy, r)) return false
  const os = input.os
  if (os !== undefined && os !== null && os !== 'linux' && os !== 'windows') return false
  r.windows = os === 'windows'
  const name = input.name
  if (name === undefined || name === null) r.name = null
  else if (typeof name === 'string') r.name = name
  else return false
  return true
}

/**
 * Forget the policy: for a semantics or version in which it plays no part (the `kubernetes`
 * semantics from v1.25, the first design), the checks see no policy at all.
 */
export function dropPolicy(r: Reading): void {
  r.policy = false
  r.policyName = null
  r.gate = null
  r.defaultEscalation = null
  r.defaultAdd = null
  r.rule = null
  r.policyUid = null
}

/** What `readOldPod` answers. */
export const OLD_POD_INVALID = 0
/** Well-typed; no container of it adds exactly `CAP_SYS_ADMIN` without escalation. */
export const OLD_POD_PLAIN = 1
/** Well-typed, and a container adds exactly `CAP_SYS_ADMIN` with `allowPrivilegeEscalation` not `true`. */
export const OLD_POD_RELAXES = 2

function oldContainers(value: unknown): number {
  if (value === undefined || value === null) return OLD_POD_PLAIN
  if (!Array.isArray(value)) return OLD_POD_INVALID
  let relaxes = false
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i]
    if (item === undefined || item === null) continue
    if (!isRecord(item)) return OLD_POD_INVALID
    const sc = item.securityContext
    if (sc === undefined || sc === null) continue
    if (!isRecord(sc)) return OLD_POD_INVALID
    const escalation = optBoolean(sc.allowPrivilegeEscalation)
    if (escalation === BAD) return OLD_POD_INVALID
    if (optBoolean(sc.privileged) === BAD || optBoolean(sc.runAsNonRoot) === BAD || optBoolean(sc.noNewPrivileges) === BAD) return OLD_POD_INVALID
    if (optUid(sc.runAsUser) === BAD_UID) return OLD_POD_INVALID
    const caps = sc.capabilities
    if (caps === undefined || caps === null) continue
    if (!isRecord(caps)) return OLD_POD_INVALID
    const add = optStrings(caps.add)
    if (add === undefined || optStrings(caps.drop) === undefined) return OLD_POD_INVALID
    if (!relaxes && escalation !== true && add !== null) {
      for (let j = 0; j < add.length; j++) {
        if (add[j] === 'CAP_SYS_ADMIN') {
          relaxes = true
          break
        }
      }
    }
  }
  return relaxes ? OLD_POD_RELAXES : OLD_POD_PLAIN
}

/**
 * Read an update's old pod spec once: `OLD_POD_INVALID` exactly when `oldPodProblems(oldPod)` has
 * problems, else whether it relaxes the `CAP_SYS_ADMIN` check (kubernetes/kubernetes#138834, the
 * question `oldSpecHasSysAdminWithoutEscalation` answers).
 *
 * @example
 * ```ts
 * readOldPod({ containers: [{ securityContext: { capabilities: { add: ['CAP_SYS_ADMIN'] } } }] }) // OLD_POD_RELAXES
 * readOldPod({ containers: {} })                                                                 // OLD_POD_INVALID
 * ```
 */
export function readOldPod(oldPod: unknown): number {
  if (oldPod === undefined || oldPod === null) return OLD_POD_PLAIN
  if (!isRecord(oldPod)) return OLD_POD_INVALID
  const init = oldContainers(oldPod.initContainers)
  if (init === OLD_POD_INVALID) return OLD_POD_INVALID
  const regular = oldContainers(oldPod.containers)
  if (regular === OLD_POD_INVALID) return OLD_POD_INVALID
  const ephemeral = oldContainers(oldPod.ephemeralContainers)
  if (ephemeral === OLD_POD_INVALID) return OLD_POD_INVALID
  return init === OLD_POD_RELAXES || regular === OLD_POD_RELAXES || ephemeral === OLD_POD_RELAXES ? OLD_POD_RELAXES : OLD_POD_PLAIN
}
