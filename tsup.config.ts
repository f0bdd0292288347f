import { defineConfig } from 'tsup'

export default defineConfig([
  {
    // The library: dual ESM + CJS with declarations for both. `shims` gives the CJS build an
    // `import.meta.url`, which `checkFilesInParallel` uses to find its worker.
    entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    splitting: false,
    treeshake: true,
    shims: true,
  },
  {
    // The command line and the worker thread of checkFilesInParallel: ESM only, never imported by users.
    entry: { 'cli/main': 'src/cli/main.ts', checkWorker: 'src/manifest/checkWorker.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
])
