/**
 * One example per class of issue #11, pinned to what kubectl 1.32 does with the same text (value,
 * or refusal), with our message, line and column for refusals. The generated comparison with the
 * real kubectl is kubectl.test.ts.
 */
import { describe, expect, test } from 'vitest'
import type { DocumentError } from '../../../src/read/document.js'
import { loadDocuments } from '../../../src/read/yaml/load.js'
import { goFloatKey } from '../../../src/read/yaml/kubectlValue.js'
import { goBinary } from '../../../src/read/yaml/goTags.js'

const value = (text: string): unknown => {
  const [doc] = loadDocuments(text, 'c.yaml')
  if (doc?._tag !== 'Document') throw new Error(`expected a Document, got ${JSON.stringify(doc)}`)
  return doc.value
}

const refusal = (text: string): Pick<DocumentError, 'code' | 'line' | 'column' | 'message'> => {
  const doc = loadDocuments(text, 'c.yaml').filter((d) => d._tag !== 'Empty').pop()
  if (doc?._tag !== 'Error') throw new Error(`expected an Error, got ${JSON.stringify(doc)}`)
  return { code: doc.code, line: doc.line, column: doc.column, message: doc.message }
}

describe('aliases: kubectl\'s size-relative limit', () => {
  test('a 10,000-item List with an anchor per item is read', () => {
    const lines = ['kind: List', 'items:']
    for (let i = 0; i < 10_000; i++) lines.push(`- kind: Pod`, `  spec: {containers: [{name: a, securityContext: &s${i} {allowPrivilegeEscalation: false}}, {name: b, securityContext: *s${i}}]}`)
    const items = (value(lines.join('\n')) as { items: Array<{ spec: { containers: Array<{ securityContext: unknown }> } }> }).items
    expect(items).toHaveLength(10_000)
    expect(items[9_999]?.spec.containers[1]?.securityContext).toEqual({ allowPrivilegeEscalation: false })
  })

  test('billion laughs is refused at the alias that tips the ratio', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]']
    expect(refusal(bomb.join('\n'))).toEqual({ code: 'alias-limit', line: 4, column: 13, message: 'the document contains excessive aliasing (a "billion laughs" document): kubectl refuses it' })
  })

  test('an alias inside its own anchor is refused, as kubectl refuses it', () => {
    expect(refusal('a: &x [1, *x]\n')).toEqual({ code: 'yaml-value', line: 1, column: 11, message: "anchor 'x' value contains itself: kubectl refuses the document" })
  })
})

describe('tags', () => {
  test('!!float 10 is 10, !!int "12" is 12, !!binary is decoded, [!!null, 1] is ["1"]', () => {
    expect(value('a: !!float 10\nb: !!int "12"\nc: !!binary |\n  aGVs\n  bG8=\nd: [!!null, 1]\ne: !foo 10\n')).toEqual({ a: 10, b: 12, c: 'hello', d: ['1'], e: '10' })
    expect(goBinary('////')).toBe('\ufffd\ufffd\ufffd')
  })

  test('!!int abc refuses the document with go-yaml\'s words', () => {
    expect(refusal('x: 1\nallowPrivilegeEscalation: !!int abc\n')).toEqual({ code: 'yaml-value', line: 2, column: 27, message: 'cannot decode !!str `abc` as a !!int: kubectl refuses the document' })
    expect(refusal('a: !!binary aGVsbG8\n')).toMatchObject({ code: 'yaml-value', line: 1, column: 4, message: expect.stringContaining('invalid base64') })
  })
})

describe('keys', () => {
  test('booleans, integers and floats are written as Go writes them', () => {
    expect(value('true: a\n0x1F: b\n1e20: c\n0.000001: d\n1.5e300: e\n-0.0: f\n.nan: g\n')).toEqual({ true: 'a', 31: 'b', '1e+20': 'c', '1e-06': 'd', '.inf': 'e', '-0': 'f', '.nan': 'g' })
    expect(goFloatKey(3.14159265358979)).toBe('3.1415927')
    expect(goFloatKey(123456789012)).toBe('1.2345679e+11')
  })

  test('null and collection keys refuse the document', () => {
    expect(refusal('a: 1\n~: 2\n')).toEqual({ code: 'yaml-value', line: 2, column: 1, message: 'a null map key: kubectl refuses the document ("unsupported map key")' })
    expect(refusal('a: {[1]: 2}\n')).toMatchObject({ code: 'yaml-value', line: 1, column: 5, message: expect.stringContaining('invalid map key') })
  })
})

