// Mutation testing (StrykerJS, vitest runner). Runs locally, never in CI: on 2 cores it takes far
// longer than CI's budget.
//
//   npm run mutate        every file of src/ (report: reports/mutation/index.html)
//   npm run mutate:core   the resolution and codec code only (src/resolve, src/capabilities.ts,
//                         src/codecs), failing below a score of 90
//   npm run mutate:resolution, npm run mutate:codecs
//                         one half of the core, with its own report and incremental file
//
// Tests run through stryker.vitest.config.ts: fixed fast-check seeds, so that Stryker can find
// a property test by its name again (see scripts/stryker-seed.ts).
const core = process.env['MUTATE_SCOPE'] === 'core'

const RESOLUTION = ['src/resolve/**/*.ts', '!src/resolve/index.ts', 'src/capabilities.ts']
const CODECS = ['src/codecs/**/*.ts', '!src/codecs/index.ts']
const CORE = [...RESOLUTION, ...CODECS]
// MUTATE_PART=resolution or codecs: one half of the core, with its own report and incremental
// file (`npm run mutate:resolution`, `npm run mutate:codecs`), so each fits in a sitting.
const part = process.env['MUTATE_PART']
const PARTS = { resolution: RESOLUTION, codecs: CODECS }
// MUTATE_NAME: another name for the report and incremental file, for a run of some files only
// (`MUTATE_NAME=fast npm run mutate:codecs -- --mutate src/codecs/compile.ts`).
const name = process.env['MUTATE_NAME'] ?? (part === undefined ? 'mutation' : part)
const ALL = [
  'src/**/*.ts',
  // Re-exports and type declarations only, and the executable's wiring to the real process.
  '!src/index.ts',
  '!src/**/index.ts',
  '!src/cli/main.ts',
]

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'stryker.vitest.config.ts' },
  mutate: part !== undefined ? PARTS[part] : core ? CORE : ALL,
  ignorePatterns: ['docs/api', 'coverage', 'reports', 'bench/.cache'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 10_000,
  timeoutFactor: 2,
  ignoreStatic: true,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${name === 'mutation' ? 'index' : name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  thresholds: { high: 95, low: 90, break: core ? 90 : null },
  // Later runs re-test only the mutants whose code or covering tests changed
  // (`npm run mutate:core -- --force` re-tests everything).
  incremental: true,
  incrementalFile: `reports/stryker-incremental-${name}.json`,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
}
