/**
 * vitest globalSetup: build the CLI once, before any test file runs, when dist is stale or
 * missing. Wire it in vitest.config.ts: `test: { globalSetup: ['test/cli/globalSetup.ts'] }`.
 */
import { ensureBuilt } from './build.js'

export default function setup(): void {
  ensureBuilt()
}
