import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { segmentsOf } from '../../src/path.js'
import { loadDocuments } from '../../src/read/yaml/load.js'
import { walkPods } from '../../src/pods/walk.js'
import type { PodEntry, WalkEntry } from '../../src/pods/walk.js'

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8')

const podsOf = (entries: ReadonlyArray<WalkEntry>): PodEntry[] => entries.filter((e): e is PodEntry => e._tag === 'Pod')

const onePod = (value: unknown): PodEntry => {
  const { entries } = walkPods(value)
  expect(entries).toHaveLength(1)
  const [pod] = podsOf(entries)
  if (pod === undefined) throw new Error(`expected a pod, got ${JSON.stringify(entries)}`)
  return pod
}

const podSpec = { containers: [{ name: 'app' }] }

describe('walkPods: where each kind keeps its pod', () => {
  const cases: ReadonlyArray<[string, unknown, string]> = [
    ['Pod', { spec: podSpec }, 'spec'],
    ['PodTemplate', { template: { spec: podSpec } }, 'template.spec'],
    ['ReplicationController', { spec: { template: { spec: podSpec } } }, 'spec.template.spec'],
    ['ReplicaSet', { spec: { template: { spec: podSpec } } }, 'spec.template.spec'],
    ['Deployment', { spec: { template: { spec: podSpec } } }, 'spec.template.spec'],
    ['StatefulSet', { spec: { template: { spec: podSpec } } }, 'spec.template.spec'],
    ['DaemonSet', { spec: { template: { spec: podSpec } } }, 'spec.template.spec'],
    ['Job', { spec: { template: { spec: podSpec } } }, 'spec.template.spec'],
    ['CronJob', { spec: { jobTemplate: { spec: { template: { spec: podSpec } } } } }, 'spec.jobTemplate.spec.template.spec'],
  ]
  for (const [kind, body, specPath] of cases) {
    test(`a ${kind}'s pod spec is at ${specPath}`, () => {
      const pod = onePod({ kind, metadata: { name: 'n', namespace: 'ns' }, ...(body as object) })
      expect(pod).toMatchObject({ kind, name: 'n', namespace: 'ns', path: '', specPath, spec: podSpec })
      expect(pod.containers).toEqual([{ containerType: 'containers', index: 0, name: 'app', path: `${specPath}.containers[0]`, container: { name: 'app' } }])
    })
  }

  test('the kind of the walked document is reported', () => {
    expect(walkPods({ kind: 'CronJob', spec: {} }).kind).toBe('CronJob')
  })
})

