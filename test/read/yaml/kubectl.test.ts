/**
 * Differential test: generated documents read by the library and by the real kubectl
 * (`kubectl label --local -f DIR x=y -o json`), which SPEC §6a makes the reference. Every class
 * of YAML corner is generated with fast-check, all documents go to ONE kubectl process, and each
 * document's value (or refusal) must agree. On CI a missing kubectl fails loudly; locally the
 * test is skipped with a message.
 */
import { fc } from '@fast-check/vitest'
import { beforeAll, describe, expect, test } from 'vitest'
import { loadDocuments } from '../../../src/read/yaml/load.js'
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

/** Number spellings: Go's prefixes and underscores, dots, signs, exponents, infinities, out-of-range floats. */
const numberText = fc
  .array(fc.constantFrom('0', '1', '7', '9', '_', '.', 'e', 'E', '-', '+', 'x', 'X', 'o', 'O', 'b', 'B', 'f', 'inf', 'nan', 'Inf', '500'), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''))
  // A leading e/E too: an exponent without a mantissa (`e5`) is text to go-yaml, and was NaN here.
  .filter((t) => /^[-+.0-9eE]/.test(t) && !/^[-?]( |$)/.test(t) && !t.includes(': '))
const numbers = fc.array(numberText, { minLength: 1, maxLength: 4 }).map((texts) => texts.map((t, i) => `  v${i}: ${t}\n`).join(''))

/** Aliases: shared anchors, many aliases, small bombs, aliases inside their own anchor, unknown anchors. */
const aliasItem = fc.oneof(
  fc.constantFrom('1', 'x', '{p: 1}', '[1, 2]', '*a0', '*a1', '*zz'),
  fc.integer({ min: 0, max: 1 }).map((i) => `*a${i}`),
)
const aliases = fc
  .tuple(
    fc.constantFrom('{allowPrivilegeEscalation: false}', '[lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]', '&self [*self]', '&self {p: *self}', 'x'),
    fc.integer({ min: 0, max: 4 }),
    fc.array(aliasItem, { minLength: 1, maxLength: 5 }),
    fc.integer({ min: 1, max: 60 }),
  )
  .map(([def, levels, uses, fan]) => {
    const lines = [`  a0: &a0 ${def}`]
    for (let l = 1; l <= levels; l++) lines.push(`  a${l}: &a${l} [${Array<string>(fan % 12 || 1).fill(`*a${l - 1}`).join(', ')}]`)
    lines.push(`  u: [${uses.join(', ')}]`)
    for (let i = 0; i < fan; i++) lines.push(`  k${i}: *a${i % (levels + 1)}`)
    return `${lines.join('\n')}\n`
  })

/** Explicit tags on values of every kind, in block and flow context. */
const tagged = fc
  .tuple(
    fc.constantFrom('!!binary', '!!float', '!!int', '!!bool', '!!null', '!!str', '!!timestamp', '!foo', '!!foo', '!', '!<tag:yaml.org,2002:int>'),
    fc.constantFrom('10', 'abc', 'aGVsbG8=', 'aGVsbG8', '4oI=', '1.5', 'true', 'yes', '~', '', '"12"', "'x'", '0x1F', '2001-12-14', '.inf', '99999999999999999999', '[1]', '{p: 1}'),
    fc.boolean(),
  )
  .map(([tag, value, flow]) => (flow ? `  allowPrivilegeEscalation: [${tag} ${value}, 1]\n  f: {p: ${tag}, q: 1}\n` : `  allowPrivilegeEscalation: ${tag} ${value}\n`))

/** Double-quoted escapes, raw control characters and Unicode line breaks, quoted and plain. */
// Blanks and breaks next to NEL, LS and PS (go-yaml folds them as line breaks inside quotes), and `\'`.
// Line ends are followed by an indentation that keeps the scalar inside its key.
const piece = fc.constantFrom('x', ' ', ' \t ', '\n    ', '\n\n    ', '\\\n    ', "''", '\\/', '\\ud83d\\ude00', '\\ud83d', '\\U0001F600', '\\x41', '\\t', '\\N', '\\L', '\\_', "\\'", '\\q', '\u0001', '\u007f', '\u0085', '\u2028', '\u2029', '\ufeff', '\ufffe', 'é', '\t')
const characters = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 5 }), fc.constantFrom('"', "'", ''))
  .map(([pieces, quote]) => {
    const body = pieces.join('')
    // Inside single quotes or plain text a backslash is text; keep plain values from starting with a space.
    return `  v: ${quote}${quote === '' ? `a${body}b` : body}${quote}\n`
  })

