/**
 * `npm run bench`: every figure of the performance issue in one run, each as a ratio to a
 * reference measured in the same process (interleaved rounds), written to bench/results.json and
 * printed as a table.
 *
 *   npm run bench                 full run (the 1M-pod batch included; ~15 minutes on 2 cores)
 *   npm run bench -- --quick      smaller batches, fewer rounds, no 1M-pod batch (~3 minutes)
 *   npm run bench -- --only resolve,decode,yaml,batch,parallel,dump
 *
 * @packageDocumentation
 */
import { Ajv } from 'ajv'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseAllDocuments } from 'yaml'
import { compileDecoder } from '../src/codecs/compile.js'
import { PodSpec } from '../src/codecs/podSpec.js'
import { checkEntries } from '../src/report/check.js'
import { kubectlTags } from '../src/read/yaml/kubectlTags.js'
import { inputProblems, oldPodProblems } from '../src/resolve/guard.js'
import { planOf } from '../src/resolve/plan.js'
import { Reading, readInput, readOldPod } from '../src/resolve/read.js'
import { resolveNoNewPrivs } from '../src/resolve/resolve.js'
import type { ContainerSecurityInput, PodSecurityInput, Semantics } from '../src/resolve/types.js'
import { checksum, compare, ratioOf, type Comparison, type Spread } from './harness.js'
import { floorAnswer } from './floor.js'
import { podSpecs, resolveCases, seeded, workload, yamlDocuments } from './generate.js'
import { podSpecSecuritySchema } from './k8sSchema.js'

const argv = process.argv.slice(2)
const quick = argv.includes('--quick')
const onlyAt = argv.indexOf('--only')
const only = onlyAt >= 0 ? new Set((argv[onlyAt + 1] ?? '').split(',')) : undefined
const runs = (name: string): boolean => only === undefined || only.has(name)
const buildDir = process.env.NO_NEW_PRIVS_BENCH_DIR ?? fileURLToPath(new URL('.', import.meta.url))
const root = process.cwd()

/** One line of the table. */
interface Figure {
  readonly id: string
  readonly name: string
  readonly ours: string
  readonly reference: string
  /** What is compared: ratio of times (ours / reference) or another measure. */
  readonly measure: string
  readonly value: Spread | number
  readonly target: string
  readonly met: boolean | null
  readonly detail?: unknown
}

const figures: Figure[] = []
const log = (s: string): void => void process.stderr.write(`${s}\n`)

// ---------------------------------------------------------------------------------------------
// 1. Resolve, hot path

