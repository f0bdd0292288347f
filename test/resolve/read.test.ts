/**
 * The fused reads (src/resolve/read.ts) are the guard (src/resolve/guard.ts) and the inputs'
 * fields: `readInput` accepts exactly the values `inputProblems` accepts, `readOldPod` exactly
 * those `oldPodProblems` accepts (and answers the relaxation `oldSpecHasSysAdminWithoutEscalation`
 * answers), and a reading holds each field as the input has it. Resolution reads the caller's
 * objects only through these, so options changed between calls, a getter that resolves while it is
 * read, and a value that changes between two reads are answered here too.
 */
import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { inputProblems, oldPodProblems } from '../../src/resolve/guard.js'
import { oldSpecHasSysAdminWithoutEscalation } from '../../src/resolve/kubernetes.js'
import { OLD_POD_INVALID, OLD_POD_RELAXES, Reading, readInput, readOldPod } from '../../src/resolve/read.js'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import type { ResolveInput, ResolveOptions } from '../../src/resolve/types.js'
import { anyValue } from '../totality/values.js'
import { resolveInputArbitrary } from './arbitraries.js'

const cap = fc.oneof(fc.string({ maxLength: 14 }), fc.constantFrom('SYS_ADMIN', 'CAP_SYS_ADMIN', 'ALL', 'sys_admin', 'NET_ADMIN'))
// Uids around every bound the guard has, and values a uid must not be (2 is a uid: it once collided with a sentinel).
const anyUid = fc.oneof(
  fc.constantFrom(0, -0, 1, 2, -1, 2147483647, 2147483648, 1.5, NaN, Infinity),
  fc.integer({ min: 0, max: 2147483647 }),
) as fc.Arbitrary<number | undefined>
const typedUid = fc.option(fc.oneof(fc.constantFrom(0, -0, 2, 2147483647), fc.integer({ min: 0, max: 2147483647 })), { nil: undefined })

/** Well-typed inputs, and inputs with a uid, os or capability of the wrong type somewhere. */
const typed: fc.Arbitrary<ResolveInput> = resolveInputArbitrary(cap, typedUid, fc.option(fc.constantFrom('linux', 'windows')))
const nearlyTyped: fc.Arbitrary<unknown> = resolveInputArbitrary(
  fc.oneof(cap, fc.constantFrom(1, null, undefined) as fc.Arbitrary<never>),
  fc.option(anyUid, { nil: undefined }),
  fc.option(fc.constantFrom('linux', 'windows', 'Windows', '')),
)
/** Any value at any field: a record of the fields resolution reads, each any value. */
const fieldsAnyValue: fc.Arbitrary<unknown> = fc.record(
  {
    container: fc.oneof(anyValue, fc.record({ allowPrivilegeEscalation: anyValue, privileged: anyValue, runAsUser: anyValue, capabilities: fc.oneof(anyValue, fc.record({ add: anyValue, drop: anyValue }, { requiredKeys: [] })) }, { requiredKeys: [] })),
    pod: fc.oneof(anyValue, fc.record({ runAsUser: anyValue, runAsNonRoot: anyValue, noNewPrivileges: anyValue }, { requiredKeys: [] })),
    policy: fc.oneof(anyValue, fc.record({ metadata: anyValue, spec: fc.oneof(anyValue, fc.record({ allowPrivilegeEscalation: anyValue, runAsUser: fc.oneof(anyValue, fc.record({ rule: anyValue, ranges: anyValue })) }, { requiredKeys: [] })) }, { requiredKeys: [] })),
    os: anyValue,
    name: anyValue,
  },
  { requiredKeys: [] },
)
const anyInput = fc.oneof(typed, nearlyTyped, fieldsAnyValue, anyValue)

