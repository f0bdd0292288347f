/**
 * Generators of resolve inputs that land in a chosen cell of the design's table, built from the
 * rules of SPEC §3.2 and §3.3 (not from the implementation), so the tests can disagree with it.
 */
import { fc } from '@fast-check/vitest'
import type { Column, ResolveInput, Row } from '../../src/resolve/types.js'

type Mutable<T> = { -readonly [K in keyof T]: T[K] }
interface Draft {
  container: Mutable<NonNullable<ResolveInput['container']>>
  pod: Mutable<NonNullable<ResolveInput['pod']>>
  policySpec: Record<string, unknown> | undefined
  policyName: string
}

/** Every spelling that grants SYS_ADMIN under the design's comparison. */
export const sysAdminSpelling = fc.constantFrom(
  'SYS_ADMIN', 'sys_admin', 'Sys_Admin', 'CAP_SYS_ADMIN', 'cap_sys_admin', 'Cap_Sys_admin', 'ALL', 'all', 'CAP_ALL', 'cap_all',
)
/** Capability names that never grant SYS_ADMIN. */
export const harmlessCapability = fc.constantFrom(
  'NET_ADMIN', 'CAP_NET_BIND_SERVICE', 'chown', 'SYS_TIME', 'CAP_CAP_SYS_ADMIN', 'SYS_ADMINX', 'KILL', 'AUDIT_WRITE',
)
const nonZeroUid = fc.integer({ min: 1, max: 2147483647 })
const anyUid = fc.integer({ min: 0, max: 2147483647 })
const optBool = fc.constantFrom(true, false, null, undefined)

/** An alternative spelling of the same normalised capability, to prove drops compare normalised. */
function respell(name: string): fc.Arbitrary<string> {
  const bare = name.toUpperCase().replace(/^CAP_/, '')
  return fc.constantFrom(bare, bare.toLowerCase(), `CAP_${bare}`, `cap_${bare.toLowerCase()}`)
}

const emptyDraft = (): Draft => ({ container: {}, pod: {}, policySpec: undefined, policyName: 'psp' })

function withPolicy(d: Draft): Record<string, unknown> {
  d.policySpec ??= {}
  return d.policySpec
}

/** Noise that never changes the column: harmless capabilities, drops of harmless names. */
const harmlessCaps = fc.record({
  add: fc.option(fc.array(harmlessCapability, { maxLength: 3 }), { nil: undefined }),
  drop: fc.option(fc.array(fc.oneof(harmlessCapability, sysAdminSpelling), { maxLength: 3 }), { nil: undefined }),
})

/** Inputs whose column is `privileged`. */
function privilegedDraft(): fc.Arbitrary<Draft> {
  const byFlag = fc.record({ uid: fc.option(anyUid), nonRoot: optBool, caps: harmlessCaps }).map(({ uid, nonRoot, caps }) => {
    const d = emptyDraft()
    d.container.privileged = true
    if (uid !== null) d.container.runAsUser = uid
    if (nonRoot !== undefined) d.container.runAsNonRoot = nonRoot
    d.container.capabilities = caps
    return d
  })
  const byContainerCap = fc
    .record({ cap: sysAdminSpelling, before: fc.array(harmlessCapability, { maxLength: 2 }), uid: fc.option(anyUid), privileged: fc.constantFrom(false, null, undefined) })
    .map(({ cap, before, uid, privileged }) => {
      const d = emptyDraft()
      if (privileged !== undefined) d.container.privileged = privileged
      d.container.capabilities = { add: [...before, cap] }
      if (uid !== null) d.pod.runAsUser = uid
      return d
    })
  const byPolicyDefault = fc
    .record({ cap: sysAdminSpelling, drops: fc.array(harmlessCapability, { maxLength: 2 }), uid: fc.option(anyUid) })
    .map(({ cap, drops, uid }) => {
      const d = emptyDraft()
      d.container.capabilities = { drop: drops }
      withPolicy(d).defaultAddCapabilities = ['NET_RAW', cap]
      if (uid !== null) d.container.runAsUser = uid
      return d
    })
  return fc.oneof(byFlag, byContainerCap, byPolicyDefault)
}

