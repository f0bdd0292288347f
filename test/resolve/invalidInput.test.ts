/**
 * Plain-JavaScript callers (issue #14): for ANY value as input or options, `resolveNoNewPrivs`
 * answers — a decision, the rules' violations, or `invalid-input` violations naming the path,
 * the expected type and the value — and never throws, and never reads a wrong-typed value as
 * something else. The field types below are written from `ResolveInput`/`ResolveOptions` (and
 * the API's enums and uid range), not from the guard, so the two can disagree.
 */
import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import type { InvalidInput, ResolveInput, ResolveOptions, Violation } from '../../src/resolve/types.js'
import { anyInput, anyOptions } from './totality.test.js'

// `os` is typed `string`, but the API admits only its enum (OSName): inputs with another os are
// refused (see windows.test.ts), so the well-typed inputs here keep to it.
const typedInput = anyInput.map((i): ResolveInput => (i.os == null || i.os === 'linux' || i.os === 'windows' ? i : { ...i, os: 'linux' }))

const resolveAnything = resolveNoNewPrivs as (input: unknown, options?: unknown) => ReturnType<typeof resolveNoNewPrivs>

const isInvalid = (v: Violation): v is InvalidInput => v.code === 'invalid-input'

type Kind = 'boolean' | 'uid' | 'string' | 'strings' | 'os' | 'rule' | 'object'
const accepts: { readonly [K in Kind]: (v: unknown) => boolean } = {
  boolean: (v) => v == null || typeof v === 'boolean',
  uid: (v) => v == null || (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 2147483647),
  string: (v) => v == null || typeof v === 'string',
  strings: (v) => v == null || (Array.isArray(v) && v.length === Object.keys(v).length && v.every((x) => typeof x === 'string')),
  os: (v) => v == null || v === 'linux' || v === 'windows',
  rule: (v) => v === 'MustRunAs' || v === 'MustRunAsNonRoot' || v === 'RunAsAny',
  object: (v) => v == null || (typeof v === 'object' && !Array.isArray(v)),
}

/** Every field the resolver reads, by its path in the input, and its type. */
const FIELDS: ReadonlyArray<readonly [string, Kind]> = [
  ['container.allowPrivilegeEscalation', 'boolean'],
  ['container.privileged', 'boolean'],
  ['container.runAsNonRoot', 'boolean'],
  ['container.noNewPrivileges', 'boolean'],
  ['container.runAsUser', 'uid'],
  ['container.capabilities.add', 'strings'],
  ['container.capabilities.drop', 'strings'],
  ['pod.runAsUser', 'uid'],
  ['pod.runAsNonRoot', 'boolean'],
  ['pod.noNewPrivileges', 'boolean'],
  ['policy.metadata.name', 'string'],
  ['policy.spec.allowPrivilegeEscalation', 'boolean'],
  ['policy.spec.defaultAllowPrivilegeEscalation', 'boolean'],
  ['policy.spec.defaultAddCapabilities', 'strings'],
  ['policy.spec.runAsUser.rule', 'rule'],
  ['os', 'os'],
  ['name', 'string'],
  ['container', 'object'],
  ['pod', 'object'],
  ['policy', 'object'],
  ['container.capabilities', 'object'],
  ['policy.spec', 'object'],
  ['policy.spec.runAsUser', 'object'],
]

/** `input` with `value` at `path` (objects on the way made or copied). */
function withValue(input: ResolveInput, path: string, value: unknown): unknown {
  const keys = path.split('.')
  const copy = (o: unknown): Record<string, unknown> => (typeof o === 'object' && o !== null && !Array.isArray(o) ? { ...(o as object) } : {})
  const root = copy(input)
  let at = root
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i] as string
    const next = copy(at[key])
    // A strategy needs its rule to be well-typed itself.
    if (key === 'runAsUser' && keys[i - 1] === 'spec' && next.rule === undefined) next.rule = 'RunAsAny'
    at[key] = next
    at = next
  }
  at[keys[keys.length - 1] as string] = value
  return root
}

