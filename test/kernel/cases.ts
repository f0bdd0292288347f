/**
 * The decisions the kernel suite sends into runtimes: every Linux container of the project's own
 * examples/ under every semantics. A container start is the expensive part, so cases are grouped
 * by the configuration our writer produces: one start answers every decision that wrote it.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkManifests } from '../../src/index.js'
import type { Semantics } from '../../src/index.js'

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples')

const SEMANTICS: ReadonlyArray<Semantics> = ['proposal', 'noNewPrivileges', 'kubernetes']

/** One decided container, named for the failure message. */
export interface DecidedCase {
  readonly label: string
  readonly noNewPrivs: boolean
}

/** Every resolved Linux container of examples/*.{yaml,json} × semantics. */
export function decidedCases(): ReadonlyArray<DecidedCase> {
  const files = readdirSync(examples).filter((name) => /\.(ya?ml|json)$/.test(name)).sort()
  const cases: Array<DecidedCase> = []
  for (const semantics of SEMANTICS) {
    const report = checkManifests(
      files.map((name) => ({ source: `examples/${name}`, text: readFileSync(join(examples, name), 'utf8') })),
      { semantics },
    )
    for (const result of report.results) {
      // Violations: nothing runs. Windows: no_new_privs does not exist there, no Linux runtime runs it.
      if (result.noNewPrivs === null || result.reason === null || !result.reason.applicable) continue
      cases.push({ label: `${semantics} ${result.source} ${result.path} (${result.container ?? '?'})`, noNewPrivs: result.noNewPrivs })
    }
  }
  return cases
}

/** Cases grouped by the configuration written for them (its JSON), in first-seen order. */
export function byWritten<C, W>(cases: ReadonlyArray<C>, write: (c: C) => W): ReadonlyArray<{ readonly written: W; readonly cases: ReadonlyArray<C> }> {
  const groups = new Map<string, { written: W; cases: Array<C> }>()
  for (const c of cases) {
    const written = write(c)
    const key = JSON.stringify(written)
    const group = groups.get(key)
    if (group === undefined) groups.set(key, { written, cases: [c] })
    else group.cases.push(c)
  }
  return [...groups.values()]
}
