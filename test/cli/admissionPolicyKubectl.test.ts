/**
 * kubectl reads the printed YAML back to the same objects (kubectl 1.32, offline: `label --local`
 * decodes without a server). This is what `kubectl apply -f` parses; a server-side dry run needs
 * a cluster and is not run here.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { admissionPolicyCommand } from '../../src/cli/admissionPolicy.js'
import { admissionPolicies } from '../../src/policy/generate.js'
import { recordingIO } from './io.js'

const KUBECTL = '/usr/bin/kubectl'

describe.skipIf(!existsSync(KUBECTL))('kubectl reads admission-policy output', () => {
  it.each([[[]], [['--semantics', 'kubernetes', '--kubernetes-version', 'v1.37', '--pod-security', 'restricted', '--exclude-namespace', 'kube-system']]])(
    'every object, every CEL expression byte for byte (%j)',
    async (argv) => {
      const io = recordingIO()
      expect(await admissionPolicyCommand(argv, io)).toBe(0)
      const out = execFileSync(KUBECTL, ['label', '--local', '-f', '-', 'checked=yes', '-o', 'json'], { input: io.out(), encoding: 'utf8', timeout: 60_000 })
      // One JSON value per object, concatenated.
      const objects = JSON.parse(`[${out.replace(/\}\s*\{/g, '},{')}]`) as { metadata: { labels: Record<string, string> } }[]
      for (const o of objects) delete o.metadata.labels.checked
      const generated = admissionPolicies({
        ...(argv.length === 0 ? {} : { semantics: 'kubernetes', kubernetesVersion: 'v1.37', podSecurity: { level: 'restricted' }, excludeNamespaces: ['kube-system'] }),
      })
      if (generated._tag === 'Left') expect.fail(generated.left.message)
      expect(objects).toEqual(JSON.parse(JSON.stringify(generated.right.objects)))
    },
  )

  it('reads the -o json List as the same objects', async () => {
    const io = recordingIO()
    expect(await admissionPolicyCommand(['-o', 'json'], io)).toBe(0)
    const out = execFileSync(KUBECTL, ['label', '--local', '-f', '-', 'checked=yes', '-o', 'json'], { input: io.out(), encoding: 'utf8', timeout: 60_000 })
    // kubectl unpacks the List into its items (as `apply -f` does) and prints each one back.
    const objects = JSON.parse(`[${out.replace(/\}\s*\{/g, '},{')}]`) as { metadata: { labels: Record<string, string> } }[]
    for (const o of objects) delete o.metadata.labels.checked
    const generated = admissionPolicies({})
    if (generated._tag === 'Left') expect.fail(generated.left.message)
    expect(objects).toEqual(JSON.parse(JSON.stringify(generated.right.objects)))
  })
})
