import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { checkCommand } from '../../src/cli/check.js'
import { discovery, kubectlOnPath } from '../../src/cli/discover.js'
import { collectInputs } from '../../src/cli/sources.js'
import { checkStream } from '../../src/manifest/stream.js'
import { recordingIO } from './io.js'

let dir: string
const at = (...parts: string[]): string => join(dir, ...parts)
const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: x, securityContext: {allowPrivilegeEscalation: false}}]\n'
const write = (path: string, text: string): void => {
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, text)
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nnp-discover-'))
  const repo = (...p: string[]) => at('repo', ...p)
  write(repo('k8s', 'pod.yaml'), POD)
  write(repo('k8s', 'generated', 'pod.yaml'), POD)
  write(repo('k8s', 'tmp.yaml'), POD)
  write(repo('k8s', 'skip-me.yaml'), POD)
  write(repo('.gitignore'), 'generated/\n*.tmp.yaml\ntmp.yaml\n')
  write(repo('.github', 'workflows', 'ci.yml'), 'on: push\njobs: {}\n')
  write(repo('node_modules', 'x', 'pod.yaml'), POD)
  write(repo('package.json'), '{"name": "x", "version": "1.0.0"}')
  write(repo('docker-compose.yaml'), 'services:\n  web: {image: nginx}\n')
  write(repo('chart', 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n')
  write(repo('chart', 'values.yaml'), 'replicas: 1\n')
  write(repo('chart', 'templates', 'deploy.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n')
  write(repo('overlay', 'kustomization.yaml'), 'resources: [pod.yaml]\n')
  write(repo('overlay', 'pod.yaml'), POD)
  write(repo('broken.yaml'), 'kind: Pod\nspec: [\n')
})

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

async function runCheck(argv: string[]) {
  const io = recordingIO()
  const status = await checkCommand(['-o', 'json', ...argv], io, checkStream, { cwd: dir })
  return { status, report: JSON.parse(io.out()), err: io.err() }
}

describe('a directory walk over a real repository', () => {
  test('skips hidden directories, node_modules, what .gitignore and --exclude leave out; charts and non-manifests are skipped with a reason', async () => {
    const { report } = await runCheck(['--exclude', 'skip-me.yaml', at('repo')])
    const sources = new Set(report.results.map((r: { source: string }) => r.source))
    expect(sources).toEqual(new Set([at('repo', 'k8s', 'pod.yaml'), at('repo', 'overlay', 'kustomization.yaml')]))
    const skipped = report.skipped.map((s: { source: string; reason?: string }) => [s.source, s.reason?.split(':')[0]])
    expect(skipped).toEqual([
      [at('repo', 'chart', 'Chart.yaml'), 'a Helm chart'],
      [at('repo', 'docker-compose.yaml'), 'not a Kubernetes manifest'],
      [at('repo', 'package.json'), 'not a Kubernetes manifest'],
    ])
    // A real syntax error in a walked manifest stays an error.
    expect(report.errors.map((e: { source: string }) => e.source)).toEqual([at('repo', 'broken.yaml')])
  })

  test('the text report lists a skipped file with its reason', async () => {
    const io = recordingIO()
    await checkCommand([at('repo', 'chart')], io, checkStream, { cwd: dir })
    expect(io.out()).toContain('skipped: a Helm chart: its templates are not manifests until rendered')
  })

  test('the Helm note says how to check the chart', async () => {
    const { report } = await runCheck([at('repo', 'chart')])
    expect(report.skipped[0].reason).toBe(`a Helm chart: its templates are not manifests until rendered; check them with helm template NAME ${at('repo', 'chart')} | no-new-privs check -`)
  })

  test('a file named explicitly keeps its strictness: package.json is an error, not skipped', async () => {
    const { status, report } = await runCheck([at('repo', 'package.json')])
    expect(status).toBe(2)
    expect(report.skipped).toEqual([])
    expect(report.errors[0].code).toBe('missing-kind')
  })

  test.skipIf(process.env['PATH']?.split(':').every((d) => d === '') ?? true)('a kustomization is rendered by kubectl kustomize, its results named after it', async () => {
    if (!(await kubectlOnPath(process.env))) return
    const { status, report } = await runCheck([at('repo', 'overlay')])
    expect(status).toBe(0)
    expect(report.results.map((r: { source: string; name: string }) => [r.source, r.name])).toEqual([[at('repo', 'overlay', 'kustomization.yaml'), 'p']])
  })

  test('a kustomization kubectl refuses is one error naming it', async () => {
    if (!(await kubectlOnPath(process.env))) return
    write(at('badk', 'kustomization.yaml'), 'resources: [missing.yaml]\n')
    const { status, report } = await runCheck([at('badk')])
    expect(status).toBe(2)
    expect(report.errors).toHaveLength(1)
    expect(report.errors[0]).toMatchObject({ source: at('badk', 'kustomization.yaml'), code: 'kustomize-failed' })
    expect(report.errors[0].message).toMatch(/^kubectl kustomize .* failed: /)
  })
})

describe('discovery', () => {
  test('without kubectl, a kustomization is skipped with the command to run', async () => {
    const rules = discovery({ excludes: [], kubectl: false })
    expect(await rules.directory(at('repo', 'overlay'), true)).toEqual({
      _tag: 'skipped',
      source: at('repo', 'overlay', 'kustomization.yaml'),
      reason: `a kustomization, and kubectl is not on PATH to render it: check it with kubectl kustomize ${at('repo', 'overlay')} | no-new-privs check -`,
    })
  })

  test('with kubectl, it is to be rendered', async () => {
    const rules = discovery({ excludes: [], kubectl: true })
    expect(await rules.directory(at('repo', 'overlay'), true)).toEqual({ _tag: 'kustomize', source: at('repo', 'overlay', 'kustomization.yaml'), directory: at('repo', 'overlay') })
  })

  test('--exclude patterns follow .gitignore syntax relative to the directory operand', async () => {
    const rules = discovery({ excludes: ['k8s/only.yaml', '*.json', 'gen*/'] })
    await rules.directory(at('repo'), true)
    expect(rules.excluded(at('repo', 'k8s', 'only.yaml'), false)).toBe(true)
    expect(rules.excluded(at('repo', 'only.yaml'), false)).toBe(false)
    expect(rules.excluded(at('repo', 'a', 'b.json'), false)).toBe(true)
    expect(rules.excluded(at('repo', 'k8s', 'generated'), true)).toBe(true)
    expect(rules.excluded(at('repo', 'k8s', 'generated'), false)).toBe(false)
    expect(rules.excluded(at('repo', 'k8s', 'pod.yaml'), false)).toBe(false)
  })

  test('hidden directories and node_modules are left out, hidden files are not', async () => {
    const rules = discovery({ excludes: [] })
    expect(rules.excluded(at('x', '.github'), true)).toBe(true)
    expect(rules.excluded(at('x', 'node_modules'), true)).toBe(true)
    expect(rules.excluded(at('x', '.config.yaml'), false)).toBe(false)
  })

  test('kubectlOnPath looks for an executable kubectl in PATH only', async () => {
    const bin = at('bin')
    mkdirSync(bin, { recursive: true })
    expect(await kubectlOnPath({ PATH: bin })).toBe(false)
    writeFileSync(join(bin, 'kubectl'), '#!/bin/sh\n')
    chmodSync(join(bin, 'kubectl'), 0o755)
    expect(await kubectlOnPath({ PATH: `::${bin}` })).toBe(true)
    expect(await kubectlOnPath({})).toBe(false)
  })

  test('collectInputs without rules walks as before (every manifest name, hidden or not)', async () => {
    const { entries } = await collectInputs([at('repo', 'node_modules')])
    expect(entries.map((e) => e.source)).toEqual([at('repo', 'node_modules', 'x', 'pod.yaml')])
  })
})
