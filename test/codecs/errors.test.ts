import { describe, expect, it } from 'vitest'
import { test, fc } from '@fast-check/vitest'
import * as t from 'io-ts'
import { isLeft } from 'fp-ts/lib/Either.js'
import {
  Container,
  PodSecurityContext,
  PodSpec,
  SecurityContext,
  decode,
  formatIssue,
  issuesFromErrors,
  nullable,
  ObjectMeta,
  Sysctl,
  IntegerType,
  int32,
  int64,
  uid,
  type DecodeIssue,
} from '../../src/codecs/index.js'

function issues(codec: t.Decoder<unknown, unknown>, u: unknown, path?: string): ReadonlyArray<DecodeIssue> {
  const r = decode(codec, u, path === undefined ? {} : { path })
  return isLeft(r) ? r.left : expect.fail('expected a Left')
}

describe('paths in the API server style', () => {
  it('names an array element as [i] and object fields dotted, under the given prefix', () => {
    const spec = { containers: [{ name: 'a' }, { name: 'b', securityContext: { runAsUser: -1 } }] }
    expect(issues(PodSpec, spec, 'spec.template.spec').map((i) => i.path)).toEqual([
      'spec.template.spec.containers[1].securityContext.runAsUser',
    ])
  })

  it('starts at the decoded value without a prefix, and keeps the plain segments', () => {
    const [issue] = issues(PodSpec, { containers: [{ name: 'a' }, { name: 'b', securityContext: { runAsUser: -1 } }] })
    expect(issue?.path).toBe('containers[1].securityContext.runAsUser')
    expect(issue?.segments).toEqual(['containers', 1, 'securityContext', 'runAsUser'])
  })

  it('walks nested arrays: a capability inside containers[0]', () => {
    const spec = { containers: [{ name: 'a', securityContext: { capabilities: { add: ['NET_ADMIN', 7] } } }] }
    expect(issues(PodSpec, spec, 'spec').map((i) => i.path)).toEqual(['spec.containers[0].securityContext.capabilities.add[1]'])
  })

  it('names a map entry in brackets', () => {
    expect(issues(ObjectMeta, { labels: { 'app.kubernetes.io/name': 1 } }, 'metadata').map((i) => i.path)).toEqual([
      'metadata.labels[app.kubernetes.io/name]',
    ])
  })

  it('adds no segment for intersection members (required + optional fields)', () => {
    const [issue] = issues(PodSecurityContext, { sysctls: [{ name: 'kernel.shm_rmid_forced', value: 1 }] })
    expect(issue?.path).toBe('sysctls[0].value')
    expect(issue?.segments).toEqual(['sysctls', 0, 'value'])
  })

  it('adds no segment for union members, and reports the union once, naming each alternative', () => {
    const IntOrString = t.partial({ port: nullable(t.union([t.number, t.string])) })
    expect(issues(IntOrString, { port: true })).toEqual([
      {
        code: 'invalid-value',
        severity: 'error',
        path: 'port',
        segments: ['port'],
        expected: 'number | string',
        received: 'true',
        message: 'Invalid value: true: expected number | string',
      },
    ])
  })

  it('is empty for the value itself', () => {
    expect(issues(SecurityContext, 'privileged')).toEqual([
      {
        code: 'invalid-value',
        severity: 'error',
        path: '',
        segments: [],
        expected: 'SecurityContext',
        received: '"privileged"',
        message: 'Invalid value: "privileged": expected SecurityContext',
      },
    ])
  })

  test.prop([fc.nat({ max: 20 }), fc.constantFrom('containers', 'initContainers', 'ephemeralContainers')])(
    'puts the container index of any container list into the path',
    (index, list) => {
      const containers: Array<Record<string, unknown>> = Array.from({ length: index + 1 }, (_, i) => ({ name: `c${i}` }))
      const bad = { ...containers[index], securityContext: { privileged: 'yes' } }
      containers[index] = bad
      const spec = list === 'containers' ? { containers } : { containers: [{ name: 'main' }], [list]: containers }
      expect(issues(PodSpec, spec, 'spec').map((i) => i.path)).toEqual([`spec.${list}[${index}].securityContext.privileged`])
    },
  )
})

