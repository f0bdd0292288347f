import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'tsup'
import type { Plugin } from 'esbuild'

const here = dirname(fileURLToPath(import.meta.url))
const testingDir = resolve(here, 'src', 'testing')

/**
 * `no-new-privs/testing` must use the very module instance of the library the user imports
 * (one `checkManifests`, one set of codec caches), not a second copy bundled into it: every
 * import from src/testing of a module outside src/testing becomes an import of the package's
 * root, which the exports map resolves to dist/index.js or dist/index.cjs. Only value imports
 * reach esbuild (type imports are erased), and each of them is a root export.
 */
const testingImportsTheRoot: Plugin = {
  name: 'testing-imports-the-root',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (!args.importer.startsWith(testingDir)) return undefined
      const target = resolve(dirname(args.importer), args.path)
      return target.startsWith(testingDir + '/') ? undefined : { path: 'no-new-privs', external: true }
    })
  },
}

export default defineConfig([
  {
    // The library: dual ESM + CJS. Declarations come from tsc (tsconfig.build.json), one per source
    // file, so go-to-definition lands in a named file. `shims` gives the CJS build an
    // `import.meta.url`, which `checkFilesInParallel` uses to find its worker.
    // The root and its subpaths share chunks (`splitting`, for CJS too), so every entry point
    // uses one module instance of each module: a codec from ./codecs is the root's codec.
    entry: {
      index: 'src/index.ts',
      'codecs/index': 'src/codecs/index.ts',
      'manifest/index': 'src/manifest/index.ts',
      'resolve/index': 'src/resolve/index.ts',
      'runtime/index': 'src/runtime/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: false,
    // The three builds run at once: `npm run build` empties dist/ before them instead.
    clean: false,
    sourcemap: true,
    target: 'node20',
    splitting: true,
    treeshake: true,
    shims: true,
  },
  {
    // The ./testing subpath, built on its own so the plugin above can point it at the root.
    entry: { 'testing/index': 'src/testing/index.ts' },
    format: ['esm', 'cjs'],
    dts: false,
    clean: false,
    sourcemap: true,
    target: 'node20',
    splitting: false,
    treeshake: true,
    esbuildPlugins: [testingImportsTheRoot],
  },
  {
    // The command line and the worker thread of checkFilesInParallel: ESM only, never imported by
    // users. Their runtime dependencies (fp-ts, io-ts, yaml, ignore) are bundled in, so `npx no-new-privs`
    // runs where peers are not installed (`npm install --legacy-peer-deps`, strict-peer setups).
    entry: { 'cli/main': 'src/cli/main.ts', checkWorker: 'src/manifest/checkWorker.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: true,
    target: 'node20',
    noExternal: ['fp-ts', 'io-ts', 'yaml', 'ignore'],
    // yaml's `node` export is CommonJS and calls require('process'): give the ESM bundle a real
    // `require` for esbuild's interop helper to use.
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __nnpCreateRequire } from 'node:module'\nconst require = __nnpCreateRequire(import.meta.url)" },
  },
])
