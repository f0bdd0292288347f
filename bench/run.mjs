#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --only resolve,decode,yaml,batch,parallel]`
//
// Bundles the TypeScript benchmarks (and the library sources they measure) with esbuild, which
// tsup already brings, into node_modules/.cache, then runs them with --expose-gc so the harness
// can collect garbage between measurements. Dependencies stay external: the benchmark measures
// the same yaml, io-ts and ajv a user installs.
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const outdir = join(root, 'node_modules', '.cache', 'no-new-privs-bench')

await build({
  absWorkingDir: root,
  entryPoints: {
    main: 'bench/main.ts',
    batchChild: 'bench/batchChild.ts',
    dumpChild: 'bench/dumpChild.ts',
    checkWorker: 'src/manifest/checkWorker.ts',
  },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: false,
  logLevel: 'warning',
})

const result = spawnSync(process.execPath, ['--expose-gc', join(outdir, 'main.mjs'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NO_NEW_PRIVS_BENCH_DIR: outdir },
})
process.exit(result.status ?? 1)
