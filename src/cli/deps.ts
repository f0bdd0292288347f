/**
 * What the command line needs from the rest of the library, as plain function types.
 *
 * The commands take these as parameters instead of importing them, so they are tested with the
 * real implementations and with hand-made ones alike, and only `main.ts` wires the real ones.
 * The shapes are those of `checkManifests` (src/report/check.ts) and `resolveNoNewPrivs`
 * (src/resolve/resolve.ts); the real functions are assignable to them.
 *
 * @packageDocumentation
 */
import type { Either } from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import type { Exemptions } from '../exemptions/ledger.js'
import type { ReportEntry } from '../report/check.js'
import type { PodSpecKind } from '../pods/kinds.js'
import type { Report } from '../report/report.js'
import type {
  Decision,
  KubernetesVersion,
  PodSecurityOptions,
  ResolveInput,
  ResolveOptions,
  Semantics,
  Violation,
} from '../resolve/types.js'

/** One named text to check: a file's path (as the user wrote it) and its decoded content. */
export interface CliSource {
  readonly source: string
  readonly text: string
}

/** The options `check` passes on to `checkManifests`. */
export interface CliCheckOptions {
  readonly semantics?: Semantics
  readonly policies?: ReadonlyArray<CliSource>
  readonly podSecurity?: PodSecurityOptions
  readonly kubernetesVersion?: KubernetesVersion
  /** The namespace of objects that name none (`--namespace`). */
  readonly namespace?: string
  readonly requireNoNewPrivs?: boolean
  readonly strict?: boolean
  readonly podSpecKinds?: ReadonlyArray<PodSpecKind>
  /** One exemption stage for the whole run, so unused exemptions are judged after every file. */
  readonly exemptions?: Exemptions
}

/** `checkManifests` as the CLI used to call it (and tests still build reports with). */
export type CheckManifests = (input: ReadonlyArray<CliSource>, options?: CliCheckOptions) => Report

/** One source as the CLI streams it: its name and its bytes as they are read. */
export interface CliStreamSource {
  readonly source: string
  readonly chunks: AsyncIterable<Uint8Array | string>
}

/**
 * `checkStream` as the CLI calls it: the sources one after another, the entries as they come
 * (the policies' problems first). A source whose chunks throw {@link SourceUnreadable} is one
 * `unreadable` error entry.
 */
export type CheckStream = (sources: AsyncIterable<CliStreamSource>, options?: CliCheckOptions) => AsyncIterable<ReportEntry>

/**
 * `checkFilesInParallel` as the CLI calls it: files checked on `threads` worker threads, the
 * entries in file order, equal to `checkStream` of the same files (the policies' problems first).
 */
export type CheckFiles = (
  files: ReadonlyArray<{ readonly path: string; readonly source: string }>,
  options: CliCheckOptions,
  parallel: { readonly threads: number },
) => AsyncIterable<ReportEntry>

/** `resolveNoNewPrivs` as the CLI calls it. */
export type ResolveNoNewPrivs = (
  input: ResolveInput,
  options?: ResolveOptions,
) => Either<ReadonlyNonEmptyArray<Violation>, Decision>

/**
 * The library functions every command may use.
 *
 * @example
 * ```ts
 * import { checkStream } from '../manifest/stream.js'
 * import { resolveNoNewPrivs } from '../resolve/resolve.js'
 * const deps: CliDeps = { checkStream, resolveNoNewPrivs }
 * ```
 */
export interface CliDeps {
  readonly checkStream: CheckStream
  readonly resolveNoNewPrivs: ResolveNoNewPrivs
  /** Several files on worker threads; without it every source goes through `checkStream`. */
  readonly checkFiles?: CheckFiles | undefined
}