async function benchResolve(): Promise<void> {
  const n = 10_000
  const cases = resolveCases(n, 1)
  log(`resolve: ${n} typed containers, the whole domain (semantics, versions, operations, restricted, Windows)`)
  const resolveAll = (subset: ReadonlyArray<(typeof cases)[number]>) => (): number => {
    let x = 0
    for (let i = 0; i < subset.length; i++) {
      const c = subset[i] as (typeof cases)[number]
      const r = resolveNoNewPrivs(c.input, c.options)
      x += r._tag === 'Right' ? (r.right.noNewPrivs ? 1 : 2) : 3
    }
    return x
  }
  const floorAll = (subset: ReadonlyArray<(typeof cases)[number]>) => (): number => {
    let x = 0
    for (let i = 0; i < subset.length; i++) {
      const c = subset[i] as (typeof cases)[number]
      x += floorAnswer(c.input, c.options)
    }
    return x
  }
  const opts = { items: n, rounds: quick ? 3 : 7, minMs: quick ? 150 : 400 }
  const all = await compare([['floor', floorAll(cases)], ['resolveNoNewPrivs', resolveAll(cases)]], opts)
  figures.push({
    id: 'resolve',
    name: `Resolve, hot path (${n.toLocaleString('en')} typed containers, the whole domain: every cell, policies, 3 semantics, versions v1.16–latest, creates and updates, restricted, Windows)`,
    ours: ns(all.sides.resolveNoNewPrivs),
    reference: `floor (every answer, by hand) ${ns(all.sides.floor)}`,
    measure: 'time ratio',
    value: all.ratios.resolveNoNewPrivs as Spread,
    target: '≤ 2.0×',
    met: (all.ratios.resolveNoNewPrivs as Spread).median <= 2.0,
  })
  const minor = (c: (typeof cases)[number]): number => Number(/^v1\.(\d+)$/.exec(c.options.kubernetesVersion ?? '')?.[1] ?? Infinity)
  const kube = (c: (typeof cases)[number]): boolean => c.options.semantics === 'kubernetes'
  const breakdown: ReadonlyArray<readonly [string, (c: (typeof cases)[number]) => boolean]> = [
    ...(['proposal', 'kubernetes', 'noNewPrivileges'] as Semantics[]).map(
      (semantics) => [`resolved under \`${semantics}\``, (c: (typeof cases)[number]) => (c.options.semantics ?? 'proposal') === semantics] as const,
    ),
    ['under `kubernetes` ≤ v1.24 (PodSecurityPolicy applied)', (c) => kube(c) && minor(c) <= 24],
    ['under `kubernetes` ≥ v1.25', (c) => kube(c) && minor(c) >= 25],
    ['under `kubernetes`, updates with an old pod spec', (c) => kube(c) && c.options.operation === 'update'],
    ['with the restricted level', (c) => c.options.podSecurity !== undefined],
    ['of Windows pods', (c) => c.input.os === 'windows'],
  ]
  // The same batch in another order: grouped by options, as one cluster's loop checks its pods, so
  // the gap to the whole-domain figure is the cost of switching options from one call to the next.
  const key = (c: (typeof cases)[number]): string =>
    `${c.options.semantics}|${c.options.kubernetesVersion}|${c.options.operation}|${c.options.podSecurity?.version ?? c.options.podSecurity?.level}`
  const grouped = [...cases].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
  const subsets: ReadonlyArray<readonly [string, ReadonlyArray<(typeof cases)[number]>]> = [
    ['of the whole domain, grouped by options (one options object at a time)', grouped],
    ...breakdown.map(([what, keep]) => [what, cases.filter(keep)] as const),
  ]
  for (const [what, subset] of subsets) {
    const c = await compare([['floor', floorAll(subset)], ['resolveNoNewPrivs', resolveAll(subset)]], { ...opts, items: subset.length })
    figures.push({
      id: `resolve-${what.replace(/[^a-zA-Z0-9.]+/g, '-').replace(/^-|-$/g, '')}`,
      name: `  … the ${subset.length.toLocaleString('en')} containers ${what}`,
      ours: ns(c.sides.resolveNoNewPrivs),
      reference: `floor ${ns(c.sides.floor)}`,
      measure: 'time ratio',
      value: c.ratios.resolveNoNewPrivs as Spread,
      target: '(breakdown)',
      met: null,
    })
  }
  // The run-time guard of the argument types alone (src/resolve/guard.ts), over the same batch. It
  // is no longer on the hot path: read.ts reads and checks each field once, and the guard runs only
  // to name the problems of a wrong-typed argument. Kept for comparison with the next figure.
  const guardAll = (): number => {
    let x = 0
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i] as (typeof cases)[number]
      if (inputProblems(c.input) === undefined) x++
      if (c.options.oldPod != null && oldPodProblems(c.options.oldPod) === undefined) x++
    }
    return x
  }
  const guard = await compare([['floor', floorAll(cases)], ['guard', guardAll]], opts)
  figures.push({
    id: 'resolve-guard',
    name: `  … the argument-type guard of the slow path alone, for comparison (guard.ts, ${n.toLocaleString('en')} inputs, old pod specs of updates)`,
    ours: ns(guard.sides.guard),
    reference: `floor ${ns(guard.sides.floor)}`,
    measure: 'time ratio',
    value: guard.ratios.guard as Spread,
    target: '(breakdown)',
    met: null,
  })

  // What resolveNoNewPrivs reads before it decides anything (resolve.ts resolveChecked): the plan of
  // the options (their fields read and compared with the last call's), every input field read and
  // type-checked into a Reading (read.ts), the old pod spec of an update. The part of the figure
  // that the totality promise costs and the floor, which checks no type, does not pay.
  const reading = new Reading()
  const readAll = (): number => {
    let x = 0
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i] as (typeof cases)[number]
      const plan = planOf(c.options)
      if (readInput(c.input, reading)) x++
      if (plan.invalid === undefined) x += readOldPod(c.options.oldPod)
    }
    return x
  }
  const reads = await compare([['floor', floorAll(cases)], ['reads', readAll]], opts)
  figures.push({
    id: 'resolve-reads',
    name: `  … of which reading and type-checking the arguments, as resolveNoNewPrivs does before deciding (${n.toLocaleString('en')} calls: options plan, input, old pod spec)`,
    ours: ns(reads.sides.reads),
    reference: `floor ${ns(reads.sides.floor)}`,
    measure: 'time ratio',
    value: reads.ratios.reads as Spread,
    target: '(breakdown)',
    met: null,
  })
}

