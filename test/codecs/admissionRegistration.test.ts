import { describe, expect, it } from 'vitest'
import type * as t from 'io-ts'
import { decode, MutatingAdmissionPolicy, ValidatingAdmissionPolicy, ValidatingAdmissionPolicyBinding, LabelSelector } from '../../src/codecs/index.js'

describe('admissionregistration v1 codecs', () => {
  it('decode a policy written by hand, with unknown fields kept and reported', () => {
    const policy = {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicy',
      metadata: { name: 'p' },
      spec: { failurePolicy: 'Fail', validations: [{ expression: 'true', reason: 'Forbidden' }], extra: 1 },
      status: { observedGeneration: 1 },
    }
    const r = decode(ValidatingAdmissionPolicy, policy)
    expect(r._tag).toBe('Right')
    if (r._tag === 'Right') {
      expect(r.right.value).toEqual(policy)
      expect(r.right.warnings.map((w) => w.path).sort()).toEqual(['spec.extra', 'status'])
    }
  })

  it.each([
    [ValidatingAdmissionPolicy, { spec: { failurePolicy: 'Sometimes' } }, 'spec.failurePolicy'],
    [ValidatingAdmissionPolicy, { spec: { validations: [{ message: 'no expression' }] } }, 'spec.validations[0].expression'],
    [ValidatingAdmissionPolicy, { apiVersion: 'admissionregistration.k8s.io/v1beta1' }, 'apiVersion'],
    [ValidatingAdmissionPolicyBinding, { spec: { policyName: 'p', validationActions: ['Reject'] } }, 'spec.validationActions[0]'],
    [ValidatingAdmissionPolicyBinding, { spec: { validationActions: ['Deny'] } }, 'spec.policyName'],
    [MutatingAdmissionPolicy, { spec: { mutations: [{ patchType: 'StrategicMerge' }] } }, 'spec.mutations[0].patchType'],
    [MutatingAdmissionPolicy, { spec: { reinvocationPolicy: 'Always' } }, 'spec.reinvocationPolicy'],
    [MutatingAdmissionPolicy, { spec: { matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], resources: ['pods'], operations: ['PATCH'] }] } } }, 'spec.matchConstraints.resourceRules[0].operations[0]'],
    [LabelSelector, { matchExpressions: [{ key: 'a', operator: 'Equals' }] }, 'matchExpressions[0].operator'],
  ] as ReadonlyArray<readonly [t.Mixed, unknown, string]>)('reject a value the API server would reject, at its path', (codec, value, path) => {
    const r = decode(codec, value)
    expect(r._tag).toBe('Left')
    if (r._tag === 'Left') expect(r.left.map((i) => i.path)).toContain(path)
  })
})
