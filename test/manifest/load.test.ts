import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import type { DocumentError, LoadedDocument, LoadResult } from '../../src/read/document.js'
import { loadDocuments, loadValue } from '../../src/read/yaml/load.js'

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8')

const tags = (docs: ReadonlyArray<LoadResult>): string[] => docs.map((d) => d._tag)

const asDocument = (result: LoadResult | undefined): LoadedDocument => {
  if (result?._tag !== 'Document') throw new Error(`expected a Document, got ${JSON.stringify(result)}`)
  return result
}

const asError = (result: LoadResult | undefined): DocumentError => {
  if (result?._tag !== 'Error') throw new Error(`expected an Error, got ${JSON.stringify(result)}`)
  return result
}

const valueOf = (text: string): unknown => asDocument(loadDocuments(text, 't.yaml')[0]).value

describe('loadDocuments: documents as an editor shows them', () => {
  test('an empty stream is one empty document', () => {
    expect(loadDocuments('', 's')).toEqual([{ _tag: 'Empty', source: 's', index: 0, line: 1 }])
    expect(tags(loadDocuments('\n\n# only a comment\n', 's'))).toEqual(['Empty'])
  })

  test('a leading --- opens document 0 instead of closing an empty one', () => {
    expect(tags(loadDocuments('---\na: 1\n', 's'))).toEqual(['Document'])
    expect(tags(loadDocuments('# header\n\n---\na: 1\n', 's'))).toEqual(['Document'])
    expect(loadDocuments('# header\n---\na: 1\n', 's')[0]?.line).toBe(2)
  })

  test('consecutive and trailing markers count as empty documents, in order', () => {
    const docs = loadDocuments('a: 1\n---\n---\nb: 2\n---\n', 's')
    expect(docs.map((d) => [d._tag, d.index, d.line])).toEqual([
      ['Document', 0, 1],
      ['Empty', 1, 2],
      ['Document', 2, 3],
      ['Empty', 3, 5],
    ])
  })

  test('an explicit null document is empty; `--- ~` is refused, as kubectl refuses text on a --- line', () => {
    expect(tags(loadDocuments('---\n~\n---\nnull\n', 's'))).toEqual(['Empty', 'Empty'])
    expect(asError(loadDocuments('--- ~\n', 's')[0])).toMatchObject({ code: 'yaml-syntax', line: 1, column: 5 })
  })

  test('---x and an indented --- are not markers', () => {
    expect(tags(loadDocuments('a: |\n  ---\nb: ---x\n', 's'))).toEqual(['Document'])
    expect(valueOf('a: |\n  ---\nb: ---x\n')).toEqual({ a: '---\n', b: '---x' })
  })

  test('every document carries its source name', () => {
    for (const d of loadDocuments('a: 1\n---\n[\n---\n', 'deploy.yaml')) expect(d.source).toBe('deploy.yaml')
  })
})