describe('characters, escapes, tabs', () => {
  test('escapes YAML 1.1 lacks and surrogate escapes are refused', () => {
    expect(refusal('a: "x\\/y"\n')).toEqual({ code: 'yaml-syntax', line: 1, column: 6, message: 'the escape \\/ is not YAML 1.1\'s: kubectl refuses the document ("found unknown escape character")' })
    expect(refusal('a: "\\ud83d\\ude00"\n')).toMatchObject({ code: 'yaml-syntax', line: 1, column: 5, message: expect.stringContaining('found invalid Unicode character escape code') })
    expect(value('a: "\\U0001F600"\n')).toEqual({ a: '😀' })
  })

  test('raw control characters are refused; NEL in quotes folds to a space; LS breaks a plain line', () => {
    expect(refusal('a: b\nc: "x\u0001"\n')).toEqual({ code: 'yaml-syntax', line: 2, column: 6, message: 'a control character (U+0001): kubectl refuses the document ("control characters are not allowed")' })
    expect(value('a: "x\u0085y"\n')).toEqual({ a: 'x y' })
    expect(refusal('a: x\u2028y\n').code).toBe('yaml-syntax')
  })

  test('a tab after - or ? is refused; after : it is fine', () => {
    expect(refusal('a:\n-\tb\n')).toEqual({ code: 'yaml-syntax', line: 2, column: 2, message: 'a tab after `-`: kubectl refuses the document ("found character that cannot start any token"); use spaces' })
    expect(refusal('? \tb\n: 1\n')).toMatchObject({ line: 1, column: 3 })
    expect(value('a:\tb\n')).toEqual({ a: 'b' })
  })

  test('a tab starting a blank or comment-only line is refused, except right of a plain scalar\'s indentation', () => {
    // kubectl: found character that cannot start any token (line 1) / found a tab character that violates indentation (line 3)
    expect(refusal('\t\na: 1\n')).toEqual({
      code: 'yaml-syntax',
      line: 1,
      column: 1,
      message: 'a tab at the start of a line with nothing else on it (or only a comment): kubectl refuses the document ("found character that cannot start any token"); use spaces or remove the tab',
    })
    expect(refusal('a: "1"\n  \t# c\n')).toMatchObject({ line: 2, column: 3 })
    expect(refusal('x:\n  a: 1\n  \t\n  b: 2\n')).toEqual({
      code: 'yaml-syntax',
      line: 3,
      column: 3,
      message: 'a tab at the start of a line with nothing else on it (or only a comment): kubectl refuses the document ("found a tab character that violates indentation"); use spaces or remove the tab',
    })
    // kubectl reads these: the tab is right of the plain scalar's indentation, inside a flow collection, or inside a block scalar.
    expect(value('x:\n  a: 1\n   \t# c\n')).toEqual({ x: { a: 1 } })
    expect(value('a: [1,\n  \t\n  2]\n')).toEqual({ a: [1, 2] })
    expect(value('a: |\n  x\n  \t\n')).toEqual({ a: 'x\n\t\n' })
    expect(value('a: 1 \t\n')).toEqual({ a: 1 })
  })

  test('go-yaml\'s quoted scalars: \\\' is a quote; NEL, LS and PS are breaks that trim the blanks around them', () => {
    // kubectl 1.32: "a'b", "x y", "x\u2028y", "x\u2029\u2029y", "x\ny", "x\u2028\ny"
    expect(value('a: "a\\\'b"\n"k\\\'": 1\n')).toEqual({ a: "a'b", "k'": 1 })
    expect(value('a: "x \u0085 y"\nb: "x \u2028 y"\nc: \'x \u2029\u2029 y\'\nd: "x\u0085\u0085y"\n')).toEqual({ a: 'x y', b: 'x\u2028y', c: 'x\u2029\u2029y', d: 'x\ny' })
    // A plain scalar folds the same way: an LS that is the first break is kept.
    expect(value('a: x \u2028\n  y\n')).toEqual({ a: 'x\u2028\ny' })
    // An escaped line break keeps the empty lines after it as line feeds (kubectl: "x\ny").
    expect(value('a: "x\\\n\n  y"\nb: "x\\\n  y"\n')).toEqual({ a: 'x\ny', b: 'xy' })
    // An escaped backslash before a quote is not the escape.
    expect(value('a: "x\\\\\'y"\n')).toEqual({ a: "x\\'y" })
  })

  test('[?x] is the one-pair map {x: null}; a ? after : or after an anchor or tag is refused', () => {
    expect(value('a: [?x, y, ?yes, [?z]]\n')).toEqual({ a: [{ x: null }, true, { true: null }, [{ z: null }]] })
    expect(refusal('a: {x: ?y}\n')).toEqual({
      code: 'yaml-syntax',
      line: 1,
      column: 8,
      message: 'a `?` that starts a value inside [...] or {...}: kubectl refuses the document ("did not find expected node content"); quote the value',
    })
    expect(refusal('a: [&b ?x]\n')).toEqual({
      code: 'yaml-syntax',
      line: 1,
      column: 8,
      message: 'a `?` after an anchor or a tag inside [...] or {...}: kubectl refuses the document ("did not find expected \',\' or \']\'"); quote the value',
    })
  })

  test('? and a leading : in flow scalars', () => {
    expect(refusal('a: {url: http://x/p?q=1}\n')).toMatchObject({ code: 'yaml-syntax', line: 1, column: 20, message: expect.stringContaining("did not find expected ',' or '}'") })
    expect(refusal('a: {x: :y}\n')).toMatchObject({ line: 1, column: 8, message: expect.stringContaining('did not find expected node content') })
    expect(value('a: {?x: 1}\nb: "http://x/p?q=1"\nc: http://x/p?q=1\n')).toEqual({ a: { x: 1 }, b: 'http://x/p?q=1', c: 'http://x/p?q=1' })
  })
})