describe('walkPods: containers', () => {
  test('init, then regular, then ephemeral containers, each with its index and path', () => {
    const pod = onePod({
      kind: 'Pod',
      spec: {
        ephemeralContainers: [{ name: 'debug' }],
        containers: [{ name: 'a' }, { name: 'b' }],
        initContainers: [{ name: 'i0' }, { name: 'i1' }],
      },
    })
    expect(pod.containers.map((c) => [c.containerType, c.index, c.name, c.path])).toEqual([
      ['initContainers', 0, 'i0', 'spec.initContainers[0]'],
      ['initContainers', 1, 'i1', 'spec.initContainers[1]'],
      ['containers', 0, 'a', 'spec.containers[0]'],
      ['containers', 1, 'b', 'spec.containers[1]'],
      ['ephemeralContainers', 0, 'debug', 'spec.ephemeralContainers[0]'],
    ])
  })

  test('a container without a string name keeps its place with name null', () => {
    expect(onePod({ kind: 'Pod', spec: { containers: [{ image: 'x' }, { name: 7 }] } }).containers.map((c) => c.name)).toEqual([null, null])
  })

  test('a pod with no containers is still an entry, with an empty list', () => {
    expect(onePod({ kind: 'Pod', metadata: { name: 'empty' }, spec: {} })).toMatchObject({ name: 'empty', containers: [] })
    expect(onePod({ kind: 'Pod', spec: { containers: [], initContainers: null } }).containers).toEqual([])
  })

  test('containers that are not an array are an error of the pod, and the other fields are still walked', () => {
    const { entries } = walkPods({ kind: 'Pod', spec: { containers: { name: 'a' }, initContainers: [{ name: 'i' }] } })
    expect(podsOf(entries)[0]?.containers.map((c) => c.path)).toEqual(['spec.initContainers[0]'])
    // The pod carries its own shape errors: no entry after it has to be regrouped by path.
    expect(entries.filter((e) => e._tag === 'WalkError')).toEqual([])
    expect(podsOf(entries)[0]?.errors).toEqual([
      { _tag: 'WalkError', code: 'wrong-type', path: 'spec.containers', message: 'expected an array of containers at spec.containers, got an object ({"name":"a"})' },
    ])
  })

  test('a container that is not an object is an error at its index; its siblings are kept', () => {
    const { entries } = walkPods({ kind: 'Deployment', spec: { template: { spec: { containers: [{ name: 'a' }, 'oops', null, { name: 'd' }] } } } })
    expect(podsOf(entries)[0]?.containers.map((c) => [c.index, c.name])).toEqual([
      [0, 'a'],
      [3, 'd'],
    ])
    expect(podsOf(entries)[0]?.errors.map((e) => [e.code, e.path])).toEqual([
      ['wrong-type', 'spec.template.spec.containers[1]'],
      ['wrong-type', 'spec.template.spec.containers[2]'],
    ])
  })
})

describe('walkPods: wrong shapes are errors with paths, never throws', () => {
  test('a missing pod spec is an error at the first missing field', () => {
    expect(walkPods({ kind: 'Deployment' }).entries).toMatchObject([{ _tag: 'WalkError', code: 'missing-field', path: 'spec' }])
    expect(walkPods({ kind: 'Deployment', spec: { template: {} } }).entries).toMatchObject([{ code: 'missing-field', path: 'spec.template.spec' }])
    expect(walkPods({ kind: 'CronJob', spec: { jobTemplate: null } }).entries).toMatchObject([{ code: 'missing-field', path: 'spec.jobTemplate' }])
  })

  test('a pod spec that is not an object is a wrong-type error', () => {
    expect(walkPods({ kind: 'Pod', spec: [] }).entries).toMatchObject([{ code: 'wrong-type', path: 'spec', message: 'expected an object at spec, got an array ([])' }])
    expect(walkPods({ kind: 'Job', spec: { template: 'x' } }).entries).toMatchObject([{ code: 'wrong-type', path: 'spec.template' }])
  })

  test('a document without kind is a missing-kind error; a non-string kind is invalid-kind', () => {
    expect(walkPods({ spec: podSpec })).toMatchObject({ kind: null, entries: [{ code: 'missing-kind', path: 'kind' }] })
    expect(walkPods({ kind: '', spec: podSpec }).entries).toMatchObject([{ code: 'missing-kind', path: 'kind' }])
    expect(walkPods({ kind: 3 }).entries).toMatchObject([{ code: 'invalid-kind', path: 'kind' }])
  })

  test('a document that is not a mapping is a not-an-object error at the root', () => {
    for (const value of [[{ kind: 'Pod' }], 'Pod', 42, null, true, 10n])
      expect(walkPods(value)).toMatchObject({ kind: null, entries: [{ _tag: 'WalkError', code: 'not-an-object', path: '' }] })
  })

  test('kinds that are Object.prototype names are simply skipped', () => {
    expect(walkPods({ kind: 'constructor' }).entries).toEqual([{ _tag: 'Skipped', kind: 'constructor', path: '' }])
    expect(walkPods({ kind: '__proto__' }).entries).toEqual([{ _tag: 'Skipped', kind: '__proto__', path: '' }])
  })
})

