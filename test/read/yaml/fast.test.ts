/**
 * The fast reader (js-yaml, src/read/yaml/fastYaml.ts) is proven against the exact reader
 * (eemeli/yaml with kubectl's rules, itself compared with the real kubectl in kubectl.test.ts):
 * for generated documents in and around the fast reader's domain, and for the same documents
 * mutated one character at a time, `loadDocuments` (fast where it can) gives exactly what
 * `loadDocumentsExact` gives: outcome, value (bigint included), warnings, errors, and
 * `positionOf` of every path of the value.
 */
import { describe, expect, test } from 'vitest'
import { fc, test as prop } from '@fast-check/vitest'
import type { LoadResult } from '../../../src/read/document.js'
import { fastDocument, inFastDomain, kubectlPlainScalar } from '../../../src/read/yaml/fastYaml.js'
import { loadDocuments, loadDocumentsExact } from '../../../src/read/yaml/load.js'
import { kubectlPod, toYaml } from '../../../bench/generate.js'

// ---------------------------------------------------------------------------------------------
// Comparing the two readers

type Segment = string | number

/** Every path of a value, as segments (keys with dots or brackets stay addressable). */
const pathsOf = (value: unknown, prefix: Segment[] = [], out: Segment[][] = []): Segment[][] => {
  out.push(prefix)
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out))
  else if (typeof value === 'object' && value !== null) for (const k of Object.keys(value)) pathsOf((value as Record<string, unknown>)[k], [...prefix, k], out)
  return out
}

/** A result without its function, with the answers of `positionOf` for every path (and a few that miss). */
const comparable = (r: LoadResult): unknown => {
  if (r._tag !== 'Document') return r
  const { positionOf, ...rest } = r
  const paths = pathsOf(r.value)
  const places = paths.map((p) => [p, positionOf(p)])
  const strings = paths.filter((p) => p.every((s) => typeof s === 'number' || /^[a-zA-Z0-9_-]+$/.test(s))).map((p) => {
    const text = p.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('')
    return [text, positionOf(text)]
  })
  const misses = [positionOf('no-such-key'), positionOf([0]), positionOf('a[0].b'), positionOf('[')]
  return { ...rest, places, strings, misses }
}

/** Per property: documents compared, and how many of them the fast reader read itself. */
const reach = new Map<string, { total: number; fast: number }>()

const sameAsExact = (text: string, property = 'examples'): void => {
  const fast = loadDocuments(text, 's.yaml').map(comparable)
  const exact = loadDocumentsExact(text, 's.yaml').map(comparable)
  expect(fast).toStrictEqual(exact)
  const r = reach.get(property) ?? { total: 0, fast: 0 }
  r.total++
  if (fastDocument(text, 500) !== null) r.fast++
  reach.set(property, r)
}

// ---------------------------------------------------------------------------------------------
// Generated YAML: trees of every node style, emitted with comments and multi-line scalars

type Scalar = { readonly t: 'scalar'; readonly style: 'plain' | 'single' | 'double' | 'literal' | 'folded'; readonly text: string; readonly chomp: '' | '-' | '+'; readonly comment: boolean }
type Node =
  | Scalar
  | { readonly t: 'map'; readonly flow: boolean; readonly entries: ReadonlyArray<readonly [Scalar, Node]> }
  | { readonly t: 'seq'; readonly flow: boolean; readonly indented: boolean; readonly items: ReadonlyArray<Node> }

const WORDS = [
  'a', 'v1', 'Pod', 'name', 'app', 'true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'NO', 'True', 'null', 'Null', '~', '',
  '0', '1', '-1', '+1', '017', '0o17', '0O17', '0x1F', '0X1F', '0b101', '0B101', '1_000', '1e3', '1e1_0', '1.5', '.5', '+.5', '-.5', '1.',
  '.', '-.', '._5', '.7_500', '0x_', '1e500', '.inf', '-.inf', '.nan', '.NaN', '12345678901234567890', '-9007199254740993',
  '9007199254740991', '2026-11-30T08:15:42Z', '2026-11-30', '1:30', '10.1.2.3', 'f:metadata', 'f:name', 'k:{"name":"x"}', '.',
  'hello world', 'a b  c', 'x#y', 'x #y', 'a: b', 'a:b', '- x', '-x', '&a', '*a', '!t', '@x', '`x', '%x', 'it\'s', 'say "hi"',
  '[x]', '{x}', 'x,y', 'x]', 'é', 'naïve ünï', '\\d+', 'a\\tb', 'C:\\path', 'line\nbreak', '  lead', 'trail  ', '<<', '=', '?', '? x',
  'x?', 'http://x/p?q=1', '::', ':x', 'x:', '|', '>', 'a\tb', '0.0.0.0/0', 'NET_ADMIN', 'latest', '/healthz', 'sh -c "exit 0"',
]

