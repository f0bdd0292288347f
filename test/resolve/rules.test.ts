// Every rule of SPEC §3.5, §4, §5, §5a and §5b over an exhaustive grid of the inputs that rules
// read, against an oracle written from the SPEC's words (not from src/): the exact list of
// violations (code, target, path), and otherwise the exact decision and warnings. A grid rather
// than a property: every combination is reached in every run, so a rule that fires one time too
// many, or one time too few, in any corner fails here.
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import type { PodSecurityOptions, ResolveInput, Semantics } from '../../src/resolve/types.js'
import { pspEra } from './pspEra.js'

const ESC = 'securityContext.allowPrivilegeEscalation'
const NNP = 'securityContext.noNewPrivileges'

// --- the oracle, from SPEC ---------------------------------------------------------------------

/** SPEC §3.1: upper-case, strip one leading CAP_. */
const normalise = (name: string): string => {
  const upper = name.toUpperCase()
  return upper.startsWith('CAP_') ? upper.slice(4) : upper
}
const grants = (name: string): boolean => normalise(name) === 'SYS_ADMIN' || normalise(name) === 'ALL'

interface Added {
  readonly name: string
  readonly target: 'container' | 'policy'
  readonly path: string
}

/**
 * SPEC §3.1 effective added set: the container's adds, and the policy's defaults minus the
 * container's drops (a default the container already adds is counted once, README "Choices").
 */
function effectiveAdded(input: ResolveInput, key: (name: string) => string): Added[] {
  const add = input.container?.capabilities?.add ?? []
  const drop = input.container?.capabilities?.drop ?? []
  const out: Added[] = add.map((name, i) => ({ name, target: 'container', path: `securityContext.capabilities.add[${i}]` }))
  ;(input.policy?.spec?.defaultAddCapabilities ?? []).forEach((name, j) => {
    const k = key(name)
    if (drop.some((d) => key(d) === k) || add.some((a) => key(a) === k)) return
    out.push({ name, target: 'policy', path: `spec.defaultAddCapabilities[${j}]` })
  })
  return out
}

/** The cluster these cases run on (`pspEra`): v1.24. */
const CLUSTER_MINOR = 24

/**
 * The minor version the level is evaluated at: the policy version's (`latest` or absent is
 * newest), capped at the cluster's, whose Pod Security Admission knows no newer checks.
 */
const minor = (ps: PodSecurityOptions): number =>
  Math.min(CLUSTER_MINOR, ps.version === undefined || ps.version === 'latest' ? Infinity : Number(ps.version.slice('v1.'.length)))

type Expected =
  | { readonly violations: string[] }
  | { readonly decision: Record<string, unknown>; readonly warnings: string[] }

const v = (code: string, target: string, path: string): string => `${code} ${target} ${path}`

