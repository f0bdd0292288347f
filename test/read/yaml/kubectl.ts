/**
 * Runs the real kubectl on many documents at once, for the differential tests.
 *
 * kubectl stops at the first document it refuses within one file, but goes on with the next
 * file, so each document is its own file and one `kubectl label --local -f DIR` reads them all
 * (one process, ~0.5 s, for a few hundred documents). Objects come back on stdout as JSON values
 * back to back; refusals as one `error: error parsing DIR/FILE: …` line each on stderr.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const KUBECTL = process.env['KUBECTL'] ?? '/usr/bin/kubectl'

/** Is kubectl there to compare with? */
export const hasKubectl = (): boolean => existsSync(KUBECTL)

/** What kubectl made of one document: its `data` field, or its refusal. */
export type KubectlReading = { readonly _tag: 'Value'; readonly data: unknown } | { readonly _tag: 'Refused'; readonly message: string }

const NAME = /^d(\d+)$/

/** A Pod named `d<i>` around `body` (YAML lines of the `data` field, at column 0 under `data:`). */
export const podAround = (i: number, body: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: d${i}\ndata:\n${body}`

/**
 * kubectl's reading of each document (whole Pod texts named `d<i>`, see `podAround`), by index.
 * A document kubectl neither printed nor refused is missing from the map.
 */
export const kubectlReadings = (texts: ReadonlyArray<string>): Map<number, KubectlReading> => {
  const dir = mkdtempSync(join(tmpdir(), 'nnp-kubectl-'))
  try {
    texts.forEach((text, i) => writeFileSync(join(dir, `d${String(i).padStart(4, '0')}.yaml`), text))
    const run = spawnSync(KUBECTL, ['label', '--local', '-f', dir, 'differential=yes', '-o', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 50_000 })
    const out = new Map<number, KubectlReading>()
    // kubectl prints each object indented, opening and closing at column 0.
    for (const chunk of run.stdout.split(/^}\n?/m)) {
      if (chunk.trim() === '') continue
      const object = JSON.parse(`${chunk}}`) as { metadata?: { name?: string }; data?: unknown }
      const match = NAME.exec(object.metadata?.name ?? '')
      if (match) out.set(Number(match[1]), { _tag: 'Value', data: object.data ?? null })
    }
    for (const line of run.stderr.split('\n')) {
      const match = /error parsing .*\/d(\d+)\.yaml: (.*)$/.exec(line)
      if (match) out.set(Number(match[1]), { _tag: 'Refused', message: match[2] as string })
    }
    return out
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
