import { describe, expect, it } from 'vitest'
import { admissionPolicies } from '../../src/policy/generate.js'
import { runValidating, type AdmissionRequest } from './harness.js'
import { podOf } from './pods.js'

const literal = { name: 'a', securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } } }
const plain = { name: 'a' }

function messages(kubernetesVersion: 'v1.36' | 'v1.37', request: AdmissionRequest): ReadonlyArray<string> {
  const r = admissionPolicies({ semantics: 'kubernetes', kubernetesVersion })
  if (r._tag === 'Left') throw new Error(r.left.message)
  return runValidating(r.right.validatingPolicy, r.right.validatingBindings[0], request).messages
}

describe('sys-admin-without-escalation on UPDATE (SPEC §5.1, kubernetes/kubernetes#138834)', () => {
  const newPod = podOf({ containers: [literal], ephemeralContainers: [{ name: 'dbg', securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } } }] })
  const update = (old: Record<string, unknown>): AdmissionRequest => ({ operation: 'UPDATE', subResource: 'ephemeralcontainers', object: newPod, oldObject: old })
  const rejected = ['sys-admin-without-escalation: cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN: "a", "dbg"']

  it('from v1.37 skips every container when the old pod already had the literal without escalation: true', () => {
    expect(messages('v1.37', update(podOf({ containers: [literal] })))).toEqual([])
    expect(messages('v1.37', update(podOf({ containers: [{ name: 'a', securityContext: { capabilities: { add: ['CAP_SYS_ADMIN'] } } }] })))).toEqual([])
  })

  it('still checks when the old pod did not have it, when it had it with escalation: true, and on CREATE', () => {
    expect(messages('v1.37', update(podOf({ containers: [plain] })))).toEqual(rejected)
    expect(messages('v1.37', update(podOf({ containers: [{ name: 'a', securityContext: { allowPrivilegeEscalation: true, capabilities: { add: ['CAP_SYS_ADMIN'] } } }] })))).toEqual(rejected)
    expect(messages('v1.37', { operation: 'CREATE', subResource: '', object: newPod, oldObject: null })).toEqual(rejected)
  })

  it('before v1.37 checks every UPDATE', () => {
    expect(messages('v1.36', update(podOf({ containers: [literal] })))).toEqual(rejected)
  })
})