// Words the fast reader reads itself, and corners around them (the gate sends most to the exact reader).
const CORNER = /^$|[&*!%?\\\t\n]|^(\.(inf|nan|NaN)|-\.inf|<<|[:|>@`]|- x|x #y|\[x\]|\{x\}|x]|x,y|a: b|:x|::|'|"|  lead|trail  )/
const wordFrom = (words: ReadonlyArray<string>): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...words) },
    { weight: 2, arbitrary: fc.stringMatching(/^[a-z][a-z0-9./_-]{0,10}$/) },
    { weight: 1, arbitrary: fc.integer({ min: -1e6, max: 1e6 }).map(String) },
    { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String) },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map(String) },
  )
const textFrom = (words: ReadonlyArray<string>): fc.Arbitrary<string> => {
  const word = wordFrom(words)
  return fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')) })
}
const DOMAIN_WORDS = WORDS.filter((w) => !CORNER.test(w))
const KEY_WORDS = ['a', 'name', 'app', 'f:metadata', 'f:name', 'k:{"name":"x"}', '.', 'kubectl.kubernetes.io/restartedAt', 'x-y', '__proto__', 'hello world', 'a.b', 'c[0]']

const HEADS = ['', '---\n', '# a comment\n---\n', '--- # c\n', '---\n# c\n\n']

type Pools = { readonly keys: fc.Arbitrary<string>; readonly values: fc.Arbitrary<string> }
const IN_DOMAIN: Pools = { keys: fc.oneof(fc.constantFrom(...KEY_WORDS), fc.stringMatching(/^[a-z][a-z0-9._-]{0,8}$/)), values: fc.oneof({ weight: 9, arbitrary: textFrom(DOMAIN_WORDS) }, { weight: 1, arbitrary: textFrom(WORDS) }) }
const CORNERS: Pools = { keys: textFrom(WORDS), values: textFrom(WORDS) }

const scalarOf = (styles: ReadonlyArray<Scalar['style']>, words: fc.Arbitrary<string>): fc.Arbitrary<Scalar> =>
  fc.record({ t: fc.constant('scalar' as const), style: fc.constantFrom(...styles), text: words, chomp: fc.constantFrom('' as const, '-' as const, '+' as const), comment: fc.boolean() })

const KEY_STYLES: ReadonlyArray<Scalar['style']> = ['plain', 'plain', 'plain', 'double', 'single']
const VALUE_STYLES: ReadonlyArray<Scalar['style']> = ['plain', 'plain', 'plain', 'double', 'double', 'single', 'literal', 'folded']

const quoteDouble = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`
const quoteSingle = (s: string): string => `'${s.replace(/'/g, "''")}'`

/** A scalar on one line (plain, quoted), for keys and flow context. */
const inline = (s: Scalar): string => (s.style === 'single' ? quoteSingle(s.text) : s.style === 'plain' ? s.text : quoteDouble(s.text))

const flow = (n: Node): string => {
  if (n.t === 'scalar') return inline(n)
  if (n.t === 'seq') return `[${n.items.map(flow).join(', ')}]`
  return `{${n.entries.map(([k, v]) => `${inline(k)}: ${flow(v)}`).join(', ')}}`
}

/** A node as the value after `key:` or `- ` at `indent` (the indentation of its children). */
const block = (n: Node, indent: number, inSeq: boolean): string => {
  const pad = ' '.repeat(indent)
  if (n.t === 'scalar') {
    const comment = n.comment ? ' # note' : ''
    if (n.style === 'literal' || n.style === 'folded') {
      const lines = n.text.split(' ').map((l, i) => (i % 3 === 2 ? `  ${l}` : l))
      return ` ${n.style === 'literal' ? '|' : '>'}${n.chomp}${comment}\n${lines.map((l) => (l === '' ? '' : pad + l)).join('\n')}\n`
    }
    // A plain or double-quoted scalar with spaces is sometimes folded onto a second line.
    if ((n.style === 'plain' || n.style === 'double') && n.text.includes(' ') && n.comment) {
      const at = n.text.indexOf(' ')
      const s = inline(n)
      const cut = n.style === 'plain' ? at : s.indexOf(' ')
      return ` ${s.slice(0, cut)}\n${pad}${s.slice(cut + 1)}\n`
    }
    return ` ${inline(n)}${comment}\n`
  }
  const empty = n.t === 'map' ? n.entries.length === 0 : n.items.length === 0
  if (n.flow || empty) return ` ${flow(n)}\n`
  if (n.t === 'map') {
    const body = n.entries.map(([k, v], i) => `${i === 0 && inSeq ? '' : pad}${inline(k)}:${block(v, indent + 2, false)}`).join('')
    return inSeq ? ` ${body}` : `\n${body}`
  }
  const seqPad = inSeq ? '' : n.indented ? pad : ' '.repeat(Math.max(0, indent - 2))
  const childIndent = seqPad.length + 2
  const body = n.items.map((item, i) => `${i === 0 && inSeq ? '' : inSeq ? pad : seqPad}-${block(item, inSeq ? indent + 2 : childIndent, true)}`).join('')
  return inSeq ? ` ${body}` : `\n${body}`
}

/** A document whose root is a block mapping (as every Kubernetes object), with a comment line and a marker now and then. */
const documentOf = (entries: ReadonlyArray<readonly [Scalar, Node]>, head: string): string =>
  head + entries.map(([k, v]) => `${inline(k)}:${block(v, 2, false)}`).join('')

const documents = (pools: Pools): fc.Arbitrary<string> => {
  const key = scalarOf(KEY_STYLES, pools.keys)
  const { node } = fc.letrec<{ node: Node }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 3, arbitrary: scalarOf(VALUE_STYLES, pools.values) },
      { weight: 2, arbitrary: fc.record({ t: fc.constant('map' as const), flow: fc.boolean(), entries: fc.array(fc.tuple(key, tie('node')), { maxLength: 4 }) }) },
      { weight: 1, arbitrary: fc.record({ t: fc.constant('seq' as const), flow: fc.boolean(), indented: fc.boolean(), items: fc.array(tie('node'), { maxLength: 4 }) }) },
    ),
  }))
  return fc.tuple(fc.array(fc.tuple(key, node), { minLength: 1, maxLength: 6 }), fc.constantFrom(...HEADS)).map(([e, h]) => documentOf(e, h))
}