describe('what an issue says', () => {
  it('tells a missing required field from a bad value', () => {
    expect(issues(Container, { image: 'nginx' })).toEqual([
      {
        code: 'missing-field',
        severity: 'error',
        path: 'name',
        segments: ['name'],
        expected: 'string',
        received: 'undefined',
        message: 'Required value: expected string',
      },
    ])
  })

  it('says "Required value" for a missing required enum rather than an unsupported value', () => {
    const [issue] = issues(SecurityContext, { seccompProfile: { localhostProfile: 'x' } })
    expect(issue).toMatchObject({
      code: 'missing-field',
      path: 'seccompProfile.type',
      message: 'Required value: expected "Localhost" | "RuntimeDefault" | "Unconfined"',
    })
  })

  it('treats null in a required field as a bad value, not as absent', () => {
    const [issue] = issues(Container, { name: null })
    expect(issue).toMatchObject({ code: 'invalid-value', path: 'name', received: 'null' })
  })

  it('reports every error of a value, not only the first', () => {
    const sc = { privileged: 1, runAsUser: 1.5, procMount: 'Masked' }
    expect(issues(SecurityContext, sc).map((i) => i.path).sort()).toEqual(['privileged', 'procMount', 'runAsUser'])
  })

  it('cuts a long received value to 80 characters', () => {
    const [issue] = issues(SecurityContext, { privileged: 'x'.repeat(500) })
    expect(issue?.received).toHaveLength(80)
    expect(issue?.received.endsWith('…')).toBe(true)
  })

  it('formats an issue as one line, path first', () => {
    const [issue] = issues(SecurityContext, { runAsUser: -1 }, 'spec.containers[0].securityContext')
    if (issue === undefined) return expect.fail('no issue')
    expect(formatIssue(issue)).toBe(
      'spec.containers[0].securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive',
    )
  })

  it('issuesFromErrors gives one issue per path for raw io-ts errors', () => {
    const r = t.union([t.literal('a'), t.literal('b'), t.literal('c')]).decode('d')
    if (!isLeft(r)) return expect.fail('expected a Left')
    expect(r.left.length).toBe(3)
    expect(issuesFromErrors(r.left)).toEqual([
      expect.objectContaining({ path: '', expected: '"a" | "b" | "c"' }),
    ])
  })
})

describe('issues from io-ts errors: merging, absent fields, and codecs that misbehave', () => {
  const issuesOf = (codec: t.Decoder<unknown, unknown>, value: unknown): ReadonlyArray<DecodeIssue> => {
    const result = decode(codec, value)
    return isLeft(result) ? result.left : []
  }
  const pick = (i: DecodeIssue) => ({ code: i.code, path: i.path, expected: i.expected, message: i.message })

  it('merges the alternatives of a union failing at one path into one issue', () => {
    const codec = t.type({ a: t.union([t.string, t.number]) })
    expect(issuesOf(codec, { a: true }).map(pick)).toEqual([
      { code: 'invalid-value', path: 'a', expected: 'string | number', message: 'Invalid value: true: expected string | number' },
    ])
    expect(issuesOf(codec, {}).map(pick)).toEqual([
      { code: 'missing-field', path: 'a', expected: 'string | number', message: 'Required value: expected string | number' },
    ])
  })

  it('keeps one issue, with its own message, when every alternative says the same', () => {
    const codec = t.type({ a: t.union([int32, int32]) })
    expect(issuesOf(codec, { a: 1.5 }).map(pick)).toEqual([
      { code: 'invalid-value', path: 'a', expected: 'int32', message: 'Invalid value: 1.5: must be an integer' },
    ])
  })

  it('merges alternatives of one name whose messages differ', () => {
    const low = new IntegerType('small', 0, 10, 'must be at most 10')
    const high = new IntegerType('small', 20, 30, 'must be at least 20')
    expect(issuesOf(t.type({ a: t.union([low, high]) }), { a: 15 }).map(pick)).toEqual([
      { code: 'invalid-value', path: 'a', expected: 'small', message: 'Invalid value: 15: expected small' },
    ])
  })

  it('merges a missing and an invalid report at one path as invalid', () => {
    const twoReports = new t.Type<string, string, unknown>(
      'two',
      (u): u is string => typeof u === 'string',
      (u, c) => t.failures([{ value: undefined, context: c }, { value: 5, context: c }]),
      t.identity,
    )
    expect(issuesOf(t.type({ a: twoReports }), {}).map(pick)).toEqual([
      { code: 'invalid-value', path: 'a', expected: 'two', message: 'Invalid value: undefined: expected two' },
    ])
  })

  it('tells a field set to undefined (invalid) from an absent one (missing)', () => {
    expect(issuesOf(Sysctl, { name: undefined, value: '1' }).map(pick)).toEqual([
      { code: 'invalid-value', path: 'name', expected: 'string', message: 'Invalid value: undefined: expected string' },
    ])
    expect(issuesOf(Sysctl, { value: '1' }).map(pick)).toEqual([
      { code: 'missing-field', path: 'name', expected: 'string', message: 'Required value: expected string' },
    ])
    // An undefined map value or list element is invalid, not a missing field.
    expect(issuesOf(ObjectMeta, { labels: { a: undefined } }).map((i) => [i.code, i.path, i.segments])).toEqual([
      ['invalid-value', 'labels[a]', ['labels', 'a']],
    ])
    expect(issuesOf(t.type({ list: t.array(t.string) }), { list: ['x', undefined] }).map((i) => [i.code, i.path, i.segments])).toEqual([
      ['invalid-value', 'list[1]', ['list', 1]],
    ])
  })

  it('reports a codec that fails without saying why, or without a context', () => {
    const silent = new t.Type<string, string, unknown>('silent', (u): u is string => false, () => t.failures([]), t.identity)
    expect(issuesOf(silent, 1).map(pick)).toEqual([
      { code: 'invalid-value', path: '', expected: 'silent', message: 'Invalid value: could not be decoded: no error reported' },
    ])
    const contextless = new t.Type<string, string, unknown>('contextless', (u): u is string => false, (u) => t.failure(u, []), t.identity)
    expect(issuesOf(contextless, 1).map(pick)).toEqual([
      { code: 'invalid-value', path: '', expected: 'unknown', message: 'Invalid value: 1: expected unknown' },
    ])
  })

  it('formats an issue at the root as <root>', () => {
    const [issue] = issuesOf(t.string, 1)
    expect(issue && formatIssue(issue)).toBe('<root>: Invalid value: 1: expected string')
    expect(formatIssue({ ...(issue as DecodeIssue), path: 'a.b' })).toBe('a.b: Invalid value: 1: expected string')
  })

  it('in strict mode an unknown field is an error, other warnings stay warnings', () => {
    const result = decode(SecurityContext, { bogus: 1 }, { strict: true })
    expect(isLeft(result) && result.left.map((i) => [i.code, i.severity, i.path])).toEqual([['unknown-field', 'error', 'bogus']])
  })
})