// ---------------------------------------------------------------------------------------------
// 2. Decode + resolve from parsed JSON

interface RawContainer {
  readonly name?: unknown
  readonly securityContext?: unknown
}
interface RawSpec {
  readonly containers?: ReadonlyArray<RawContainer>
  readonly initContainers?: ReadonlyArray<RawContainer> | null
  readonly ephemeralContainers?: ReadonlyArray<RawContainer> | null
  readonly securityContext?: unknown
  readonly os?: { readonly name?: unknown } | null
}

/** Resolves every container of a decoded pod spec: what a tool does once the spec is valid. */
function resolveSpec(spec: RawSpec): number {
  let x = 0
  const pod = (spec.securityContext ?? undefined) as PodSecurityInput | undefined
  const os = typeof spec.os?.name === 'string' ? spec.os.name : undefined
  for (const list of [spec.initContainers, spec.containers, spec.ephemeralContainers]) {
    if (list == null) continue
    for (let i = 0; i < list.length; i++) {
      const c = list[i] as RawContainer
      const r = resolveNoNewPrivs({ container: (c.securityContext ?? undefined) as ContainerSecurityInput | undefined, pod, os, name: c.name as string })
      x += r._tag === 'Right' ? (r.right.noNewPrivs ? 1 : 2) : 3
    }
  }
  return x
}

