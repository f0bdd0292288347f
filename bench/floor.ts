/**
 * The floor of the resolve benchmark: the least work that answers the design's question for one
 * container, written by hand. It computes only the `proposal` semantics' `noNewPrivs` boolean from
 * the same typed inputs: no violations, no Windows rule, no account of why, no allocation.
 *
 * It is not a strawman: test/bench-equivalence proves it gives `resolveNoNewPrivs`'s answer for
 * every Linux container without violations.
 *
 * @packageDocumentation
 */
import type { ContainerSecurityInput, ResolveInput } from '../src/resolve/types.js'

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
  const c = input.container
  if (c?.privileged === true) return true
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
