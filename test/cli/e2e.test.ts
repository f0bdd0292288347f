/**
 * End to end: the BUILT executable (`node dist/cli/main.js`) as a child process, on the
 * examples/ manifests, checking the outcomes examples/README.md promises.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import type { ContainerResult, Report } from '../../src/report/report.js'
import { CLI, ROOT, ensureBuilt } from './build.js'
import { sarifValidator } from './sarifSchema.js'


interface Run {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

function cli(args: ReadonlyArray<string>, options: { input?: string; env?: Record<string, string> } = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env }
  if (options.env?.['FORCE_COLOR'] === undefined) delete env['FORCE_COLOR']
  if (options.env?.['NO_COLOR'] === undefined) delete env['NO_COLOR']
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, input: options.input ?? '', env, encoding: 'utf8', timeout: 60_000 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

function json(args: ReadonlyArray<string>): { status: number | null; report: Report; stderr: string } {
  const r = cli(['check', '--output', 'json', ...args])
  return { status: r.status, report: JSON.parse(r.stdout) as Report, stderr: r.stderr }
}

/** Results keyed `object/container`. */
function byContainer(report: Report): Map<string, ContainerResult> {
  return new Map(report.results.map((r) => [`${r.name ?? ''}/${r.container ?? ''}`, r]))
}

function codes(r: ContainerResult | undefined): ReadonlyArray<string> {
  return (r?.violations ?? []).map((v) => v.code)
}

const ex = (file: string): string => join('examples', file)

