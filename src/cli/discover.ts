/**
 * What a directory walk reads in a real repository: not hidden directories, `node_modules` or
 * what `.gitignore` and `--exclude` leave out; a Helm chart is skipped with a note (its templates
 * are not manifests until rendered), and a kustomization is rendered by `kubectl kustomize`.
 *
 * Files and directories named on the command line are never filtered: naming one is asking for it.
 *
 * @packageDocumentation
 */
import { access, readFile } from 'node:fs/promises'
import { constants } from 'node:fs'
import { basename, delimiter, join, relative, sep } from 'node:path'
import ignore, { type Ignore } from 'ignore'

/** What to do with a directory the walk meets (or starts from). */
export type DirectoryVerdict =
  | { readonly _tag: 'walk' }
  | { readonly _tag: 'skipped'; readonly source: string; readonly reason: string }
  | { readonly _tag: 'kustomize'; readonly source: string; readonly directory: string }

/** The rules of one `check` run's directory walks. */
export interface Discovery {
  /** Decides on a directory before its entries are read; `root` is a directory operand. */
  readonly directory: (path: string, root: boolean) => Promise<DirectoryVerdict>
  /** Is this entry of a walked directory left out (`.gitignore`, `--exclude`, hidden, `node_modules`)? */
  readonly excluded: (path: string, isDirectory: boolean) => boolean
}

/** How {@link discovery} decides. */
export interface DiscoveryOptions {
  /** `--exclude` patterns, in `.gitignore` syntax, relative to each directory operand. */
  readonly excludes: ReadonlyArray<string>
  /** Is `kubectl` on PATH? Default: looked up in `PATH` once per run. */
  readonly kubectl?: boolean
}

const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const

const toPosix = (path: string): string => (sep === '/' ? path : path.split(sep).join('/'))

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}

/**
 * Is `kubectl` an executable file in one of the directories of `PATH`?
 *
 * @example
 * ```ts
 * await kubectlOnPath({ PATH: '/usr/bin' }) // true where /usr/bin/kubectl exists
 * ```
 */
export async function kubectlOnPath(env: Readonly<Record<string, string | undefined>>): Promise<boolean> {
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue
    const found = await access(join(dir, 'kubectl'), constants.X_OK).then(
      () => true,
      () => false,
    )
    if (found) return true
  }
  return false
}

/**
 * The walk rules of one run. Each directory's `.gitignore` applies below it (as git reads
 * them); `.gitignore` files above a directory operand are not read.
 *
 * @example
 * ```ts
 * const rules = discovery({ excludes: ['generated/'] })
 * await rules.directory('repo', true) // { _tag: 'walk' }
 * rules.excluded('repo/node_modules', true) // true
 * ```
 */
export function discovery(options: DiscoveryOptions): Discovery {
  // Per directory operand, the --exclude patterns; per walked directory, its .gitignore.
  const roots: Array<{ readonly root: string; readonly rules: Ignore }> = []
  const gitignores = new Map<string, Ignore>()
  let kubectl: Promise<boolean> | undefined = options.kubectl === undefined ? undefined : Promise.resolve(options.kubectl)

  const directory = async (path: string, root: boolean): Promise<DirectoryVerdict> => {
    if (root) roots.push({ root: path, rules: ignore().add([...options.excludes]) })
    if (await exists(join(path, 'Chart.yaml'))) {
      return {
        _tag: 'skipped',
        source: join(path, 'Chart.yaml'),
        reason: `a Helm chart: its templates are not manifests until rendered; check them with helm template NAME ${path} | no-new-privs check -`,
      }
    }
    for (const name of KUSTOMIZATION_FILES) {
      const file = join(path, name)
      if (!(await exists(file))) continue
      kubectl ??= kubectlOnPath(process.env)
      if (await kubectl) return { _tag: 'kustomize', source: file, directory: path }
      return {
        _tag: 'skipped',
        source: file,
        reason: `a kustomization, and kubectl is not on PATH to render it: check it with kubectl kustomize ${path} | no-new-privs check -`,
      }
    }
    const text = await readFile(join(path, '.gitignore'), 'utf8').catch(() => undefined)
    if (text !== undefined) gitignores.set(path, ignore().add(text))
    return { _tag: 'walk' }
  }

  const excluded = (path: string, isDirectory: boolean): boolean => {
    const name = basename(path)
    if (isDirectory && (name.startsWith('.') || name === 'node_modules')) return true
    const as = (base: string): string => toPosix(relative(base, path)) + (isDirectory ? '/' : '')
    for (const [base, rules] of gitignores) {
      if (isInside(path, base) && rules.ignores(as(base))) return true
    }
    for (const { root, rules } of roots) {
      if (isInside(path, root) && rules.ignores(as(root))) return true
    }
    return false
  }

  return { directory, excluded }
}

function isInside(path: string, base: string): boolean {
  const rel = relative(base, path)
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep)
}
