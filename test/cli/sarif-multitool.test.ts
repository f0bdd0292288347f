/**
 * The SARIF multitool's validator (`@microsoft/sarif-multitool`, the SARIF SDK's own checker: the
 * schema plus the SARIF rules and GitHub's ingestion rules, `--rule-kind Gh;Sarif`) on generated
 * logs and the CLI's own output. The npm package ships a native binary; it is run directly (its
 * `bin.js` goes through a shell, which would split `Gh;Sarif`), once for every file together, since
 * each start costs seconds.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fc } from '@fast-check/vitest'
import type { Log, Result } from 'sarif'
import { afterAll, describe, expect, test } from 'vitest'
import { checkCommand } from '../../src/cli/check.js'
import { checkStream } from '../../src/manifest/stream.js'
import { recordingIO } from './io.js'
import { generatedRun, logOf } from './sarifGenerated.js'

const require = createRequire(import.meta.url)
const dir = mkdtempSync(join(tmpdir(), 'nnp-sarif-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function multitool(): string {
  // index.js names the binary of this platform (an optional dependency per OS).
  const path = require('@microsoft/sarif-multitool') as string
  if (!existsSync(path)) throw new Error(`@microsoft/sarif-multitool names ${path}, which is not installed`)
  return path
}

function run(binary: string, args: ReadonlyArray<string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    execFile(binary, [...args], { timeout: 240_000, maxBuffer: 64 << 20, env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, output: `${stdout}${stderr}` })
    })
  })
}

const pod = `apiVersion: v1
kind: Pod
metadata: { name: debug }
spec:
  containers:
  - name: shell
    securityContext: { privileged: true, allowPrivilegeEscalation: false, capabilities: { add: [SYS_ADMIN] } }
  - name: plain
`

describe('the SARIF multitool validator', () => {
  test('finds no error or warning in generated logs and the CLI output, and does find them in a broken log', { timeout: 300_000 }, async () => {
    const binary = multitool()
    const files: string[] = []
    const write = (name: string, log: unknown): void => {
      const path = join(dir, name)
      writeFileSync(path, JSON.stringify(log, null, 2))
      files.push(path)
    }
    fc.sample(generatedRun, { numRuns: 12, seed: 2026 }).forEach((m, i) => write(`generated-${i}.sarif`, logOf(m).log))
    for (const [name, argv] of [
      ['cli-stdin-filename.sarif', ['-o', 'sarif', '--stdin-filename', 'k8s/pod.yaml', '--require-no-new-privs', '--pod-security', 'restricted', '-']],
      ['cli-stdin.sarif', ['-o', 'sarif', '--semantics', 'kubernetes', '--kubernetes-version', 'v1.24', '-']],
    ] as const) {
      const io = recordingIO({ stdin: pod })
      await checkCommand(argv, io, checkStream, { cwd: dir })
      write(name, JSON.parse(io.out()))
    }
    // What the validator must reject, so that a clean answer above means something.
    write('broken.sarif', {
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'a', name: 'a' }] } }, results: [{ ruleId: 'a', message: {}, locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///abs/a.yaml' } } }] }] }],
    })

    const out = join(dir, 'validation.sarif')
    const { output } = await run(binary, ['validate', ...files, '--rule-kind', 'Gh;Sarif', '--output', out, '--log', 'ForceOverwrite'])
    expect(existsSync(out), output).toBe(true)
    const validation = JSON.parse(readFileSync(out, 'utf8')) as Log
    const byFile = new Map<string, Result[]>()
    for (const vrun of validation.runs) {
      for (const r of vrun.results ?? []) {
        // A result without a level has its rule's default level, and `warning` when the rule has none (SARIF §3.27.10).
        const rule = vrun.tool.driver.rules?.find((d) => d.id === r.ruleId)
        const level = r.level ?? rule?.defaultConfiguration?.level ?? 'warning'
        if (level !== 'error' && level !== 'warning') continue
      const uri = r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '?'
      const name = decodeURIComponent(uri).replace(/^.*\//, '')
        byFile.set(name, [...(byFile.get(name) ?? []), { ...r, level }])
      }
    }
    const broken = byFile.get('broken.sarif') ?? []
    expect(broken.some((r) => r.level === 'error'), output).toBe(true)
    byFile.delete('broken.sarif')
    const problems = [...byFile].map(([file, rs]) => `${file}: ${rs.map((r) => `${r.ruleId} ${r.message.text ?? ''}`).join('\n')}`)
    expect(problems, output).toEqual([])
  })
})
