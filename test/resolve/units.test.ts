// The resolution's building blocks one by one, each against what SPEC (or its doc comment) says:
// the capability helpers and their allocation-free shortcuts, the public row and column helpers,
// Pod Security versions, the policy-alone rules, the wording of every message, and the shared
// (allocation-free) decisions.
import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { addedCapabilitiesWhere, grantsSysAdmin, normaliseCapability } from '../../src/capabilities.js'
import { minorOf, restrictedChecks, restrictedPodDetail, restrictedViolation } from '../../src/resolve/podSecurity.js'
import { policyViolationsInto } from '../../src/resolve/policyRules.js'
import { columnOf, policyUidOf, settingOf } from '../../src/resolve/proposal.js'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import { grantsSysAdminQuickly, mayAddSysAdmin, sysAdminGrantsOf } from '../../src/resolve/sysAdmin.js'
import { NO_NEW_PRIVS_TABLE } from '../../src/resolve/table.js'
import type { ContainerSecurityInput, PolicyInput, ResolveInput, Semantics, Violation } from '../../src/resolve/types.js'
import { pspEra } from './pspEra.js'

/** Every spelling class the shortcut distinguishes: each length it switches on, ASCII and not. */
const NAMES = [
  'ALL', 'all', 'aLl', 'ALM', 'BLL', 'AL@', 'AL`', 'AL{', '@LL', 'ALL ', 'AL', '',
  'CAP_ALL', 'cap_all', 'CAP_ALM', 'CAQ_ALL', 'CAP-ALL', 'XAP_ALL',
  'SYS_ADMIN', 'sys_admin', 'Sys_Admin', 'SYS_ADMIM', 'TYS_ADMIN', 'SYS_ADMIN ', 'SYS ADMIN',
  'CAP_SYS_ADMIN', 'cap_sys_admin', 'CAP_SYS_ADMIO', 'DAP_SYS_ADMIN', 'CAP_SYS_ADMINS',
  'NET_ADMIN', 'CAP_NET_ADMIN', 'CHOWN', 'CAP_', 'CAP_CAP_ALL',
  // ASCII after 'z' (upper-cased, these would be '[' … '_'): not letters, and never equal to '_'.
  'SYS\u007fADMIN', 'CAP\u007fALL', 'CAP\u007fSYS_ADMIN', 'CAP_SYS\u007fADMIN',
  // Non-ASCII: toUpperCase may keep or change the length (ſ → S, ı → I, ß → SS, ﬀ → FF).
  'ſYS_ADMIN', 'CAP_ſYS_ADMıN', 'sys_admın', 'aLſ', 'ALſ', 'ßYS_ADMIN', 'ﬀ', 'ALLß', 'SYS_ADMİN', 'ÀLL', 'CAP_ÀLL',
  'é', 'Ā', '\u007f', '\u0080', 'ALL\u0080', '\u0080LL',
]

