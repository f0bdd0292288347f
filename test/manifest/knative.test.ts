/**
 * Knative Service and Configuration: the container may have no `name` (Knative's defaulting
 * webhook names it from a template, `user-container` by default). The report names it by its
 * place, and the missing name is not an error; a core kind still requires it.
 */
import { describe, expect, test } from 'vitest'
import { checkManifests } from '../../src/index.js'

const knative = (kind: string, containers: string): string => `apiVersion: serving.knative.dev/v1
kind: ${kind}
metadata: { name: hello }
spec:
  template:
    spec:
      containers:
${containers}`

describe('Knative containers without a name', () => {
  test.each(['Service', 'Configuration'])('a %s container without a name is checked and named containers[0]', (kind) => {
    const report = checkManifests(knative(kind, '      - image: ghcr.io/knative/helloworld-go\n        securityContext: { allowPrivilegeEscalation: false }\n'))
    expect(report.errors).toEqual([])
    expect(report.results.map((r) => [r.kind, r.container, r.path, r.noNewPrivs, r.line])).toEqual([
      [kind, 'containers[0]', 'spec.template.spec.containers[0]', true, 8],
    ])
  })

  test('several containers, named and not: each unnamed one by its place, the named one by its name', () => {
    const report = checkManifests(knative('Service', '      - image: a\n      - name: sidecar\n        image: b\n      - image: c\n'))
    expect(report.errors).toEqual([])
    expect(report.results.map((r) => r.container)).toEqual(['containers[0]', 'sidecar', 'containers[2]'])
  })

  test('a name of the wrong type is still an error', () => {
    const report = checkManifests(knative('Service', '      - name: 7\n        image: a\n'))
    expect(report.errors.map((e) => [e.path, e.code])).toEqual([['spec.template.spec.containers[0].name', 'invalid-value']])
  })

  test('a core Deployment container without a name is still a missing-field error', () => {
    const report = checkManifests('apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - image: a\n')
    expect(report.errors.map((e) => [e.path, e.code])).toEqual([['spec.template.spec.containers[0].name', 'missing-field']])
    expect(report.results).toEqual([])
  })

  test('a core Service is skipped as before', () => {
    expect(checkManifests('apiVersion: v1\nkind: Service\nmetadata: { name: web }\n').skipped.map((s) => s.kind)).toEqual(['Service'])
  })
})
