/**
 * What a run read, in a few words: for `--fail-if-no-objects-found`, whose message has to say
 * why nothing was checked (nothing piped in, only skipped kinds, only errors).
 *
 * @packageDocumentation
 */
import type { ReportEntry } from '../report/check.js'

/** Kinds named in the message; the rest are counted as "N other kinds". */
const KINDS_SHOWN = 5

/**
 * Counts containers, skipped documents by kind and errors as entries are written. Memory is one
 * counter per distinct skipped kind.
 *
 * @example
 * ```ts
 * const read = new ReadTally()
 * read.add({ _tag: 'Skipped', skipped: { source: 'a.yaml', document: 0, kind: 'Service' } })
 * read.words(1) // '1 source; 1 document skipped (Service); 0 errors'
 * ```
 */
export class ReadTally {
  containers = 0
  private errors = 0
  private readonly skipped = new Map<string, number>()

  add(entry: ReportEntry): void {
    if (entry._tag === 'Result') this.containers++
    else if (entry._tag === 'Error') this.errors++
    else if (entry._tag === 'Skipped') this.skipped.set(entry.skipped.kind, (this.skipped.get(entry.skipped.kind) ?? 0) + 1)
  }

  /** What was read, from `sources` operands' worth of input. */
  words(sources: number): string {
    let documents = 0
    for (const n of this.skipped.values()) documents += n
    const kinds = [...this.skipped].map(([kind, n]) => (n === 1 ? kind : `${kind} ×${n}`))
    const shown = kinds.slice(0, KINDS_SHOWN)
    if (kinds.length > KINDS_SHOWN) shown.push(`${kinds.length - KINDS_SHOWN} other kinds`)
    const skipped = documents === 0 ? 'no document skipped' : `${plural(documents, 'document')} skipped (${shown.join(', ')})`
    return `${plural(sources, 'source')}; ${skipped}; ${plural(this.errors, 'error')}`
  }
}

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`
