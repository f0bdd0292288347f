/**
 * The options of `no-new-privs check`, parsed and validated.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { parsePodSpecKind, type PodSpecKind } from '../manifest/kinds.js'
import type { KubernetesVersion, PodSecurityOptions, PodSecurityVersion, Semantics } from '../resolve/types.js'
import { allValues, oneOf, parseCommandLine, singleValue, usageError } from './args.js'
import type { OptionSpecs, UsageError } from './args.js'

/** The report formats of `--output`. */
export type OutputFormat = 'text' | 'json' | 'sarif' | 'ndjson'

/** Every semantics `--semantics` accepts. */
export const SEMANTICS: ReadonlyArray<Semantics> = ['proposal', 'noNewPrivileges', 'kubernetes']

/** Every format `--output` accepts. */
export const OUTPUT_FORMATS: ReadonlyArray<OutputFormat> = ['text', 'json', 'sarif', 'ndjson']

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
  readonly requireNoNewPrivs: boolean
  readonly strict: boolean
  readonly output: OutputFormat
  /** `--exclude` patterns (`.gitignore` syntax) for directory walks, in order. */
  readonly excludes: ReadonlyArray<string>
  /** `--pod-spec KIND[.GROUP]=PATH` declarations, in order. */
  readonly podSpecKinds: ReadonlyArray<PodSpecKind>
  /** Files, directories and `-` (standard input); `['-']` when none was named. */
  readonly inputs: ReadonlyArray<string>
}

/** The options of `check`. */
export const CHECK_OPTIONS: OptionSpecs = {
  semantics: { type: 'string' },
  policy: { type: 'string', multiple: true },
  exemptions: { type: 'string', multiple: true },
  'pod-security': { type: 'string' },
  'kubernetes-version': { type: 'string' },
  'require-no-new-privs': { type: 'boolean' },
  strict: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  'pod-spec': { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
}

/**
 * Parses the arguments that follow `check`.
 *
 * @example
 * ```ts
 * parseCheckArgs(['--output', 'json', 'deploy.yaml'])
 * // Right({ output: 'json', inputs: ['deploy.yaml'], semantics: 'proposal', ... })
 * parseCheckArgs(['--output', 'xml']) // Left({ message: '--output must be one of text, json, sarif, ndjson, not "xml"' })
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
        E.map(({ semantics, output, podSecurity, policies, exemptions, podSpecKinds, excludes, kubernetesVersion }) => {
          const inputs = [...line.operands, ...(line.rest ?? [])]
          return {
            help: line.flags.has('help'),
            semantics,
            policies,
            exemptions,
            podSecurity,
            kubernetesVersion,
            requireNoNewPrivs: line.flags.has('require-no-new-privs'),
            strict: line.flags.has('strict'),
            output,
            podSpecKinds,
            excludes,
            inputs: inputs.length === 0 ? ['-'] : inputs,
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
