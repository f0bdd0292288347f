/**
 * `no-new-privs check`: read the manifests, check them, print the report, say how it went.
 *
 * @packageDocumentation
 */
import { readFile } from 'node:fs/promises'
import * as E from 'fp-ts/lib/Either.js'
import { createExemptions, problemEntry } from '../exemptions/ledger.js'
import type { Exemptions } from '../exemptions/ledger.js'
import type { Report, ReportError } from '../manifest/report.js'
import { parseCheckArgs } from './checkArgs.js'
import type { CheckArgs } from './checkArgs.js'
import { wantsColour } from './colour.js'
import { decodeUtf8 } from './decodeText.js'
import type { CheckManifests, CliCheckOptions, CliSource } from './deps.js'
import { exitStatusOf } from './exitStatus.js'
import type { ExitStatus } from './exitStatus.js'
import { formatJson } from './format/json.js'
import { formatSarif } from './format/sarif.js'
import { formatText } from './format/text.js'
import { CHECK_HELP } from './help.js'
import type { CliIO } from './io.js'
import { progressLine } from './progress.js'
import { collectInputs, describeFsError } from './sources.js'
import type { InputEntry } from './sources.js'

/** Where `check` runs: for SARIF's relative URIs. */
export interface CheckContext {
  readonly cwd?: string
}

/**
 * Runs `check` with the arguments after the word `check`, and returns the exit status.
 *
 * @example
 * ```ts
 * const status = await checkCommand(['--output', 'json', 'examples/'], nodeIO(), checkManifests)
 * // prints the JSON report; status is 0, 1 or 2
 * ```
 */
export async function checkCommand(
  argv: ReadonlyArray<string>,
  io: CliIO,
  checkManifests: CheckManifests,
  context: CheckContext = {},
): Promise<ExitStatus> {
  const parsed = parseCheckArgs(argv)
  if (E.isLeft(parsed)) {
    io.stderr.write(`no-new-privs check: ${parsed.left.message} (see no-new-privs check --help)\n`)
    return 2
  }
  const args = parsed.right
  if (args.help) {
    io.stdout.write(CHECK_HELP)
    return 0
  }
  const policies = await readPolicies(args.policies, 'policy')
  if (E.isLeft(policies)) {
    io.stderr.write(`no-new-privs check: ${policies.left}\n`)
    return 2
  }
  const exemptionFiles = await readPolicies(args.exemptions, 'exemptions file')
  if (E.isLeft(exemptionFiles)) {
    io.stderr.write(`no-new-privs check: ${exemptionFiles.left}\n`)
    return 2
  }
  const exemptions = args.exemptions.length > 0 ? createExemptions(exemptionFiles.right) : undefined
  const checked = await checkInputs(args, optionsOf(args, policies.right, exemptions), io, checkManifests)
  const report = exemptions === undefined ? checked.report : withExemptions(checked.report, exemptions)
  io.stdout.write(render(report, args, io, checked.order, context))
  return exitStatusOf(report)
}

/** The exemption stage's own entries: its files' problems first, then, after every file, the unused ones. */
function withExemptions(report: Report, exemptions: Exemptions): Report {
  const entries = [...exemptions.problems, ...exemptions.unused()].map(problemEntry)
  const errors = entries.flatMap((e) => (e._tag === 'Error' ? [e.error] : []))
  const warnings = entries.flatMap((e) => (e._tag === 'Warning' ? [e.warning] : []))
  return { ...report, errors: [...errors, ...report.errors], warnings: [...report.warnings, ...warnings], exemptions: exemptions.summary() }
}

function optionsOf(args: CheckArgs, policies: ReadonlyArray<CliSource>, exemptions: Exemptions | undefined): CliCheckOptions {
  return {
    ...(exemptions === undefined ? {} : { exemptions }),
    semantics: args.semantics,
    ...(policies.length > 0 ? { policies } : {}),
    ...(args.podSecurity !== undefined ? { podSecurity: args.podSecurity } : {}),
    requireNoNewPrivs: args.requireNoNewPrivs,
    strict: args.strict,
  }
}

