/**
 * The guard's fast path (src/resolve/wellTyped.ts) answers `true` exactly when the guard
 * (src/resolve/guard.ts) finds no problem: if it said yes to a value the guard refuses, a
 * wrong-typed value would be resolved; if it said no to one the guard accepts, resolution would
 * fail with an empty list of problems.
 */
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { inputProblems, oldPodProblems } from '../../src/resolve/guard.js'
import { isWellTypedInput, isWellTypedOldPod } from '../../src/resolve/wellTyped.js'
import { anyInput } from './totality.test.js'

// Values of every type, and the ones the guard tells apart (booleans, uids at and past their
// bounds, enum members, string lists with holes and non-strings).
const leaf = fc.oneof(
  fc.anything({ withBigInt: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: true }),
  fc.constantFrom(true, false, null, undefined, 0, -1, 1.5, 2147483647, 2147483648, NaN, 'linux', 'windows', 'plan9'),
  fc.constantFrom('MustRunAs', 'MustRunAsNonRoot', 'RunAsAny', 'mustrunas'),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }),
  fc.sparseArray(fc.string(), { maxLength: 3 }),
)
const securityContext = fc.record(
  {
    allowPrivilegeEscalation: leaf,
    privileged: leaf,
    runAsNonRoot: leaf,
    noNewPrivileges: leaf,
    runAsUser: leaf,
    capabilities: fc.oneof(leaf, fc.record({ add: leaf, drop: leaf }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
)
const range = fc.oneof(leaf, fc.record({ min: leaf, max: leaf }, { requiredKeys: [] }))
const policy = fc.record(
  {
    metadata: fc.oneof(leaf, fc.record({ name: leaf }, { requiredKeys: [] })),
    spec: fc.oneof(
      leaf,
      fc.record(
        {
          allowPrivilegeEscalation: leaf,
          defaultAllowPrivilegeEscalation: leaf,
          defaultAddCapabilities: leaf,
          runAsUser: fc.oneof(leaf, fc.record({ rule: leaf, ranges: fc.oneof(leaf, fc.array(range, { maxLength: 3 })) }, { requiredKeys: [] })),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
)
const mixedInput = fc.oneof(
  leaf,
  fc.record({ container: fc.oneof(leaf, securityContext), pod: fc.oneof(leaf, securityContext), policy: fc.oneof(leaf, policy), os: leaf, name: leaf }, { requiredKeys: [] }),
)
const containers = fc.oneof(leaf, fc.array(fc.oneof(leaf, fc.record({ securityContext: fc.oneof(leaf, securityContext) }, { requiredKeys: [] })), { maxLength: 3 }))
const oldPod = fc.oneof(leaf, fc.record({ initContainers: containers, containers, ephemeralContainers: containers }, { requiredKeys: [] }))

describe('isWellTypedInput agrees with inputProblems', () => {
  test.prop([mixedInput], { numRuns: 2000 })('on inputs whose fields have any type', (input) => {
    expect(isWellTypedInput(input)).toBe(inputProblems(input) === undefined)
  })

  test.prop([anyInput])('on the typed inputs of the other tests', (input) => {
    expect(isWellTypedInput(input)).toBe(inputProblems(input) === undefined)
  })

  // Mostly-valid inputs: one field of a typed input set to any value, so that field alone decides.
  const PATHS = [
    'container.allowPrivilegeEscalation', 'container.privileged', 'container.runAsNonRoot', 'container.noNewPrivileges',
    'container.runAsUser', 'container.capabilities', 'container.capabilities.add', 'container.capabilities.drop',
    'pod', 'pod.runAsUser', 'pod.runAsNonRoot', 'pod.noNewPrivileges', 'policy', 'policy.metadata', 'policy.metadata.name',
    'policy.spec', 'policy.spec.allowPrivilegeEscalation', 'policy.spec.defaultAllowPrivilegeEscalation',
    'policy.spec.defaultAddCapabilities', 'policy.spec.runAsUser', 'policy.spec.runAsUser.rule', 'policy.spec.runAsUser.ranges',
    'os', 'name', 'container',
  ] as const
  const withOneField = fc.tuple(anyInput, fc.constantFrom(...PATHS), leaf).map(([input, path, value]) => {
    const copy = structuredClone(input) as Record<string, unknown>
    const keys = path.split('.')
    let at = copy
    for (const key of keys.slice(0, -1)) {
      const next = at[key]
      at = (at[key] = typeof next === 'object' && next !== null ? next : {}) as Record<string, unknown>
    }
    at[keys[keys.length - 1] as string] = value
    return copy
  })
  test.prop([withOneField], { numRuns: 3000 })('on typed inputs with one field of any type', (input) => {
    expect(isWellTypedInput(input)).toBe(inputProblems(input) === undefined)
  })

  it('says no to each kind of problem the guard reports', () => {
    const refused: ReadonlyArray<unknown> = [
      [],
      { container: { allowPrivilegeEscalation: 'false' } },
      { container: { runAsUser: -1 } },
      { container: { capabilities: { add: [1] } } },
      { pod: { runAsUser: 1.5 } },
      { policy: { spec: { runAsUser: { rule: 'RunAsAny', ranges: [{ min: 0 }] } } } },
      { policy: { metadata: { name: 7 } } },
      { os: 'Windows' },
      { name: 1 },
    ]
    for (const input of refused) {
      expect(inputProblems(input)).toBeDefined()
      expect(isWellTypedInput(input)).toBe(false)
    }
  })
})

describe('isWellTypedOldPod agrees with oldPodProblems', () => {
  test.prop([oldPod], { numRuns: 2000 })('on old pod specs whose fields have any type', (spec) => {
    expect(isWellTypedOldPod(spec)).toBe(oldPodProblems(spec) === undefined)
  })
})