const generated = documents(IN_DOMAIN)
const corners = documents(CORNERS)

// One character inserted, deleted or replaced: errors and corners around the domain.
const MUTATIONS = [' ', '\n', ':', '-', '#', "'", '"', '[', ']', '{', '}', ',', '|', '>', '&', '*', '!', '?', '%', '\t', '\\', '.', '0', 'x', '\r', '\u0085', '\ufeff', '<']
const mutated = (base: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(base, fc.nat(), fc.constantFrom(...MUTATIONS), fc.constantFrom('insert', 'delete', 'replace')).map(([s, at, c, how]) => {
    const i = s.length === 0 ? 0 : at % s.length
    return how === 'insert' ? s.slice(0, i) + c + s.slice(i) : how === 'delete' ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + c + s.slice(i + 1)
  })

const pods = fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 5 })).map(([i, seed]) => toYaml(kubectlPod(seed, i)))

describe('the fast reader gives what the exact reader gives', () => {
  prop.prop([generated], { numRuns: 600 })('generated documents of every node style', (text) => {
    sameAsExact(text, 'generated')
  })

  prop.prop([corners], { numRuns: 400 })('generated documents full of corners (keys of every kind among them)', (text) => {
    sameAsExact(text, 'corners')
  })

  prop.prop([mutated(generated)], { numRuns: 600 })('the same, one character inserted, deleted or replaced', (text) => {
    sameAsExact(text, 'mutated')
  })

  prop.prop([pods], { numRuns: 40 })('kubectl-style pods (status, managedFields, f: and k: keys)', (text) => {
    sameAsExact(text, 'pods')
  })

  prop.prop([mutated(pods)], { numRuns: 150 })('kubectl-style pods, one character changed', (text) => {
    sameAsExact(text, 'mutated pods')
  })

  prop.prop([fc.array(generated, { minLength: 1, maxLength: 4 })], { numRuns: 100 })('streams of several documents', (docs) => {
    sameAsExact(docs.map((d) => (d.startsWith('---') ? d : `---\n${d}`)).join(''))
  })

  test('the generators reach the fast reader (the proof is not vacuous)', () => {
    // Runs after the properties above: a good share of the in-domain documents, and every
    // kubectl-style pod, are read fast, so the comparison proves the fast reader, not the gate.
    const share = (p: string): number => {
      const r = reach.get(p)
      return r === undefined ? 0 : r.fast / r.total
    }
    expect(share('generated')).toBeGreaterThan(0.4)
    expect(share('mutated')).toBeGreaterThan(0.2)
    expect(share('pods')).toBe(1)
    expect(share('mutated pods')).toBeGreaterThan(0.3)
  })
})

