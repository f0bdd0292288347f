/**
 * One large-batch run in a process of its own, so its peak RSS is its own: `process.resourceUsage().maxRSS`
 * at the end is the high-water mark of the whole run. Prints one JSON line.
 *
 *   batchChild --mode stream --pods N [--seed S]          one YAML stream generated lazily, checkStream
 *   batchChild --mode files --dir D [--threads T]         every file of D: checkStream (T = 0) or checkFilesInParallel
 *
 * @packageDocumentation
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { ReportEntry } from '../src/report/check.js'
import { checkFilesInParallel } from '../src/manifest/parallel.js'
import { checkStream } from '../src/manifest/stream.js'
import { yamlStream } from './generate.js'

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback
}

/** What the consumer keeps: counts only, as a batch report would. */
interface Tally {
  documents: number
  results: number
  noNewPrivs: number
  violations: number
  errors: number
  warnings: number
  skipped: number
}

function tally(t: Tally, entry: ReportEntry): void {
  switch (entry._tag) {
    case 'Result':
      t.results++
      if (entry.result.noNewPrivs === true) t.noNewPrivs++
      if (entry.result.violations.length > 0) t.violations++
      break
    case 'Error':
      t.errors++
      break
    case 'Warning':
      t.warnings++
      break
    case 'Skipped':
      t.skipped++
      break
  }
}

const mode = arg('mode', 'stream')
const t: Tally = { documents: 0, results: 0, noNewPrivs: 0, violations: 0, errors: 0, warnings: 0, skipped: 0 }
let generationNs = 0
const start = process.hrtime.bigint()
if (mode === 'stream') {
  const pods = Number(arg('pods', '10000'))
  const seed = Number(arg('seed', '7'))
  // Time spent generating the text is measured and taken out: the figure is the check's.
  async function* timed(): AsyncGenerator<string> {
    const it = yamlStream(pods, seed)
    for (;;) {
      const t0 = process.hrtime.bigint()
      const step = await it.next()
      generationNs += Number(process.hrtime.bigint() - t0)
      if (step.done === true) return
      yield step.value
    }
  }
  for await (const entry of checkStream([{ source: 'stream.yaml', chunks: timed() }])) tally(t, entry)
  t.documents = pods
} else {
  const dir = arg('dir', '.')
  const threads = Number(arg('threads', '0'))
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(dir, f))
  const entries =
    threads === 0
      ? checkStream(files.map((path) => ({ source: path, path })))
      : checkFilesInParallel(files, undefined, { threads, workerUrl: new URL('./checkWorker.mjs', import.meta.url) })
  for await (const entry of entries) tally(t, entry)
  t.documents = Number(arg('pods', '0'))
}
const totalNs = Number(process.hrtime.bigint() - start)
const usage = process.resourceUsage()
process.stdout.write(
  `${JSON.stringify({ mode, ...t, totalMs: totalNs / 1e6, generationMs: generationNs / 1e6, checkMs: (totalNs - generationNs) / 1e6, maxRssMB: usage.maxRSS / 1024, cpuUserMs: usage.userCPUTime / 1000, cpuSystemMs: usage.systemCPUTime / 1000 })}\n`,
)