/**
 * Policies (and exemptions files) are read before anything is checked: without them every
 * answer would be about a different cluster (or exempt nothing), so an unreadable one stops the
 * run instead of becoming one error entry.
 */
async function readPolicies(paths: ReadonlyArray<string>, what: string): Promise<E.Either<string, ReadonlyArray<CliSource>>> {
  const out: CliSource[] = []
  for (const path of paths) {
    let bytes: Uint8Array
    try {
      bytes = await readFile(path)
    } catch (error) {
      return E.left(`cannot read ${what} ${path}: ${describeFsError(error)}`)
    }
    const text = decodeUtf8(bytes)
    if (E.isLeft(text)) return E.left(`${what} ${path} is not UTF-8 (line ${text.left.line}, byte ${text.left.offset})`)
    out.push({ source: path, text: text.right })
  }
  return E.right(out)
}

interface Checked {
  readonly report: Report
  /** Sources in the order they were checked. */
  readonly order: ReadonlyArray<string>
}

/**
 * Each source is read and checked on its own, so memory holds one file at a time, progress can
 * be shown, and an unreadable file becomes an error entry while the others are still checked.
 */
async function checkInputs(args: CheckArgs, options: CliCheckOptions, io: CliIO, checkManifests: CheckManifests): Promise<Checked> {
  const { entries, emptyDirectories } = await collectInputs(args.inputs)
  for (const directory of emptyDirectories) {
    io.stderr.write(`no-new-privs check: no *.yaml, *.yml or *.json file under ${directory}\n`)
  }
  if (io.stdinIsTTY && entries.some((e) => e._tag === 'stdin')) {
    io.stderr.write('no-new-privs check: reading manifests from standard input (end with Ctrl-D)\n')
  }
  const progress = progressLine(io.stderr, entries.length)
  const results: Array<Report['results'][number]> = []
  const errors: ReportError[] = []
  const warnings: Array<Report['warnings'][number]> = []
  const skipped: Array<Report['skipped'][number]> = []
  let done = 0
  for (const entry of entries) {
    const source = await readEntry(entry, io)
    if (E.isLeft(source)) {
      errors.push(source.left)
    } else {
      const report = checkManifests([source.right], options)
      results.push(...report.results)
      errors.push(...report.errors)
      warnings.push(...report.warnings)
      skipped.push(...report.skipped)
    }
    done++
    progress.update(done, entry.source)
  }
  progress.done()
  return {
    report: { semantics: args.semantics, results, errors, warnings, skipped },
    order: entries.map((e) => e.source),
  }
}

async function readEntry(entry: InputEntry, io: CliIO): Promise<E.Either<ReportError, CliSource>> {
  if (entry._tag === 'unreadable') return E.left(unreadable(entry.source, entry.message))
  let bytes: Uint8Array
  try {
    bytes = entry._tag === 'stdin' ? await io.readStdin() : await readFile(entry.path)
  } catch (error) {
    return E.left(unreadable(entry.source, describeFsError(error)))
  }
  const text = decodeUtf8(bytes)
  if (E.isLeft(text)) {
    const { line, offset } = text.left
    // The column would count bytes, while report columns count UTF-16 code units: the byte offset goes in the message.
    return E.left({
      source: entry.source,
      document: null,
      line,
      column: null,
      code: 'not-utf8',
      message: `not UTF-8: byte ${offset} (0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')}) is not part of a UTF-8 sequence`,
    })
  }
  return E.right({ source: entry.source, text: text.right })
}

function unreadable(source: string, message: string): ReportError {
  return { source, document: null, line: null, column: null, code: 'unreadable', message: `cannot read: ${message}` }
}

function render(report: Report, args: CheckArgs, io: CliIO, order: ReadonlyArray<string>, context: CheckContext): string {
  switch (args.output) {
    case 'json':
      return formatJson(report)
    case 'sarif':
      return formatSarif(report, context.cwd === undefined ? {} : { cwd: context.cwd })
    case 'text':
      return formatText(report, { colour: wantsColour(io.stdout, io.env), sources: order })
  }
}