function expected(input: ResolveInput, semantics: Semantics, ps: PodSecurityOptions | undefined): Expected {
  const c = input.container ?? {}
  const spec = input.policy?.spec
  const own = c.allowPrivilegeEscalation
  const violations: string[] = []
  if (input.os === 'windows') {
    // §5a
    if (semantics === 'noNewPrivileges' ? c.noNewPrivileges != null : own != null) {
      violations.push(v('escalation-field-on-windows', 'container', semantics === 'noNewPrivileges' ? NNP : ESC))
    }
    if (ps !== undefined && minor(ps) >= 8 && minor(ps) < 25 && own !== false) violations.push(v('restricted-requires-no-escalation', 'container', ESC))
    if (semantics === 'proposal' && spec?.defaultAllowPrivilegeEscalation === true && spec.allowPrivilegeEscalation !== true) {
      violations.push(v('invalid-policy', 'policy', 'spec.defaultAllowPrivilegeEscalation'))
    }
    if (semantics === 'kubernetes' && spec?.defaultAllowPrivilegeEscalation === true && spec.allowPrivilegeEscalation === false) {
      violations.push(v('invalid-policy', 'policy', 'spec.defaultAllowPrivilegeEscalation'))
    }
    if (violations.length > 0) return { violations }
    return { decision: { semantics, applicable: false, noNewPrivs: false }, warnings: [] }
  }
  if (semantics === 'noNewPrivileges') {
    // §4: no rules of its own; §5b reads the container's own field.
    if (ps !== undefined && minor(ps) >= 8 && own !== false) return { violations: [v('restricted-requires-no-escalation', 'container', ESC)] }
    return { decision: { semantics, applicable: true, noNewPrivs: c.noNewPrivileges ?? input.pod?.noNewPrivileges ?? false }, warnings: [] }
  }
  if (semantics === 'proposal') {
    // §3.2 column (no uid in this grid), §3.3 row, §3.4 table, §3.5 violations.
    const sysAdmin = effectiveAdded(input, normalise).filter((a) => grants(a.name))
    const column = c.privileged === true || sysAdmin.length > 0 ? 'privileged' : 'root'
    const fallback = spec?.defaultAllowPrivilegeEscalation
    const row =
      own != null ? String(own) : fallback === true ? 'true' : fallback === false ? (column === 'privileged' ? 'true' : 'false') : 'nil'
    if (own === false && c.privileged === true) violations.push(v('privileged-without-escalation', 'container', ESC))
    if (own === false) for (const a of sysAdmin) violations.push(v('sys-admin-without-escalation', a.target, a.path))
    if (input.policy != null && spec?.allowPrivilegeEscalation !== true && own === true) {
      violations.push(v('escalation-forbidden-by-policy', 'container', ESC))
    }
    if (ps !== undefined && minor(ps) >= 8 && row !== 'false') violations.push(v('restricted-requires-no-escalation', 'container', ESC))
    if (spec?.defaultAllowPrivilegeEscalation === true && spec.allowPrivilegeEscalation !== true) {
      violations.push(v('invalid-policy', 'policy', 'spec.defaultAllowPrivilegeEscalation'))
    }
    if (violations.length > 0) return { violations }
    // §3.4 with the two columns this grid reaches: root is true unless the row is true; privileged is false.
    const noNewPrivs = column === 'root' && row !== 'true'
    return { decision: { semantics, applicable: true, noNewPrivs, row, column }, warnings: [] }
  }
  // §5: the setting after admission.
  const setting = own ?? spec?.defaultAllowPrivilegeEscalation ?? (spec?.allowPrivilegeEscalation === false ? false : null)
  const warnings: string[] = []
  if (setting === false) {
    if (c.privileged === true) violations.push(v('privileged-without-escalation', 'container', ESC))
    for (const a of effectiveAdded(input, (n) => n)) {
      if (a.name === 'CAP_SYS_ADMIN') violations.push(v('sys-admin-without-escalation', a.target, a.path))
      else if (grants(a.name)) warnings.push(v('sys-admin-spelling', a.target, a.path))
    }
  } else if (spec?.allowPrivilegeEscalation === false) {
    violations.push(v('escalation-forbidden-by-policy', 'container', ESC))
  }
  if (ps !== undefined && minor(ps) >= 8 && setting !== false) violations.push(v('restricted-requires-no-escalation', 'container', ESC))
  if (spec?.defaultAllowPrivilegeEscalation === true && spec.allowPrivilegeEscalation === false) {
    violations.push(v('invalid-policy', 'policy', 'spec.defaultAllowPrivilegeEscalation'))
  }
  if (violations.length > 0) return { violations }
  return { decision: { semantics, applicable: true, noNewPrivs: setting === false, setting }, warnings }
}

// --- the grid ----------------------------------------------------------------------------------

