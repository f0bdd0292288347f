import * as E from 'fp-ts/lib/Either.js'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkCommand } from '../../src/cli/check.js'
import { parseCheckArgs, parseNamespace } from '../../src/cli/checkArgs.js'
import { checkStream } from '../../src/manifest/stream.js'
import { recordingIO } from './io.js'

const P = 'pod-security.kubernetes.io/'
let dir = ''
const at = (name: string): string => join(dir, name)

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nnp-cli-ns-'))
  writeFileSync(at('00-namespace.yaml'), `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n  labels:\n    ${P}warn: restricted\n`)
  writeFileSync(at('10-enforce.yaml'), `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n  labels:\n    ${P}enforce: restricted\n`)
  writeFileSync(at('pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: app\n')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function run(argv: string[]): Promise<{ status: number; out: string }> {
  const io = recordingIO()
  const status = await checkCommand(argv, io, checkStream, { cwd: dir })
  return { status, out: io.out() }
}

describe('--namespace', () => {
  it('reads a namespace name; -n is its short form; absent, the arguments carry none', () => {
    expect(parseNamespace('prod')).toEqual(E.right('prod'))
    const parsed = parseCheckArgs(['-n', 'prod', 'x.yaml'])
    expect(E.isRight(parsed) && parsed.right.namespace).toBe('prod')
    const none = parseCheckArgs(['x.yaml'])
    expect(E.isRight(none) && 'namespace' in none.right).toBe(false)
  })
  it.each(['Prod', '-x', 'a_b', '', 'a'.repeat(64)])('rejects %j with a usage error', (value) => {
    const r = parseNamespace(value)
    expect(E.isLeft(r) && r.left.message).toContain('--namespace must be a namespace name')
  })
})

describe('check with Namespaces in the input', () => {
  it('a warn level is a finding: exit 1, the finding names the namespace and label in JSON', async () => {
    const { status, out } = await run(['-o', 'json', '-n', 'prod', at('00-namespace.yaml'), at('pod.yaml')])
    expect(status).toBe(1)
    const report = JSON.parse(out) as { results: Array<{ noNewPrivs: boolean | null; findings: Array<{ code: string; podSecurity: unknown }> }> }
    expect(report.results[0]?.noNewPrivs).toBe(true)
    expect(report.results[0]?.findings).toEqual([
      expect.objectContaining({ code: 'restricted-requires-no-escalation', podSecurity: { namespace: 'prod', mode: 'warn', labels: [`${P}warn`], policy: 'restricted:latest' } }),
    ])
  })
  it('the same pod in the default namespace (no -n) is not in prod: exit 0', async () => {
    expect((await run([at('00-namespace.yaml'), at('pod.yaml')])).status).toBe(0)
  })
  it('an enforce level in a directory walk (files in name order) rejects the pod: exit 1, text names the label', async () => {
    const { status, out } = await run(['-n', 'team', dir])
    expect(status).toBe(1)
    expect(out).toContain('PodSecurity "restricted:latest" of namespace "team" (pod-security.kubernetes.io/enforce): the pod is rejected')
  })
})