describe('walkPods: lists, policies, skipped kinds', () => {
  test('List items are walked with items[i] paths, nested lists too', () => {
    const { entries } = walkPods({
      kind: 'List',
      items: [
        { kind: 'Service', metadata: { name: 's' } },
        { kind: 'Pod', metadata: { name: 'p', namespace: 'a' }, spec: podSpec },
        { kind: 'List', items: [{ kind: 'CronJob', metadata: { name: 'c' }, spec: { jobTemplate: { spec: { template: { spec: podSpec } } } } }] },
      ],
    })
    expect(entries).toMatchObject([
      { _tag: 'Skipped', kind: 'Service', path: 'items[0]' },
      { _tag: 'Pod', kind: 'Pod', name: 'p', namespace: 'a', path: 'items[1]', specPath: 'items[1].spec' },
      { _tag: 'Pod', kind: 'CronJob', name: 'c', path: 'items[2].items[0]', specPath: 'items[2].items[0].spec.jobTemplate.spec.template.spec' },
    ])
    expect(podsOf(entries).map((p) => p.containers[0]?.path)).toEqual([
      'items[1].spec.containers[0]',
      'items[2].items[0].spec.jobTemplate.spec.template.spec.containers[0]',
    ])
  })

  test('items of a typed list inherit its kind, as the API server leaves it out', () => {
    const { entries } = walkPods({ kind: 'PodList', items: [{ metadata: { name: 'a' }, spec: podSpec }] })
    expect(entries).toMatchObject([{ _tag: 'Pod', kind: 'Pod', name: 'a', specPath: 'items[0].spec' }])
  })

  test('an item of an untyped List without kind is a missing-kind error at that item', () => {
    expect(walkPods({ kind: 'List', items: [{ spec: podSpec }] }).entries).toMatchObject([{ code: 'missing-kind', path: 'items[0].kind' }])
  })

  test('items that are not an array, or an item that is not an object, are errors', () => {
    expect(walkPods({ kind: 'List', items: {} }).entries).toMatchObject([{ code: 'wrong-type', path: 'items' }])
    expect(walkPods({ kind: 'List', items: [7, { kind: 'Pod', spec: podSpec }] }).entries).toMatchObject([
      { code: 'not-an-object', path: 'items[0]' },
      { _tag: 'Pod', path: 'items[1]' },
    ])
  })

  test('an empty or itemless list has no entries', () => {
    expect(walkPods({ kind: 'List', items: [] }).entries).toEqual([])
    expect(walkPods({ kind: 'ConfigMapList' }).entries).toEqual([])
  })

  test('a list that contains itself stops at maxListDepth with an error', () => {
    const list: { kind: string; items: unknown[] } = { kind: 'List', items: [] }
    list.items.push(list)
    const { entries } = walkPods(list, { maxListDepth: 3 })
    expect(entries).toMatchObject([{ code: 'too-deep', path: 'items[0].items[0].items[0]' }])
  })

  test('a PodSecurityPolicy is returned whole as a policy, in a list too', () => {
    const psp = { kind: 'PodSecurityPolicy', metadata: { name: 'restricted' }, spec: { allowPrivilegeEscalation: false } }
    expect(walkPods(psp).entries).toEqual([{ _tag: 'Policy', name: 'restricted', path: '', policy: psp }])
    expect(walkPods({ kind: 'PodSecurityPolicyList', items: [{ spec: {} }] }).entries).toMatchObject([{ _tag: 'Policy', name: null, path: 'items[0]' }])
  })

  test('other kinds are skipped with their kind', () => {
    expect(walkPods({ kind: 'Service', spec: podSpec })).toEqual({ kind: 'Service', entries: [{ _tag: 'Skipped', kind: 'Service', path: '' }] })
  })
})