describe('declared deviation: text after a document that is one flow collection', () => {
  test('{…} then {…} with no --- is refused where the second begins (kubectl reads the first and drops the rest)', () => {
    const pod = '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}}'
    expect(refusal(`# c\n${pod}\n${pod}\n`)).toEqual({
      code: 'yaml-syntax',
      line: 3,
      column: 1,
      message: 'more text after the flow collection (`{…}` or `[…]`) that makes up this document: kubectl reads the first collection and silently drops the rest; separate documents with `---`',
    })
    expect(refusal('a: 1\n---\n[1]\nfoo\n')).toMatchObject({ line: 4, column: 1 })
    expect(refusal(`# c\n${pod} ${pod}`)).toMatchObject({ line: 2, column: 64, message: expect.stringContaining('silently drops the rest') })
    expect(refusal('# c\n{\n  "a": 1\n}{"b": 2}\n')).toMatchObject({ line: 4, column: 2, message: expect.stringContaining('silently drops the rest') })
    expect(loadDocuments(`# c\n${pod}\n---\n${pod}\n`, 's').map((d) => d._tag)).toEqual(['Document', 'Document'])
  })
})

describe('separators and directives', () => {
  test('---#comment is a separator; text after --- refuses the document it opens', () => {
    expect(loadDocuments('a: 1\n---#c\nb: 2\n', 's').map((d) => d._tag === 'Document' && d.value)).toEqual([{ a: 1 }, { b: 2 }])
    expect(refusal('a: 1\n--- {b: 2}\n')).toEqual({
      code: 'yaml-syntax',
      line: 2,
      column: 5,
      message: 'text after `---` on a document separator line ("{b: 2}"): kubectl refuses it ("invalid Yaml document separator"); start the document on the next line',
    })
    expect(refusal('a: 1\n---\ufeffkind: Pod\n')).toMatchObject({ line: 2, column: 4 })
  })

  test('%YAML and %TAG directives are refused', () => {
    expect(refusal('%TAG !e! tag:example.com,2000:\n---\na: 1\n')).toEqual({
      code: 'yaml-syntax',
      line: 1,
      column: 1,
      message: "a `%TAG` directive: kubectl refuses the stream (its reader cuts the directive off its `---`, and go-yaml refuses a directive alone); remove the line",
    })
  })
})