async function benchDecode(): Promise<void> {
  const n = quick ? 1_000 : 2_000
  const specs = podSpecs(n, 2) as RawSpec[]
  const documents = specs.map((spec, i) => ({ source: `pod-${i}`, value: { apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}` }, spec } }))
  log(`decode: ${n} parsed pod specs`)
  const decodePodSpec = compileDecoder(PodSpec)
  const ajv = new Ajv({ allErrors: false, strict: false })
  ajv.addFormat('int64', { type: 'number', validate: (x: number) => Number.isSafeInteger(x) })
  const validateSecurity = ajv.compile(podSpecSecuritySchema)
  let kubernetesModels: ((spec: unknown) => boolean) | undefined
  let kubernetesModelsNote = 'kubernetes-models 5.1.0: new Pod({ spec }).validate() (it declares engines node >= 22, and runs on Node 20)'
  try {
    const { Pod } = (await import('kubernetes-models/v1/Pod')) as { Pod: new (data: unknown) => { validate(): void } }
    kubernetesModels = (spec) => {
      try {
        new Pod({ metadata: { name: 'p' }, spec }).validate()
        return true
      } catch {
        return false
      }
    }
    kubernetesModels(specs[0])
  } catch (e) {
    kubernetesModelsNote = `kubernetes-models could not run here: ${e instanceof Error ? e.message : String(e)}`
    kubernetesModels = undefined
  }
  const sides: Array<readonly [string, () => number]> = [
    ['ajv', () => {
      let x = 0
      for (let i = 0; i < specs.length; i++) x += validateSecurity(specs[i]) ? 1 : 2
      return x
    }],
    ['ours', () => {
      let x = 0
      for (let i = 0; i < specs.length; i++) {
        const d = decodePodSpec(specs[i])
        x += d._tag === 'Right' ? resolveSpec(d.right.value as RawSpec) : 7
      }
      return x
    }],
    ['io-ts', () => {
      let x = 0
      for (let i = 0; i < specs.length; i++) {
        const d = PodSpec.decode(specs[i])
        x += d._tag === 'Right' ? resolveSpec(d.right as RawSpec) : 7
      }
      return x
    }],
    ['checkEntries', () => {
      let x = 0
      for (const entry of checkEntries(documents)) x += entry._tag === 'Result' ? 1 : 2
      return x
    }],
  ]
  if (kubernetesModels !== undefined) {
    const validate = kubernetesModels
    sides.push(['kubernetes-models', () => {
      let x = 0
      for (let i = 0; i < specs.length; i++) x += validate(specs[i]) ? 1 : 2
      return x
    }])
  }
  const c = await compare(sides, { items: n, rounds: quick ? 3 : 5, minMs: quick ? 150 : 400, maxSamples: 50 })
  const vsIots = ratioOf(c, 'io-ts', 'ours')
  figures.push({
    id: 'decode-vs-io-ts',
    name: `Decode + resolve, ${n.toLocaleString('en')} parsed pods (1–4 containers, init, pod + container contexts) vs (a) io-ts`,
    ours: us(c.sides.ours),
    reference: `(a) io-ts \`PodSpec.decode\` + resolve ${us(c.sides['io-ts'])}`,
    measure: 'speed-up (reference / ours)',
    value: vsIots,
    target: '≥ 5×',
    met: vsIots.median >= 5,
  })
  const vsAjv = c.ratios.ours as Spread
  figures.push({
    id: 'decode-vs-ajv',
    name: '  … vs (b) ajv, validating only the security-context types',
    ours: us(c.sides.ours),
    reference: `(b) ajv ${us(c.sides.ajv)}`,
    measure: 'time ratio',
    value: vsAjv,
    target: '≤ 1.0×',
    met: vsAjv.median <= 1.0,
  })
  if (kubernetesModels !== undefined) {
    const vsKm = ratioOf(c, 'ours', 'kubernetes-models')
    figures.push({
      id: 'decode-vs-kubernetes-models',
      name: '  … vs (c) kubernetes-models `validate()` (whole pod)',
      ours: us(c.sides.ours),
      reference: `(c) ${us(c.sides['kubernetes-models'])}`,
      measure: 'time ratio',
      value: vsKm,
      target: '(reference)',
      met: null,
      detail: kubernetesModelsNote,
    })
  } else figures.push({ id: 'decode-vs-kubernetes-models', name: '  … vs (c) kubernetes-models', ours: '', reference: kubernetesModelsNote, measure: '', value: NaN, target: '(reference)', met: null })
  figures.push({
    id: 'decode-check-entries',
    name: '  … the full report (`checkEntries` on the parsed objects: paths, lines, findings) vs (b) ajv',
    ours: us(c.sides.checkEntries),
    reference: `(b) ajv ${us(c.sides.ajv)}`,
    measure: 'time ratio',
    value: ratioOf(c, 'checkEntries', 'ajv'),
    target: '(breakdown)',
    met: null,
  })
}

// ---------------------------------------------------------------------------------------------
// 3. End to end from YAML text

const YAML_OPTIONS = { version: '1.1', schema: 'yaml-1.1', merge: true, uniqueKeys: true, resolveKnownTags: false, customTags: kubectlTags, logLevel: 'error' } as const

async function benchYaml(): Promise<void> {
  const n = 10_000
  const text = yamlDocuments(0, n, 3)
  log(`yaml: ${n} pods, ${(text.length / 1e6).toFixed(1)} MB of YAML`)
  const c = await compare(
    [
      ['yaml', () => {
        let x = 0
        for (const doc of parseAllDocuments(text, YAML_OPTIONS) as Iterable<{ toJS(): unknown }>) x += doc.toJS() === null ? 1 : 2
        return x
      }],
      ['checkEntries', () => {
        let x = 0
        for (const entry of checkEntries({ source: 'pods.yaml', text })) x += entry._tag === 'Result' ? 1 : 2
        return x
      }],
    ],
    { items: n, rounds: quick ? 2 : 4, minMs: 0, minSamples: 1, maxSamples: 1, warmup: 1 },
  )
  figures.push({
    id: 'yaml',
    name: `End to end from YAML text (${n.toLocaleString('en')} pods, ${(text.length / 1e6).toFixed(1)} MB, one stream)`,
    ours: us(c.sides.checkEntries),
    reference: `\`yaml\` parseAllDocuments + toJS, same options ${us(c.sides.yaml)}`,
    measure: 'time ratio',
    value: c.ratios.checkEntries as Spread,
    target: '≤ 1.3×',
    met: (c.ratios.checkEntries as Spread).median <= 1.3,
  })
}

// ---------------------------------------------------------------------------------------------
// 3b. Namespace levels (SPEC §5.1): what labelled Namespaces cost when every pod is in one

const LABELLED_NAMESPACES = ['default', 'prod', 'batch'].map((name) => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: {
    name,
    labels: {
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/warn': 'restricted',
      'pod-security.kubernetes.io/warn-version': 'v1.24',
      'pod-security.kubernetes.io/audit': 'restricted',
      'pod-security.kubernetes.io/audit-version': 'v1.20',
    },
  },
}))

