import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, test } from 'vitest'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import type { ProposalDecision, ResolveInput } from '../../src/resolve/types.js'

const reasonOf = (input: ResolveInput) => {
  const r = resolveNoNewPrivs(input)
  if (E.isLeft(r) || r.right.semantics !== 'proposal' || !r.right.applicable) throw new Error(JSON.stringify(r))
  return r.right as ProposalDecision
}

describe('a proposal decision says which input decided the row and the column', () => {
  test('column nonRoot because pod.runAsUser = 1000; row false because of the policy default', () => {
    expect(reasonOf({ pod: { runAsUser: 1000 }, policy: { spec: { defaultAllowPrivilegeEscalation: false } } })).toEqual({
      semantics: 'proposal',
      applicable: true,
      noNewPrivs: true,
      row: 'false',
      rowFrom: { target: 'policy', path: 'spec.defaultAllowPrivilegeEscalation', value: false },
      column: 'nonRoot',
      columnFrom: { target: 'pod', path: 'securityContext.runAsUser', value: 1000 },
      warnings: [],
    })
  })
  test('column privileged because of a capability, naming its index', () => {
    const d = reasonOf({ container: { capabilities: { add: ['NET_RAW', 'sys_admin'] } } })
    expect(d).toMatchObject({ column: 'privileged', columnFrom: { target: 'container', path: 'securityContext.capabilities.add[1]', value: 'sys_admin' } })
  })
  test('column privileged because of the privileged flag, before any capability', () => {
    const d = reasonOf({ container: { privileged: true, capabilities: { add: ['ALL'] } } })
    expect(d.columnFrom).toEqual({ target: 'container', path: 'securityContext.privileged', value: true })
  })
  test("column from the policy's MustRunAs range and from MustRunAsNonRoot", () => {
    expect(reasonOf({ policy: { spec: { runAsUser: { rule: 'MustRunAs', ranges: [{ min: 0, max: 10 }, { min: 5, max: 6 }] } } } })).toMatchObject({
      column: 'root',
      columnFrom: { target: 'policy', path: 'spec.runAsUser.ranges[0].min', value: 0 },
      noNewPrivs: true,
    })
    expect(reasonOf({ policy: { spec: { runAsUser: { rule: 'MustRunAsNonRoot' } } } })).toMatchObject({
      column: 'nonRoot',
      columnFrom: { target: 'policy', path: 'spec.runAsUser.rule', value: 'MustRunAsNonRoot' },
      noNewPrivs: false,
    })
  })
  test('nothing set: row nil from the default, column root (unset counts as root)', () => {
    expect(reasonOf({})).toMatchObject({ row: 'nil', rowFrom: { target: 'default', path: null }, column: 'root', columnFrom: { target: 'default' }, noNewPrivs: true })
    expect(reasonOf({ container: { runAsNonRoot: false }, pod: { runAsNonRoot: true } })).toMatchObject({
      column: 'root',
      columnFrom: { target: 'container', path: 'securityContext.runAsNonRoot', value: false },
    })
  })
  test('null and absent both mean not set', () => {
    expect(resolveNoNewPrivs({ container: null, pod: null, policy: null, os: null })).toEqual(resolveNoNewPrivs({}))
    expect(resolveNoNewPrivs(null)).toEqual(resolveNoNewPrivs(undefined))
    expect(resolveNoNewPrivs({ container: { runAsUser: null, allowPrivilegeEscalation: null } })).toEqual(resolveNoNewPrivs({ container: {} }))
  })
})
