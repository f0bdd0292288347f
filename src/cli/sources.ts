/**
 * Command-line operands to the list of sources to check: files, directories walked recursively,
 * and standard input.
 *
 * @packageDocumentation
 */
import { readdir, realpath, stat } from 'node:fs/promises'
import type { Dirent } from 'node:fs'
import { join } from 'node:path'
import type { Discovery } from './discover.js'

/** The name standard input goes by in reports. */
export const STDIN_SOURCE = '<stdin>'

/** One thing to read, or the reason it cannot be. */
export type InputEntry =
  /** `walked`: found in a directory walk, where a file with no Kubernetes object is skipped, not an error. */
  | { readonly _tag: 'file'; readonly source: string; readonly path: string; readonly walked?: true }
  | { readonly _tag: 'skipped'; readonly source: string; readonly reason: string }
  | { readonly _tag: 'kustomize'; readonly source: string; readonly directory: string }
  | { readonly _tag: 'stdin'; readonly source: string }
  | { readonly _tag: 'unreadable'; readonly source: string; readonly message: string }

/** What the operands name, in the order they will be checked. */
export interface CollectedInputs {
  readonly entries: ReadonlyArray<InputEntry>
  /** Directories that held no manifest file at all (worth a note: a typo'd path checks nothing). */
  readonly emptyDirectories: ReadonlyArray<string>
}

/**
 * Whether a file met while walking a directory is a manifest: `*.yaml`, `*.yml`, `*.json`.
 *
 * @example
 * ```ts
 * isManifestName('deploy.YAML') // true
 * isManifestName('README.md')   // false
 * ```
 */
export function isManifestName(name: string): boolean {
  return /\.(ya?ml|json)$/i.test(name)
}

/**
 * Expands operands: `-` is standard input (once, however often it is named); a directory
 * contributes its manifest files, recursively, each directory's entries sorted by name (code
 * unit order, so every machine agrees); a file named directly is read whatever its extension.
 * Symbolic links are followed, and a directory or file already seen through another path (a
 * link loop, or an operand inside another) is not read again.
 *
 * @example
 * ```ts
 * const { entries } = await collectInputs(['examples/', '-'])
 * // [{ _tag: 'file', source: 'examples/cronjob.yaml', path: 'examples/cronjob.yaml' }, …, { _tag: 'stdin', source: '<stdin>' }]
 * ```
 */
export async function collectInputs(operands: ReadonlyArray<string>, discovery?: Discovery): Promise<CollectedInputs> {
  const entries: InputEntry[] = []
  const emptyDirectories: string[] = []
  const seenFiles = new Set<string>()
  const seenDirectories = new Set<string>()
  let stdinTaken = false

  const addFile = async (source: string, walked = false): Promise<void> => {
    // A pipe (`check <(kubectl get …)`, /dev/fd/63) has no real path: it is its own identity.
    const real = await realpath(source).catch(() => source)
    if (seenFiles.has(real)) return
    seenFiles.add(real)
    entries.push(walked ? { _tag: 'file', source, path: source, walked: true } : { _tag: 'file', source, path: source })
  }

  const walk = async (directory: string, root = false): Promise<number> => {
    const real = await realpath(directory)
    if (seenDirectories.has(real)) return 0
    seenDirectories.add(real)
    // Helm charts, kustomizations, .gitignore and --exclude: src/cli/discover.ts decides.
    const verdict = discovery === undefined ? { _tag: 'walk' as const } : await discovery.directory(directory, root)
    if (verdict._tag !== 'walk') {
      entries.push(verdict)
      return 1
    }
    let children: Dirent[]
    try {
      children = await readdir(directory, { withFileTypes: true })
    } catch (error) {
      entries.push({ _tag: 'unreadable', source: directory, message: describeFsError(error) })
      return 1
    }
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    let found = 0
    for (const child of children) {
      const path = join(directory, child.name)
      const kind = await kindOf(child, path)
      if (discovery?.excluded(path, kind === 'directory') === true) continue
      if (kind === 'directory') {
        found += await walk(path)
      } else if (isManifestName(child.name)) {
        if (kind === 'file') {
          const before = entries.length
          try {
            await addFile(path, discovery !== undefined)
          } catch (error) {
            entries.push({ _tag: 'unreadable', source: path, message: describeFsError(error) })
          }
          found += entries.length - before
        } else {
          // A dangling link or an unreadable entry with a manifest's name: the user meant it.
          entries.push({ _tag: 'unreadable', source: path, message: kind.message })
          found += 1
        }
      }
    }
    return found
  }

  for (const operand of operands) {
    if (operand === '-') {
      if (!stdinTaken) entries.push({ _tag: 'stdin', source: STDIN_SOURCE })
      stdinTaken = true
      continue
    }
    try {
      const info = await stat(operand)
      if (info.isDirectory()) {
        if (seenDirectories.has(await realpath(operand))) continue
        const found = await walk(operand, true)
        if (found === 0) emptyDirectories.push(operand)
      } else {
        await addFile(operand)
      }
    } catch (error) {
      entries.push({ _tag: 'unreadable', source: operand, message: describeFsError(error) })
    }
  }
  return { entries, emptyDirectories }
}

// A FIFO, socket or device met in a directory walk: reading a FIFO with no writer would wait
// forever. (Named as an operand, such a file is read: that is how `check <(kubectl …)` works.)
const NOT_A_FILE = { message: 'not a regular file (a FIFO, socket or device): not read' } as const

async function kindOf(entry: Dirent, path: string): Promise<'directory' | 'file' | { readonly message: string }> {
  if (entry.isDirectory()) return 'directory'
  if (entry.isFile()) return 'file'
  if (!entry.isSymbolicLink()) return NOT_A_FILE
  try {
    const target = await stat(path)
    return target.isDirectory() ? 'directory' : target.isFile() ? 'file' : NOT_A_FILE
  } catch (error) {
    return { message: describeFsError(error) }
  }
}

/**
 * A file system error in words, without the stack or the path (the report names the source).
 *
 * @example
 * ```ts
 * describeFsError(Object.assign(new Error('x'), { code: 'ENOENT' })) // 'no such file or directory'
 * ```
 */
export function describeFsError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : ''
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'ELOOP':
      return 'too many levels of symbolic links'
    case 'EISDIR':
      return 'is a directory'
    case 'ENOTDIR':
      return 'a path component is not a directory'
    default:
      return error instanceof Error ? error.message : String(error)
  }
}
