/**
 * One side of the dump figures, in a process of its own so its CPU time and peak RSS are its own:
 *
 *   node dumpChild.mjs gen json|yaml-list|yaml-docs N   writes a seeded kubectl dump on stdout
 *   node dumpChild.mjs cli [FORMAT]                     the CLI (`check -o FORMAT -`) on stdin
 *   node dumpChild.mjs cli-files DIR THREADS            the CLI (`check -o ndjson --threads T DIR`) on the files of DIR
 *   node dumpChild.mjs parse                            the floor: JSON.parse of the same bytes
 *   node dumpChild.mjs js-yaml load|loadAll             the YAML reference: js-yaml 4 of the same bytes
 *
 * The measuring sides print one JSON line on stderr at exit: CPU (user + system) and max RSS.
 *
 * @packageDocumentation
 */
import { checkFilesInParallel } from '../src/manifest/parallel.js'
import { checkStream } from '../src/manifest/stream.js'
import type { CheckFiles } from '../src/cli/deps.js'
import { resolveNoNewPrivs } from '../src/resolve/resolve.js'
import { runCli } from '../src/cli/cli.js'
import { nodeIO } from '../src/cli/io.js'
import { load, loadAll } from 'js-yaml'
import { kubectlJsonList, kubectlYamlDocuments, kubectlYamlList } from './generate.js'

const report = (extra: Record<string, unknown>): void => {
  const u = process.resourceUsage()
  process.stderr.write(`${JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssMB: u.maxRSS / 1024, ...extra })}\n`)
}

const [mode, a, b] = process.argv.slice(2)
if (mode === 'gen') {
  const n = Number(b)
  const chunks = a === 'json' ? kubectlJsonList(n, 1) : a === 'yaml-list' ? kubectlYamlList(n, 1) : kubectlYamlDocuments(n, 1)
  for await (const chunk of chunks) if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once('drain', resolve))
} else if (mode === 'cli' || mode === 'cli-files') {
  // The report is counted, not written: one `"type":"result"` line per container reported.
  let results = 0
  const io = nodeIO()
  const counting = {
    ...io,
    stdout: {
      write: (s: string): void => {
        for (let i = s.indexOf('{"type":"result"'); i >= 0; i = s.indexOf('{"type":"result"', i + 1)) results++
      },
    },
  }
  // The worker as the bench bundles it (beside this script), as main.ts wires dist/checkWorker.js.
  const checkFiles: CheckFiles = (files, options, { threads }) => checkFilesInParallel(files, options, { threads, workerUrl: new URL('./checkWorker.mjs', import.meta.url) })
  const argv = mode === 'cli' ? ['check', '-o', a ?? 'ndjson', '-'] : ['check', '-o', 'ndjson', '--threads', b ?? '1', a ?? '.']
  const status = await runCli(argv, counting, { checkStream, resolveNoNewPrivs, checkFiles })
  report({ status, results })
} else if (mode === 'parse') {
  const parts: Buffer[] = []
  for await (const chunk of process.stdin) parts.push(chunk as Buffer)
  const text = Buffer.concat(parts).toString('utf8')
  const value = JSON.parse(text) as { items: unknown[] }
  report({ items: value.items.length })
} else if (mode === 'js-yaml') {
  const parts: Buffer[] = []
  for await (const chunk of process.stdin) parts.push(chunk as Buffer)
  const text = Buffer.concat(parts).toString('utf8')
  // `load` of a List, `loadAll` of a `---` stream: what a program using js-yaml would call.
  let items = 0
  if (a === 'loadAll') loadAll(text, () => items++)
  else items = (load(text) as { items: unknown[] }).items.length
  report({ items })
}
