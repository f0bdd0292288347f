/**
 * The floors of the resolve benchmark: the least work that answers the question for one
 * container, written by hand, from the same typed inputs, with no account of why and no allocation.
 * `floorAnswer` folds the whole answer (violation codes, else the `noNewPrivs` boolean) for every
 * semantics, Kubernetes version, operation and Windows pod; `floorProposal` is the `proposal`
 * boolean alone.
 *
 * They are not strawmen: test/bench-equivalence proves `floorAnswer` equal to `resolveNoNewPrivs`
 * folded the same way on every input and options, and `floorProposal` on every Linux container
 * without violations.
 *
 * @packageDocumentation
 */
import type { ContainerSecurityInput, OldPodSpecInput, ResolveInput, ResolveOptions } from '../src/resolve/types.js'

function grantsSysAdmin(name: string): boolean {
  const n = name.toUpperCase()
  return n === 'SYS_ADMIN' || n === 'ALL' || n === 'CAP_SYS_ADMIN' || n === 'CAP_ALL'
}

function normalised(name: string): string {
  const n = name.toUpperCase()
  return n.startsWith('CAP_') ? n.slice(4) : n
}

function drops(container: ContainerSecurityInput | null | undefined, name: string): boolean {
  const drop = container?.capabilities?.drop
  if (drop == null) return false
  const key = normalised(name)
  for (let i = 0; i < drop.length; i++) if (normalised(drop[i] as string) === key) return true
  return false
}

function isPrivileged(input: ResolveInput): boolean {
  return input.container?.privileged === true || addsSysAdmin(input)
}

// The effective added capabilities (the container's, the policy's defaults it does not drop) grant SYS_ADMIN.
function addsSysAdmin(input: ResolveInput): boolean {
  const c = input.container
  const add = c?.capabilities?.add
  if (add != null) for (let i = 0; i < add.length; i++) if (grantsSysAdmin(add[i] as string)) return true
  const defaults = input.policy?.spec?.defaultAddCapabilities
  if (defaults != null) {
    for (let i = 0; i < defaults.length; i++) {
      const name = defaults[i] as string
      if (grantsSysAdmin(name) && !drops(c, name)) return true
    }
  }
  return false
}

function runsAsRoot(input: ResolveInput): boolean {
  const c = input.container
  const pod = input.pod
  const strategy = input.policy?.spec?.runAsUser
  const uid = c?.runAsUser ?? pod?.runAsUser ?? (strategy?.rule === 'MustRunAs' ? strategy.ranges?.[0]?.min : undefined)
  if (uid != null) return uid === 0
  const nonRoot = c?.runAsNonRoot ?? pod?.runAsNonRoot
  return !(nonRoot === true || strategy?.rule === 'MustRunAsNonRoot')
}

/**
 * `no_new_privs` under the design's table (SPEC §3.4), nothing else.
 *
 * @example
 * floorProposal({ container: { allowPrivilegeEscalation: false, runAsUser: 1000 } }) // true
 */
export function floorProposal(input: ResolveInput): boolean {
  const privileged = isPrivileged(input)
  let setting = input.container?.allowPrivilegeEscalation
  if (setting == null) {
    const fallback = input.policy?.spec?.defaultAllowPrivilegeEscalation
    setting = fallback === false && privileged ? true : fallback
  }
  if (setting === true || privileged) return false
  // nil or false row, root or nonRoot column: only nil × nonRoot is false.
  return setting === false || runsAsRoot(input)
}

// ---------------------------------------------------------------------------------------------
// The whole domain: every semantics, version, operation and the violation codes, by hand.

/** One bit per violation code; a decision without violations is `NNP_TRUE` or `NNP_FALSE`. */
export const FLOOR_CODES = {
  'privileged-without-escalation': 1,
  'sys-admin-without-escalation': 2,
  'escalation-forbidden-by-policy': 4,
  'invalid-policy': 8,
  'escalation-field-on-windows': 16,
  'restricted-requires-no-escalation': 32,
} as const
/** Admitted, `no_new_privs` set. */
export const NNP_TRUE = 64
/** Admitted, `no_new_privs` not set (Windows pods included: there is no such bit). */
export const NNP_FALSE = 128

// `v1.N` → N; `latest` (and anything else) → Infinity, as the library reads versions.
function minor(version: string): number {
  if (version.length < 4 || version.charCodeAt(0) !== 118 || version.charCodeAt(1) !== 49 || version.charCodeAt(2) !== 46) return Infinity
  let n = 0
  for (let i = 3; i < version.length; i++) {
    const d = version.charCodeAt(i) - 48
    if (d < 0 || d > 9) return Infinity
    n = n * 10 + d
  }
  return n
}

function addsExactly(list: ReadonlyArray<string> | null | undefined, name: string): boolean {
  if (list == null) return false
  for (let i = 0; i < list.length; i++) if (list[i] === name) return true
  return false
}