describe('loadDocuments: YAML read as kubectl reads it', () => {
  test('YAML 1.1 booleans in their three cases are booleans', () => {
    expect(valueOf('allowPrivilegeEscalation: no\nprivileged: On\nreadOnly: Y\na: yes\nb: NO\nc: OFF\nd: n\ne: TRUE')).toEqual({
      allowPrivilegeEscalation: false,
      privileged: true,
      readOnly: true,
      a: true,
      b: false,
      c: false,
      d: false,
      e: true,
    })
  })

  test('mixed-case spellings outside the three cases stay strings', () => {
    expect(valueOf('a: yEs\nb: oN\nc: "no"')).toEqual({ a: 'yEs', b: 'oN', c: 'no' })
  })

  test('a %YAML directive is refused, as kubectl refuses it (its reader cuts the directive off its ---)', () => {
    const doc = asError(loadDocuments('# head\n%YAML 1.2\n---\nallowPrivilegeEscalation: no\n', 's')[0])
    expect(doc).toMatchObject({ code: 'yaml-syntax', line: 2, column: 1, message: expect.stringContaining('`%YAML` directive: kubectl refuses') })
  })

  test('<< merge keys merge, and keys written in the map win', () => {
    const text = 'base: &sc {allowPrivilegeEscalation: true, privileged: false}\nsc:\n  <<: *sc\n  allowPrivilegeEscalation: false\n'
    expect(valueOf(text)).toEqual({
      base: { allowPrivilegeEscalation: true, privileged: false },
      sc: { allowPrivilegeEscalation: false, privileged: false },
    })
  })

  test('base-60 numbers and timestamps stay strings, as go-yaml leaves them', () => {
    expect(valueOf('a: 1:30\nb: 2001-12-14\nc: 2001-12-14T21:59:43Z')).toEqual({ a: '1:30', b: '2001-12-14', c: '2001-12-14T21:59:43Z' })
  })

  test('ordinary integers are numbers; beyond 2^53 they are exact bigints', () => {
    const v = valueOf(
      'small: 1000\nneg: -5\nhex: 0x1F\nmax: 9007199254740991\nover: 9007199254740993\nhuge: 123456789012345678901234567890\nlow: -9223372036854775808',
    )
    expect(v).toEqual({
      small: 1000,
      neg: -5,
      hex: 31,
      max: 9007199254740991,
      over: 9007199254740993n,
      huge: 123456789012345678901234567890n,
      low: -9223372036854775808n,
    })
  })

  test('.nan and .inf refuse the document, as kubectl refuses it (SPEC §6a; they used to be NaN and Infinity)', () => {
    expect(loadDocuments('a: 1\nb: .Inf\n', 't.yaml')[0]).toMatchObject({ _tag: 'Error', code: 'yaml-value', line: 2, column: 4 })
    expect(loadDocuments('a: .nan\n', 't.yaml')[0]).toMatchObject({ _tag: 'Error', message: '.nan is NaN, not a JSON number: kubectl refuses the document' })
    expect(valueOf('d: 1.5')).toEqual({ d: 1.5 })
  })

  test('a JSON document is read, big integers included', () => {
    const text = '{"apiVersion": "v1", "kind": "Pod", "spec": {"securityContext": {"runAsUser": 18446744073709551616}, "containers": [{"name": "a"}]}}'
    expect(valueOf(text)).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      spec: { securityContext: { runAsUser: 18446744073709551616n }, containers: [{ name: 'a' }] },
    })
  })

  test('a UTF-8 BOM is skipped and not counted as a column', () => {
    const docs = loadDocuments('\ufeffkind: Pod\nspec: {}\n', 's')
    const doc = asDocument(docs[0])
    expect(doc.value).toEqual({ kind: 'Pod', spec: {} })
    expect(doc.positionOf('kind')).toEqual({ line: 1, column: 1 })
  })

  test('CRLF line ends give the same values and lines', () => {
    const docs = loadDocuments('a: yes\r\nb: 2\r\n---\r\nc:\r\n  - x\r\n', 's')
    expect(docs.map((d) => (d._tag === 'Document' ? d.value : d._tag))).toEqual([{ a: true, b: 2 }, { c: ['x'] }])
    expect(docs[1]?.line).toBe(3)
    expect(asDocument(docs[1]).positionOf('c[0]')).toEqual({ line: 5, column: 5 })
  })

  test('an unknown tag is a warning, and the value is kept untagged', () => {
    const doc = asDocument(loadDocuments('a: 1\nb: !custom 5\n', 's')[0])
    expect(doc.value).toEqual({ a: 1, b: '5' })
    expect(doc.warnings).toMatchObject([{ code: 'unresolved-tag', line: 2, column: 4 }])
  })
})

