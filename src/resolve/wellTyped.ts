/**
 * The guard's fast path: is an argument of `resolveNoNewPrivs` well-typed? A yes-or-no answer in
 * one straight-line function per argument, for the common case where it is. The guard itself
 * (guard.ts) threads an accumulator, a target and a path through a call per object so that it can
 * report every problem; paying for that on every valid call was about one floor of the resolve
 * benchmark. When this answers `false`, the guard runs and says why.
 *
 * It must accept exactly what the guard accepts (test/resolve/wellTyped.test.ts proves it on
 * arbitrary values): the same fields, the same types, the same API enums and uid range.
 *
 * @packageDocumentation
 */

const MAX_UID = 2147483647

function isOptBoolean(value: unknown): boolean {
  return value === undefined || value === null || value === true || value === false
}

function isOptUid(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_UID)
}

function isUid(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_UID
}

/** An object that is not an array (a function is not one either, as `typeof` says). */
function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isOptStringList(value: unknown): boolean {
  if (value === undefined || value === null) return true
  if (!Array.isArray(value)) return false
  // Every index up to length: a hole reads as undefined, which is not a string.
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') return false
  return true
}

/**
 * A container's `securityContext` (`ContainerSecurityInput`, `null` or `undefined`).
 *
 * @example
 * ```ts
 * isWellTypedContainer({ runAsUser: 1000, capabilities: { add: ['NET_ADMIN'] } }) // true
 * isWellTypedContainer({ privileged: 'yes' })                                     // false
 * ```
 */
export function isWellTypedContainer(value: unknown): boolean {
  if (value === undefined || value === null) return true
  if (!isRecord(value)) return false
  // Named reads, each field once (see guard.ts: keyed reads over many shapes are much slower).
  if (!isOptBoolean(value.allowPrivilegeEscalation) || !isOptBoolean(value.privileged)) return false
  if (!isOptBoolean(value.runAsNonRoot) || !isOptBoolean(value.noNewPrivileges) || !isOptUid(value.runAsUser)) return false
  const caps = value.capabilities
  if (caps === undefined || caps === null) return true
  return isRecord(caps) && isOptStringList(caps.add) && isOptStringList(caps.drop)
}

function isWellTypedPod(value: unknown): boolean {
  if (value === undefined || value === null) return true
  return isRecord(value) && isOptBoolean(value.runAsNonRoot) && isOptBoolean(value.noNewPrivileges) && isOptUid(value.runAsUser)
}

function isWellTypedRanges(value: unknown): boolean {
  if (value === undefined || value === null) return true
  if (!Array.isArray(value)) return false
  for (let i = 0; i < value.length; i++) {
    const range: unknown = value[i]
    if (!isRecord(range) || !isUid(range.min) || !isUid(range.max)) return false
  }
  return true
}

function isWellTypedPolicy(value: unknown): boolean {
  if (value === undefined || value === null) return true
  if (!isRecord(value)) return false
  const metadata = value.metadata
  if (metadata !== undefined && metadata !== null) {
    if (!isRecord(metadata)) return false
    const name = metadata.name
    if (name !== undefined && name !== null && typeof name !== 'string') return false
  }
  const spec = value.spec
  if (spec === undefined || spec === null) return true
  if (!isRecord(spec)) return false
  if (!isOptBoolean(spec.allowPrivilegeEscalation) || !isOptBoolean(spec.defaultAllowPrivilegeEscalation)) return false
  if (!isOptStringList(spec.defaultAddCapabilities)) return false
  const strategy = spec.runAsUser
  if (strategy === undefined || strategy === null) return true
  if (!isRecord(strategy)) return false
  const rule = strategy.rule
  return (rule === 'MustRunAs' || rule === 'MustRunAsNonRoot' || rule === 'RunAsAny') && isWellTypedRanges(strategy.ranges)
}

/**
 * Is `input` a well-typed first argument (`ResolveInput`, `null` or `undefined`)? Exactly when
 * `inputProblems(input)` is `undefined`.
 *
 * @example
 * ```ts
 * isWellTypedInput({ container: { runAsUser: 1000 }, os: 'linux' })   // true
 * isWellTypedInput({ container: { allowPrivilegeEscalation: 'false' } }) // false
 * ```
 */
export function isWellTypedInput(input: unknown): boolean {
  if (input === undefined || input === null) return true
  if (!isRecord(input)) return false
  if (!isWellTypedContainer(input.container) || !isWellTypedPod(input.pod) || !isWellTypedPolicy(input.policy)) return false
  const os = input.os
  if (os !== undefined && os !== null && os !== 'linux' && os !== 'windows') return false
  const name = input.name
  return name === undefined || name === null || typeof name === 'string'
}

function isWellTypedOldContainers(value: unknown): boolean {
  if (value === undefined || value === null) return true
  if (!Array.isArray(value)) return false
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i]
    if (item === undefined || item === null) continue
    if (!isRecord(item) || !isWellTypedContainer(item.securityContext)) return false
  }
  return true
}

/**
 * Is `oldPod` a well-typed `options.oldPod` (`OldPodSpecInput`, `null` or `undefined`)? Exactly
 * when `oldPodProblems(oldPod)` is `undefined`.
 *
 * @example
 * ```ts
 * isWellTypedOldPod({ containers: [{ securityContext: { privileged: false } }] }) // true
 * isWellTypedOldPod({ containers: {} })                                           // false
 * ```
 */
export function isWellTypedOldPod(oldPod: unknown): boolean {
  if (oldPod === undefined || oldPod === null) return true
  return (
    isRecord(oldPod) &&
    isWellTypedOldContainers(oldPod.initContainers) &&
    isWellTypedOldContainers(oldPod.containers) &&
    isWellTypedOldContainers(oldPod.ephemeralContainers)
  )
}
