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
