/**
 * Builds the CLI (`npx tsup`) when dist/cli/main.js is missing or older than its sources, so the
 * end-to-end tests run the real executable. Used by globalSetup.ts and, when the suite runs
 * without it, by the end-to-end tests themselves.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const CLI = join(ROOT, 'dist', 'cli', 'main.js')

function newestMtime(path: string): number {
  const info = statSync(path)
  if (!info.isDirectory()) return info.mtimeMs
  let newest = info.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

/** Whether dist/cli/main.js is missing or older than anything it is built from. */
export function isStale(): boolean {
  if (!existsSync(CLI)) return true
  const built = statSync(CLI).mtimeMs
  const inputs = [join(ROOT, 'src'), join(ROOT, 'package.json'), join(ROOT, 'tsup.config.ts')]
  return inputs.some((p) => existsSync(p) && newestMtime(p) > built)
}

/** Builds with tsup when stale; returns whether it built. Throws with tsup's output when the build fails. */
export function ensureBuilt(): boolean {
  if (!isStale()) return false
  try {
    execFileSync('npx', ['tsup'], { cwd: ROOT, stdio: 'pipe', timeout: 300_000 })
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer; message: string }
    const output = `${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? e.message}`
    // tsup builds the library and the CLI as separate entries: a library entry that fails
    // (another part mid-way) does not make the freshly built CLI wrong, so only a stale CLI fails here.
    if (isStale()) throw new Error(`building the CLI with tsup failed:\n${output}`)
    console.warn(`tsup reported a failure outside the CLI entry; dist/cli/main.js is fresh:\n${output}`)
  }
  return true
}