describe('the built CLI', () => {
  beforeAll(() => {
    ensureBuilt()
  }, 300_000)

  test('--version and --help', () => {
    expect(cli(['--version'])).toMatchObject({ status: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\S*\n$/) })
    expect(cli(['--help']).stdout).toContain('no-new-privs check')
    expect(cli(['check', '--help']).status).toBe(0)
    expect(cli(['run', '--help']).status).toBe(0)
  })

  test('a usage error is one line on stderr and exit 2', () => {
    const r = cli(['check', '--output', 'xml', ex('hardened-pod.yaml')])
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
  })

  test('check examples/ exits 1 (violations on purpose), lists every example and ends with the summary', () => {
    const r = cli(['check', 'examples/'])
    expect(r.status).toBe(1)
    for (const file of [
      'cronjob.yaml', 'deployment.yaml', 'escalating-daemonset.yaml', 'hardened-pod.yaml', 'init-and-ephemeral.yaml',
      'job.yaml', 'list.yaml', 'replicaset.json', 'sys-admin.yaml', 'table-cells.yaml', 'typo.yaml', 'windows-pod.yaml',
    ]) {
      expect(r.stdout).toContain(`examples/${file}`)
    }
    expect(r.stdout).toMatch(/\d+ containers in \d+ sources: .* rejected · \d+ violations/)
    // Not a terminal: no colour, no progress.
    expect(r.stdout).not.toContain('\u001b[')
    expect(r.stderr).not.toContain('\r')
  })

  test('FORCE_COLOR colours the text report even into a pipe; NO_COLOR alone does not', () => {
    expect(cli(['check', ex('table-cells.yaml')], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[')
    expect(cli(['check', ex('table-cells.yaml')], { env: { NO_COLOR: '1' } }).stdout).not.toContain('\u001b[')
  })

  test('--output sarif on examples/ is valid SARIF 2.1.0 with relative URIs', () => {
    const r = cli(['check', '--output', 'sarif', 'examples/'])
    expect(r.status).toBe(1)
    const log = JSON.parse(r.stdout)
    const validate = sarifValidator()
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true)
    const uris = log.runs[0].results.map((x: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => x.locations[0]?.physicalLocation.artifactLocation.uri)
    for (const uri of uris) expect(uri).toMatch(/^examples\//)
  })

  test('hardened-pod.yaml: no_new_privs, exit 0', () => {
    const { status, report } = json([ex('hardened-pod.yaml')])
    expect(status).toBe(0)
    expect(byContainer(report).get('api/api')).toMatchObject({ noNewPrivs: true, kind: 'Pod', namespace: 'shop', containerType: 'containers', path: 'spec.containers[0]' })
  })

  test('table-cells.yaml: each of the nine cells', () => {
    const { status, report } = json([ex('table-cells.yaml')])
    expect(status).toBe(1)
    const got = byContainer(report)
    const expected: Record<string, boolean | null> = {
      'nil-root': true, 'nil-nonroot': false, 'nil-privileged': false,
      'false-root': true, 'false-nonroot': true, 'false-privileged': null,
      'true-root': false, 'true-nonroot': false, 'true-privileged': false,
    }
    for (const [pod, noNewPrivs] of Object.entries(expected)) {
      expect(got.get(`${pod}/app`)?.noNewPrivs, pod).toBe(noNewPrivs)
    }
    expect(got.get('false-privileged/app')?.violations).toEqual([
      expect.objectContaining({ code: 'privileged-without-escalation', path: 'spec.containers[0].securityContext.allowPrivilegeEscalation' }),
    ])
    // Nine pods in one stream: the documents are numbered in order.
    const documents = report.results.map((r) => r.document)
    expect([...documents].sort((a, b) => a - b)).toEqual(documents)
    expect(new Set(documents).size).toBe(9)
  })

  test('deployment.yaml: a finding only with --require-no-new-privs', () => {
    const plain = json([ex('deployment.yaml')])
    expect(plain.status).toBe(0)
    expect(byContainer(plain.report).get('storefront/web')?.noNewPrivs).toBe(true)
    expect(byContainer(plain.report).get('storefront/log-shipper')).toMatchObject({ noNewPrivs: false, path: 'spec.template.spec.containers[1]' })
    const strict = json(['--require-no-new-privs', ex('deployment.yaml')])
    expect(strict.status).toBe(1)
    expect(byContainer(strict.report).get('storefront/log-shipper')?.findings.map((f) => f.code)).toEqual(['no-new-privs-required'])
    expect(byContainer(strict.report).get('storefront/web')?.findings).toEqual([])
  })

  test('cronjob.yaml: the YAML 1.1 `no` is false, at the CronJob path', () => {
    const { status, report } = json([ex('cronjob.yaml')])
    expect(status).toBe(0)
    expect(byContainer(report).get('nightly-report/report')).toMatchObject({
      noNewPrivs: true,
      path: 'spec.jobTemplate.spec.template.spec.containers[0]',
    })
  })

  test('job.yaml: the semantics and the policy change the answer', () => {
    const decide = (args: string[]) => byContainer(json([...args, ex('job.yaml')]).report).get('migrate/migrate')?.noNewPrivs
    const policy = ['--policy', ex('policies/no-escalation.yaml')]
    expect(decide([])).toBe(true)
    expect(decide(['--semantics', 'kubernetes'])).toBe(false)
    expect(decide(policy)).toBe(true)
    expect(decide([...policy, '--semantics', 'kubernetes', '--kubernetes-version', 'v1.24'])).toBe(true)
    // SPEC §5.1: the default version is latest, which has no PodSecurityPolicy: the policy is not applied.
    expect(decide([...policy, '--semantics', 'kubernetes'])).toBe(false)
  })

  test('list.yaml: item paths, and the Service skipped', () => {
    const { status, report } = json([ex('list.yaml')])
    expect(status).toBe(0)
    expect(byContainer(report).get('cache-0/redis')).toMatchObject({ noNewPrivs: true, path: 'items[0].spec.containers[0]' })
    expect(report.skipped).toEqual([expect.objectContaining({ source: 'examples/list.yaml', kind: 'Service' })])
  })

  test('replicaset.json: JSON input, uid from the pod', () => {
    const { status, report } = json([ex('replicaset.json')])
    expect(status).toBe(0)
    expect(byContainer(report).get('search/search')?.noNewPrivs).toBe(true)
  })

  test('init-and-ephemeral.yaml: every kind of container; restricted rejects the init and ephemeral ones', () => {
    const { status, report } = json([ex('init-and-ephemeral.yaml')])
    expect(status).toBe(0)
    const got = byContainer(report)
    expect(got.get('gallery/fix-perms')).toMatchObject({ containerType: 'initContainers', noNewPrivs: true })
    expect(got.get('gallery/app')).toMatchObject({ containerType: 'containers', noNewPrivs: true })
    expect(got.get('gallery/debugger')).toMatchObject({ containerType: 'ephemeralContainers', noNewPrivs: false })
    const restricted = json(['--pod-security', 'restricted', ex('init-and-ephemeral.yaml')])
    expect(restricted.status).toBe(1)
    expect(report.results.flatMap((r) => codes(r))).toEqual([])
    expect(restricted.report.results.flatMap((r) => codes(r))).toContain('restricted-requires-no-escalation')
  })

  test('windows-pod.yaml: not applicable, and the field is rejected', () => {
    const { status, report } = json([ex('windows-pod.yaml')])
    expect(status).toBe(1)
    const got = byContainer(report)
    expect(got.get('iis/iis')).toMatchObject({ noNewPrivs: false, reason: { applicable: false } })
    expect(codes(got.get('iis/log-monitor'))).toEqual(['escalation-field-on-windows'])
  })

  test('typo.yaml: an unknown-field warning with a suggestion; --strict makes it exit 2', () => {
    const { status, report } = json([ex('typo.yaml')])
    expect(status).toBe(0)
    expect(report.warnings).toEqual([
      expect.objectContaining({
        code: 'unknown-field',
        path: 'spec.containers[0].securityContext.allowPrivilegeEscalaton',
        message: expect.stringContaining('allowPrivilegeEscalation'),
      }),
    ])
    expect(byContainer(report).get('worker/worker')?.noNewPrivs).toBe(false)
    expect(cli(['check', '--strict', ex('typo.yaml')]).status).toBe(2)
  })

  test('sys-admin.yaml: both rejected by the design; only the literal CAP_SYS_ADMIN by Kubernetes', () => {
    const proposal = json([ex('sys-admin.yaml')])
    expect(proposal.status).toBe(1)
    const p = byContainer(proposal.report)
    expect(p.get('fuse-store/mounter')?.violations).toEqual([
      expect.objectContaining({ code: 'sys-admin-without-escalation', path: 'spec.template.spec.containers[0].securityContext.capabilities.add[0]' }),
    ])
    expect(codes(p.get('fuse-store/legacy-mounter'))).toEqual(['sys-admin-without-escalation'])
    const k8s = json(['--semantics', 'kubernetes', ex('sys-admin.yaml')])
    const k = byContainer(k8s.report)
    expect(codes(k.get('fuse-store/legacy-mounter'))).toEqual(['sys-admin-without-escalation'])
    expect(k.get('fuse-store/mounter')?.noNewPrivs).toBe(true)
    const spelling = [...k8s.report.warnings.map((w) => w.code), ...(k.get('fuse-store/mounter')?.reason?.warnings ?? []).map((w) => w.code)]
    expect(spelling).toContain('sys-admin-spelling')
  })

  test('escalating-daemonset.yaml: allowed alone, forbidden by the policy', () => {
    const alone = json([ex('escalating-daemonset.yaml')])
    expect(alone.status).toBe(0)
    expect(byContainer(alone.report).get('node-agent/agent')?.noNewPrivs).toBe(false)
    const admitted = json(['--policy', ex('policies/no-escalation.yaml'), ex('escalating-daemonset.yaml')])
    expect(admitted.status).toBe(1)
    expect(codes(byContainer(admitted.report).get('node-agent/agent'))).toEqual(['escalation-forbidden-by-policy'])
  })

  test('policies/contradictory.yaml: invalid-policy', () => {
    const r = cli(['check', '--output', 'json', ex('policies/contradictory.yaml')])
    expect(r.status).not.toBe(0)
    expect(r.stdout).toContain('invalid-policy')
  })

  test('standard input, and an unreadable file beside a readable one (exit 2, both reported)', () => {
    const stdin = cli(['check', '--output', 'json', '-'], { input: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: i\n' })
    expect(stdin.status).toBe(0)
    expect(JSON.parse(stdin.stdout).results).toEqual([expect.objectContaining({ source: '<stdin>', container: 'c', noNewPrivs: true })])
    const mixed = json(['examples/does-not-exist.yaml', ex('hardened-pod.yaml')])
    expect(mixed.status).toBe(2)
    expect(mixed.report.errors).toEqual([expect.objectContaining({ source: 'examples/does-not-exist.yaml', code: 'unreadable' })])
    expect(mixed.report.results).toHaveLength(1)
  })

  test('run prints a Pod, and refuses --privileged with no-new-privileges (exit 2, one line)', () => {
    const ok = cli(['run', 'web', '--image', 'nginx', '--security-opt', 'no-new-privileges'])
    expect(ok.status).toBe(0)
    expect(ok.stdout).toContain('allowPrivilegeEscalation: false')
    // What run prints, check accepts.
    expect(cli(['check', '--require-no-new-privs', '-'], { input: ok.stdout }).status).toBe(0)
    const refused = cli(['run', 'web', '--image', 'nginx', '--privileged', '--security-opt', 'no-new-privileges'])
    expect(refused.status).toBe(2)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toMatch(/^no-new-privs run: refused under semantics proposal: privileged-without-escalation: .*\n$/)
  })
})