async function benchNamespaces(): Promise<void> {
  const n = quick ? 2_000 : 10_000
  // The generated pods are in default, prod and batch: with these Namespaces first, every
  // container is checked at three levels (enforce, and warn and audit at other versions).
  // Parsed objects, not YAML: reading would hide what the levels cost in the check itself.
  const pods = Array.from({ length: n }, (_, i) => ({ source: 'pods', value: workload(seeded(3 * 1_000_003 + i), i) }))
  const labelled = [...LABELLED_NAMESPACES.map((value) => ({ source: 'ns', value })), ...pods]
  log(`namespaces: ${n} parsed workloads, with and without three labelled Namespaces first`)
  const count = (sources: ReadonlyArray<{ source: string; value: unknown }>) => (): number => {
    let x = 0
    for (const entry of checkEntries(sources)) x += entry._tag === 'Result' ? 1 + entry.result.findings.length : 2
    return x
  }
  const c = await compare(
    [
      ['plain', count(pods)],
      ['labelled', count(labelled)],
    ],
    { items: n, rounds: quick ? 2 : 4, minMs: 0, minSamples: 1, maxSamples: 1, warmup: 1 },
  )
  const ratio = ratioOf(c, 'labelled', 'plain')
  figures.push({
    id: 'namespaces',
    name: `Namespace levels: every workload in a Namespace with enforce, warn and audit restricted (${n.toLocaleString('en')} parsed workloads)`,
    ours: us(c.sides.labelled),
    reference: `the same workloads, no Namespace ${us(c.sides.plain)}`,
    measure: 'time ratio',
    value: ratio,
    target: '≤ 1.5×',
    met: ratio.median <= 1.5,
  })
}

// ---------------------------------------------------------------------------------------------
// 4. Large batches, in child processes (peak RSS of the run alone)

interface ChildRun {
  readonly results: number
  readonly errors: number
  readonly checkMs: number
  readonly totalMs: number
  readonly generationMs: number
  readonly maxRssMB: number
  readonly cpuUserMs: number
  readonly cpuSystemMs: number
}

function child(args: ReadonlyArray<string>): ChildRun {
  const out = execFileSync(process.execPath, [join(buildDir, 'batchChild.mjs'), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 })
  return JSON.parse(out.trim().split('\n').pop() as string) as ChildRun
}

async function benchBatch(): Promise<void> {
  const sizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]
  const runsOf: Array<{ pods: number; run: ChildRun }> = []
  for (const pods of sizes) {
    log(`batch: ${pods.toLocaleString('en')} pods, one lazily generated YAML stream through checkStream`)
    const run = child(['--mode', 'stream', '--pods', String(pods)])
    runsOf.push({ pods, run })
    figures.push({
      id: `batch-${pods}`,
      name: `Large batch, ${pods.toLocaleString('en')} pods streamed (\`checkStream\`, counts kept)`,
      ours: `${Math.round(pods / (run.checkMs / 1000)).toLocaleString('en')} pods/s, ${((run.checkMs * 1000) / pods).toFixed(0)} µs/pod`,
      reference: `generation ${(run.generationMs / 1000).toFixed(1)} s excluded`,
      measure: 'peak RSS (MB)',
      value: run.maxRssMB,
      target: pods === 1_000_000 ? '≤ 512 MB' : '(peak RSS)',
      met: pods === 1_000_000 ? run.maxRssMB <= 512 : null,
      detail: run,
    })
  }
  // The smallest batch again, after the largest: the machine's load drifts over a long run, and
  // the growth figure compares the largest batch with the mean of the two small runs around it.
  const first = runsOf[0] as { pods: number; run: ChildRun }
  log(`batch: ${first.pods.toLocaleString('en')} pods again`)
  const again = child(['--mode', 'stream', '--pods', String(first.pods)])
  const last = runsOf[runsOf.length - 1] as { pods: number; run: ChildRun }
  const smallPerPod = (first.run.checkMs + again.checkMs) / 2 / first.pods
  const growth = last.run.checkMs / last.pods / smallPerPod
  figures.push({
    id: 'batch-linear',
    name: `Per-pod time at ${last.pods.toLocaleString('en')} vs at ${first.pods.toLocaleString('en')} pods (mean of a run before and after)`,
    ours: `${((last.run.checkMs * 1000) / last.pods).toFixed(0)} µs/pod`,
    reference: `${(smallPerPod * 1000).toFixed(0)} µs/pod (${((first.run.checkMs * 1000) / first.pods).toFixed(0)}, ${((again.checkMs * 1000) / first.pods).toFixed(0)})`,
    measure: 'time ratio',
    value: growth,
    target: '≤ 1.2×',
    met: growth <= 1.2,
  })
}

