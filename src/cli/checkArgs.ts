/**
 * The options of `no-new-privs check`, parsed and validated.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { parsePodSpecKind, type PodSpecKind } from '../pods/kinds.js'
import type { KubernetesVersion, PodSecurityOptions, PodSecurityVersion, Semantics } from '../resolve/types.js'
import { allValues, oneOf, parseCommandLine, singleValue, usageError } from './args.js'
import type { OptionSpecs, UsageError } from './args.js'

/** The report formats of `--output`. */
export type OutputFormat = 'text' | 'json' | 'sarif' | 'ndjson' | 'junit' | 'github'

/** `--color`: `auto` colours a terminal (NO_COLOR, FORCE_COLOR and TERM=dumb honoured). */
export type ColorMode = 'auto' | 'always' | 'never'

/** Every mode `--color` accepts. */
export const COLOR_MODES: ReadonlyArray<ColorMode> = ['auto', 'always', 'never']

/** Every semantics `--semantics` accepts. */
export const SEMANTICS: ReadonlyArray<Semantics> = ['proposal', 'noNewPrivileges', 'kubernetes']

/** Every format `--output` accepts. */
export const OUTPUT_FORMATS: ReadonlyArray<OutputFormat> = ['text', 'json', 'sarif', 'ndjson', 'junit', 'github']

/** What `check` was asked to do. */
export interface CheckArgs {
  readonly help: boolean
  readonly semantics: Semantics
  /** `--policy` files, in order. */
  readonly policies: ReadonlyArray<string>
  /** `--exemptions` files, in order. */
  readonly exemptions: ReadonlyArray<string>
  readonly podSecurity: PodSecurityOptions | undefined
  /** `--kubernetes-version`: the cluster's version (`kubernetes` semantics), default `latest`. */
  readonly kubernetesVersion: KubernetesVersion
  /** `-n, --namespace`: the namespace of objects that name none (kubectl's `-n`); default `default`. */
  readonly namespace?: string | undefined
  readonly requireNoNewPrivs: boolean
  readonly strict: boolean
  readonly output: OutputFormat
  /** `--exclude` patterns (`.gitignore` syntax) for directory walks, in order. */
  readonly excludes: ReadonlyArray<string>
  /** `--pod-spec KIND[.GROUP]=PATH` declarations, in order. */
  readonly podSpecKinds: ReadonlyArray<PodSpecKind>
  /** Files, directories and `-` (standard input); `['-']` when none was named. */
  readonly inputs: ReadonlyArray<string>
  /** `--color`, default `auto`. */
  readonly color: ColorMode
  /** `--output-file`: the report goes there instead of standard output. */
  readonly outputFile: string | undefined
  /** `--failures-only`: the text report shows failing containers, errors and warnings only. */
  readonly failuresOnly: boolean
  /** `--fail-if-no-objects-found`: exit 2 when no container was checked. */
  readonly failIfNoObjectsFound: boolean
  /** `--stdin-filename NAME`: the source name of what is read from standard input (what an editor or code scanning opens). */
  readonly stdinFilename: string | undefined
  /** `--threads N`: worker threads for several files; `undefined` (`auto`): one per core. */
  readonly threads: number | undefined
}

