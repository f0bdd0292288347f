/**
 * The worker thread of `checkFilesInParallel`, bundled as the package build does, for tests that
 * run real worker threads (threads run JavaScript, not the TypeScript sources). Built inside the
 * project so that its dependencies resolve.
 */
import { build } from 'esbuild'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export interface BuiltWorker {
  readonly url: URL
  readonly remove: () => void
}

export async function buildWorker(): Promise<BuiltWorker> {
  const cache = join(process.cwd(), 'node_modules', '.cache')
  mkdirSync(cache, { recursive: true })
  const dir = mkdtempSync(join(cache, 'worker-'))
  await build({ entryPoints: ['src/manifest/checkWorker.ts'], outfile: join(dir, 'checkWorker.mjs'), bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'error', absWorkingDir: process.cwd() })
  return { url: pathToFileURL(join(dir, 'checkWorker.mjs')), remove: () => rmSync(dir, { recursive: true, force: true }) }
}
