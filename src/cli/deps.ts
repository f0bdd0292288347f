/**
 * What the command line needs from the rest of the library, as plain function types.
 *
 * The commands take these as parameters instead of importing them, so they are tested with the
 * real implementations and with hand-made ones alike, and only `main.ts` wires the real ones.
 * The shapes are those of `checkManifests` (src/manifest/check.ts) and `resolveNoNewPrivs`
 * (src/resolve/resolve.ts); the real functions are assignable to them.
 *
 * @packageDocumentation
 */
import type { Either } from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import type { Exemptions } from '../exemptions/ledger.js'
import type { Report } from '../manifest/report.js'
import type {
  Decision,
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
  readonly requireNoNewPrivs?: boolean
  readonly strict?: boolean
  /** One exemption stage for the whole run, so unused exemptions are judged after every file. */
  readonly exemptions?: Exemptions
}

/** `checkManifests` as the CLI calls it. */
export type CheckManifests = (input: ReadonlyArray<CliSource>, options?: CliCheckOptions) => Report

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
 * import { checkManifests } from '../manifest/check.js'
 * import { resolveNoNewPrivs } from '../resolve/resolve.js'
 * const deps: CliDeps = { checkManifests, resolveNoNewPrivs }
 * ```
 */
export interface CliDeps {
  readonly checkManifests: CheckManifests
  readonly resolveNoNewPrivs: ResolveNoNewPrivs
}