/** The options of `check`. */
export const CHECK_OPTIONS: OptionSpecs = {
  semantics: { type: 'string' },
  policy: { type: 'string', multiple: true },
  exemptions: { type: 'string', multiple: true },
  'pod-security': { type: 'string' },
  'kubernetes-version': { type: 'string' },
  namespace: { type: 'string', short: 'n' },
  threads: { type: 'string' },
  'require-no-new-privs': { type: 'boolean' },
  strict: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  'pod-spec': { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  'stdin-filename': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  color: { type: 'string' },
  'output-file': { type: 'string' },
  'failures-only': { type: 'boolean' },
  'fail-if-no-objects-found': { type: 'boolean' },
}

/**
 * Parses the arguments that follow `check`.
 *
 * @example
 * ```ts
 * parseCheckArgs(['--output', 'json', 'deploy.yaml'])
 * // Right({ output: 'json', inputs: ['deploy.yaml'], semantics: 'proposal', ... })
 * parseCheckArgs(['--output', 'xml']) // Left({ message: '--output must be one of text, json, sarif, ndjson, junit, github, not "xml"' })
 * ```
 */
export function parseCheckArgs(argv: ReadonlyArray<string>): E.Either<UsageError, CheckArgs> {
  return pipe(
    parseCommandLine(argv, CHECK_OPTIONS),
    E.chain((line) =>
      pipe(
        E.Do,
        E.bind('semantics', () => oneOf('--semantics', singleValue(line, 'semantics') ?? 'proposal', SEMANTICS)),
        E.bind('output', () => oneOf('--output', singleValue(line, 'output') ?? 'text', OUTPUT_FORMATS)),
        E.bind('podSecurity', () => parsePodSecurity(singleValue(line, 'pod-security'))),
        E.bind('policies', () => nonEmptyPaths('--policy', allValues(line, 'policy'))),
        E.bind('exemptions', () => nonEmptyPaths('--exemptions', allValues(line, 'exemptions'))),
        E.bind('excludes', () => nonEmptyPatterns(allValues(line, 'exclude'))),
        E.bind('podSpecKinds', () => parsePodSpecKinds(allValues(line, 'pod-spec'))),
        E.bind('kubernetesVersion', () => parseKubernetesVersion(singleValue(line, 'kubernetes-version'))),
        E.bind('color', () => oneOf('--color', singleValue(line, 'color') ?? 'auto', COLOR_MODES)),
        E.bind('outputFile', () => parseOutputFile(singleValue(line, 'output-file'))),
        E.bind('namespace', () => parseNamespace(singleValue(line, 'namespace'))),
        E.chainFirst(({ output }) => failuresOnlyFits(line.flags.has('failures-only'), output)),
        E.bind('stdinFilename', () => parseStdinFilename(singleValue(line, 'stdin-filename'))),
        E.bind('threads', () => parseThreads(singleValue(line, 'threads'))),
        E.map(({ semantics, output, podSecurity, policies, exemptions, podSpecKinds, excludes, kubernetesVersion, color, outputFile, namespace, stdinFilename, threads }) => {
          const inputs = [...line.operands, ...(line.rest ?? [])]
          return {
            help: line.flags.has('help'),
            semantics,
            policies,
            exemptions,
            podSecurity,
            kubernetesVersion,
            ...(namespace === undefined ? {} : { namespace }),
            requireNoNewPrivs: line.flags.has('require-no-new-privs'),
            strict: line.flags.has('strict'),
            output,
            podSpecKinds,
            excludes,
            inputs: inputs.length === 0 ? ['-'] : inputs,
            color,
            outputFile,
            failuresOnly: line.flags.has('failures-only'),
            failIfNoObjectsFound: line.flags.has('fail-if-no-objects-found'),
            stdinFilename,
            threads,
          }
        }),
      ),
    ),
  )
}

/**
 * Reads `--pod-security restricted[:VERSION]`; VERSION is `latest` or `v1.N`.
 *
 * @example
 * ```ts
 * parsePodSecurity('restricted:v1.24') // Right({ level: 'restricted', version: 'v1.24' })
 * parsePodSecurity(undefined)          // Right(undefined)
 * ```
 */
export function parsePodSecurity(value: string | undefined): E.Either<UsageError, PodSecurityOptions | undefined> {
  if (value === undefined) return E.right(undefined)
  const colon = value.indexOf(':')
  const level = colon === -1 ? value : value.slice(0, colon)
  if (level !== 'restricted') {
    return E.left(
      usageError(`--pod-security supports the level restricted only (restricted or restricted:VERSION), not ${JSON.stringify(level)}`),
    )
  }
  if (colon === -1) return E.right({ level: 'restricted' })
  const version = value.slice(colon + 1)
  if (!isPodSecurityVersion(version)) {
    return E.left(usageError(`--pod-security version must be latest or v1.N (such as v1.25), not ${JSON.stringify(version)}`))
  }
  return E.right({ level: 'restricted', version })
}

/**
 * Reads `--kubernetes-version latest|v1.N` (N ≥ 8: allowPrivilegeEscalation is from 1.8).
 *
 * @example
 * ```ts
 * parseKubernetesVersion('v1.24') // Right('v1.24')
 * parseKubernetesVersion(undefined) // Right('latest')
 * ```
 */
export function parseKubernetesVersion(value: string | undefined): E.Either<UsageError, KubernetesVersion> {
  if (value === undefined || value === 'latest') return E.right('latest')
  const match = /^v1\.([1-9][0-9]{0,3})$/.exec(value)
  if (match === null || Number(match[1]) < 8) {
    return E.left(usageError(`--kubernetes-version must be latest or v1.N with N >= 8 (such as v1.24), not ${JSON.stringify(value)}`))
  }
  return E.right(value as KubernetesVersion)
}

/** More threads than this is a typo, not a machine: each one is a second V8 heap. */
const MAX_THREADS = 256

/**
 * Reads `--threads N|auto`: how many worker threads check files (1: all on this thread).
 *
 * @example
 * ```ts
 * parseThreads('2')    // Right(2)
 * parseThreads('auto') // Right(undefined): one per core
 * parseThreads('0')    // Left({ message: '--threads must be auto or a whole number from 1 to 256, not "0"' })
 * ```
 */
export function parseThreads(value: string | undefined): E.Either<UsageError, number | undefined> {
  if (value === undefined || value === 'auto') return E.right(undefined)
  const n = /^[0-9]{1,3}$/.test(value) ? Number(value) : NaN
  if (n >= 1 && n <= MAX_THREADS) return E.right(n)
  return E.left(usageError(`--threads must be auto or a whole number from 1 to ${MAX_THREADS}, not ${JSON.stringify(value)}`))
}

/**
 * Reads `--namespace NS`: a namespace name as the API server accepts it (a DNS label).
 *
 * @example
 * ```ts
 * parseNamespace('prod') // Right('prod')
 * parseNamespace('Prod') // Left({ message: '--namespace must be a namespace name (lower-case letters, digits and -, at most 63), not "Prod"' })
 * ```
 */
export function parseNamespace(value: string | undefined): E.Either<UsageError, string | undefined> {
  if (value === undefined) return E.right(undefined)
  if (/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(value)) return E.right(value)
  return E.left(usageError(`--namespace must be a namespace name (lower-case letters, digits and -, at most 63), not ${JSON.stringify(value)}`))
}

/**
 * Reads `--stdin-filename NAME`: a path as the repository names it (`k8s/deploy.yaml`), so it
 * must be one an editor could open: not empty, no line break (it is printed on one line).
 *
 * @example
 * ```ts
 * parseStdinFilename('k8s/deploy.yaml') // Right('k8s/deploy.yaml')
 * parseStdinFilename('')                // Left({ message: '--stdin-filename needs a file name, not an empty string' })
 * ```
 */
export function parseStdinFilename(value: string | undefined): E.Either<UsageError, string | undefined> {
  if (value === undefined) return E.right(undefined)
  if (value.trim() === '') return E.left(usageError('--stdin-filename needs a file name, not an empty string'))
  if (/[\r\n\u0000]/.test(value)) return E.left(usageError('--stdin-filename cannot hold a line break or NUL'))
  return E.right(value)
}

function isPodSecurityVersion(version: string): version is PodSecurityVersion {
  return version === 'latest' || /^v1\.(0|[1-9][0-9]{0,3})$/.test(version)
}

function nonEmptyPaths(option: string, paths: ReadonlyArray<string>): E.Either<UsageError, ReadonlyArray<string>> {
  return paths.some((p) => p === '') ? E.left(usageError(`${option} needs a file name, not an empty string`)) : E.right(paths)
}

function parsePodSpecKinds(values: ReadonlyArray<string>): E.Either<UsageError, ReadonlyArray<PodSpecKind>> {
  return pipe(
    E.traverseArray(parsePodSpecKind)(values),
    E.mapLeft(usageError),
  )
}

function nonEmptyPatterns(patterns: ReadonlyArray<string>): E.Either<UsageError, ReadonlyArray<string>> {
  return patterns.some((p) => p.trim() === '') ? E.left(usageError('--exclude needs a pattern, not an empty string')) : E.right(patterns)
}

function parseOutputFile(value: string | undefined): E.Either<UsageError, string | undefined> {
  return value === '' ? E.left(usageError('--output-file needs a file name, not an empty string')) : E.right(value)
}

/**
 * `--failures-only` shapes the text report a person reads. The machine formats keep every entry
 * (nothing is lost; a JUnit or SARIF consumer counts the passing ones too), and
 * `github` prints only problems anyway, so elsewhere the flag is a mistake worth saying.
 */
function failuresOnlyFits(given: boolean, output: OutputFormat): E.Either<UsageError, void> {
  return given && output !== 'text'
    ? E.left(usageError(`--failures-only applies to --output text only (--output ${output} keeps every entry)`))
    : E.right(undefined)
}
