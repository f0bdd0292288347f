import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The kernel suite needs root, real runtimes and minutes: `npm run test:runtime` (.ci/run runs it).
    exclude: ['test/kernel/**', 'node_modules/**'],
    testTimeout: 60_000,
    // The CLI's end-to-end tests run the built dist/cli/main.js; build it once if stale.
    globalSetup: ['test/cli/globalSetup.ts'],
    // Coverage: always in CI (CI=true), on demand with `npm run test:coverage`. The thresholds
    // fail the run when line coverage of src/ drops below 95%.
    coverage: {
      enabled: process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['CI'] !== 'false',
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: [
        // Re-exports and type declarations only: nothing runs in them.
        'src/index.ts',
        'src/**/index.ts',
        // The executable's wiring to the real process; the CLI itself runs in-process in tests,
        // and this file runs in the end-to-end tests as built code, which v8 does not map back.
        'src/cli/main.ts',
      ],
      reporter: ['text-summary', 'json-summary', 'html'],
      reportsDirectory: 'coverage',
      thresholds: { lines: 95 },
    },
  },
})