describe('loadDocuments: bad documents are errors and hide nothing', () => {
  const docs = loadDocuments(fixture('broken-stream.yaml'), 'broken-stream.yaml')

  test('every document of the broken stream is listed, in order', () => {
    expect(docs.map((d) => [d.index, d._tag, d._tag === 'Error' ? d.startLine : d.line])).toEqual([
      [0, 'Document', 1],
      [1, 'Error', 7],
      [2, 'Document', 13],
      [3, 'Error', 19],
      [4, 'Error', 23],
      [5, 'Empty', 28],
      [6, 'Document', 29],
    ])
  })

  test('the documents around the bad ones load with their values', () => {
    expect(asDocument(docs[0]).value).toMatchObject({ metadata: { name: 'first' } })
    expect(asDocument(docs[6]).value).toMatchObject({ metadata: { name: 'last' }, spec: { containers: [{ name: 'z' }] } })
    expect(asDocument(docs[6]).positionOf('spec.containers[0]')).toEqual({ line: 35, column: 7 })
  })

  test('an unclosed flow sequence is a syntax error of its own document', () => {
    expect(asError(docs[1])).toMatchObject({ code: 'yaml-syntax', source: 'broken-stream.yaml' })
    expect(asError(docs[1]).line).toBeGreaterThanOrEqual(12)
    expect(asError(docs[1]).line).toBeLessThan(14)
  })

  test('a duplicate key: the last one wins, with a warning at the second key naming both lines (SPEC §6a)', () => {
    // SPEC §6a changed this: kubectl keeps the last key, so the document is read, not refused.
    expect(asDocument(docs[2]).value).toMatchObject({ metadata: { name: 'again' } })
    expect(asDocument(docs[2]).warnings).toEqual([
      { code: 'duplicate-key', line: 17, column: 3, path: 'metadata', duplicate: { key: 'name', firstLine: 16 }, message: 'key "name" appears twice in one mapping (lines 16 and 17): the last one wins, as kubectl reads it' },
    ])
  })

  test('a tab in indentation is an error with a clear message', () => {
    expect(asError(docs[3])).toMatchObject({ code: 'tab-indentation', line: 22, column: 1 })
    expect(asError(docs[3]).message).toMatch(/tab.*spaces/)
  })

  test('an alias bomb is an alias-limit error at the alias that tips kubectl\'s ratio, not a hang or a throw', () => {
    expect(asError(docs[4])).toMatchObject({ code: 'alias-limit', startLine: 23, line: 27, column: 20, message: expect.stringContaining('billion laughs') })
  })

  test('an unclosed quote does not swallow the next document', () => {
    const d = loadDocuments('a: "open\n---\nb: 2\n', 's')
    expect(tags(d)).toEqual(['Error', 'Document'])
    expect(asDocument(d[1]).value).toEqual({ b: 2 })
  })

  test('content after a ... end marker is an error, not a silent extra document', () => {
    expect(asError(loadDocuments('a: 1\n...\nb: 2\n', 's')[0])).toMatchObject({ code: 'yaml-syntax', line: 3 })
  })

  test('an alias to a missing anchor is an error', () => {
    expect(asError(loadDocuments('a: *nowhere\n', 's')[0]).code).toBe('unresolved-alias')
  })

  test('a raised maxAliasCount lets a moderate alias fan-out through', () => {
    const text = 'a: &a [1, 2]\nb: [*a, *a, *a, *a]\n'
    expect(asError(loadDocuments(text, 's', { maxAliasCount: 2 })[0]).code).toBe('alias-limit')
    expect(tags(loadDocuments(text, 's', { maxAliasCount: 10 }))).toEqual(['Document'])
  })

  test('100,000 levels of [ are a too-deep error, and the next document still loads', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    const d = loadDocuments(`a: 1\n---\nx: ${deep}\n---\nb: 2\n`, 's')
    expect(tags(d)).toEqual(['Document', 'Error', 'Document'])
    expect(asError(d[1])).toMatchObject({ code: 'too-deep', line: 3 })
    expect(asDocument(d[2]).value).toEqual({ b: 2 })
  })

  test('100,000 levels of block sequences and flow maps are too deep as well', () => {
    expect(asError(loadDocuments('- '.repeat(100_000) + 'x\n', 's')[0]).code).toBe('too-deep')
    expect(asError(loadDocuments('{a: '.repeat(100_000) + '1' + '}'.repeat(100_000), 's')[0]).code).toBe('too-deep')
  })

  test('nesting exactly at maxDepth loads; one more level is too deep', () => {
    const nest = (n: number): string => '['.repeat(n) + ']'.repeat(n)
    expect(tags(loadDocuments(nest(20), 's', { maxDepth: 20 }))).toEqual(['Document'])
    expect(asError(loadDocuments(nest(21), 's', { maxDepth: 20 })[0]).code).toBe('too-deep')
  })

  test('depth is counted after alias expansion', () => {
    const text = 'a: &a [[[[1]]]]\nb: &b [[[[*a]]]]\nc: [[[[*b]]]]\n'
    expect(tags(loadDocuments(text, 's', { maxDepth: 13 }))).toEqual(['Document'])
    expect(asError(loadDocuments(text, 's', { maxDepth: 12 })[0]).code).toBe('too-deep')
  })
})

