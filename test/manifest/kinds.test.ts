import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect } from 'vitest'
import { checkManifests } from '../../src/report/check.js'
import { groupOf, kindEntryOf, kindTableOf, parsePodSpecKind, podSpecPathOf } from '../../src/pods/kinds.js'
import { walkPods } from '../../src/pods/walk.js'

const template = { template: { spec: { containers: [{ name: 'app', image: 'x', securityContext: { allowPrivilegeEscalation: false } }] } } }

describe('custom resources that carry a pod', () => {
  test.each([
    ['argoproj.io/v1alpha1', 'Rollout'],
    ['apps.openshift.io/v1', 'DeploymentConfig'],
    ['v1', 'DeploymentConfig'],
    ['serving.knative.dev/v1', 'Service'],
    ['serving.knative.dev/v1', 'Configuration'],
  ])('%s %s is resolved at spec.template.spec', (apiVersion, kind) => {
    const report = checkManifests(JSON.stringify({ apiVersion, kind, metadata: { name: 'w' }, spec: template }))
    expect(report.errors).toEqual([])
    expect(report.results.map((r) => [r.kind, r.path, r.noNewPrivs])).toEqual([[kind, 'spec.template.spec.containers[0]', true]])
  })

  test('core v1 Service carries no pod: skipped even with a template-shaped spec', () => {
    const report = checkManifests(JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: template }))
    expect(report.results).toEqual([])
    expect(report.skipped.map((s) => s.kind)).toEqual(['Service'])
  })

  test('a Rollout that points at a Deployment (workloadRef) is skipped, not an error', () => {
    const rollout = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'r' }, spec: { workloadRef: { kind: 'Deployment', name: 'web' } } }
    const report = checkManifests(JSON.stringify(rollout))
    expect(report.errors).toEqual([])
    expect(report.skipped.map((s) => s.kind)).toEqual(['Rollout'])
  })

  test('a Rollout with neither template nor workloadRef is the missing-field error', () => {
    const report = checkManifests(JSON.stringify({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'r' }, spec: {} }))
    expect(report.errors.map((e) => e.message)).toEqual(['a Rollout needs spec.template, the pod\'s spec is read from there'])
  })

  test('items of a typed list inherit its group with its kind', () => {
    const list = { apiVersion: 'serving.knative.dev/v1', kind: 'ServiceList', items: [{ metadata: { name: 'a' }, spec: template }] }
    expect(checkManifests(JSON.stringify(list)).results.map((r) => r.path)).toEqual(['items[0].spec.template.spec.containers[0]'])
    const core = { apiVersion: 'v1', kind: 'ServiceList', items: [{ metadata: { name: 'a' }, spec: template }] }
    expect(checkManifests(JSON.stringify(core)).results).toEqual([])
  })
})

describe('kinds the user declares', () => {
  const scaler = { apiVersion: 'example.com/v1', kind: 'Scaler', metadata: { name: 'sc' }, spec: { workload: { spec: { containers: [{ name: 'a', image: 'x' }] } } } }

  test('unknown kinds are skipped until declared; declared, their pods are resolved at the path given', () => {
    expect(checkManifests(JSON.stringify(scaler)).skipped.map((s) => s.kind)).toEqual(['Scaler'])
    const declared = checkManifests(JSON.stringify(scaler), { podSpecKinds: [{ kind: 'Scaler', group: 'example.com', podSpecPath: 'spec.workload.spec' }] })
    expect(declared.results.map((r) => r.path)).toEqual(['spec.workload.spec.containers[0]'])
  })

  test('a declaration with a group matches that group only; without one, every group', () => {
    const other = { podSpecKinds: [{ kind: 'Scaler', group: 'other.io', podSpecPath: 'spec.workload.spec' }] }
    expect(checkManifests(JSON.stringify(scaler), other).results).toEqual([])
    const any = { podSpecKinds: [{ kind: 'Scaler', podSpecPath: 'spec.workload.spec' }] }
    expect(checkManifests(JSON.stringify(scaler), any).results).toHaveLength(1)
  })

  test('a declaration wins over the built-in entry of the same kind and group', () => {
    const table = kindTableOf([{ kind: 'Service', group: 'serving.knative.dev', podSpecPath: 'spec.other' }])
    expect(kindEntryOf('Service', 'serving.knative.dev', table)?.steps).toEqual(['spec', 'other'])
    expect(kindEntryOf('Deployment', 'apps', table)?.steps).toEqual(['spec', 'template', 'spec'])
  })

  test('the walk takes the table as an option', () => {
    const walk = walkPods(scaler, { kinds: kindTableOf([{ kind: 'Scaler', podSpecPath: 'spec.workload.spec' }]) })
    expect(walk.entries.map((e) => e._tag)).toEqual(['Pod'])
  })
})

