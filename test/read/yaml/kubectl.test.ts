/**
 * Differential test: generated documents read by the library and by the real kubectl
 * (`kubectl label --local -f DIR x=y -o json`), which SPEC §6a makes the reference. Every class
 * of YAML corner is generated with fast-check, all documents go to ONE kubectl process, and each
 * document's value (or refusal) must agree. On CI a missing kubectl fails loudly; locally the
 * test is skipped with a message.
 */
import { fc } from '@fast-check/vitest'
import { beforeAll, describe, expect, test } from 'vitest'
import { loadDocuments } from '../../../src/manifest/load.js'
import { hasKubectl, KUBECTL, kubectlReadings, podAround } from './kubectl.js'
import type { KubectlReading } from './kubectl.js'

// DIFFERENTIAL_PER_CLASS raises the count for a long local hunt; CI keeps the default, bounded in time.
const PER_CLASS = Number(process.env['DIFFERENTIAL_PER_CLASS'] ?? 120)
const seed = Number(process.env['DIFFERENTIAL_SEED'] ?? Date.now() % 2 ** 31)

// ---- the classes of documents, each a generator of the lines under `data:` ----

const key = fc.constantFrom('p', 'q', 'r', 'allowPrivilegeEscalation')
const scalar = fc.oneof(fc.integer({ min: 0, max: 9 }).map(String), fc.constantFrom('true', 'false'))
const flowMap = fc
  .uniqueArray(fc.tuple(key, scalar), { maxLength: 3, selector: ([k]) => k })
  .map((pairs) => `{${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')}}`)
const ANCHORS = 3
const anchored = fc.integer({ min: 0, max: ANCHORS - 1 }).map((i) => `*a${i}`)
const mapOrAlias = fc.oneof(flowMap, anchored)
const mergeValue = fc.oneof(mapOrAlias, fc.array(mapOrAlias, { minLength: 1, maxLength: 3 }).map((items) => `[${items.join(', ')}]`))
const entry = fc.oneof(
  fc.tuple(key, scalar).map(([k, v]) => ({ key: k, text: `${k}: ${v}` })),
  mergeValue.map((v) => ({ key: '<<', text: `<<: ${v}` })),
)

/** `<<` merge keys: explicit keys before and after, several merges, sequences, aliases. */
const mergeKeys = fc
  .tuple(fc.array(flowMap, { minLength: ANCHORS, maxLength: ANCHORS }), fc.uniqueArray(entry, { minLength: 1, maxLength: 6, selector: (e) => (e.key === '<<' ? Symbol('merge') : e.key) }))
  .map(([defs, entries]) => `  defs:\n${defs.map((d, i) => `  - &a${i} ${d}\n`).join('')}  t:\n${entries.map((e) => `    ${e.text}\n`).join('')}`)

/** Duplicate keys, spelt the same or read the same (`y`/`yes`/`true`), in block and flow maps. */
const dupKey = fc.constantFrom('p', 'q', '"p"', 'yes', 'true', 'y', 'on')
const duplicateKeys = fc
  .tuple(fc.array(fc.tuple(dupKey, scalar), { minLength: 1, maxLength: 6 }), fc.array(fc.tuple(dupKey, scalar), { maxLength: 4 }))
  .map(([block, flow]) => `  t:\n${block.map(([k, v]) => `    ${k}: ${v}\n`).join('')}  f: {${flow.map(([k, v]) => `${k}: ${v}`).join(', ')}}\n`)

/** Number spellings: Go's prefixes and underscores, dots, signs, infinities, out-of-range floats. */
const numberText = fc
  .array(fc.constantFrom('0', '1', '7', '9', '_', '.', 'e', 'E', '-', '+', 'x', 'X', 'o', 'O', 'b', 'B', 'f', 'inf', 'nan', 'Inf', '500'), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''))
  .filter((t) => /^[-+.0-9]/.test(t) && !/^[-?]( |$)/.test(t) && !t.includes(': '))
const numbers = fc.array(numberText, { minLength: 1, maxLength: 4 }).map((texts) => texts.map((t, i) => `  v${i}: ${t}\n`).join(''))

const CLASSES: ReadonlyArray<readonly [string, fc.Arbitrary<string>]> = [
  ['merge keys', mergeKeys],
  ['duplicate keys', duplicateKeys],
  ['numbers', numbers],
]

// ---- the comparison ----

const ours = (text: string): KubectlReading => {
  const [doc] = loadDocuments(text, 'differential.yaml')
  if (doc?._tag === 'Error') return { _tag: 'Refused', message: doc.message }
  if (doc?._tag !== 'Document') return { _tag: 'Value', data: null }
  return { _tag: 'Value', data: JSON.parse(JSON.stringify((doc.value as { data?: unknown }).data ?? null)) as unknown }
}

const verdict = (r: KubectlReading | undefined): unknown => (r === undefined ? 'missing' : r._tag === 'Refused' ? 'refused' : r.data)

interface Case {
  readonly kind: string
  readonly text: string
}

const available = hasKubectl()
const onCi = process.env['CI'] === 'true'
if (!available && !onCi) console.warn(`kubectl differential test skipped: no kubectl at ${KUBECTL}`)

describe.skipIf(!available && !onCi)(`the library reads documents as kubectl does (seed ${seed})`, () => {
  const cases: Case[] = []
  let theirs = new Map<number, KubectlReading>()

  beforeAll(() => {
    if (!available) throw new Error(`CI: kubectl is required for the differential test and is missing at ${KUBECTL}`)
    CLASSES.forEach(([kind, arbitrary], c) => {
      for (const body of fc.sample(arbitrary, { numRuns: PER_CLASS, seed: seed + c })) cases.push({ kind, text: podAround(cases.length, body) })
    })
    theirs = kubectlReadings(cases.map((c) => c.text))
  }, 60_000)

  test.each(CLASSES.map(([kind]) => kind))('%s: every document agrees with kubectl', (kind) => {
    const disagreements: unknown[] = []
    cases.forEach((c, i) => {
      if (c.kind !== kind) return
      const kubectl = verdict(theirs.get(i))
      const library = verdict(ours(c.text))
      if (JSON.stringify(kubectl) !== JSON.stringify(library) && !sameValue(kubectl, library)) disagreements.push({ text: c.text, kubectl, library })
    })
    expect(disagreements.slice(0, 5)).toEqual([])
  })
})

/** Deep equality that ignores key order (kubectl sorts keys, the library keeps document order). */
const sameValue = (a: unknown, b: unknown): boolean => {
  try {
    expect(a).toStrictEqual(b)
    return true
  } catch {
    return false
  }
}