describe('positionOf', () => {
  const text = [
    'kind: Deployment', // 1
    'spec:', // 2
    '  template:', // 3
    '    spec:', // 4
    '      containers:', // 5
    '        - name: a', // 6
    '        - name: b', // 7
    '          securityContext:', // 8
    '            allowPrivilegeEscalation: no', // 9
    '  shared: &sc {privileged: true}', // 10
    '  other:', // 11
    '    <<: *sc', // 12
    '  ref: *sc', // 13
    '',
  ].join('\n')
  const doc = asDocument(loadDocuments(`# lead\n---\n${text}`, 's')[0])
  const at = (line: number, column: number) => ({ line: line + 2, column })

  test('a sequence item answers with its value, a field with its key', () => {
    expect(doc.positionOf('spec.template.spec.containers[1]')).toEqual(at(7, 11))
    expect(doc.positionOf('spec.template.spec.containers[1].securityContext')).toEqual(at(8, 11))
    expect(doc.positionOf('spec.template.spec.containers[1].securityContext.allowPrivilegeEscalation')).toEqual(at(9, 13))
  })

  test('segments work as well as strings, and the root is the document', () => {
    expect(doc.positionOf(['spec', 'template', 'spec', 'containers', 0, 'name'])).toEqual(at(6, 11))
    expect(doc.positionOf('')).toEqual(at(1, 1))
  })

  test('a merged field is found where it is written', () => {
    expect(doc.positionOf('spec.other.privileged')).toEqual(at(10, 16))
  })

  test('a path through an alias is followed to the anchor', () => {
    expect(doc.positionOf('spec.ref.privileged')).toEqual(at(10, 16))
  })

  test('a missing field, an index out of range and a malformed path answer null', () => {
    expect(doc.positionOf('spec.volumes')).toBeNull()
    expect(doc.positionOf('spec.template.spec.containers[2]')).toBeNull()
    expect(doc.positionOf('spec.template.spec.containers[0].name.x')).toBeNull()
    expect(doc.positionOf('spec..template')).toBeNull()
    expect(doc.positionOf('spec.template[')).toBeNull()
  })

  test('a key with dots is addressed in brackets', () => {
    const d = asDocument(loadDocuments('metadata:\n  annotations:\n    example.com/x: "1"\n', 's')[0])
    expect(d.positionOf('metadata.annotations[example.com/x]')).toEqual({ line: 3, column: 5 })
  })

  test('positions count the whole stream, not the document', () => {
    const d = loadDocuments('a: 1\n---\nb:\n  c: 2\n', 's')
    expect(asDocument(d[1]).positionOf('b.c')).toEqual({ line: 4, column: 3 })
  })
})

describe('loadValue', () => {
  test('an object is the one document of its source, with no positions', () => {
    const [doc, ...rest] = loadValue({ kind: 'Pod' }, 'api')
    expect(rest).toEqual([])
    expect(asDocument(doc)).toMatchObject({ source: 'api', index: 0, line: 1, value: { kind: 'Pod' }, warnings: [] })
    expect(asDocument(doc).positionOf('kind')).toBeNull()
  })

  test('null and undefined are an empty document', () => {
    expect(tags(loadValue(null, 'api'))).toEqual(['Empty'])
    expect(tags(loadValue(undefined, 'api'))).toEqual(['Empty'])
  })
})

const yamlish = fc
  .array(
    fc.constantFrom(
      '---', '--- ', '...', '\n', '\r\n', '\t', ' ', '  ', 'a', 'b: ', '- ', '[', ']', '{', '}', ',', ':', '"', "'", '#', '&x ', '*x',
      '<<: ', '? ', '!!set ', '!t ', '%YAML 1.2\n', '|', '>', 'no', '1e400', '99999999999999999999', '.nan', '\ufeff', '\u0000', 'é',
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''))

describe('loadDocuments: properties', () => {
  test.prop([fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), yamlish)])('never throws, and indices are 0..n-1 in order', (text) => {
    const docs = loadDocuments(text, 'p')
    expect(docs.length).toBeGreaterThan(0)
    docs.forEach((d, i) => {
      expect(d.index).toBe(i)
      expect(d.source).toBe('p')
      expect(d.line).toBeGreaterThanOrEqual(1)
      if (d._tag === 'Error') {
        expect(d.startLine).toBeGreaterThanOrEqual(1)
        expect(d.column).toBeGreaterThanOrEqual(1)
        expect(d.problems[0]).toMatchObject({ line: d.line, column: d.column, code: d.code })
      }
    })
  })

  // `---x` at a line start is a separator line to kubectl (see 'text on a --- line'): not content here.
  const line = fc.constantFrom('a: 1', 'b: [1, 2]', 'c: yes', '- x', '# note', '', '  indented: 2', 'd: "q"', 'f: ---x', ' ---', 'e: |', '  ---')
  const marker = fc.constantFrom('---', '--- ', '--- # comment')
  const isPreludeLine = (l: string): boolean => l.trim() === '' || l.trim().startsWith('#')

  test.prop([fc.array(fc.array(line, { maxLength: 5 }), { minLength: 1, maxLength: 8 }), fc.boolean(), marker, fc.boolean()])(
    'documents = --- marker lines + 1, minus 1 when only comments and blank lines precede the first marker',
    (docLines, leadingMarker, mark, crlf) => {
      const eol = crlf ? '\r\n' : '\n'
      const bodies = docLines.map((lines) => lines.join(eol))
      const text = (leadingMarker ? mark + eol : '') + bodies.join(eol + mark + eol)
      const markers = docLines.length - 1 + (leadingMarker ? 1 : 0)
      const firstMarkerLeads = leadingMarker || (markers > 0 && (docLines[0] as string[]).every(isPreludeLine))
      const docs = loadDocuments(text, 'p')
      expect(docs.length).toBe(markers + 1 - (firstMarkerLeads ? 1 : 0))
      docs.forEach((d, i) => expect(d.index).toBe(i))
    },
  )
})