describe('examples', () => {
  test.each([
    'kind: Pod\nspec:\n  containers:\n  - name: a\n    securityContext:\n      allowPrivilegeEscalation: no\n',
    'a:\n- x\n-\n- y\n',
    'a:\n  - |\n    text\n  - >-\n    folded\n    more\n',
    'a: [1, 2, {b: c}]\nd: {e: [f]}\n',
    '- a\n- b: c\n  d: e\n- - x\n  - y\n',
    'plain\n',
    '"a"\n',
    '# only a comment\n',
    '~\n',
    'a: 1\na: 2\n',
    'uid: 12345678901234567890\nn: -9007199254740993\n',
    'k: v\n  # indented comment\nk2: multi\n  line plain\n',
    'a: "x\n  y"\n',
    '"f:metadata":\n  "k:{\\"name\\":\\"app\\"}": {}\n',
    'a: 1\n...\n',
    'a:\n  b:\n    c:\n      d: 1\n',
  ])('%j', (text) => {
    sameAsExact(text)
  })

  test('depth at the limit: the fast reader never accepts what the exact reader refuses', () => {
    for (let depth = 1; depth <= 8; depth++) {
      const text = `${Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} {}\n`
      for (const maxDepth of [3, 4, 5, 6]) {
        const fast = loadDocuments(text, 'd.yaml', { maxDepth }).map(comparable)
        const exact = loadDocumentsExact(text, 'd.yaml', { maxDepth }).map(comparable)
        expect(fast).toStrictEqual(exact)
      }
    }
  })

  test('a key or item answers the place of its first character', () => {
    const [doc] = loadDocuments('# c\nspec:\n  containers:\n  -   name: a\n  - # c\n    name: b\n', 'p.yaml')
    if (doc?._tag !== 'Document') throw new Error('expected a Document')
    expect(doc.positionOf('')).toEqual({ line: 2, column: 1 })
    expect(doc.positionOf('spec.containers')).toEqual({ line: 3, column: 3 })
    expect(doc.positionOf('spec.containers[0]')).toEqual({ line: 4, column: 7 })
    expect(doc.positionOf('spec.containers[1]')).toEqual({ line: 6, column: 5 })
    expect(doc.positionOf('spec.containers[1].name')).toEqual({ line: 6, column: 5 })
  })
})

