/**
 * Type-level contracts, checked by `tsc --noEmit` (the runtime assertions only keep vitest happy).
 */
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { ContainerSecurityInput, PodSecurityInput, PolicyInput } from '../../src/resolve/types.js'
import type {
  Container,
  PodSecurityContext,
  PodSecurityPolicy,
  PodSpec,
  ProcMountType,
  RunAsUserStrategy,
  SecurityContext,
} from '../../src/codecs/index.js'

describe('decoded types', () => {
  it('feed resolveNoNewPrivs directly: they are assignable to its structural inputs', () => {
    const container: ContainerSecurityInput = {} as SecurityContext
    const pod: PodSecurityInput = {} as PodSecurityContext
    const policy: PolicyInput = {} as PodSecurityPolicy
    expectTypeOf<SecurityContext>().toExtend<ContainerSecurityInput>()
    expectTypeOf<PodSecurityContext>().toExtend<PodSecurityInput>()
    expectTypeOf<PodSecurityPolicy>().toExtend<PolicyInput>()
    expectTypeOf<NonNullable<Container['securityContext']>>().toExtend<ContainerSecurityInput>()
    expectTypeOf<NonNullable<PodSpec['securityContext']>>().toExtend<PodSecurityInput>()
    expect([container, pod, policy]).toHaveLength(3)
  })

  it('accept plain object literals: numbers are numbers, enums are string-literal unions, no brands', () => {
    const sc: SecurityContext = {
      allowPrivilegeEscalation: false,
      runAsUser: 1000,
      runAsGroup: null,
      procMount: 'Default',
      capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    }
    const psp: PodSecurityPolicy = {
      spec: { allowPrivilegeEscalation: false, runAsUser: { rule: 'MustRunAs', ranges: [{ min: 1000, max: 2000 }] } },
    }
    expectTypeOf<ProcMountType>().toEqualTypeOf<'Default' | 'Unmasked'>()
    expectTypeOf<RunAsUserStrategy>().toEqualTypeOf<'MustRunAs' | 'MustRunAsNonRoot' | 'RunAsAny'>()
    expectTypeOf<NonNullable<SecurityContext['runAsUser']>>().toEqualTypeOf<number>()
    expect([sc, psp]).toHaveLength(2)
  })

  it('reject values of the wrong type at compile time', () => {
    // @ts-expect-error runAsUser is a number
    const a: SecurityContext = { runAsUser: '1000' }
    // @ts-expect-error procMount is an enum
    const b: SecurityContext = { procMount: 'Masked' }
    // @ts-expect-error a Container needs a name
    const c: Container = { image: 'nginx' }
    expect([a, b, c]).toHaveLength(3)
  })

  it('are read-only, so inputs are never mutated through them', () => {
    const sc: SecurityContext = { capabilities: { add: ['CHOWN'] } }
    // @ts-expect-error fields are readonly
    sc.privileged = true
    // @ts-expect-error lists are ReadonlyArray
    sc.capabilities?.add?.push('SYS_ADMIN')
    expect(sc.privileged).toBe(true)
  })
})