/** Tabs after `-`, `?` and `:`, and `?` or `:` in flow plain scalars. */
const tabsAndFlow = fc.constantFrom(
  '  a:\n  -\tb\n', '  a:\n  - \tb\n', '  ? \tb\n  : 1\n', '  ?\tb\n  : 1\n', '  a:\tb\n', '  a: \tb\n', '  a: b\t\n', '  a:\n  -\t\n',
  '  a: {url: http://x/p?q=1}\n', '  a: [?x, :y]\n', '  a: [?x]\n', '  a: [?x, y, ?yes, [?z]]\n', '  a: [&b ?x]\n', '  a: {x: ?y}\n', '  a: {!!str ?x: 1}\n', '  a: [?]\n', '  a: {?x: 1}\n', '  a: {?x}\n', '  a: [?x: 1]\n', '  a: {:x: 1}\n', '  a: [::x]\n',
  // A tab starting a blank or comment-only line: refused, except right of a plain scalar's indentation.
  '  a: 1\n\t\n', '  a: 1\n  \t\n  b: 2\n', '  a: 1\n   \t\n', '  a: 1\n   \t# c\n', '  a: "1"\n   \t\n', '  a: 1 # c\n   \t\n', '  a:\n  - 1\n  \t\n', '  a:\n  - 1\n   \t\n',
  '  a: [1,\n\t\n   2]\n', '  a: |\n    x\n    \t\n', '  \t# c\n  a: 1\n',
  '  a: [x:y, -x, http://x]\n', '  a: {x: :y}\n', '  a: {x: y?}\n', '  a: {b: c:d}\n', '  a: [a?b]\n', '  a: "http://x/p?q=1"\n', '  a: http://x/p?q=1\n',
)

/** Keys: null and `~`, collections, booleans, integers and floats as Go writes them. */
// Two keys that Go writes the same (`.inf` and `1.5e300`) are not generated together: kubectl
// keeps whichever its map iteration meets last, which is random.
const SAME_KEY: Readonly<Record<string, string>> = { '1.5e300': '.inf', '!!float 12': '12', '~': 'null', '? [1]\n   ': '[1]' }
const keys = fc
  .uniqueArray(
    fc.constantFrom('null', '~', '""', '[1]', '{a: 1}', '? [1]\n   ', 'true', 'no', '12', '0x1F', '0o17', '1.5', '1e20', '1e21', '0.000001', '1e-7', '1.0', '-0.0', '1.5e300', '100000000000000000000000', '18446744073709551615', '.inf', '.nan', '3.14159265358979', '123456789012.0', '2001-12-14', '!!float 12', '!!binary aGVsbG8='),
    { minLength: 1, maxLength: 4, selector: (k) => SAME_KEY[k] ?? k },
  )
  .map((ks) => ks.map((k, i) => `  ${k}: v${i}\n`).join(''))

const CLASSES: ReadonlyArray<readonly [string, fc.Arbitrary<string>]> = [
  ['merge keys', mergeKeys],
  ['duplicate keys', duplicateKeys],
  ['numbers', numbers],
  ['aliases', aliases],
  ['tags', tagged],
  ['escapes and characters', characters],
  ['tabs and flow scalars', tabsAndFlow],
  ['keys', keys],
]

/** Whole streams: what comes before the pod, and the `---` line that opens it. */
const separators = fc
  .tuple(
    fc.constantFrom('', '# head\n', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n', '%YAML 1.1\n', '%YAML 1.2\n', '%TAG !e! tag:example.com,2000:\n', '%FOO bar\n'),
    fc.constantFrom('---', '--- ', '--- # c', '---#c', '---\tx', '--- x', '---x', '----', '--- {a: 1}', '--- |', '--- !!map', '--- &a', '--- ~', '---\ufeff', '---   '),
    fc.constantFrom('', '\ufeff'),
  )
  // Declared deviation: `---#c` on the very first line is refused by kubectl (the line stays in
  // the document and go-yaml reads it as text); the library reads it as a separator there too.
  .filter(([before, marker]) => !(before === '' && marker.startsWith('---#')))
  .map(([before, marker, bom]) => (podText: string) => `${before}${marker}\n${bom}${podText}`)

// ---- the comparison ----

const ours = (text: string): KubectlReading => {
  // The pod is the stream's last document that is not empty (streams of the separator class).
  const doc = loadDocuments(text, 'differential.yaml').filter((d) => d._tag !== 'Empty').pop()
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
    for (const around of fc.sample(separators, { numRuns: PER_CLASS, seed: seed + CLASSES.length }))
      cases.push({ kind: 'separators and directives', text: around(podAround(cases.length, '  v: 1\n')) })
    theirs = kubectlReadings(cases.map((c) => c.text))
  }, 60_000)

  test.each([...CLASSES.map(([kind]) => kind), 'separators and directives'])('%s: every document agrees with kubectl', (kind) => {
    const disagreements: unknown[] = []
    let total = 0
    cases.forEach((c, i) => {
      if (c.kind !== kind) return
      total += 1
      const kubectl = verdict(theirs.get(i))
      const library = verdict(ours(c.text))
      if (JSON.stringify(kubectl) !== JSON.stringify(library) && !sameValue(kubectl, library)) disagreements.push({ text: c.text, kubectl, library })
    })
    // One line per class, so that a long local hunt (DIFFERENTIAL_PER_CLASS) reports agreement.
    if (process.env['DIFFERENTIAL_PER_CLASS'] !== undefined) console.log(`differential ${kind}: ${total - disagreements.length}/${total} agree (seed ${seed})`)
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
