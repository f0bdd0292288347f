// The shared capabilities of the hot path (src/resolve/capabilityCache.ts): the same values as the
// fresh ones, shared only when frozen, bounded; and resolution with them answers as without them.
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { addedCapabilitiesIn, addedCapability } from '../../src/resolve/capabilities.js'
import { derivedFrom, sharedCapability } from '../../src/resolve/capabilityCache.js'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import { grantsSysAdminQuickly, sysAdminGrantsIn, sysAdminGrantsShared } from '../../src/resolve/sysAdmin.js'

const target = fc.constantFrom('container' as const, 'policy' as const)
const names = fc.array(fc.oneof(fc.constantFrom('SYS_ADMIN', 'sys_admin', 'CAP_SYS_ADMIN', 'ALL', 'cap_all', 'NET_ADMIN', 'ſYS_ADMIN'), fc.string()), { maxLength: 20 })

describe('sharedCapability', () => {
  test.prop([fc.string(), target, fc.nat({ max: 40 })])('equals addedCapability, frozen', (name, where, index) => {
    const shared = sharedCapability(name, where, index)
    expect(shared).toEqual(addedCapability(name, where, index))
    expect(Object.isFrozen(shared)).toBe(true)
  })

  it('is one object per place and name, within the bounds', () => {
    expect(sharedCapability('ALL', 'container', 3)).toBe(sharedCapability('ALL', 'container', 3))
    expect(sharedCapability('ALL', 'container', 3)).not.toBe(sharedCapability('ALL', 'policy', 3))
    expect(sharedCapability('ALL', 'container', 3)).not.toBe(sharedCapability('all', 'container', 3))
    // Beyond the index bound: equal, frozen, not kept.
    expect(sharedCapability('ALL', 'container', 16)).not.toBe(sharedCapability('ALL', 'container', 16))
    expect(sharedCapability('ALL', 'container', 16)).toEqual(addedCapability('ALL', 'container', 16))
  })

  it('keeps at most 64 names per place (then starts again), and stays right', () => {
    const first = sharedCapability('name-0', 'policy', 1)
    for (let i = 1; i <= 64; i++) expect(sharedCapability(`name-${i}`, 'policy', 1).name).toBe(`name-${i}`)
    const again = sharedCapability('name-0', 'policy', 1)
    expect(again).toEqual(first)
    expect(again).not.toBe(first)
  })
})

describe('derivedFrom', () => {
  it('makes once per frozen capability, every time for one that is not frozen', () => {
    let made = 0
    const of = derivedFrom((cap) => ({ n: ++made, name: cap.name }))
    const shared = sharedCapability('SYS_ADMIN', 'container', 0)
    expect(of(shared)).toBe(of(shared))
    expect(made).toBe(1)
    const fresh = addedCapability('SYS_ADMIN', 'container', 0)
    expect(of(fresh)).not.toBe(of(fresh))
    expect(made).toBe(3)
  })
})

describe('sysAdminGrantsShared', () => {
  test.prop([names, fc.option(names, { nil: null }), fc.option(names, { nil: null })])(
    'is sysAdminGrantsIn, with shared capabilities',
    (add, drop, defaults) => {
      const shared = sysAdminGrantsShared(add, drop, defaults)
      expect(shared).toEqual(sysAdminGrantsIn(add, drop, defaults))
      expect(shared).toEqual(addedCapabilitiesIn(add, drop, defaults, 'normalised', grantsSysAdminQuickly))
      for (const cap of shared) expect(Object.isFrozen(cap)).toBe(true)
    },
  )
})

describe('resolution with shared capabilities', () => {
  test.prop([names, fc.option(names, { nil: undefined }), fc.constantFrom(true, false, undefined)])(
    'answers the same on every call, and the same as for a copy of the input',
    (add, defaults, allowPrivilegeEscalation) => {
      const input = () => ({
        container: { allowPrivilegeEscalation, capabilities: { add: [...add], drop: ['NET_ADMIN'] } },
        policy: { spec: { allowPrivilegeEscalation: true, ...(defaults === undefined ? {} : { defaultAddCapabilities: [...defaults] }) } },
      })
      const first = resolveNoNewPrivs(input())
      expect(resolveNoNewPrivs(input())).toEqual(first)
      expect(resolveNoNewPrivs(input())).toStrictEqual(first)
    },
  )

  it('names the capability in the decision and in the violation', () => {
    expect(resolveNoNewPrivs({ container: { capabilities: { add: ['NET_ADMIN', 'sys_admin'] } } })).toMatchObject({
      right: { column: 'privileged', columnFrom: { target: 'container', path: 'securityContext.capabilities.add[1]', value: 'sys_admin' } },
    })
    expect(resolveNoNewPrivs({ container: { allowPrivilegeEscalation: false, capabilities: { add: ['ALL'] } } })).toMatchObject({
      left: [{ code: 'sys-admin-without-escalation', path: 'securityContext.capabilities.add[0]', message: expect.stringContaining('"ALL"') }],
    })
  })
})