describe('primitive codecs as type guards', () => {
  it('nullable(c).is accepts null, undefined and what c accepts', () => {
    const n = nullable(int32)
    expect([null, undefined, 0, -2147483648, 2147483647].map((u) => n.is(u))).toEqual([true, true, true, true, true])
    expect(['1', 1.5, 2147483648, {}, false].map((u) => n.is(u))).toEqual([false, false, false, false, false])
    expect(decode(SecurityContext, { runAsUser: null, privileged: null, capabilities: null })).toEqual(
      decode(SecurityContext, { runAsUser: null, privileged: null, capabilities: null }),
    )
    const decoded = decode(SecurityContext, { runAsUser: null, privileged: null, capabilities: null })
    expect(isLeft(decoded) ? decoded.left : decoded.right).toEqual({ value: { runAsUser: null, privileged: null, capabilities: null }, warnings: [] })
  })

  it('an integer codec is exactly the safe integers of its range', () => {
    expect([0, 1, 2147483647].map((u) => uid.is(u))).toEqual([true, true, true])
    expect([-1, 2147483648, 0.5, '1', 1n, NaN, Infinity, null].map((u) => uid.is(u))).toEqual([false, false, false, false, false, false, false, false])
    expect([Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER].map((u) => int64.is(u))).toEqual([true, true])
    expect([Number.MAX_SAFE_INTEGER + 1, Number.MIN_SAFE_INTEGER - 1].map((u) => int64.is(u))).toEqual([false, false])
  })

  it('a bigint is refused, saying whether it would have fit as a number', () => {
    const message = (u: bigint): string | undefined => {
      const result = decode(int64, u)
      return isLeft(result) ? result.left[0]?.message : undefined
    }
    const fits = 'is a bigint, not a number: a loader must hand integers within the safe range over as numbers'
    const unrepresentable = 'cannot be represented exactly: outside the safe integer range'
    expect(message(9007199254740991n)).toContain(fits)
    expect(message(-9007199254740991n)).toContain(fits)
    expect(message(9007199254740992n)).toContain(unrepresentable)
    expect(message(-9007199254740992n)).toContain(unrepresentable)
  })
})