describe('capabilities', () => {
  it.each(NAMES)('grantsSysAdminQuickly(%j) is grantsSysAdmin', (name) => {
    expect(grantsSysAdminQuickly(name)).toBe(grantsSysAdmin(name))
  })

  it('grantsSysAdmin holds for exactly the SYS_ADMIN and ALL spellings', () => {
    expect(NAMES.filter(grantsSysAdmin)).toEqual([
      'ALL', 'all', 'aLl', 'CAP_ALL', 'cap_all', 'SYS_ADMIN', 'sys_admin', 'Sys_Admin', 'CAP_SYS_ADMIN', 'cap_sys_admin',
      'ſYS_ADMIN', 'CAP_ſYS_ADMıN', 'sys_admın',
    ])
  })

  test.prop([fc.string({ maxLength: 16 }), fc.string({ unit: 'grapheme', maxLength: 16 })])(
    'grantsSysAdminQuickly is grantsSysAdmin on any string',
    (a, b) => {
      expect(grantsSysAdminQuickly(a)).toBe(grantsSysAdmin(a))
      expect(grantsSysAdminQuickly(b)).toBe(grantsSysAdmin(b))
    },
  )

  const entry = fc.oneof(fc.constantFrom(...NAMES), fc.constantFrom<unknown>(1, null, undefined, true, {}, ['SYS_ADMIN']))
  const list = fc.option(fc.array(entry, { maxLength: 4 }), { nil: undefined })

  test.prop([list, list, list])(
    'mayAddSysAdmin: some string the container adds or the policy defaults grants SYS_ADMIN (drops not counted)',
    (add, drop, defaults) => {
      const container = { capabilities: { add, drop } } as unknown as ContainerSecurityInput
      const policy = { spec: { defaultAddCapabilities: defaults } } as unknown as PolicyInput
      const anyGrant = (l: ReadonlyArray<unknown> | undefined): boolean => (l ?? []).some((n) => typeof n === 'string' && grantsSysAdmin(n))
      expect(mayAddSysAdmin(container, policy)).toBe(anyGrant(add) || anyGrant(defaults))
      expect(mayAddSysAdmin(container, null)).toBe(anyGrant(add))
      expect(mayAddSysAdmin(null, policy)).toBe(anyGrant(defaults))
      expect(mayAddSysAdmin({ capabilities: null }, { spec: null })).toBe(false)
    },
  )

  it('addedCapabilitiesWhere keeps only the strings select picks, with their places', () => {
    const container = { capabilities: { add: [1, 'NET_ADMIN', null, 'sys_admin', 'CHOWN'], drop: [7, 'chown'] } } as unknown as ContainerSecurityInput
    const policy = { spec: { defaultAddCapabilities: [false, 'CAP_CHOWN', 'NET_RAW', 'cap_net_admin', 'SYS_ADMIN', 'ALL'] } } as unknown as PolicyInput
    expect(addedCapabilitiesWhere(container, policy, 'normalised', (n) => n !== 'CHOWN')).toEqual([
      { name: 'NET_ADMIN', target: 'container', path: 'securityContext.capabilities.add[1]' },
      { name: 'sys_admin', target: 'container', path: 'securityContext.capabilities.add[3]' },
      // CAP_CHOWN: dropped (as chown); cap_net_admin and SYS_ADMIN: the container adds them already.
      { name: 'NET_RAW', target: 'policy', path: 'spec.defaultAddCapabilities[2]' },
      { name: 'ALL', target: 'policy', path: 'spec.defaultAddCapabilities[5]' },
    ])
    expect(addedCapabilitiesWhere(container, policy, 'exact', () => true)).toEqual([
      { name: 'NET_ADMIN', target: 'container', path: 'securityContext.capabilities.add[1]' },
      { name: 'sys_admin', target: 'container', path: 'securityContext.capabilities.add[3]' },
      { name: 'CHOWN', target: 'container', path: 'securityContext.capabilities.add[4]' },
      { name: 'CAP_CHOWN', target: 'policy', path: 'spec.defaultAddCapabilities[1]' },
      { name: 'NET_RAW', target: 'policy', path: 'spec.defaultAddCapabilities[2]' },
      { name: 'cap_net_admin', target: 'policy', path: 'spec.defaultAddCapabilities[3]' },
      { name: 'SYS_ADMIN', target: 'policy', path: 'spec.defaultAddCapabilities[4]' },
      { name: 'ALL', target: 'policy', path: 'spec.defaultAddCapabilities[5]' },
    ])
    expect(addedCapabilitiesWhere(container, policy, 'exact', () => false)).toEqual([])
  })

  it('sysAdminGrantsOf compares names as the design does (normalised), drops included', () => {
    const policy: PolicyInput = { spec: { defaultAddCapabilities: ['SYS_ADMIN', 'CAP_ALL'] } }
    expect(sysAdminGrantsOf({ capabilities: { drop: ['cap_sys_admin'] } }, policy)).toEqual([
      { name: 'CAP_ALL', target: 'policy', path: 'spec.defaultAddCapabilities[1]' },
    ])
    expect(sysAdminGrantsOf({ capabilities: { add: ['NET_ADMIN'] } }, undefined)).toEqual([])
    expect(normaliseCapability('cap_cap_x')).toBe('CAP_X')
  })
})