async function benchParallel(): Promise<void> {
  // Each thread pays a fixed cost (starting, loading the modules, warming the JIT up: about
  // 0.6 s of CPU here), so the batch must be large enough for the work to dominate.
  const files = quick ? 16 : 80
  const perFile = 250
  const dir = mkdtempSync(join(tmpdir(), 'no-new-privs-bench-'))
  try {
    for (let f = 0; f < files; f++) writeFileSync(join(dir, `pods-${String(f).padStart(3, '0')}.yaml`), yamlDocuments(f * perFile, perFile, 11))
    const pods = files * perFile
    log(`parallel: ${files} files of ${perFile} pods, one thread vs worker threads`)
    const serial: number[] = []
    const parallel: number[] = []
    const cpu: Array<{ serial: number; parallel: number }> = []
    for (let round = 0; round < (quick ? 1 : 2); round++) {
      const one = child(['--mode', 'files', '--dir', dir, '--threads', '0', '--pods', String(pods)])
      const two = child(['--mode', 'files', '--dir', dir, '--threads', '2', '--pods', String(pods)])
      serial.push(one.totalMs)
      parallel.push(two.totalMs)
      cpu.push({ serial: one.cpuUserMs + one.cpuSystemMs, parallel: two.cpuUserMs + two.cpuSystemMs })
    }
    const speedups = serial.map((s, i) => s / (parallel[i] as number))
    const speedup = speedups.reduce((a, b) => a + b, 0) / speedups.length
    // What two free cores could give at most: the serial run's CPU time over the parallel run's
    // CPU time per thread (threads + the main thread's share), whatever else the machine runs.
    const cpuRatio = cpu.map((c) => c.parallel / c.serial)
    figures.push({
      id: 'parallel',
      name: `Many files (${files} × ${perFile} pods): 2 worker threads vs one thread`,
      ours: `${Math.round(pods / (Math.min(...parallel) / 1000)).toLocaleString('en')} pods/s`,
      reference: `one thread ${Math.round(pods / (Math.min(...serial) / 1000)).toLocaleString('en')} pods/s`,
      measure: 'throughput ratio',
      value: speedup,
      target: '≥ 1.6×',
      met: speedup >= 1.6,
      detail: { serialMs: serial, parallelMs: parallel, cpuMs: cpu, loadAverage1m: loadavg()[0] },
    })
    figures.push({
      id: 'parallel-cpu',
      name: '  … CPU time of the 2-thread run over the one-thread run (the work added by threads: cloning entries, a second heap)',
      ours: `${Math.round((cpu[0]?.parallel ?? 0) / 1000)} s CPU`,
      reference: `one thread ${Math.round((cpu[0]?.serial ?? 0) / 1000)} s CPU`,
      measure: 'CPU time ratio',
      value: cpuRatio.reduce((a, b) => a + b, 0) / cpuRatio.length,
      target: '(breakdown)',
      met: null,
    })
    // The same files through the CLI process (`check --threads 1` vs `--threads 2`), as a user runs it.
    const cliOne: number[] = []
    const cliTwo: number[] = []
    const cliCpu: Array<{ one: number; two: number }> = []
    for (let round = 0; round < (quick ? 1 : 2); round++) {
      const one = cliFilesRun(dir, 1)
      const two = cliFilesRun(dir, 2)
      if (one.results !== two.results) throw new Error(`check --threads 2 reported ${two.results} containers, --threads 1 ${one.results}`)
      cliOne.push(one.wallMs)
      cliTwo.push(two.wallMs)
      cliCpu.push({ one: one.cpuMs, two: two.cpuMs })
    }
    const cliSpeedups = cliOne.map((s, i) => s / (cliTwo[i] as number))
    const cliSpeedup = cliSpeedups.reduce((a, b) => a + b, 0) / cliSpeedups.length
    figures.push({
      id: 'parallel-cli',
      name: `  … the same files through the CLI process: \`check --threads 2\` vs \`--threads 1\` (wall time)`,
      ours: `${Math.round(pods / (Math.min(...cliTwo) / 1000)).toLocaleString('en')} pods/s, ${Math.round((cliCpu[0]?.two ?? 0) / 1000)} s CPU`,
      reference: `one thread ${Math.round(pods / (Math.min(...cliOne) / 1000)).toLocaleString('en')} pods/s, ${Math.round((cliCpu[0]?.one ?? 0) / 1000)} s CPU`,
      measure: 'throughput ratio',
      value: cliSpeedup,
      target: '≥ 1.6×',
      met: cliSpeedup >= 1.6,
      detail: { oneMs: cliOne, twoMs: cliTwo, cpuMs: cliCpu, loadAverage1m: loadavg()[0] },
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** `check --threads T DIR` in a process of its own: wall time, CPU and the containers it reported. */
function cliFilesRun(dir: string, threads: number): DumpRun {
  const started = Date.now()
  const r = spawnSync(process.execPath, [join(buildDir, 'dumpChild.mjs'), 'cli-files', dir, String(threads)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 })
  const wallMs = Date.now() - started
  const line = r.stderr.trim().split('\n').find((l) => l.startsWith('{')) as string
  const stats = JSON.parse(line) as { cpuMs: number; maxRssMB: number; results: number }
  return { cpuMs: stats.cpuMs, maxRssMB: stats.maxRssMB, wallMs, results: stats.results }
}

// ---------------------------------------------------------------------------------------------
// 5. kubectl dumps through the CLI process, generated on the fly into a pipe

interface DumpRun {
  readonly cpuMs: number
  readonly maxRssMB: number
  readonly wallMs: number
  readonly results: number
}

/** `gen KIND N | dumpChild SIDE`: the measuring side's CPU and RSS, and the lines it printed. */
function dumpRun(kind: string, n: number, side: string): DumpRun {
  const child = join(buildDir, 'dumpChild.mjs')
  const node = JSON.stringify(process.execPath)
  const started = Date.now()
  const script = `${node} ${JSON.stringify(child)} gen ${kind} ${n} | ${node} ${JSON.stringify(child)} ${side} 2>&1 >/dev/null`
  const out = execFileSync('bash', ['-c', script], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 })
  const wallMs = Date.now() - started
  const line = out.trim().split('\n').find((l) => l.startsWith('{')) as string
  const stats = JSON.parse(line) as { cpuMs: number; maxRssMB: number; items?: number; results?: number }
  return { cpuMs: stats.cpuMs, maxRssMB: stats.maxRssMB, wallMs, results: stats.results ?? stats.items ?? 0 }
}

async function benchDump(): Promise<void> {
  const small = quick ? 2_000 : 10_000
  log(`dump: ${small.toLocaleString('en')} kubectl pods as JSON, CLI vs JSON.parse`)
  const cli = dumpRun('json', small, 'cli')
  const floor = dumpRun('json', small, 'parse')
  figures.push({
    id: `dump-json-${small}`,
    name: `\`kubectl get pods -A -o json\`, ${small.toLocaleString('en')} pods on stdin through the CLI (\`-o ndjson\`)`,
    ours: `${(cli.cpuMs / 1000).toFixed(1)} s CPU, ${Math.round(cli.maxRssMB)} MB, ${cli.results.toLocaleString('en')} containers`,
    reference: `JSON.parse of the same bytes ${(floor.cpuMs / 1000).toFixed(1)} s CPU, ${Math.round(floor.maxRssMB)} MB`,
    measure: 'CPU time ratio',
    value: cli.cpuMs / floor.cpuMs,
    target: '≤ 3.0 (aim 1.5)',
    met: cli.cpuMs / floor.cpuMs <= 3,
    detail: { cli, floor },
  })
  const large = quick ? 20_000 : 150_000
  log(`dump: ${large.toLocaleString('en')} kubectl pods as JSON piped on stdin`)
  const big = dumpRun('json', large, 'cli')
  const perPod = big.cpuMs / large / (cli.cpuMs / small)
  figures.push({
    id: `dump-json-${large}`,
    name: `The same dump, ${large.toLocaleString('en')} pods piped on stdin`,
    ours: `${(big.cpuMs / 1000).toFixed(1)} s CPU, ${Math.round(big.maxRssMB)} MB peak RSS, ${big.results.toLocaleString('en')} containers`,
    reference: `${small.toLocaleString('en')} pods: ${Math.round(cli.maxRssMB)} MB`,
    measure: 'per-pod CPU, large over small',
    value: perPod,
    target: 'peak RSS ≤ 256 MB; ≤ 1.2',
    met: big.maxRssMB <= 256 && perPod <= 1.2,
    detail: { big },
  })
  for (const kind of ['yaml-list', 'yaml-docs']) {
    const few = quick ? 500 : 2_000
    const many = quick ? 2_000 : 10_000
    log(`dump: ${kind}, ${few} and ${many} pods`)
    const a = dumpRun(kind, few, 'cli')
    const b = dumpRun(kind, many, 'cli')
    const growth = b.cpuMs / many / (a.cpuMs / few)
    figures.push({
      id: `dump-${kind}`,
      name: `kubectl pods as a YAML ${kind === 'yaml-list' ? 'List' : 'stream of --- documents'}, ${many.toLocaleString('en')} vs ${few.toLocaleString('en')} pods`,
      ours: `${(b.cpuMs / 1000).toFixed(1)} s CPU, ${Math.round(b.maxRssMB)} MB`,
      reference: `${(a.cpuMs / 1000).toFixed(1)} s CPU, ${Math.round(a.maxRssMB)} MB`,
      measure: 'per-pod CPU, large over small',
      value: growth,
      target: 'linear (≈ 1), flat RSS',
      met: null,
      detail: { few: a, many: b },
    })
    // Issue #11's figure: the CLI's CPU against js-yaml reading the same bytes, in the same run,
    // interleaved over rounds (the machine is shared: one pair alone swings by a third).
    const side = kind === 'yaml-list' ? 'js-yaml load' : 'js-yaml loadAll'
    const rounds = quick ? 1 : 3
    const clis: DumpRun[] = [b]
    const references: DumpRun[] = []
    for (let round = 0; round < rounds; round++) {
      references.push(dumpRun(kind, many, side))
      if (round > 0) clis.push(dumpRun(kind, many, 'cli'))
    }
    const median = (xs: ReadonlyArray<number>): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number
    const cliMs = median(clis.map((r) => r.cpuMs))
    const refMs = median(references.map((r) => r.cpuMs))
    const ratios = clis.map((c, i) => c.cpuMs / (references[i] as DumpRun).cpuMs)
    const ratio = cliMs / refMs
    figures.push({
      id: `dump-${kind}-js-yaml`,
      name: `  … the ${many.toLocaleString('en')} pods through the CLI vs js-yaml \`${kind === 'yaml-list' ? 'load' : 'loadAll'}\` of the same bytes (median of ${rounds})`,
      ours: `${(cliMs / 1000).toFixed(1)} s CPU, ${Math.round(Math.max(...clis.map((r) => r.maxRssMB)))} MB, ${b.results.toLocaleString('en')} containers`,
      reference: `js-yaml ${(refMs / 1000).toFixed(1)} s CPU, ${Math.round(Math.max(...references.map((r) => r.maxRssMB)))} MB`,
      measure: `CPU time ratio (rounds ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`,
      value: ratio,
      target: '≤ 1.5 (aim 1.0)',
      met: ratio <= 1.5,
      detail: { clis, references },
    })
  }
}

// ---------------------------------------------------------------------------------------------

function ns(s: Spread | undefined): string {
  return s === undefined ? '' : `${s.median.toFixed(0)} ns/container`
}
function us(s: Spread | undefined): string {
  return s === undefined ? '' : `${(s.median / 1000).toFixed(1)} µs/pod`
}
function shown(v: Spread | number): string {
  if (typeof v === 'number') return Number.isNaN(v) ? '—' : v >= 10 ? v.toFixed(0) : v.toFixed(2)
  return `${v.median.toFixed(2)} (${v.min.toFixed(2)}–${v.max.toFixed(2)})`
}

function machine(): Record<string, unknown> {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    freeMemoryGB: Math.round(freemem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage1m: Number((loadavg()[0] ?? 0).toFixed(2)),
  }
}

const started = new Date()
const where = machine()
log(`no-new-privs benchmarks${quick ? ' (--quick)' : ''} on ${String(where.cpu)}, ${String(where.cores)} cores, Node ${String(where.node)}, load ${String(where.loadAverage1m)}`)
void seeded(0)
void workload
if (runs('resolve')) await benchResolve()
if (runs('decode')) await benchDecode()
if (runs('yaml')) await benchYaml()
if (runs('namespaces')) await benchNamespaces()
if (runs('batch')) await benchBatch()
if (runs('parallel')) await benchParallel()
if (runs('dump')) await benchDump()

const table = [
  '| figure | ours | reference | measure | value: median (min–max over rounds) | target | met |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...figures.map((f) => `| ${f.name} | ${f.ours} | ${f.reference} | ${f.measure} | ${shown(f.value)} | ${f.target} | ${f.met === null ? '' : f.met ? 'yes' : '**no**'} |`),
].join('\n')
const ended = new Date()
const machineLine = `${String(where.cpu)}, ${String(where.cores)} cores, ${String(where.memoryGB)} GB, ${String(where.platform)}, Node ${String(where.node)}; load average ${String(where.loadAverage1m)} at start; ${quick ? '--quick, ' : ''}${started.toISOString().slice(0, 10)}, ${((ended.getTime() - started.getTime()) / 60000).toFixed(1)} min`
mkdirSync(join(root, 'bench'), { recursive: true })
writeFileSync(
  join(root, 'bench', 'results.json'),
  `${JSON.stringify({ started: started.toISOString(), ended: ended.toISOString(), quick, machine: where, figures, checksum: checksum() }, null, 2)}\n`,
)
process.stdout.write(`\n${table}\n\n${machineLine}\n`)
