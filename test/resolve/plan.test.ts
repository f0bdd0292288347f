import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { planOf } from '../../src/resolve/plan.js'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import type { ResolveOptions } from '../../src/resolve/types.js'

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

describe('the plan cache', () => {
  it('follows an options object its caller changes between calls (values are compared, not the object)', () => {
    const options: Mutable<ResolveOptions> = { semantics: 'kubernetes', kubernetesVersion: 'v1.24' }
    const input = { container: {}, policy: { spec: { allowPrivilegeEscalation: false } } }
    // v1.24: the policy's gate defaults the setting to false.
    expect(E.isRight(resolveNoNewPrivs(input, options)) && resolveNoNewPrivs(input, options)).toMatchObject({ right: { noNewPrivs: true } })
    options.kubernetesVersion = 'v1.25'
    expect(resolveNoNewPrivs(input, options)).toMatchObject({ right: { noNewPrivs: false, setting: null } })
    options.semantics = 'proposal'
    expect(resolveNoNewPrivs(input, options)).toMatchObject({ right: { semantics: 'proposal' } })
  })

  it('follows a podSecurity object changed in place', () => {
    const podSecurity: Mutable<NonNullable<ResolveOptions['podSecurity']>> = { level: 'restricted', version: 'v1.24' }
    const options: ResolveOptions = { podSecurity }
    expect(resolveNoNewPrivs({ os: 'windows' }, options)._tag).toBe('Left')
    podSecurity.version = 'v1.25'
    expect(resolveNoNewPrivs({ os: 'windows' }, options)._tag).toBe('Right')
  })

  it('gives equal options (distinct objects) the same plan', () => {
    expect(planOf({ semantics: 'kubernetes', kubernetesVersion: 'v1.30' })).toBe(planOf({ semantics: 'kubernetes', kubernetesVersion: 'v1.30' }))
    expect(planOf(undefined)).toBe(planOf({}))
  })
})
