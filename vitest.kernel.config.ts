import { defineConfig } from 'vitest/config'

// The kernel suite (npm run test:runtime): real runtimes as root, apart from `npm test`, which
// must stay hermetic and fast. One file at a time: the runtimes and dockerd share 2 cores.
export default defineConfig({
  test: {
    include: ['test/kernel/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
