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

/** What `import 'no-new-privs/testing'` says, in one line, when fast-check is not installed. */
const NEEDS_FAST_CHECK = 'no-new-privs/testing needs fast-check (npm install --save-dev fast-check@^4)'

/**
 * `fast-check` is an optional peer of ./testing only: without it, importing ./testing should say
 * what to install, not print Node's "Cannot find package" with a stack. A static import fails
 * while the module graph is linked, before any code of ours runs, so ./testing's imports of
 * fast-check (all through src/testing/_internals/fastCheck.ts) go to a module that loads it at run time (top-level await in ESM,
 * `require` in CJS) and throws the one-line message when it is missing.
 */
const fastCheckOrMessage: Plugin = {
  name: 'fast-check-or-message',
  setup(build) {
    // With `treeshake`, tsup has esbuild write ESM and rollup turn it into CJS: the output's extension tells.
    const cjs = build.initialOptions.format === 'cjs' || build.initialOptions.outExtension?.['.js'] === '.cjs'
    build.onResolve({ filter: /fastCheck\.js$/ }, (args) =>
      resolve(args.resolveDir, args.path) === resolve(testingDir, '_internals', 'fastCheck.js') ? { path: 'fast-check', namespace: 'fast-check-or-message' } : undefined,
    )
    build.onLoad({ filter: /.*/, namespace: 'fast-check-or-message' }, () => {
      const missing = (code: string) =>
        `(e) => e !== null && typeof e === 'object' && e.code === '${code}' && String(e.message).includes("'fast-check'")`
      // The stack is the message alone: uncaught, Node prints that one line (`[Error: …]`), no frames.
      const fail = `const error = new Error(${JSON.stringify(NEEDS_FAST_CHECK)}); error.stack = 'Error: ' + error.message; throw error`
      const contents = cjs
        ? `let mod\ntry { mod = require('fast-check') } catch (e) { if ((${missing('MODULE_NOT_FOUND')})(e)) { ${fail} } throw e }\nexport default mod !== null && typeof mod === 'object' && mod.__esModule ? mod.default : mod\n`
        : `let mod\ntry { mod = await import('fast-check') } catch (e) { if ((${missing('ERR_MODULE_NOT_FOUND')})(e)) { ${fail} } throw e }\nexport default mod.default\n`
      return { contents, loader: 'js', resolveDir: here }
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
    esbuildPlugins: [testingImportsTheRoot, fastCheckOrMessage],
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