function oldPodRelaxes(old: OldPodSpecInput | null | undefined): boolean {
  if (old == null) return false
  return anyRelaxes(old.initContainers) || anyRelaxes(old.containers) || anyRelaxes(old.ephemeralContainers)
}

function anyRelaxes(list: OldPodSpecInput['containers']): boolean {
  if (list == null) return false
  for (let i = 0; i < list.length; i++) {
    const sc = list[i]?.securityContext
    if (sc != null && sc.allowPrivilegeEscalation !== true && addsExactly(sc.capabilities?.add, 'CAP_SYS_ADMIN')) return true
  }
  return false
}

/**
 * The answer of `resolveNoNewPrivs(input, options)` folded to a number: the OR of `FLOOR_CODES`
 * of its violations, else `NNP_TRUE` / `NNP_FALSE`. Every semantics, Kubernetes version (PSP up to
 * v1.24), operation (the v1.37 relaxation of updates), Windows pods and the restricted level.
 *
 * @example
 * floorAnswer({ container: { allowPrivilegeEscalation: false, privileged: true } }, {}) // 1
 */
export function floorAnswer(input: ResolveInput, options: ResolveOptions): number {
  const semantics = options.semantics ?? 'proposal'
  const version = options.kubernetesVersion ?? 'latest'
  const k = Math.max(8, minor(version))
  const ps = options.podSecurity
  // Pod Security Admission of the cluster's version evaluates a newer level version as its own.
  const psMinor = ps === undefined ? -1 : Math.min(k, minor(ps.version ?? version))
  const pspApplies = semantics !== 'kubernetes' || k <= 24
  const c = input.container
  const spec = pspApplies ? input.policy?.spec : undefined
  let codes = 0

  if (input.os === 'windows') {
    if (semantics === 'noNewPrivileges' ? c?.noNewPrivileges != null : c?.allowPrivilegeEscalation != null) codes |= 16
    if (psMinor >= 8 && psMinor <= 24 && c?.allowPrivilegeEscalation !== false) codes |= 32
    if (spec?.defaultAllowPrivilegeEscalation === true) {
      if (semantics === 'proposal' ? spec.allowPrivilegeEscalation !== true : semantics === 'kubernetes' && spec.allowPrivilegeEscalation === false) codes |= 8
    }
    return codes === 0 ? NNP_FALSE : codes
  }

  if (semantics === 'noNewPrivileges') {
    if (psMinor >= 8 && c?.allowPrivilegeEscalation !== false) return 32
    return (c?.noNewPrivileges ?? input.pod?.noNewPrivileges) === true ? NNP_TRUE : NNP_FALSE
  }

  if (semantics === 'kubernetes') {
    const own = c?.allowPrivilegeEscalation
    const fallback = spec?.defaultAllowPrivilegeEscalation
    const setting = own ?? fallback ?? (spec?.allowPrivilegeEscalation === false ? false : null)
    if (setting === false) {
      if (c?.privileged === true) codes |= 1
      const relaxed = options.operation === 'update' && k >= 37 && oldPodRelaxes(options.oldPod)
      if (!relaxed) {
        const add = c?.capabilities?.add
        if (addsExactly(add, 'CAP_SYS_ADMIN') || (addsExactly(spec?.defaultAddCapabilities, 'CAP_SYS_ADMIN') && !addsExactly(c?.capabilities?.drop, 'CAP_SYS_ADMIN'))) codes |= 2
      }
    }
    if (k <= 24 && spec != null) {
      if (setting !== false && spec.allowPrivilegeEscalation === false) codes |= 4
      if (fallback === true && spec.allowPrivilegeEscalation === false) codes |= 8
    }
    if (psMinor >= 8 && setting !== false) codes |= 32
    return codes !== 0 ? codes : setting === false ? NNP_TRUE : NNP_FALSE
  }

  // proposal
  const policy = input.policy
  const sysAdmin = addsSysAdmin(input)
  const privileged = c?.privileged === true || sysAdmin
  let setting = c?.allowPrivilegeEscalation
  if (setting == null) {
    const fallback = spec?.defaultAllowPrivilegeEscalation
    setting = fallback === false && privileged ? true : fallback
  }
  if (setting === false) {
    if (c?.privileged === true) codes |= 1
    if (sysAdmin) codes |= 2
  }
  if (c?.allowPrivilegeEscalation === true && policy != null && spec?.allowPrivilegeEscalation !== true) codes |= 4
  if (spec?.defaultAllowPrivilegeEscalation === true && spec.allowPrivilegeEscalation !== true) codes |= 8
  if (psMinor >= 8 && setting !== false) codes |= 32
  if (codes !== 0) return codes
  if (setting === true || privileged) return NNP_FALSE
  return setting === false || runsAsRoot(input) ? NNP_TRUE : NNP_FALSE
}
