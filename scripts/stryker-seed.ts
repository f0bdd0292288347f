// Loaded before every test file in mutation runs (stryker.vitest.config.ts).
//
// - @fast-check/vitest names each property test "… (with seed=N)", N random per run; Stryker
//   finds the tests that cover a mutant by name, so a name that changes between its runs would
//   match no test and let every mutant survive. One fixed seed keeps the names, and the runs,
//   the same.
// - 30 runs per property instead of 100: mutation testing reruns the covering tests once per
//   mutant, thousands of times on 2 cores. The score measured this way is a lower bound of the
//   suite's strength (CI runs every property 100 times).
// - The codecs' caches are emptied before every test: test files share one module graph
//   (isolate: false), so a guard compiled, or a codec's fields read, while one mutant was active
//   would otherwise be reused while another is, and could kill or spare it for the first one's
//   sake. Per test, not per file: Stryker runs for a mutant only the tests that executed its code
//   in the first run, and a test answered from a cache executes none of it.
import fc from 'fast-check'
import { beforeEach } from 'vitest'
import { forgetCompiledGuards } from '../src/codecs/compile.js'
import { forgetFields } from '../src/codecs/structure.js'

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20_170_801, numRuns: 30 })

beforeEach(() => {
  forgetCompiledGuards()
  forgetFields()
})
