/**
 * Command-line tokens to options and operands, with one-line usage errors instead of exceptions.
 *
 * `util.parseArgs` in strict mode throws multi-line messages whose wording changes between Node
 * versions; here it runs non-strict with `tokens: true` and this module judges every token, so
 * each mistake gets exactly one stable line.
 *
 * @packageDocumentation
 */
import { parseArgs } from 'node:util'
import * as E from 'fp-ts/lib/Either.js'
import { suggestName } from '../codecs/suggest.js'

/** How one option is written. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean'
  /** May be given more than once (values accumulate). */
  readonly multiple?: boolean
  /** One-letter alias, without the dash. */
  readonly short?: string
}

/** The options a command accepts, by long name. */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>

/** A usage mistake: printed as one line on stderr, exit status 2. */
export interface UsageError {
  readonly _tag: 'UsageError'
  readonly message: string
}

/** The command line split into option values and operands. */
export interface CommandLine {
  /**
   * Values of string options by long name (absent when not given): every value in order for a
   * repeatable option, the last one given for a single-valued option.
   */
  readonly strings: Readonly<Record<string, ReadonlyArray<string>>>
  /** Boolean options that were given. */
  readonly flags: ReadonlySet<string>
  /** Operands before `--`. */
  readonly operands: ReadonlyArray<string>
  /** Everything after `--`, verbatim (`null` when there was no `--`). */
  readonly rest: ReadonlyArray<string> | null
}

/**
 * Builds a {@link UsageError}.
 *
 * @example
 * ```ts
 * usageError('unknown option --x').message // 'unknown option --x'
 * ```
 */
export function usageError(message: string): UsageError {
  return { _tag: 'UsageError', message }
}

/**
 * Splits `argv` by `specs`: unknown options, missing values and values given to flags are usage
 * errors; a single-valued option given twice keeps its last value.
 *
 * @example
 * ```ts
 * const line = parseCommandLine(['--output', 'json', 'a.yaml'], { output: { type: 'string' } })
 * // Right({ strings: { output: ['json'] }, flags: Set{}, operands: ['a.yaml'], rest: null })
 * ```
 */
export function parseCommandLine(
  argv: ReadonlyArray<string>,
  specs: OptionSpecs,
): E.Either<UsageError, CommandLine> {
  const { tokens } = parseArgs({
    args: [...argv],
    options: toParseArgsOptions(specs),
    strict: false,
    allowPositionals: true,
    tokens: true,
  })
  const strings: Record<string, string[]> = {}
  const flags = new Set<string>()
  const operands: string[] = []
  let rest: string[] | null = null
  for (const token of tokens) {
    if (token.kind === 'option-terminator') {
      rest = []
      continue
    }
    if (token.kind === 'positional') {
      if (rest === null) operands.push(token.value)
      else rest.push(token.value)
      continue
    }
    const spec = specs[token.name]
    if (spec === undefined) return E.left(unknownOption(token.rawName, specs))
    if (spec.type === 'boolean') {
      if (token.inlineValue === true) return E.left(usageError(`option ${token.rawName} takes no value`))
      flags.add(token.name)
      continue
    }
    const value = token.value
    if (value === undefined || (token.inlineValue !== true && looksLikeOption(value))) {
      return E.left(usageError(`option ${token.rawName} needs a value`))
    }
    // A single-valued option given again replaces the earlier value, as POSIX utilities and
    // cobra-based tools (kubectl, helm) do: wrapper scripts put defaults first and let the user's
    // arguments after them override. Repeatable options accumulate.
    strings[token.name] = spec.multiple === true ? [...(strings[token.name] ?? []), value] : [value]
  }
  return E.right({ strings, flags, operands, rest })
}

function toParseArgsOptions(
  specs: OptionSpecs,
): Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> {
  const out: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {}
  for (const [name, spec] of Object.entries(specs)) {
    out[name] = {
      type: spec.type,
      ...(spec.multiple === true ? { multiple: true } : {}),
      ...(spec.short !== undefined ? { short: spec.short } : {}),
    }
  }
  return out
}

/** `--output --strict` means a forgotten value, not the value `--strict`; `-` alone is a value. */
function looksLikeOption(value: string): boolean {
  return value.length > 1 && value.startsWith('-')
}

function unknownOption(rawName: string, specs: OptionSpecs): UsageError {
  const names = Object.keys(specs)
  const bare = rawName.replace(/^-+/, '')
  const guess = suggestName(bare, names)
  const hint = guess === undefined ? '' : ` (did you mean --${guess}?)`
  return usageError(`unknown option ${rawName}${hint}`)
}

/**
 * The single value of a string option, or `undefined` when it was not given.
 *
 * @example
 * ```ts
 * singleValue({ strings: { output: ['json'] } } as CommandLine, 'output') // 'json'
 * ```
 */
export function singleValue(line: CommandLine, name: string): string | undefined {
  const values = line.strings[name]
  return values === undefined ? undefined : values[values.length - 1]
}

/**
 * Every value of a repeatable string option, in command-line order.
 *
 * @example
 * ```ts
 * allValues({ strings: { policy: ['a.yaml', 'b.yaml'] } } as CommandLine, 'policy') // ['a.yaml', 'b.yaml']
 * ```
 */
export function allValues(line: CommandLine, name: string): ReadonlyArray<string> {
  return line.strings[name] ?? []
}

/**
 * Checks that `value` is one of `allowed`, with a did-you-mean hint when it is close to one.
 *
 * @example
 * ```ts
 * oneOf('--output', 'jsno', ['text', 'json', 'sarif']) // Left('--output must be one of text, json, sarif, not "jsno" (did you mean json?)')
 * ```
 */
export function oneOf<A extends string>(
  option: string,
  value: string,
  allowed: ReadonlyArray<A>,
): E.Either<UsageError, A> {
  const found = allowed.find((a) => a === value)
  if (found !== undefined) return E.right(found)
  const guess = suggestName(value, allowed)
  const hint = guess === undefined ? '' : ` (did you mean ${guess}?)`
  return E.left(usageError(`${option} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}${hint}`))
}