const oldContainer = fc.record(
  {
    securityContext: fc.oneof(
      anyValue,
      fc.record(
        {
          allowPrivilegeEscalation: fc.constantFrom(true, false, null, undefined, 'false'),
          privileged: fc.constantFrom(true, undefined, 1),
          runAsUser: fc.option(anyUid, { nil: undefined }),
          capabilities: fc.option(fc.record({ add: fc.option(fc.array(fc.constantFrom('CAP_SYS_ADMIN', 'SYS_ADMIN', 'X', 7 as never))), drop: fc.option(fc.array(cap)) }, { requiredKeys: [] })),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
)
const containers = fc.oneof(anyValue, fc.array(fc.oneof(oldContainer, fc.constantFrom(null, undefined, 3 as never)), { maxLength: 3 }))
const anyOldPod: fc.Arbitrary<unknown> = fc.oneof(
  anyValue,
  fc.record({ initContainers: containers, containers, ephemeralContainers: containers }, { requiredKeys: [] }),
)

describe('readInput is the guard', () => {
  test.prop([anyInput], { numRuns: 3000 })('accepts a value exactly when inputProblems finds none', (input) => {
    expect(readInput(input, new Reading())).toBe(inputProblems(input) === undefined)
  })

  test.prop([typed])('a reading holds every field as the input has it (unset is null, -0 kept)', (input) => {
    const r = new Reading()
    expect(readInput(input, r)).toBe(true)
    const c = input.container
    const spec = input.policy?.spec
    const strategy = spec?.runAsUser
    const first = strategy?.rule === 'MustRunAs' ? strategy.ranges?.[0]?.min : undefined
    expect({ ...r }).toStrictEqual({
      escalation: c?.allowPrivilegeEscalation ?? null,
      privileged: c?.privileged === true,
      containerNonRoot: c?.runAsNonRoot ?? null,
      noNewPrivileges: c?.noNewPrivileges ?? null,
      containerUid: c?.runAsUser ?? null,
      add: c?.capabilities?.add ?? null,
      drop: c?.capabilities?.drop ?? null,
      podUid: input.pod?.runAsUser ?? null,
      podNonRoot: input.pod?.runAsNonRoot ?? null,
      podNoNewPrivileges: input.pod?.noNewPrivileges ?? null,
      policy: input.policy != null,
      policyName: input.policy?.metadata?.name ?? null,
      gate: spec?.allowPrivilegeEscalation ?? null,
      defaultEscalation: spec?.defaultAllowPrivilegeEscalation ?? null,
      defaultAdd: spec?.defaultAddCapabilities ?? null,
      rule: strategy?.rule ?? null,
      policyUid: first ?? null,
      windows: input.os === 'windows',
      name: input.name ?? null,
      setting: null,
      sysAdmin: [],
      oldSpecRelaxesSysAdmin: false,
    })
    // toStrictEqual tells -0 from 0.
    if (c?.runAsUser != null) expect(Object.is(r.containerUid, c.runAsUser)).toBe(true)
  })

  test.prop([fc.array(anyInput, { minLength: 2, maxLength: 6 })])('a reused reading keeps nothing of the input read before', (inputs) => {
    const reused = new Reading()
    for (const input of inputs) {
      const fresh = new Reading()
      const ok = readInput(input, fresh)
      expect(readInput(input, reused)).toBe(ok)
      if (ok) expect({ ...reused }).toStrictEqual({ ...fresh })
    }
  })
})

describe('readOldPod is the guard of oldPod and the relaxation of kubernetes/kubernetes#138834', () => {
  test.prop([anyOldPod], { numRuns: 3000 })('invalid exactly when oldPodProblems finds problems; else relaxes exactly when oldSpecHasSysAdminWithoutEscalation', (oldPod) => {
    const read = readOldPod(oldPod)
    expect(read === OLD_POD_INVALID).toBe(oldPodProblems(oldPod) !== undefined)
    if (read !== OLD_POD_INVALID) expect(read === OLD_POD_RELAXES).toBe(oldSpecHasSysAdminWithoutEscalation(oldPod as never))
  })
})

type Mutable<T> = { -readonly [K in keyof T]: T[K] }
const semantics = fc.constantFrom('proposal' as const, 'noNewPrivileges' as const, 'kubernetes' as const, undefined)
const version = fc.constantFrom('latest' as const, 'v1.8' as const, 'v1.24' as const, 'v1.25' as const, 'v1.37' as const, 'v1.07' as const, undefined)
/** One change to an options object in place: a field set, removed, or its podSecurity changed in place. */
const change = fc.oneof(
  fc.record({ field: fc.constant('semantics' as const), value: fc.oneof(semantics, fc.constant('Kubernetes')) }),
  fc.record({ field: fc.constant('kubernetesVersion' as const), value: fc.oneof(version, fc.constant('v1.25.3')) }),
  fc.record({ field: fc.constant('operation' as const), value: fc.constantFrom('create', 'update', undefined, 'delete') }),
  fc.record({ field: fc.constant('podSecurity' as const), value: fc.option(fc.record({ level: fc.constant('restricted'), version }, { requiredKeys: ['level'] }), { nil: undefined }) }),
  fc.record({ field: fc.constant('podSecurity.version' as const), value: version }),
  fc.record({ field: fc.constant('oldPod' as const), value: fc.option(anyOldPod, { nil: undefined }) }),
)

function apply(options: Mutable<Record<string, unknown>>, c: { field: string; value: unknown }): void {
  if (c.field === 'podSecurity.version') {
    const ps = options.podSecurity
    if (typeof ps === 'object' && ps !== null) (ps as Record<string, unknown>).version = c.value
    return
  }
  if (c.value === undefined) delete options[c.field]
  else options[c.field] = c.value
}

/** A fresh copy of options (a podSecurity object copied too), never seen by resolution before. */
function copyOf(options: Record<string, unknown>): ResolveOptions {
  const ps = options.podSecurity
  return { ...options, ...(typeof ps === 'object' && ps !== null ? { podSecurity: { ...ps } } : {}) } as ResolveOptions
}

describe('options changed between calls', () => {
  test.prop([fc.array(fc.tuple(change, typed), { minLength: 1, maxLength: 12 })], { numRuns: 500 })(
    'one options object changed in place between calls is answered as a fresh copy of it is',
    (steps) => {
      const options: Mutable<Record<string, unknown>> = {}
      for (const [c, input] of steps) {
        apply(options, c)
        expect(resolveNoNewPrivs(input, options as ResolveOptions)).toEqual(resolveNoNewPrivs(input, copyOf(options)))
      }
    },
  )
})

describe('values read by getters', () => {
  it('a getter that resolves another input while it is read does not disturb the outer reading', () => {
    const inner = { container: { privileged: true, allowPrivilegeEscalation: false } }
    let innerAnswer: unknown
    const container = { runAsUser: 1000, allowPrivilegeEscalation: false }
    const input = {
      get container() {
        innerAnswer = resolveNoNewPrivs(inner)
        return container
      },
      pod: { runAsNonRoot: true },
    }
    expect(resolveNoNewPrivs(input)).toEqual(resolveNoNewPrivs({ container, pod: { runAsNonRoot: true } }))
    expect(innerAnswer).toEqual(resolveNoNewPrivs(inner))
    // A getter deeper in the input, read after the outer call has filled part of its reading.
    const deep = {
      container: { runAsUser: 0, get capabilities() { resolveNoNewPrivs({ container: { runAsUser: 5, capabilities: { add: ['ALL'] } }, pod: { runAsUser: 7 } }); return { add: ['NET_ADMIN'] } } },
      pod: { runAsUser: 1000 },
    }
    expect(resolveNoNewPrivs(deep)).toEqual(resolveNoNewPrivs({ container: { runAsUser: 0, capabilities: { add: ['NET_ADMIN'] } }, pod: { runAsUser: 1000 } }))
  })

  it('a value of the wrong type that reads well the second time is refused as a value that changed', () => {
    let reads = 0
    const input = {
      container: {
        get privileged() {
          return ++reads === 1 ? 'yes' : true
        },
      },
    }
    const r = resolveNoNewPrivs(input as never)
    expect(r).toEqual(
      E.left([
        {
          code: 'invalid-input',
          target: 'input',
          path: '',
          expected: 'plain data',
          actual: 'a value that changed while it was read',
          message: 'input: expected plain data, got a value that changed while it was read',
        },
      ]),
    )
    let oldReads = 0
    const oldPod = { get containers() { return ++oldReads === 1 ? {} : [] } }
    expect(resolveNoNewPrivs({}, { semantics: 'kubernetes', operation: 'update', oldPod } as never)).toMatchObject({ _tag: 'Left', left: [{ actual: 'a value that changed while it was read' }] })
  })
})
