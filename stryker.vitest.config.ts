// The vitest configuration of mutation runs (`npm run mutate`, `npm run mutate:core`): the
// project's own, with fixed fast-check seeds (see scripts/stryker-seed.ts) and no coverage of
// its own, without the hardening tests that are about size and files rather than logic (they
// run the built CLI, which mutants never reach, or read megabytes once per mutant).
//
// `mutate:core` (MUTATE_SCOPE=core) runs only the tests written for the resolution and codec
// code: every other suite also reaches it (through checkManifests, the CLI, the arbitraries) and
// would be reloaded for each of ~2,000 mutants. Its score is therefore a lower bound: it counts
// only what those tests kill.
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config'
import base from './vitest.config'

const core = process.env['MUTATE_SCOPE'] === 'core'

const config = mergeConfig(
  base,
  defineConfig({
    test: {
      setupFiles: ['scripts/stryker-seed.ts'],
      // One module graph for every test file of a run: Stryker switches mutants at run time, so
      // nothing needs a fresh import, and re-importing per file was most of each mutant's time
      // (the core suites: 43 s isolated, 17 s not). Caches that would carry state from one mutant
      // to the next are emptied before every test (scripts/stryker-seed.ts).
      isolate: false,
      coverage: { enabled: false },
      exclude: [
        ...configDefaults.exclude,
        'test/hardening/scale.test.ts',
        'test/hardening/files.test.ts',
        'test/hardening/hostile.test.ts',
        'test/hardening/accounting.test.ts',
        'test/hardening/duplicateKeys.test.ts',
      ],
    },
  }),
)
// Assigned, not merged: mergeConfig concatenates arrays, and these must replace the base's.
if (core && config.test !== undefined) {
  config.test.include = ['test/resolve/**/*.test.ts', 'test/bench-equivalence/**/*.test.ts', 'test/codecs/**/*.test.ts', 'test/capabilities.test.ts', 'test/hardening/codecs.test.ts']
  // Nothing in these suites runs the built CLI.
  config.test.globalSetup = []
}

export default config
