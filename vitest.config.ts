import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // The CLI's end-to-end tests run the built dist/cli/main.js; build it once if stale.
    globalSetup: ['test/cli/globalSetup.ts'],
  },
})
