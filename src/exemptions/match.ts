/**
 * Does an exemption describe a container, and a rule of it?
 *
 * @packageDocumentation
 */
import type { Exemption, ExemptionTarget } from './types.js'

const patternCache = new Map<string, RegExp>()

/**
 * An image pattern: `*` is any run of characters (slashes and colons included, since an image
 * reference is one string, not a path); everything else matches itself.
 *
 * @example
 * ```ts
 * imageMatches('registry.example/agent:*', 'registry.example/agent:1.2') // true
 * imageMatches('nginx', 'nginx:1.27') // false: no wildcard, the whole reference must be equal
 * ```
 */
export function imageMatches(pattern: string, image: string): boolean {
  let re = patternCache.get(pattern)
  if (re === undefined) {
    const body = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')
    re = new RegExp(`^${body}$`, 's')
    patternCache.set(pattern, re)
  }
  return re.test(image)
}

/**
 * Whether every field the exemption gives describes the target. A field the target lacks
 * (`namespace: null`, an unnamed container, no image) is not described by any value.
 *
 * @example
 * ```ts
 * matchesTarget({ rules: ['r'], kind: 'Deployment', reason: 'x', origin }, { kind: 'Deployment', namespace: null, name: 'web', container: 'app', image: null }) // true
 * ```
 */
export function matchesTarget(exemption: Exemption, target: ExemptionTarget): boolean {
  if (exemption.namespace !== undefined && exemption.namespace !== target.namespace) return false
  if (exemption.kind !== undefined && exemption.kind !== target.kind) return false
  if (exemption.name !== undefined && exemption.name !== target.name) return false
  if (exemption.containers !== undefined && (target.container === null || !exemption.containers.includes(target.container))) return false
  if (exemption.image !== undefined && (target.image === null || !imageMatches(exemption.image, target.image))) return false
  return true
}

/**
 * Whether the exemption covers a violation or finding with this code on this target.
 *
 * @example
 * ```ts
 * exempts(exemption, target, 'privileged-without-escalation')
 * ```
 */
export function exempts(exemption: Exemption, target: ExemptionTarget, code: string): boolean {
  return exemption.rules.includes(code) && matchesTarget(exemption, target)
}