describe('walkPods on loaded YAML', () => {
  test('the workloads fixture yields every pod, policy and skipped kind, with source positions for containers', () => {
    const docs = loadDocuments(fixture('workloads.yaml'), 'workloads.yaml')
    const walked = docs.map((d) => (d._tag === 'Document' ? walkPods(d.value) : null))
    expect(walked.map((w) => w?.kind)).toEqual(['Pod', 'Deployment', 'CronJob', 'Service', 'PodSecurityPolicy'])
    const pod = podsOf(walked[0]?.entries ?? [])[0]
    expect(pod?.containers.map((c) => c.path)).toEqual(['spec.initContainers[0]', 'spec.containers[0]', 'spec.ephemeralContainers[0]'])
    expect(pod?.containers[1]?.container).toMatchObject({ securityContext: { allowPrivilegeEscalation: false } })
    const deployment = podsOf(walked[1]?.entries ?? [])[0]
    expect(deployment?.containers[1]?.container).toMatchObject({ name: 'sidecar', securityContext: { privileged: true } })
    const doc = docs[1]
    if (doc?._tag !== 'Document') throw new Error('expected document 1 to load')
    expect(doc.positionOf(deployment?.containers[1]?.path ?? '')).toEqual({ line: 30, column: 11 })
    expect(walked[4]?.entries).toMatchObject([{ _tag: 'Policy', name: 'restricted' }])
  })
})

const containerArb = fc.record({ name: fc.string({ maxLength: 5 }), image: fc.constant('img') }, { requiredKeys: [] })
const containersArb = fc.option(fc.array(fc.oneof({ weight: 5, arbitrary: containerArb }, { weight: 1, arbitrary: fc.jsonValue() }), { maxLength: 4 }), {
  nil: undefined,
})
const podSpecArb = fc.record({ initContainers: containersArb, containers: containersArb, ephemeralContainers: containersArb }, { requiredKeys: [] })

const atPath = (root: unknown, path: string): unknown => {
  let node = root
  for (const segment of segmentsOf(path) ?? []) node = (node as Record<string | number, unknown>)[segment]
  return node
}

describe('walkPods: properties', () => {
  test.prop([fc.oneof(fc.jsonValue(), fc.anything())])('never throws on any value', (value) => {
    const walk = walkPods(value)
    expect(Array.isArray(walk.entries)).toBe(true)
  })

  test.prop([fc.constantFrom('Pod', 'Deployment', 'CronJob', 'PodTemplate'), podSpecArb, fc.nat(3)])(
    'every container path leads to that container, and every object container is listed once in pod order',
    (kind, spec, listIndex) => {
      const item = kind === 'Pod' ? { kind, spec } : kind === 'PodTemplate' ? { kind, template: { spec } } : kind === 'CronJob' ? { kind, spec: { jobTemplate: { spec: { template: { spec } } } } } : { kind, spec: { template: { spec } } }
      const doc = { kind: 'List', items: [...Array.from({ length: listIndex }, () => ({ kind: 'ConfigMap' })), item] }
      const { entries } = walkPods(doc)
      const pods = podsOf(entries)
      expect(pods).toHaveLength(1)
      const containers = pods[0]?.containers ?? []
      for (const c of containers) expect(atPath(doc, c.path)).toBe(c.container)
      const expected = (['initContainers', 'containers', 'ephemeralContainers'] as const).flatMap((field) =>
        (spec[field] ?? []).flatMap((c, i) => (typeof c === 'object' && c !== null && !Array.isArray(c) ? [[field, i]] : [])),
      )
      expect(containers.map((c) => [c.containerType, c.index])).toEqual(expected)
      expect(entries.filter((e) => e._tag === 'WalkError')).toEqual([])
      const errors = pods[0]?.errors ?? []
      const nonObjects = (['initContainers', 'containers', 'ephemeralContainers'] as const).reduce((n, f) => n + (spec[f]?.length ?? 0), 0) - expected.length
      expect(errors).toHaveLength(nonObjects)
    },
  )
})
