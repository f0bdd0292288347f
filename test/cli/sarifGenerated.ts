/**
 * Generated manifests checked and written as SARIF, for the schema property test and the SARIF
 * multitool's validator: several sources (inside and outside the working directory, standard
 * input), every violation code, findings, warnings, decode errors and exemptions.
 */
import { fc } from '@fast-check/vitest'
import type { Log } from 'sarif'
import { sarifLog } from '../../src/cli/format/sarif.js'
import { STDIN_SOURCE } from '../../src/cli/sources.js'
import { checkManifests, type CheckOptions } from '../../src/report/check.js'
import type { Report } from '../../src/report/report.js'

const SOURCES = ['k8s/app.yaml', '/repo/deep/dir/x.yml', '/outside/a b#c.yaml', '../up/ä.json', STDIN_SOURCE] as const

const container = fc.record({
  name: fc.constantFrom('app', 'side', 'init'),
  privileged: fc.option(fc.boolean(), { nil: undefined }),
  allowPrivilegeEscalation: fc.option(fc.boolean(), { nil: undefined }),
  runAsUser: fc.option(fc.constantFrom(0, 1000), { nil: undefined }),
  add: fc.option(fc.subarray(['SYS_ADMIN', 'CAP_SYS_ADMIN', 'NET_RAW', 'ALL']), { nil: undefined }),
  typo: fc.boolean(),
})

export const document = fc.oneof(
  fc.record({
    kind: fc.constantFrom('Pod', 'Deployment'),
    windows: fc.boolean(),
    exempt: fc.boolean(),
    containers: fc.array(container, { minLength: 1, maxLength: 3 }),
  }),
  fc.constantFrom('kind: Service\nmetadata: { name: s }\n', 'a: [1\n', 'kind: Pod\nspec: { containers: "no" }\n', ''),
)

export function yamlOf(doc: typeof document extends fc.Arbitrary<infer T> ? T : never): string {
  if (typeof doc === 'string') return doc
  const containers = doc.containers
    .map((c) => {
      const sc: string[] = []
      if (c.privileged !== undefined) sc.push(`privileged: ${c.privileged}`)
      if (c.allowPrivilegeEscalation !== undefined) sc.push(`allowPrivilegeEscalation: ${c.allowPrivilegeEscalation}`)
      if (c.runAsUser !== undefined) sc.push(`runAsUser: ${c.runAsUser}`)
      if (c.add !== undefined) sc.push(`capabilities: { add: [${c.add.join(', ')}] }`)
      if (c.typo) sc.push('allowPrivilegeEscalaton: true')
      return `    - name: ${c.name}\n      image: busybox\n${sc.length === 0 ? '' : `      securityContext:\n${sc.map((l) => `        ${l}\n`).join('')}`}`
    })
    .join('')
  const annotations = doc.exempt
    ? '  annotations:\n    no-new-privs.io/exempt: |\n      privileged-without-escalation:app reason=a debug pod\n      no-new-privs-required reason=reviewed\n'
    : ''
  const spec = `${doc.windows ? '    os: { name: windows }\n' : ''}    containers:\n${containers}`
  return doc.kind === 'Pod'
    ? `kind: Pod\nmetadata:\n  name: p\n${annotations}spec:\n${spec.replace(/^ {2}/gm, '')}`
    : `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n${annotations}spec:\n  template:\n    spec:\n${spec.replace(/^/gm, '  ')}`
}

export const generatedRun = fc.record({
  files: fc.array(fc.record({ source: fc.constantFrom(...SOURCES), docs: fc.array(document, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 3 }),
  semantics: fc.constantFrom('proposal' as const, 'kubernetes' as const, 'noNewPrivileges' as const),
  restricted: fc.boolean(),
  require: fc.boolean(),
  policy: fc.option(
    fc.constantFrom(
      'kind: PodSecurityPolicy\nmetadata: { name: closed }\nspec:\n  allowPrivilegeEscalation: false\n',
      'kind: PodSecurityPolicy\nmetadata: { name: invalid }\nspec:\n  allowPrivilegeEscalation: false\n  defaultAllowPrivilegeEscalation: true\n',
      'kind: PodSecurityPolicy\nmetadata: { name: adds }\nspec:\n  allowPrivilegeEscalation: true\n  defaultAllowPrivilegeEscalation: false\n  defaultAddCapabilities: [CAP_SYS_ADMIN]\n',
    ),
    { nil: undefined },
  ),
})

export function logOf(m: typeof generatedRun extends fc.Arbitrary<infer T> ? T : never): { log: Log; report: Report; options: CheckOptions } {
  const options: CheckOptions = {
    semantics: m.semantics,
    requireNoNewPrivs: m.require,
    ...(m.restricted ? { podSecurity: { level: 'restricted' as const } } : {}),
    exemptions: [],
    // PodSecurityPolicy exists through v1.24: there the kubernetes semantics applies the policy too.
    ...(m.semantics === 'kubernetes' ? { kubernetesVersion: 'v1.24' as const } : {}),
    ...(m.policy === undefined ? {} : { policies: [{ source: '/policies/psp.yaml', text: m.policy }] }),
  }
  const report = checkManifests(
    m.files.map((f) => ({ source: f.source, text: f.docs.map(yamlOf).join('---\n') })),
    options,
  )
  return { log: sarifLog(report, { cwd: '/repo', kubernetesVersion: 'v1.24' }), report, options }
}


/**
 * How much of SARIF a set of generated logs exercises, so a property test can say its inputs
 * were not all trivial.
 *
 * @example
 * coverageOf([log]).suppressed // results with suppressions
 */
export function coverageOf(logs: ReadonlyArray<Log>): { rules: Set<string>; suppressed: number; outside: number; stdin: number; columns: number } {
  const rules = new Set<string>()
  let suppressed = 0
  let outside = 0
  let stdin = 0
  let columns = 0
  for (const log of logs) {
    for (const r of log.runs[0]?.results ?? []) {
      rules.add(r.ruleId ?? '')
      if ((r.suppressions ?? []).length > 0) suppressed++
      const l = r.locations?.[0]?.physicalLocation
      if (l === undefined) stdin++
      else if (l.artifactLocation?.uriBaseId !== '%SRCROOT%') outside++
      if (l?.region?.startColumn !== undefined) columns++
    }
  }
  return { rules, suppressed, outside, stdin, columns }
}