/** A non-privileged base: maybe a policy default of SYS_ADMIN that the container drops (respelt). */
function unprivilegedBase(): fc.Arbitrary<Draft> {
  return fc
    .record({
      caps: harmlessCaps,
      privileged: fc.constantFrom(false, null, undefined),
      cancelled: fc.option(sysAdminSpelling.chain((s) => fc.tuple(fc.constant(s), respell(s)))),
    })
    .map(({ caps, privileged, cancelled }) => {
      const d = emptyDraft()
      if (privileged !== undefined) d.container.privileged = privileged
      d.container.capabilities = { add: caps.add ?? null, drop: [...(caps.drop ?? [])] }
      // A drop list may mention SYS_ADMIN spellings: harmless, nothing adds them in this base.
      if (cancelled !== null) {
        const [added, dropped] = cancelled
        withPolicy(d).defaultAddCapabilities = [added]
        ;(d.container.capabilities.drop as string[]).push(dropped)
      }
      return d
    })
}

/** Which input supplies the uid, with lower-precedence noise that must not matter. */
function withUid(uid: fc.Arbitrary<number>): (d: Draft) => fc.Arbitrary<Draft> {
  return (d) =>
    fc.record({ where: fc.constantFrom('container', 'pod', 'policy'), uid, noise: fc.option(anyUid), nonRoot: optBool }).map(({ where, uid, noise, nonRoot }) => {
      if (where === 'container') {
        d.container.runAsUser = uid
        if (noise !== null) d.pod.runAsUser = noise
      } else if (where === 'pod') {
        d.pod.runAsUser = uid
      } else {
        withPolicy(d).runAsUser = { rule: 'MustRunAs', ranges: [{ min: uid, max: 2147483647 }] }
      }
      // runAsNonRoot never matters once a uid is known (the kubelet would refuse uid 0, but the
      // table's column is the uid's).
      if (nonRoot !== undefined) d.pod.runAsNonRoot = nonRoot
      return d
    })
}

/** Inputs whose column is `root`. */
function rootDraft(): fc.Arbitrary<Draft> {
  const uidZero = unprivilegedBase().chain(withUid(fc.constant(0)))
  const unset = unprivilegedBase().chain((d) =>
    fc
      .record({ c: fc.constantFrom(false, null, undefined), p: fc.constantFrom(false, null, undefined), rule: fc.constantFrom('RunAsAny', 'MustRunAs', undefined) })
      .map(({ c, p, rule }) => {
        if (c !== undefined) d.container.runAsNonRoot = c
        if (p !== undefined) d.pod.runAsNonRoot = p
        // MustRunAs without ranges fills in no uid.
        if (rule !== undefined) withPolicy(d).runAsUser = { rule, ranges: [] }
        return d
      }),
  )
  const containerSaysFalse = unprivilegedBase().map((d) => {
    // container runAsNonRoot: false wins over the pod's true (`??`).
    d.container.runAsNonRoot = false
    d.pod.runAsNonRoot = true
    return d
  })
  return fc.oneof(uidZero, unset, containerSaysFalse)
}

/** Inputs whose column is `nonRoot`. */
function nonRootDraft(): fc.Arbitrary<Draft> {
  const uid = unprivilegedBase().chain(withUid(nonZeroUid))
  const overriddenZero = unprivilegedBase().chain((d) =>
    nonZeroUid.map((u) => {
      d.container.runAsUser = u
      d.pod.runAsUser = 0
      return d
    }),
  )
  const flag = unprivilegedBase().chain((d) =>
    fc.constantFrom('container', 'pod', 'policy', 'policy-over-container-false').map((where) => {
      if (where === 'container') d.container.runAsNonRoot = true
      else if (where === 'pod') d.pod.runAsNonRoot = true
      else {
        withPolicy(d).runAsUser = { rule: 'MustRunAsNonRoot' }
        if (where === 'policy-over-container-false') d.container.runAsNonRoot = false
      }
      return d
    }),
  )
  return fc.oneof(uid, overriddenZero, flag)
}

function columnDraft(column: Column): fc.Arbitrary<Draft> {
  return column === 'privileged' ? privilegedDraft() : column === 'root' ? rootDraft() : nonRootDraft()
}

/**
 * Put the draft in `row` without breaking a rule: the gate is `true` whenever the container asks
 * for `true` or the policy defaults to `true`. Returns null when the cell is unreachable that way.
 */