describe('resolveNoNewPrivs with values of the wrong type (plain JavaScript)', () => {
  it("refuses allowPrivilegeEscalation: 'false' instead of reading it as unset (issue #14)", () => {
    expect(resolveAnything({ container: { allowPrivilegeEscalation: 'false' } })).toEqual(
      E.left([
        {
          code: 'invalid-input',
          target: 'input',
          path: 'container.allowPrivilegeEscalation',
          expected: 'boolean, null or undefined',
          actual: 'false',
          message: 'input.container.allowPrivilegeEscalation: expected boolean, null or undefined, got a string ("false")',
        },
      ]),
    )
  })

  it('names options by their path, and reports every problem of both arguments', () => {
    const r = resolveAnything({ container: { runAsUser: '1000' }, os: 'Windows' }, { semantics: 'k8s', kubernetesVersion: 'v1.25.3', podSecurity: { level: 'baseline' } })
    expect(E.isLeft(r) && r.left.map((v) => `${v.target}:${v.path}`)).toEqual([
      'input:container.runAsUser',
      'input:os',
      'options:semantics',
      'options:kubernetesVersion',
      'options:podSecurity.level',
    ])
  })

  it('checks the old pod spec of an update', () => {
    const r = resolveAnything({}, { semantics: 'kubernetes', operation: 'update', oldPod: { containers: [{ securityContext: { capabilities: { add: 'CAP_SYS_ADMIN' } } }] } })
    expect(r).toMatchObject({ _tag: 'Left', left: [{ code: 'invalid-input', target: 'options', path: 'oldPod.containers[0].securityContext.capabilities.add', actual: 'CAP_SYS_ADMIN' }] })
  })

  it('answers for values that throw when read (a getter, a Proxy, a revoked Proxy)', () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    const throwing = [
      { get container() { throw new Error('boom') } },
      new Proxy({}, { get: () => { throw new RangeError('trap') } }),
      proxy,
    ]
    for (const input of throwing) {
      expect(resolveAnything(input)).toMatchObject({ _tag: 'Left', left: [{ code: 'invalid-input', target: 'input', expected: 'plain data' }] })
    }
    expect(resolveAnything({}, { get semantics() { throw new Error('options boom') } })).toMatchObject({ _tag: 'Left', left: [{ message: expect.stringContaining('options boom') }] })
  })

  test.prop([fc.anything({ withBigInt: true, withNullPrototype: true, withObjectString: true, withSparseArray: true, withTypedArray: true, withMap: true, withSet: true, withDate: true, withBoxedValues: true })], { numRuns: 1000 })(
    'any value as input: an answer, never a throw; invalid input comes alone, with a message naming its path',
    (input) => {
      const r = resolveAnything(input)
      if (E.isLeft(r) && r.left.some(isInvalid)) {
        expect(r.left.every(isInvalid)).toBe(true)
        for (const v of r.left.filter(isInvalid)) {
          expect(v.target).toBe('input')
          expect(v.message.startsWith(v.path === '' ? 'input: expected ' : v.path.startsWith('[') ? `input${v.path}: ` : `input.${v.path}: expected `)).toBe(true)
          expect(v.expected.length).toBeGreaterThan(0)
        }
      } else if (input != null) {
        // Anything answered is an object whose read fields all have their types.
        expect(typeof input === 'object' && !Array.isArray(input)).toBe(true)
      }
    },
  )

  test.prop([typedInput, fc.anything({ withBigInt: true, withNullPrototype: true, withSparseArray: true })], { numRuns: 1000 })(
    'any value as options: an answer, never a throw; an options problem is reported under options',
    (input, options) => {
      const r = resolveAnything(input, options)
      const wellTyped = options === undefined || (typeof options === 'object' && options !== null && !Array.isArray(options) && ['semantics', 'kubernetesVersion', 'operation', 'podSecurity', 'oldPod'].every((k) => !(k in options)))
      if (wellTyped) expect(E.isLeft(r) && r.left.some(isInvalid)).toBe(false)
      else if (E.isLeft(r) && r.left.some(isInvalid)) expect(r.left.every((v) => isInvalid(v) && v.target === 'options')).toBe(true)
    },
  )

  test.prop([typedInput, anyOptions, fc.constantFrom(...FIELDS), fc.anything({ withBigInt: true, withSparseArray: true })], { numRuns: 3000 })(
    'a valid input with one field set to a value of another type: that field, and only it, is reported',
    (input, options, [path, kind], value) => {
      fc.pre(!accepts[kind](value))
      const r = resolveAnything(withValue(input, path, value), options)
      expect(E.isLeft(r)).toBe(true)
      const invalid = E.isLeft(r) ? r.left.filter(isInvalid) : []
      expect(invalid.length).toBe(r._tag === 'Left' ? r.left.length : -1)
      // A list is reported at its bad item; anything else at the field itself.
      expect(invalid.every((v) => v.path === path || (kind === 'strings' && v.path.startsWith(`${path}[`)))).toBe(true)
      if (kind !== 'strings' || !Array.isArray(value)) expect(invalid).toMatchObject([{ path, actual: value }])
    },
  )

  test.prop([typedInput, anyOptions], { numRuns: 1000 })('a well-typed input is never refused', (input, options: ResolveOptions | undefined) => {
    const r = resolveNoNewPrivs(input, options)
    expect(E.isLeft(r) && r.left.some(isInvalid)).toBe(false)
  })
})