const optionalBooleans = [undefined, true, false] as const
const capabilityChoices = [
  undefined,
  { add: ['CAP_SYS_ADMIN'] },
  { add: ['NET_ADMIN', 'sys_admin'] },
  { add: ['ALL', 'CAP_SYS_ADMIN'] },
  { drop: ['sys_admin'] },
  { drop: ['SYS_ADMIN', 'CAP_SYS_ADMIN'] },
] as const
const defaultAdds = [undefined, ['SYS_ADMIN'], ['NET_RAW', 'CAP_SYS_ADMIN']] as const
const podSecurities: ReadonlyArray<PodSecurityOptions | undefined> = [
  undefined,
  { level: 'restricted', version: 'v1.7' },
  { level: 'restricted', version: 'v1.8' },
  { level: 'restricted', version: 'v1.24' },
  { level: 'restricted', version: 'v1.25' },
  { level: 'restricted' },
]

function* policies(): Generator<ResolveInput['policy']> {
  yield undefined
  for (const gate of optionalBooleans)
    for (const fallback of optionalBooleans)
      for (const defaultAddCapabilities of defaultAdds) {
        yield { spec: { allowPrivilegeEscalation: gate, defaultAllowPrivilegeEscalation: fallback, defaultAddCapabilities } }
      }
}

function* inputs(): Generator<ResolveInput> {
  for (const os of [undefined, 'windows'])
    for (const allowPrivilegeEscalation of optionalBooleans)
      for (const noNewPrivileges of [undefined, true, false])
        for (const privileged of [undefined, true])
          for (const capabilities of capabilityChoices)
            for (const policy of policies()) {
              const container = { allowPrivilegeEscalation, noNewPrivileges, privileged, capabilities: capabilities === undefined ? undefined : { ...capabilities } }
              yield { os, name: 'app', container, pod: { noNewPrivileges: true }, policy }
            }
}

function actual(input: ResolveInput, semantics: Semantics, ps: PodSecurityOptions | undefined): Expected {
  const result = resolveNoNewPrivs(input, pspEra({ semantics, podSecurity: ps }))
  if (E.isLeft(result)) return { violations: result.left.map((x) => v(x.code, x.target, x.path)) }
  const d = result.right as unknown as Record<string, unknown>
  const decision: Record<string, unknown> = { semantics: d['semantics'], applicable: d['applicable'], noNewPrivs: d['noNewPrivs'] }
  if ('row' in d) Object.assign(decision, { row: d['row'], column: d['column'] })
  if ('setting' in d) decision['setting'] = d['setting']
  return { decision, warnings: result.right.warnings.map((w) => v(w.code, w.target, w.path)) }
}

const sorted = (e: Expected): Expected => ('violations' in e ? { violations: [...e.violations].sort() } : { ...e, warnings: [...e.warnings].sort() })

describe('every rule over an exhaustive grid, against an oracle from SPEC', () => {
  for (const semantics of ['proposal', 'noNewPrivileges', 'kubernetes'] as const) {
    it(`${semantics}: exactly the violations, or exactly the decision and warnings, SPEC says`, () => {
      const mismatches: unknown[] = []
      let checked = 0
      for (const input of inputs()) {
        for (const ps of podSecurities) {
          checked++
          const want = sorted(expected(input, semantics, ps))
          const got = sorted(actual(input, semantics, ps))
          if (JSON.stringify(want) !== JSON.stringify(got) && mismatches.length < 5) mismatches.push({ input, ps, want, got })
        }
      }
      expect(mismatches).toEqual([])
      // 2 os × 3 × 3 × 2 × 6 capability lists × (1 + 27) policies × 6 Pod Security options.
      expect(checked).toBe(2 * 3 * 3 * 2 * 6 * 28 * 6)
    })
  }

  it('reports every violation, never only the first: the privileged, capability and policy rules at once', () => {
    const result = resolveNoNewPrivs(
      { container: { allowPrivilegeEscalation: false, privileged: true, capabilities: { add: ['SYS_ADMIN'] } }, policy: { spec: { defaultAllowPrivilegeEscalation: true } } },
      { podSecurity: { level: 'restricted', version: 'v1.7' } },
    )
    expect(E.isLeft(result) && result.left.map((x) => x.code)).toEqual(['privileged-without-escalation', 'sys-admin-without-escalation', 'invalid-policy'])
  })
})
