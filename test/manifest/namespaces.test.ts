import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { checkEntries, checkManifests, type CheckOptions } from '../../src/report/check.js'
import { levelFor } from '../../src/inputs/namespaceLevels.js'
import { createNamespaceBook } from '../../src/inputs/namespaces.js'
import { podSecurityLabelsOf } from '../../src/inputs/podSecurityLabels.js'
import type { ContainerResult } from '../../src/report/report.js'
import type { KubernetesVersion } from '../../src/resolve/types.js'
import { containerArbitrary } from '../../src/testing/index.js'

const P = 'pod-security.kubernetes.io/'

function namespaceYaml(name: string, labels: Readonly<Record<string, string>>): string {
  const lines = Object.entries(labels).map(([k, v]) => `    ${k}: ${JSON.stringify(v)}\n`)
  return `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n${lines.length === 0 ? '' : `  labels:\n${lines.join('')}`}`
}

function podYaml(name: string, namespace: string | null, containers = '  - name: app\n'): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n${namespace === null ? '' : `  namespace: ${namespace}\n`}spec:\n  containers:\n${containers}`
}

const docs = (...parts: string[]): string => parts.join('---\n')

describe('podSecurityLabelsOf reads the labels as pod-security-admission PolicyToEvaluate does', () => {
  it('keeps only the labels that are present, level and version apart', () => {
    expect(podSecurityLabelsOf({ [`${P}enforce`]: 'baseline', [`${P}warn-version`]: 'v1.29', other: 'x' })).toEqual({
      labels: { enforce: { level: 'baseline' }, warn: { version: 'v1.29' }, audit: {} },
      problems: [],
    })
  })

  it('an invalid enforce level is restricted (fail closed), an invalid warn or audit level privileged (fail open), an invalid version latest', () => {
    const { labels, problems } = podSecurityLabelsOf({ [`${P}enforce`]: 'Restricted', [`${P}warn`]: 'strict', [`${P}audit`]: '', [`${P}audit-version`]: 'v1.025' })
    expect(labels).toEqual({ enforce: { level: 'restricted' }, warn: { level: 'privileged' }, audit: { level: 'privileged', version: 'latest' } })
    expect(problems).toEqual([
      { label: `${P}enforce`, value: 'Restricted', message: 'must be one of privileged, baseline, restricted' },
      { label: `${P}warn`, value: 'strict', message: 'must be one of privileged, baseline, restricted' },
      { label: `${P}audit`, value: '', message: 'must be one of privileged, baseline, restricted' },
      { label: `${P}audit-version`, value: 'v1.025', message: 'must be "latest" or "v1.x"' },
    ])
  })

  it.each([
    ['latest', true],
    ['v1.0', true],
    ['v1.9', true],
    ['v1.30', true],
    ['v1.09', false],
    ['v2.1', false],
    ['1.25', false],
    ['v1.25.0', false],
    ['Latest', false],
  ])('version %s is valid: %s', (value, valid) => {
    expect(podSecurityLabelsOf({ [`${P}enforce-version`]: value }).problems.length === 0).toBe(valid)
  })
})

describe('levelFor: the Namespace labels over the cluster-wide default, field by field', () => {
  const none = { enforce: {}, warn: {}, audit: {} }
  it('no labels: exactly the default (the same options object), not attributed', () => {
    const defaults = { level: 'restricted' as const, version: 'v1.24' as const }
    const l = levelFor('enforce', 'ns', none, defaults, 'latest')
    expect(l.options).toBe(defaults)
    expect(l.source).toBeUndefined()
    expect(levelFor('warn', 'ns', none, defaults, 'latest').options).toBeUndefined()
  })
  it('a version label alone keeps the default level; a level label alone keeps the default version', () => {
    expect(levelFor('enforce', 'ns', { ...none, enforce: { version: 'v1.24' } }, { level: 'restricted', version: 'v1.30' }, 'latest').options).toEqual({ level: 'restricted', version: 'v1.24' })
    expect(levelFor('enforce', 'ns', { ...none, enforce: { level: 'restricted' } }, { level: 'restricted', version: 'v1.30' }, 'latest').options).toEqual({ level: 'restricted', version: 'v1.30' })
    expect(levelFor('enforce', 'ns', { ...none, enforce: { level: 'baseline' } }, { level: 'restricted' }, 'latest').options).toBeUndefined()
  })
  it('latest, and a version newer than the cluster, are the cluster version', () => {
    expect(levelFor('warn', 'ns', { ...none, warn: { level: 'restricted', version: 'latest' } }, undefined, 'v1.24').options).toEqual({ level: 'restricted' })
    const newer = levelFor('warn', 'ns', { ...none, warn: { level: 'restricted', version: 'v1.30' } }, undefined, 'v1.24')
    expect(newer.options).toEqual({ level: 'restricted' })
    expect(newer.source?.policy).toBe('restricted:v1.30')
    expect(levelFor('warn', 'ns', { ...none, warn: { level: 'restricted', version: 'v1.20' } }, undefined, 'v1.24').options).toEqual({ level: 'restricted', version: 'v1.20' })
  })
})

describe('a Namespace in the input applies its levels to the pods that follow (SPEC §5.1)', () => {
  it('enforce: a violation naming the namespace and the label; the Namespace itself is skipped', () => {
    const report = checkManifests(docs(namespaceYaml('prod', { [`${P}enforce`]: 'restricted' }), podYaml('a', 'prod')))
    expect(report.results[0]?.noNewPrivs).toBeNull()
    expect(report.results[0]?.violations).toEqual([
      {
        code: 'restricted-requires-no-escalation',
        path: 'spec.containers[0].securityContext.allowPrivilegeEscalation',
        message: 'container "app" must set securityContext.allowPrivilegeEscalation=false: PodSecurity "restricted:latest" of namespace "prod" (pod-security.kubernetes.io/enforce): the pod is rejected',
        podSecurity: { namespace: 'prod', mode: 'enforce', labels: [`${P}enforce`], policy: 'restricted:latest' },
        // The field is not written: the place is the container's (`- name: app`, line 15).
        line: 15,
        column: 5,
        located: 'container',
      },
    ])
    expect(report.skipped).toEqual([{ source: '<input>', document: 0, kind: 'Namespace' }])
    expect(report.warnings).toEqual([])
  })

  it('warn and audit: findings that keep the decision', () => {
    const report = checkManifests(docs(namespaceYaml('prod', { [`${P}warn`]: 'restricted', [`${P}audit`]: 'restricted', [`${P}audit-version`]: 'v1.24' }), podYaml('a', 'prod')), {
      semantics: 'kubernetes',
    })
    const r = report.results[0] as ContainerResult
    expect(r.noNewPrivs).toBe(false)
    expect(r.violations).toEqual([])
    expect(r.findings.map((f) => f.message)).toEqual([
      'container "app" must set securityContext.allowPrivilegeEscalation=false: PodSecurity "restricted:latest" of namespace "prod" (pod-security.kubernetes.io/warn): reported, not enforced',
      'container "app" must set securityContext.allowPrivilegeEscalation=false: PodSecurity "restricted:v1.24" of namespace "prod" (pod-security.kubernetes.io/audit, pod-security.kubernetes.io/audit-version): reported, not enforced',
    ])
    expect(r.findings.map((f) => [f.code, f.podSecurity?.mode])).toEqual([
      ['restricted-requires-no-escalation', 'warn'],
      ['restricted-requires-no-escalation', 'audit'],
    ])
  })

  it('no warning on a pod its enforce level rejects (PSA adds none to a rejected request); audit still', () => {
    const report = checkManifests(docs(namespaceYaml('prod', { [`${P}enforce`]: 'restricted', [`${P}warn`]: 'restricted', [`${P}audit`]: 'restricted' }), podYaml('a', 'prod')))
    expect(report.results[0]?.findings.map((f) => f.podSecurity?.mode)).toEqual(['audit'])
  })

  it('privileged and baseline add nothing; a container that sets allowPrivilegeEscalation: false passes restricted', () => {
    const report = checkManifests(
      docs(
        namespaceYaml('p', { [`${P}enforce`]: 'privileged', [`${P}warn`]: 'baseline' }),
        podYaml('a', 'p'),
        namespaceYaml('r', { [`${P}enforce`]: 'restricted' }),
        podYaml('b', 'r', '  - name: ok\n    securityContext: { allowPrivilegeEscalation: false }\n'),
      ),
    )
    expect(report.results.map((r) => [r.violations.length, r.findings.length, r.noNewPrivs])).toEqual([
      [0, 0, true],
      [0, 0, true],
    ])
  })

  it('pods without metadata.namespace are in "default", or in the namespace option (kubectl -n)', () => {
    const text = docs(namespaceYaml('default', { [`${P}enforce`]: 'restricted' }), namespaceYaml('team', { [`${P}warn`]: 'restricted' }), podYaml('a', null))
    expect(checkManifests(text).results[0]?.violations[0]?.podSecurity?.namespace).toBe('default')
    const inTeam = checkManifests(text, { namespace: 'team' }).results[0]
    expect(inTeam?.violations).toEqual([])
    expect(inTeam?.findings[0]?.podSecurity?.namespace).toBe('team')
    expect(inTeam?.namespace).toBeNull()
  })

  it('a workload template is checked by the namespace of the workload, in a List too', () => {
    const list = JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod', labels: { [`${P}enforce`]: 'restricted' } } },
        { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'prod' }, spec: { template: { spec: { containers: [{ name: 'a' }] } } } },
      ],
    })
    const report = checkManifests(list)
    expect(report.results[0]?.violations[0]?.path).toBe('items[1].spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation')
    expect(report.skipped).toEqual([{ source: '<input>', document: 0, kind: 'Namespace' }])
  })

  it('a Namespace after pods of it: applies to the pods that follow, with a warning counting the ones before', () => {
    const report = checkManifests(docs(podYaml('a', 'prod'), podYaml('b', 'prod'), namespaceYaml('prod', { [`${P}enforce`]: 'restricted' }), podYaml('c', 'prod')))
    expect(report.results.map((r) => r.violations.length)).toEqual([0, 0, 1])
    expect(report.warnings).toEqual([
      {
        source: '<input>',
        document: 2,
        line: 22,
        path: 'metadata.name',
        code: 'namespace-after-pods',
        message:
          'namespace "prod" comes after 2 pods of it in the input: they were checked without its labels (pod-security.kubernetes.io/enforce=restricted); put the Namespace first, as kubectl, kustomize and helm output do',
      },
    ])
  })

  it('an invalid label value is an error of the Namespace (the API server refuses it); its pods get PSA fallback', () => {
    const report = checkManifests(docs(namespaceYaml('prod', { [`${P}enforce`]: 'strict' }), podYaml('a', 'prod')))
    expect(report.errors).toEqual([
      {
        source: '<input>',
        document: 0,
        line: 6,
        column: 5,
        path: 'metadata.labels[pod-security.kubernetes.io/enforce]',
        code: 'invalid-pod-security-label',
        message: 'Invalid value: "strict": must be one of privileged, baseline, restricted (the API server refuses the Namespace; its pods are checked as Pod Security Admission falls back: restricted)',
        category: 'input',
      },
    ])
    expect(report.skipped).toEqual([])
    expect(report.results[0]?.violations.map((v) => v.podSecurity?.policy)).toEqual(['restricted:latest'])
  })

  it('a label that is not a string is an error, and that label is not applied', () => {
    const report = checkManifests(docs(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n  labels:\n    ${P}enforce: 1\n`, podYaml('a', 'prod')))
    expect(report.errors.map((e) => [e.code, e.path])).toEqual([['wrong-type', 'metadata.labels[pod-security.kubernetes.io/enforce]']])
    expect(report.results[0]?.violations).toEqual([])
  })

  it('a Namespace of another API group is skipped and applies nothing', () => {
    const report = checkManifests(docs(`apiVersion: example.com/v1\nkind: Namespace\nmetadata:\n  name: prod\n  labels:\n    ${P}enforce: restricted\n`, podYaml('a', 'prod')))
    expect(report.results[0]?.violations).toEqual([])
    expect(report.skipped).toEqual([{ source: '<input>', document: 0, kind: 'Namespace' }])
  })

  it('the cluster-wide podSecurity is the default a label overrides, with a warning when the label relaxes it', () => {
    const options: CheckOptions = { podSecurity: { level: 'restricted' } }
    const report = checkManifests(docs(namespaceYaml('infra', { [`${P}enforce`]: 'privileged' }), podYaml('a', 'infra'), podYaml('b', 'other')), options)
    expect(report.results.map((r) => r.violations.map((v) => v.podSecurity?.namespace ?? 'cluster-wide'))).toEqual([[], ['cluster-wide']])
    expect(report.warnings).toEqual([
      {
        source: '<input>',
        document: 0,
        line: 6,
        path: 'metadata.labels[pod-security.kubernetes.io/enforce]',
        code: 'pod-security-relaxed',
        message: 'namespace "infra" sets pod-security.kubernetes.io/enforce=privileged: its pods are not checked at the cluster-wide level restricted, which a Namespace label overrides in Pod Security Admission',
      },
    ])
  })

  it('Windows pods: exempt from restricted from v1.25 on, checked before, by the label version at the cluster version', () => {
    const windows = (ns: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: w\n  namespace: ${ns}\nspec:\n  os: { name: windows }\n  containers:\n  - name: app\n`
    const text = docs(namespaceYaml('old', { [`${P}enforce`]: 'restricted', [`${P}enforce-version`]: 'v1.24' }), namespaceYaml('new', { [`${P}enforce`]: 'restricted' }), windows('old'), windows('new'))
    expect(checkManifests(text, { semantics: 'kubernetes' }).results.map((r) => r.violations.length)).toEqual([1, 0])
    // A v1.24 cluster does not know the v1.25 exemption: `latest` there is v1.24.
    expect(checkManifests(text, { semantics: 'kubernetes', kubernetesVersion: 'v1.24' }).results.map((r) => r.violations.length)).toEqual([1, 1])
  })

  it('exemptions cover a Namespace level violation and finding like any other of the rule', () => {
    const text = docs(
      namespaceYaml('prod', { [`${P}enforce`]: 'restricted' }),
      namespaceYaml('dev', { [`${P}warn`]: 'restricted' }),
      podYaml('a', 'prod'),
      podYaml('b', 'dev'),
    )
    const report = checkManifests(text, { exemptions: [{ source: 'ex.yaml', value: { exemptions: [{ rules: ['restricted-requires-no-escalation'], reason: 'legacy' }] } }] })
    expect(report.results[0]?.violations[0]?.exempted?.reason).toBe('legacy')
    expect(report.results[1]?.findings[0]?.exempted?.reason).toBe('legacy')
  })

  it('the record is one per check: a second checkManifests call knows nothing of the first one\'s Namespaces', () => {
    checkManifests(namespaceYaml('prod', { [`${P}enforce`]: 'restricted' }))
    expect(checkManifests(podYaml('a', 'prod')).results[0]?.violations).toEqual([])
  })

  it('Namespaces in one source apply to the pods of the sources after it', () => {
    const report = checkManifests([
      { source: 'ns.yaml', text: namespaceYaml('prod', { [`${P}enforce`]: 'restricted' }) },
      { source: 'app.yaml', text: podYaml('a', 'prod') },
    ])
    expect(report.results[0]?.violations.length).toBe(1)
  })
})

describe('the book of Namespaces', () => {
  it('counts pods checked before their Namespace, once; a Namespace seen first counts none', () => {
    const book = createNamespaceBook()
    book.podChecked('a')
    book.podChecked('a')
    const labels = { enforce: { level: 'restricted' as const }, warn: {}, audit: {} }
    expect(book.define('a', labels)).toBe(2)
    book.podChecked('a')
    expect(book.define('a', labels)).toBe(0)
  })
  it('a book from a snapshot reports the inherited values it read, and only those', () => {
    const main = createNamespaceBook()
    main.define('x', { enforce: {}, warn: {}, audit: {} })
    const worker = createNamespaceBook(main.snapshot())
    worker.labelsOf('x')
    worker.define('y', { enforce: {}, warn: {}, audit: {} })
    worker.labelsOf('y')
    expect([...worker.takeReads()].sort()).toEqual(['labels:x', 'labels:y', 'unlabelled:y'])
    expect(worker.takeReads()).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------
// Properties

const versions: ReadonlyArray<KubernetesVersion> = ['v1.8', 'v1.20', 'v1.24', 'v1.25', 'v1.30', 'latest']
const containersYaml = fc.array(containerArbitrary(), { minLength: 1, maxLength: 3 }).map((cs) => cs.map((c, i) => ({ ...c, name: `c${i}` })))

/** A result without what says where a level came from. */
function unattributed(r: ContainerResult): unknown {
  return {
    ...r,
    violations: r.violations.map(({ podSecurity: _p, ...v }) => ({ ...v, message: v.message.replace(/: PodSecurity .*$/, '') })),
  }
}

describe('properties', () => {
  test.prop(
    [
      containersYaml,
      fc.constantFrom(...versions),
      fc.constantFrom(...versions),
      fc.constantFrom('proposal', 'noNewPrivileges', 'kubernetes' as const),
      fc.boolean(),
    ],
    { numRuns: 150 },
  )('pods of a Namespace with enforce=restricted[:V] get what podSecurity { restricted, V } gives (V not after the cluster)', (containers, a, b, semantics, windows) => {
    const [labelVersion, cluster] = versions.indexOf(a) <= versions.indexOf(b) ? [a, b] : [b, a]
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'prod' }, spec: { ...(windows ? { os: { name: 'windows' } } : {}), containers } }
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod', labels: { [`${P}enforce`]: 'restricted', [`${P}enforce-version`]: labelVersion } } }
    const base: CheckOptions = { semantics, kubernetesVersion: cluster }
    const labelled = checkManifests([{ source: 's', value: ns }, { source: 's', value: pod }], base)
    const optioned = checkManifests({ source: 's', value: pod }, { ...base, podSecurity: { level: 'restricted', version: labelVersion } })
    expect(labelled.results.map(unattributed)).toEqual(optioned.results.map(unattributed))
    for (const r of labelled.results) for (const v of r.violations) if (v.code === 'restricted-requires-no-escalation') expect(v.podSecurity?.namespace).toBe('prod')
  })

  test.prop([containersYaml, fc.constantFrom('warn', 'audit' as const), fc.constantFrom(...versions)], { numRuns: 100 })(
    'warn and audit never change a decision or add a violation: the findings are exactly the enforce violations of the same level',
    (containers, mode, version) => {
      const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'n' }, spec: { containers } }
      const ns = (m: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n', labels: { [`${P}${m}`]: 'restricted', [`${P}${m}-version`]: version } } })
      const reported = checkManifests([{ source: 's', value: ns(mode) }, { source: 's', value: pod }], { semantics: 'kubernetes' })
      const plain = checkManifests({ source: 's', value: pod }, { semantics: 'kubernetes' })
      const enforced = checkManifests([{ source: 's', value: ns('enforce') }, { source: 's', value: pod }], { semantics: 'kubernetes' })
      expect(reported.results.map((r) => [r.noNewPrivs, r.violations])).toEqual(plain.results.map((r) => [r.noNewPrivs, r.violations]))
      const restricted = (r: ContainerResult) => r.violations.filter((v) => v.code === 'restricted-requires-no-escalation').map((v) => v.path)
      expect(reported.results.map((r) => r.findings.map((f) => f.path))).toEqual(enforced.results.map(restricted))
    },
  )

  test.prop([fc.array(fc.constantFrom('ns', 'pod-a', 'pod-b', 'other'), { maxLength: 10 }), fc.integer({ min: 1, max: 4 })], { numRuns: 100 })(
    'order: a pod gets the labels of the Namespace only when the Namespace came first; every Namespace after its pods says how many',
    (order, cut) => {
      const parts = order.map((what, i) =>
        what === 'ns' ? namespaceYaml('prod', { [`${P}enforce`]: 'restricted' }) : podYaml(`p${i}`, what === 'other' ? 'other' : 'prod'),
      )
      // Split into several sources: the order over sources is the input's order.
      const sources = parts.map((text, i) => ({ source: `f${Math.floor(i / cut)}`, text }))
      const entries = [...checkEntries(sources)]
      const firstNs = order.indexOf('ns')
      let podIndex = 0
      for (const e of entries) {
        if (e._tag !== 'Result') continue
        while (order[podIndex] === 'ns') podIndex++
        const inProd = order[podIndex] !== 'other'
        expect(e.result.violations.length).toBe(inProd && firstNs >= 0 && firstNs < podIndex ? 1 : 0)
        podIndex++
      }
      const late = entries.flatMap((e) => (e._tag === 'Warning' && e.warning.code === 'namespace-after-pods' ? [e.warning.message] : []))
      const before = firstNs < 0 ? 0 : order.slice(0, firstNs).filter((w) => w === 'pod-a' || w === 'pod-b').length
      expect(late.length).toBe(before > 0 ? 1 : 0)
      if (before > 0) expect(late[0]).toContain(`after ${before} pod`)
    },
  )
})