describe('the public row and column helpers', () => {
  it('policyUidOf reads ranges[0].min of a MustRunAs strategy only', () => {
    const ranges = [{ min: 1000, max: 2000 }, { min: 5, max: 6 }]
    expect(policyUidOf({ spec: { runAsUser: { rule: 'MustRunAs', ranges } } })).toBe(1000)
    expect(policyUidOf({ spec: { runAsUser: { rule: 'RunAsAny', ranges } } })).toBeUndefined()
    expect(policyUidOf({ spec: { runAsUser: { rule: 'MustRunAsNonRoot', ranges } } })).toBeUndefined()
    expect(policyUidOf({ spec: { runAsUser: { rule: 'MustRunAs', ranges: [] } } })).toBeUndefined()
    expect(policyUidOf({ spec: { runAsUser: { rule: 'MustRunAs' } } })).toBeUndefined()
    expect(policyUidOf({ spec: {} })).toBeUndefined()
    expect(policyUidOf({})).toBeUndefined()
    expect(policyUidOf(null)).toBeUndefined()
    expect(policyUidOf(undefined)).toBeUndefined()
  })

  it('columnOf names the column and the input that decided it', () => {
    const policyDefaultsSysAdmin: PolicyInput = { spec: { defaultAddCapabilities: ['NET_RAW', 'sys_admin'] } }
    expect(columnOf({ policy: policyDefaultsSysAdmin })).toEqual({
      column: 'privileged',
      from: { target: 'policy', path: 'spec.defaultAddCapabilities[1]', value: 'sys_admin' },
    })
    expect(columnOf({ container: {}, policy: policyDefaultsSysAdmin }).column).toBe('privileged')
    expect(columnOf({ container: { privileged: true, runAsUser: 5 } })).toEqual({
      column: 'privileged',
      from: { target: 'container', path: 'securityContext.privileged', value: true },
    })
    expect(columnOf({ pod: { runAsNonRoot: false } })).toEqual({ column: 'root', from: { target: 'pod', path: 'securityContext.runAsNonRoot', value: false } })
    expect(columnOf({ container: null, pod: { runAsNonRoot: false } })).toEqual(columnOf({ pod: { runAsNonRoot: false } }))
    expect(columnOf({ pod: { runAsNonRoot: null } }).from).toEqual({ target: 'default', path: null, value: null })
    expect(columnOf({ pod: { runAsUser: 0 } })).toEqual({ column: 'root', from: { target: 'pod', path: 'securityContext.runAsUser', value: 0 } })
    expect(columnOf({ policy: { spec: { runAsUser: { rule: 'RunAsAny', ranges: [{ min: 7, max: 9 }] } } } }).column).toBe('root')
    expect(columnOf({ policy: { spec: { runAsUser: { rule: 'MustRunAs', ranges: [{ min: 7, max: 9 }] } } } })).toEqual({
      column: 'nonRoot',
      from: { target: 'policy', path: 'spec.runAsUser.ranges[0].min', value: 7 },
    })
    // The capabilities may be handed in, already computed.
    expect(columnOf({ container: {} }, [{ name: 'ALL', target: 'container', path: 'p' }])).toEqual({
      column: 'privileged',
      from: { target: 'container', path: 'p', value: 'ALL' },
    })
  })

  it('settingOf applies a false default except in the privileged column, which keeps true', () => {
    const input: ResolveInput = { policy: { spec: { defaultAllowPrivilegeEscalation: false } } }
    const fromDefault = { target: 'policy', path: 'spec.defaultAllowPrivilegeEscalation', value: false }
    expect(settingOf(input, 'root')).toEqual({ row: 'false', from: fromDefault })
    expect(settingOf(input, 'nonRoot')).toEqual({ row: 'false', from: fromDefault })
    expect(settingOf(input, 'privileged')).toEqual({ row: 'true', from: fromDefault })
    expect(settingOf({ container: { allowPrivilegeEscalation: false }, policy: input.policy }, 'privileged').row).toBe('false')
    expect(settingOf({}, 'privileged')).toEqual({ row: 'nil', from: { target: 'default', path: null, value: null } })
    expect(settingOf({ container: null, policy: null }, 'root').row).toBe('nil')
  })

  it('a policy uid decides the column before a false default is applied, so the default is applied', () => {
    const result = resolveNoNewPrivs({ policy: { spec: { defaultAllowPrivilegeEscalation: false, runAsUser: { rule: 'MustRunAs', ranges: [{ min: 0, max: 0 }] } } } })
    expect(E.isRight(result) && result.right.semantics === 'proposal' && result.right.applicable && [result.right.row, result.right.column, result.right.noNewPrivs]).toEqual(['false', 'root', true])
  })
})