describe('the gate sends to the exact reader', () => {
  test.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['an anchor alone', 'a: &x {b: 1}\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a local tag', 'a: !t x\n'],
    ['a merge key', 'a: {b: 1}\nc:\n  <<: {b: 2}\n'],
    ['an explicit key', '? a\n: b\n'],
    ['a directive', '%YAML 1.1\n---\na: 1\n'],
    ['a document end', 'a: 1\n...\n'],
    ['a tab', 'a:\tb\n'],
    ['a CR', 'a: b\r\n'],
    ['a control character', 'a: "\u0001"\n'],
    ['NEL', 'a: x\u0085y\n'],
    ['LS', 'a: x\u2028y\n'],
    ['PS', 'a: x\u2029y\n'],
    ['a BOM', '\ufeffa: 1\n'],
    ['a character beyond U+FFFF', 'a: "\u{1F600}"\n'],
    ['an escape other than \\" \\\\ \\n \\t', 'a: "\\/"\n'],
    ['a \\u escape', 'a: "\\u00e9"\n'],
    ['a line continuation', 'a: "x\\\n  y"\n'],
    ['a ? in a flow scalar', 'a: {u: http://x/p?q=1}\n'],
    ['a leading : in a flow scalar', 'a: {x: :y}\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a null key', '~: 1\n'],
    ['a number key', '1e3: x\n'],
    ['a boolean key', 'yes: x\n'],
    ['.inf', 'a: .inf\n'],
    ['.nan', 'a: .nan\n'],
    ['an empty sequence item', 'a:\n-\n- b\n'],
    ['a pair in a flow sequence', 'a: [b: c]\n'],
    ['a key with no value in a flow mapping', 'a: {b, c: d}\n'],
    ['a syntax error', 'a: [1\n'],
    ['a plain key longer than YAML allows', `${'k'.repeat(1100)}: v\n`],
    ['a quoted key longer than YAML allows', `"${'k'.repeat(1100)}": v\n`],
    ['a comment glued to a quoted scalar', 'a: "x"# c\n'],
    ['a comment glued to a flow collection', 'a: [x]# c\n'],
    // The classes go-yaml reads differently (issue #11), each decided by the exact reader only.
    ["a \\' escape", 'a: "x\\\'y"\n'],
    ['NEL, LS or PS inside quotes', 'a: "x \u0085 y"\nb: \'x \u2028 y\'\n'],
    ['a ? item in a flow sequence', 'a: [?x]\n'],
    ['a ? that starts a flow value', 'a: {x: ?y}\n'],
    ['a tab starting a blank line', 'a: 1\n\t\nb: 2\n'],
    ['a tab starting a comment line', 'a: "1"\n  \t# c\n'],
    ['two flow mappings with no ---', '{"a": 1}\n{"b": 2}\n'],
  ])('%s', (_name, text) => {
    expect(fastDocument(text, 500)).toBeNull()
  })

  test('keys up to the limit stay fast, and both readers agree on either side of it', () => {
    expect(fastDocument(`${'k'.repeat(990)}: v\n`, 500)).not.toBeNull()
    for (const n of [990, 1000, 1020, 1023, 1024, 1025, 1030]) {
      sameAsExact(`${'k'.repeat(n)}: v\n`)
      sameAsExact(`a:\n  "${'k'.repeat(n)}":   v\n`)
      sameAsExact(`a: {${'k'.repeat(n)}: v}\n`)
    }
  })

  test('and reads kubectl-style documents itself', () => {
    const pod = toYaml(kubectlPod(1, 0))
    expect(inFastDomain(pod)).toBe(true)
    expect(fastDocument(pod, 500)).not.toBeNull()
    expect(fastDocument('a: [1, {b: "x\\"y\\n"}]\nc: |\n  t\n', 500)?.value).toEqual({ a: [1, { b: 'x"y\n' }], c: 't\n' })
  })

  test('plain scalars resolve by the exact reader\'s rules', () => {
    expect(kubectlPlainScalar('yes')).toBe(true)
    expect(kubectlPlainScalar('0o17')).toBe(15)
    expect(kubectlPlainScalar('017')).toBe(15)
    expect(kubectlPlainScalar('1e500')).toBe('1e500')
    expect(kubectlPlainScalar('12345678901234567890')).toBe(12345678901234567890n)
    expect(kubectlPlainScalar('2026-01-01')).toBe('2026-01-01')
    expect(kubectlPlainScalar('~')).toBeNull()
  })
})