function rowDraft(row: Row, column: Column): (d: Draft) => fc.Arbitrary<Draft> {
  return (d) => {
    const ways: string[] =
      row === 'nil'
        ? ['unset']
        : row === 'true'
          ? ['container', 'policy-default', ...(column === 'privileged' ? ['privileged-keeps-true'] : [])]
          : column === 'privileged'
            ? []
            : ['container', 'policy-default']
    return fc.record({ way: fc.constantFrom(...ways), gate: fc.constantFrom(true, false, null, undefined) }).map(({ way, gate }) => {
      const value = row === 'true'
      if (way === 'container') {
        d.container.allowPrivilegeEscalation = value
        // The policy's default never overrides the container's own value; an open gate keeps the
        // policy valid whatever the default.
        if (d.policySpec !== undefined) {
          d.policySpec.defaultAllowPrivilegeEscalation = !value
          d.policySpec.allowPrivilegeEscalation = true
        }
      } else if (way === 'policy-default') {
        const spec = withPolicy(d)
        spec.defaultAllowPrivilegeEscalation = value
        spec.allowPrivilegeEscalation = value ? true : gate
      } else if (way === 'privileged-keeps-true') {
        const spec = withPolicy(d)
        spec.defaultAllowPrivilegeEscalation = false
        spec.allowPrivilegeEscalation = gate
      } else if (d.policySpec !== undefined && gate !== undefined) {
        d.policySpec.allowPrivilegeEscalation = gate
      }
      return d
    })
  }
}

function toInput(d: Draft): ResolveInput {
  return {
    container: d.container,
    pod: d.pod,
    policy: d.policySpec === undefined ? undefined : { metadata: { name: d.policyName }, spec: d.policySpec },
  }
}

/** Inputs that land in the cell (row, column) with no violation. Empty for (false, privileged). */
export function cellInput(row: Row, column: Column): fc.Arbitrary<ResolveInput> {
  return columnDraft(column).chain(rowDraft(row, column)).map(toInput)
}

/** Inputs whose column is `column`, with no statement about the row. */
export function columnInput(column: Column): fc.Arbitrary<ResolveInput> {
  return columnDraft(column).map(toInput)
}

/**
 * Any well-typed resolve input: every field absent, `null` or a value of its type. The capability
 * names and uids are parameters, so a test can aim at its own traps (Unicode case mappings, -0).
 */
export function resolveInputArbitrary(
  capability: fc.Arbitrary<string>,
  uid: fc.Arbitrary<number | undefined>,
  os: fc.Arbitrary<string | null> = fc.option(fc.constantFrom('linux', 'windows', 'plan9')),
): fc.Arbitrary<ResolveInput> {
  const optBool = fc.constantFrom(true, false, null, undefined)
  const caps = fc.option(
    fc.record({ add: fc.option(fc.array(capability, { maxLength: 3 })), drop: fc.option(fc.array(capability, { maxLength: 3 })) }, { requiredKeys: [] }),
  )
  return fc.record(
    {
      container: fc.option(
        fc.record({ allowPrivilegeEscalation: optBool, privileged: optBool, capabilities: caps, runAsUser: uid, runAsNonRoot: optBool, noNewPrivileges: optBool }, { requiredKeys: [] }),
      ),
      pod: fc.option(fc.record({ runAsUser: uid, runAsNonRoot: optBool, noNewPrivileges: optBool }, { requiredKeys: [] })),
      policy: fc.option(
        fc.record(
          {
            metadata: fc.option(fc.record({ name: fc.option(fc.string()) }, { requiredKeys: [] })),
            spec: fc.option(
              fc.record(
                {
                  allowPrivilegeEscalation: optBool,
                  defaultAllowPrivilegeEscalation: optBool,
                  defaultAddCapabilities: fc.option(fc.array(capability, { maxLength: 3 })),
                  runAsUser: fc.option(
                    fc.record({
                      rule: fc.constantFrom('MustRunAs', 'MustRunAsNonRoot', 'RunAsAny'),
                      ranges: fc.option(fc.array(fc.record({ min: uid.map((u) => u ?? 0), max: fc.integer({ min: 0, max: 99999 }) }))),
                    }),
                  ),
                },
                { requiredKeys: [] },
              ),
            ),
          },
          { requiredKeys: [] },
        ),
      ),
      os,
      name: fc.option(fc.string()),
    },
    { requiredKeys: [] },
  )
}