describe('Pod Security versions and wording', () => {
  it.each([
    ['v1.0', 0], ['v1.8', 8], ['v1.25', 25], ['v1.123', 123],
    ['latest', Infinity], [undefined, Infinity], ['v1.', Infinity], ['xv1.25', Infinity], ['v1.25x', Infinity],
    ['v2.0', Infinity], ['v1.x', Infinity], ['V1.8', Infinity], ['v1.8\n', Infinity],
  ] as const)('minorOf(%j) is %d', (version, minor) => {
    expect(minorOf(version as never)).toBe(minor)
  })

  it.each([
    ['v1.7', false, false], ['v1.7', true, false], ['v1.8', false, true], ['v1.8', true, true],
    ['v1.24', true, true], ['v1.25', true, false], ['v1.25', false, true], [undefined, true, false], ['nonsense', false, true],
  ] as const)('restrictedChecks(%j, windows %s) is %s', (version, windows, checks) => {
    expect(restrictedChecks({ level: 'restricted', version: version as never }, windows)).toBe(checks)
  })

  it('the container message quotes the name, and an absent name as ""', () => {
    const expected = (quoted: string): Violation => ({
      code: 'restricted-requires-no-escalation',
      target: 'container',
      path: 'securityContext.allowPrivilegeEscalation',
      message: `container ${quoted} must set securityContext.allowPrivilegeEscalation=false`,
    })
    expect(restrictedViolation('a"b')).toEqual(expected('"a\\"b"'))
    expect(restrictedViolation(undefined)).toEqual(expected('""'))
    expect(restrictedViolation(null)).toEqual(expected('""'))
    expect(restrictedPodDetail(['a', null])).toBe('containers "a", "" must set securityContext.allowPrivilegeEscalation=false')
    expect(restrictedPodDetail(['a'])).toBe('container "a" must set securityContext.allowPrivilegeEscalation=false')
  })
})

describe('messages', () => {
  const messagesOf = (input: ResolveInput, semantics: Semantics = 'proposal'): string[] => {
    const result = resolveNoNewPrivs(input, pspEra({ semantics }))
    return E.isLeft(result) ? result.left.map((x) => x.message) : result.right.warnings.map((w) => w.message)
  }

  it('escalation-forbidden-by-policy names the policy, or says "the PodSecurityPolicy"', () => {
    const own = { allowPrivilegeEscalation: true }
    const base = 'Allowing privilege escalation for containers is not allowed'
    expect(messagesOf({ container: own, policy: { metadata: { name: 'strict' }, spec: { allowPrivilegeEscalation: false } } })).toEqual([
      `${base}: PodSecurityPolicy "strict" sets spec.allowPrivilegeEscalation: false`,
    ])
    expect(messagesOf({ container: own, policy: { metadata: { name: '' }, spec: {} } })).toEqual([
      `${base}: the PodSecurityPolicy does not set spec.allowPrivilegeEscalation, which the design defaults to false`,
    ])
    expect(messagesOf({ container: own, policy: { metadata: {}, spec: {} } })).toEqual(messagesOf({ container: own, policy: { metadata: { name: '' }, spec: {} } }))
    expect(messagesOf({ container: own, policy: { metadata: { name: 'p' }, spec: { allowPrivilegeEscalation: false } } }, 'kubernetes')).toEqual([base])
    expect(messagesOf({ policy: { metadata: { name: 'p' }, spec: { defaultAllowPrivilegeEscalation: true, allowPrivilegeEscalation: false } } }, 'kubernetes')).toEqual([
      base,
      'Cannot set DefaultAllowPrivilegeEscalation to true without also setting AllowPrivilegeEscalation to true',
    ])
  })

  it('sys-admin-without-escalation says which capability, and when a policy default added it', () => {
    const policy: PolicyInput = { spec: { defaultAddCapabilities: ['CAP_SYS_ADMIN'] } }
    const container = { allowPrivilegeEscalation: false, capabilities: { add: ['all'] } }
    expect(messagesOf({ container, policy })).toEqual([
      'cannot set `allowPrivilegeEscalation` to false and add capability "all", which grants CAP_SYS_ADMIN',
      'cannot set `allowPrivilegeEscalation` to false and add capability "CAP_SYS_ADMIN", which grants CAP_SYS_ADMIN (added by the policy\'s defaultAddCapabilities)',
    ])
    expect(messagesOf({ container, policy }, 'kubernetes')).toEqual([
      "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN (added by the policy's defaultAddCapabilities)",
    ])
  })

  it('sys-admin-spelling explains what Kubernetes lets through', () => {
    expect(messagesOf({ container: { allowPrivilegeEscalation: false, capabilities: { add: ['sys_admin'] } } }, 'kubernetes')).toEqual([
      'capability "sys_admin" grants CAP_SYS_ADMIN, but Kubernetes only rejects the literal "CAP_SYS_ADMIN" with `allowPrivilegeEscalation: false` (kubernetes/kubernetes#119568): the pod is admitted and no_new_privs is set',
    ])
  })
})