describe('groupOf and podSpecPathOf', () => {
  test.each([
    ['apps/v1', 'apps'],
    ['v1', ''],
    ['argoproj.io/v1alpha1', 'argoproj.io'],
    [7, ''],
    [undefined, ''],
  ])('groupOf(%j) is %j', (apiVersion, group) => {
    expect(groupOf(apiVersion)).toBe(group)
  })

  test('core kinds are found in any group, as before; unknown kinds and prototype names in none', () => {
    expect(podSpecPathOf('Deployment', 'extensions/v1beta1')).toEqual(['spec', 'template', 'spec'])
    expect(podSpecPathOf('Service', 'v1')).toBeUndefined()
    expect(podSpecPathOf('Service', 'serving.knative.dev/v1')).toEqual(['spec', 'template', 'spec'])
    for (const name of ['constructor', '__proto__', 'toString']) expect(podSpecPathOf(name, 'v1')).toBeUndefined()
  })
})

describe('parsePodSpecKind (--pod-spec)', () => {
  test('KIND=PATH and KIND.GROUP=PATH', () => {
    expect(parsePodSpecKind('Scaler=spec.workload.spec')).toEqual(E.right({ kind: 'Scaler', podSpecPath: 'spec.workload.spec' }))
    expect(parsePodSpecKind('Workflow.argoproj.io=spec.templates')).toEqual(E.right({ kind: 'Workflow', group: 'argoproj.io', podSpecPath: 'spec.templates' }))
  })

  test.each([
    ['Scaler', '"Scaler" has no ='],
    ['=spec', '"" is not a kind'],
    ['9x=spec', '"9x" is not a kind'],
    ['Scaler.Example_Com=spec', '"Example_Com" is not an API group'],
    ['Scaler.=spec', '"" is not an API group'],
    ['Scaler=', '"" is not a dotted field path'],
    ['Scaler=spec..x', '"spec..x" is not a dotted field path'],
    ['Scaler=spec.containers[0]', '"spec.containers[0]" is not a dotted field path'],
  ])('%j is refused: %s', (text, why) => {
    expect(parsePodSpecKind(text)).toEqual(E.left(`--pod-spec must be KIND[.GROUP]=PATH such as Rollout.argoproj.io=spec.template.spec; ${why}`))
  })

  test.prop([fc.stringMatching(/^[A-Z][a-zA-Z0-9]{0,12}$/), fc.option(fc.stringMatching(/^[a-z][a-z0-9]{0,8}(\.[a-z][a-z0-9]{0,8}){0,2}$/), { nil: undefined }), fc.array(fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,8}$/), { minLength: 1, maxLength: 5 })])(
    'every well-formed declaration reads back as written',
    (kind, group, fields) => {
      const text = `${kind}${group === undefined ? '' : `.${group}`}=${fields.join('.')}`
      expect(parsePodSpecKind(text)).toEqual(E.right({ kind, ...(group === undefined ? {} : { group }), podSpecPath: fields.join('.') }))
    },
  )
})