describe('the policy-alone rules per semantics', () => {
  const cases: ReadonlyArray<readonly [boolean | undefined, boolean | undefined, ReadonlyArray<Semantics>]> = [
    [true, undefined, ['proposal']],
    [true, false, ['proposal', 'kubernetes']],
    [true, true, []],
    [false, false, []],
    [undefined, false, []],
    [undefined, undefined, []],
  ]
  it.each(cases)('default %s with gate %s is invalid under %j', (fallback, gate, invalidUnder) => {
    for (const semantics of ['proposal', 'noNewPrivileges', 'kubernetes'] as const) {
      const out: Violation[] = []
      // v1.24: the last release with PodSecurityPolicy (from v1.25 there is no policy to validate, test/resolve/pspEnd.test.ts).
      policyViolationsInto({ spec: { defaultAllowPrivilegeEscalation: fallback, allowPrivilegeEscalation: gate } }, semantics, out, 'v1.24')
      expect(out.map((x) => x.code)).toEqual(invalidUnder.includes(semantics) ? ['invalid-policy'] : [])
    }
    const none: Violation[] = []
    for (const semantics of ['proposal', 'noNewPrivileges', 'kubernetes'] as const) {
      policyViolationsInto(null, semantics, none)
      policyViolationsInto(undefined, semantics, none)
      policyViolationsInto({}, semantics, none)
    }
    expect(none).toEqual([])
  })
})

describe('shared decisions (resolution allocates nothing for the usual container)', () => {
  const semantics = fc.constantFrom<Semantics>('proposal', 'noNewPrivileges', 'kubernetes')
  const flag = fc.constantFrom(true, false, undefined)
  // No uid and no capability: every decision is one of the constants built at load.
  const constantInput = fc.record({
    os: fc.constantFrom(undefined, 'linux', 'windows'),
    container: fc.record({ allowPrivilegeEscalation: flag, privileged: flag, runAsNonRoot: flag, noNewPrivileges: flag }),
    pod: fc.record({ runAsNonRoot: flag, noNewPrivileges: flag }),
    policy: fc.option(fc.record({ spec: fc.record({ allowPrivilegeEscalation: flag, defaultAllowPrivilegeEscalation: flag }) }), { nil: undefined }),
  })

  test.prop([constantInput, semantics])('the same input twice gives the very same frozen decision', (input, s) => {
    const first = resolveNoNewPrivs(input, pspEra({ semantics: s }))
    const second = resolveNoNewPrivs(structuredClone(input), pspEra({ semantics: s }))
    if (E.isLeft(first)) return
    expect(second).toBe(first)
    expect(Object.isFrozen(first) && Object.isFrozen(first.right)).toBe(true)
  })

  it('so does a uid seen just before, while each uid keeps its own decision', () => {
    const uids = [0, 1, 15, 16, 17, 31, 32, 33, 1000, 65534, 2147483647, -0]
    const targets = ['container', 'pod', 'policy'] as const
    const rows = [undefined, true, false] as const
    const inputOf = (target: (typeof targets)[number], uid: number, own: boolean | undefined, fallback: boolean | undefined): ResolveInput => ({
      container: { allowPrivilegeEscalation: own, runAsUser: target === 'container' ? uid : undefined },
      pod: { runAsUser: target === 'pod' ? uid : undefined },
      policy: {
        spec: {
          allowPrivilegeEscalation: true,
          defaultAllowPrivilegeEscalation: fallback,
          runAsUser: target === 'policy' ? { rule: 'MustRunAs', ranges: [{ min: uid, max: 2147483647 }] } : { rule: 'RunAsAny' },
        },
      },
    })
    // Interleave every source, row and uid so that any two that shared a place would meet.
    for (let round = 0; round < 2; round++) {
      for (const uid of uids)
        for (const target of targets)
          for (const own of rows)
            for (const fallback of rows) {
              const input = inputOf(target, uid, own, fallback)
              const result = resolveNoNewPrivs(input)
              expect(E.isRight(result)).toBe(true)
              if (E.isLeft(result) || result.right.semantics !== 'proposal' || !result.right.applicable) return
              const column = columnOf(input)
              const row = settingOf(input, column.column)
              expect(result.right).toEqual({
                semantics: 'proposal',
                applicable: true,
                noNewPrivs: NO_NEW_PRIVS_TABLE[row.row][column.column],
                row: row.row,
                rowFrom: row.from,
                column: column.column,
                columnFrom: column.from,
                warnings: [],
              })
              expect(Object.is(result.right.columnFrom.value, uid)).toBe(true)
              expect(resolveNoNewPrivs(input)).toBe(result)
            }
    }
  })
})
