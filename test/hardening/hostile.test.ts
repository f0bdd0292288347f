/**
 * Hostile and broken documents: each gets its own clear error, and the good documents around it
 * are still resolved. Inputs are built here, never read from a corpus.
 */
import { describe, expect, test } from 'vitest'
import { checkManifests } from '../../src/index.js'
import { loadDocuments } from '../../src/manifest/index.js'
import { expectEveryDocumentAccountedFor, expectSandwich, goodPod, prototypeKeys, sandwich } from './helpers.js'

const LEVELS = 100_000

describe('alias bombs', () => {
  test('a billion-laughs document is an alias-limit error', () => {
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for (let i = 1; i < 10; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`)
    const report = expectSandwich(bomb.join('\n'), 'alias-limit')
    expect(report.errors[0]?.message).toContain('billion laughs')
  })

  test('a document with 20,000 anchors and aliases is read, as kubectl reads it (its limit is relative to size)', () => {
    // SPEC §6a: kubectl's limit is a share of the decoded nodes, not a count; each alias is
    // resolved once, in document order, so this is linear (it was a flat 100 before).
    const lines = ['kind: ConfigMap', 'data:']
    for (let i = 0; i < 20_000; i++) lines.push(`  k${i}: &a${i} v`, `  r${i}: *a${i}`)
    const [doc] = loadDocuments(lines.join('\n'), 'many.yaml')
    expect(doc?._tag).toBe('Document')
    expect(doc?._tag === 'Document' && (doc.value as { data: Record<string, string> }).data['r19999']).toBe('v')
  })

  test('a handful of aliases in a real manifest still resolve', () => {
    const text = `kind: Pod
metadata: { name: anchors }
spec:
  containers:
  - name: a
    securityContext: &restricted { runAsUser: 1000, allowPrivilegeEscalation: false }
  - name: b
    securityContext: *restricted
`
    const report = checkManifests(text)
    expect(report.errors).toEqual([])
    expect(report.results.map((r) => [r.container, r.noNewPrivs, r.line])).toEqual([
      ['a', true, 5],
      ['b', true, 7],
    ])
  })
})

describe(`${LEVELS.toLocaleString('en')} levels of nesting: a too-deep error, no stack overflow`, () => {
  test.each([
    ['flow sequences', '['.repeat(LEVELS) + ']'.repeat(LEVELS)],
    ['flow mappings', '{a: '.repeat(LEVELS) + '1' + '}'.repeat(LEVELS)],
    ['JSON objects', '{"a":'.repeat(LEVELS) + '1' + '}'.repeat(LEVELS)],
    ['compact block sequences', '\n' + '- '.repeat(LEVELS) + '1'],
    ['unclosed flow sequences', '['.repeat(LEVELS)],
  ])('%s', (_name, hostile) => {
    const report = expectSandwich(`kind: Pod\nspec: ${hostile}`, 'too-deep')
    expect(report.errors[0]?.message).toContain('nesting deeper than 500 levels')
  })

  test('block mappings indented one space deeper per level', () => {
    // 5,000 levels (12 MB of indentation) is enough to be rejected; 100,000 would be 5 GB of spaces.
    const lines: string[] = []
    for (let i = 0; i < 5_000; i++) lines.push(`${' '.repeat(i)}a:`)
    expectSandwich(lines.join('\n') + ' 1', 'too-deep')
  })

  test('aliases that expand past the depth limit', () => {
    const lines = ['a0: &a0 [1]']
    for (let i = 1; i <= 60; i++) lines.push(`a${i}: &a${i} [[[[[[[[[[*a${i - 1}]]]]]]]]]]`)
    expectSandwich(lines.join('\n'), 'too-deep')
  })

  test('a parsed object nested 100,000 levels inside a container is decoded and reported without overflow', () => {
    let deep: unknown = 'bottom'
    for (let i = 0; i < LEVELS; i++) deep = { nested: deep }
    let deepList: unknown = []
    for (let i = 0; i < LEVELS; i++) deepList = [deepList]
    const value = {
      kind: 'Pod',
      metadata: { name: 'deep', labels: deep },
      spec: {
        containers: [
          { name: 'unknown-field', securityContext: { runAsUser: 1000, allowPrivilegeEscalation: false, extra: deep } },
          { name: 'wrong-type', securityContext: { seLinuxOptions: deep, capabilities: { add: deepList } } },
          { name: 'fine', securityContext: { runAsUser: 1000, allowPrivilegeEscalation: false } },
        ],
      },
    }
    const report = checkManifests([{ source: 'deep', value }])
    expect(report.results.map((r) => [r.container, r.noNewPrivs])).toEqual([
      ['unknown-field', true],
      ['fine', true],
    ])
    const warned = report.warnings.map((w) => w.path)
    expect(warned).toContain('spec.containers[0].securityContext.extra')
    expect(warned).toContain('spec.containers[1].securityContext.seLinuxOptions.nested')
    expect(report.errors.map((e) => e.path)).toEqual(['spec.containers[1].securityContext.capabilities.add[0]'])
    // Messages render the value within a bounded length, however deep it is.
    for (const e of report.errors) expect(e.message.length).toBeLessThan(400)
  })

  test('Lists nested 100,000 deep stop at the list depth limit', () => {
    let list: Record<string, unknown> = { kind: 'Pod', spec: { containers: [{ name: 'a' }] } }
    for (let i = 0; i < LEVELS; i++) list = { kind: 'List', items: [list] }
    const report = checkManifests([{ source: 'lists', value: list }])
    expect(report.errors.map((e) => e.code)).toEqual(['too-deep'])
    expect(report.results).toEqual([])
  })
})

describe('keys that name JavaScript internals', () => {
  const internals = ['__proto__', 'constructor', 'prototype']

  test.each(internals)('%s in a security context is an unknown field and pollutes nothing', (key) => {
    const before = prototypeKeys()
    const text = `kind: Pod
metadata: { name: p }
spec:
  securityContext:
    ${key}: { runAsNonRoot: true, polluted: 1 }
  containers:
  - name: a
    securityContext:
      ${key}: { privileged: true, allowPrivilegeEscalation: true, polluted: 1 }
      capabilities:
        ${key}: { add: [SYS_ADMIN] }
`
    const report = checkManifests(text)
    expect(prototypeKeys()).toEqual(before)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(({} as Record<string, unknown>)['privileged']).toBeUndefined()
    expect(report.errors).toEqual([])
    // Read as if the key were not there: root, unset setting → no_new_privs true (not privileged).
    expect(report.results.map((r) => [r.noNewPrivs, r.reason !== null && 'row' in r.reason ? [r.reason.row, r.reason.column] : null])).toEqual([
      [true, ['nil', 'root']],
    ])
    expect(report.warnings.map((w) => [w.code, w.path])).toEqual(
      expect.arrayContaining([
        ['unknown-field', `spec.securityContext.${key}`],
        ['unknown-field', `spec.containers[0].securityContext.${key}`],
        ['unknown-field', `spec.containers[0].securityContext.capabilities.${key}`],
      ]),
    )
  })

  test.each(internals)('%s as a kind, a merge source and a JSON key changes nothing', (key) => {
    const before = prototypeKeys()
    const text = [
      `kind: ${key}\nmetadata: { name: x }`,
      `kind: Pod\nspec:\n  containers:\n  - name: a\n    securityContext:\n      <<: { ${key}: { privileged: true } }\n      runAsUser: 1000`,
      `{"kind": "Pod", "spec": {"containers": [{"name": "j", "securityContext": {"${key}": {"privileged": true}, "runAsUser": 1000}}]}}`,
    ].join('\n---\n')
    const report = checkManifests({ source: 's', text })
    expect(prototypeKeys()).toEqual(before)
    expect(report.skipped).toEqual([{ source: 's', document: 0, kind: key }])
    expect(report.results.map((r) => [r.document, r.noNewPrivs])).toEqual([
      [1, false],
      [2, false],
    ])
    expect(report.results.every((r) => r.reason !== null && 'column' in r.reason && r.reason.column === 'nonRoot')).toBe(true)
    expect(report.warnings.filter((w) => w.code === 'unknown-field').map((w) => [w.document, w.path])).toEqual([
      [1, `spec.containers[0].securityContext.${key}`],
      [2, `spec.containers[0].securityContext.${key}`],
    ])
  })

  test('an own __proto__ key of a parsed object (JSON.parse) is an unknown field, not a prototype', () => {
    const before = prototypeKeys()
    const value: unknown = JSON.parse(
      '{"kind":"Pod","__proto__":{"kind":"Service"},"spec":{"containers":[{"name":"a","securityContext":{"__proto__":{"privileged":true},"runAsUser":0}}]}}',
    )
    const report = checkManifests([{ source: 'json', value }])
    expect(prototypeKeys()).toEqual(before)
    expect(report.results.map((r) => [r.kind, r.noNewPrivs])).toEqual([['Pod', true]])
    expect(report.warnings.map((w) => w.path)).toContain('spec.containers[0].securityContext.__proto__')
  })
})

describe('numbers JavaScript cannot hold', () => {
  test.each([
    ['2^53 + 1', '9007199254740993'],
    ['-(2^63)', '-9223372036854775808'],
    ['2^64', '18446744073709551616'],
    ['a hundred digits', '9'.repeat(100)],
  ])('an integer of %s is an error that says it cannot be represented exactly', (_name, digits) => {
    const report = expectSandwich(
      `kind: Pod\nmetadata: { name: big }\nspec:\n  containers:\n  - name: a\n    securityContext: { runAsUser: ${digits} }`,
      'invalid-value',
    )
    expect(report.errors[0]).toMatchObject({ path: 'spec.containers[0].securityContext.runAsUser' })
    // The value is shown as written (cut to a bounded length), never rounded.
    expect(report.errors[0]?.message).toContain(`Invalid value: ${digits.slice(0, 60)}`)
    expect(report.errors[0]?.message).toContain('cannot be represented exactly')
  })

  test('in JSON text as well', () => {
    const report = checkManifests('{"kind":"Pod","spec":{"containers":[{"name":"a","securityContext":{"runAsGroup":12345678901234567890}}]}}')
    expect(report.errors.map((e) => [e.path, e.code])).toEqual([['spec.containers[0].securityContext.runAsGroup', 'invalid-value']])
    expect(report.errors[0]?.message).toContain('12345678901234567890')
  })

  test.each(['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '-.inf', '-.Inf', '-.INF'])('%s refuses the document, as kubectl refuses it (SPEC §6a; it used to be an invalid-value of the field)', (spelling) => {
    const report = expectSandwich(
      `kind: Pod\nmetadata: { name: nan }\nspec:\n  containers:\n  - name: a\n    securityContext: { runAsUser: ${spelling} }`,
      'yaml-value',
    )
    expect(report.errors[0]?.message).toMatch(/^\S+ is (NaN|an infinity), not a JSON number: kubectl refuses the document$/)
  })

  test('NaN and Infinity written as JSON words: kubectl refuses the JSON stream at the NaN, and so does the check', () => {
    // kubectl 1.32: json: offset 80: invalid character 'N' looking for beginning of value (issue #11).
    const report = checkManifests('{"kind":"Pod","spec":{"containers":[{"name":"a","securityContext":{"runAsUser":NaN,"runAsGroup":Infinity}}]}}')
    expect(report.errors.map((e) => [e.code, e.line, e.column])).toEqual([['json-syntax', 1, 80]])
    expect(report.errors[0]?.message).toContain("invalid character 'N' looking for beginning of value")
    // Written as YAML (a `---` first), they are strings, and the error says so.
    const yaml = checkManifests('---\n{"kind":"Pod","spec":{"containers":[{"name":"a","securityContext":{"runAsUser":NaN,"runAsGroup":Infinity}}]}}')
    expect(yaml.errors.map((e) => e.path).sort()).toEqual(['spec.containers[0].securityContext.runAsGroup', 'spec.containers[0].securityContext.runAsUser'])
    for (const e of yaml.errors) expect(e.message).toMatch(/"(NaN|Infinity)"/)
  })
})

describe('text encodings and line ends', () => {
  test('a UTF-8 byte-order mark is skipped: same results, same lines', () => {
    const plain = checkManifests({ source: 's', text: sandwich('kind: Service') })
    const bom = checkManifests({ source: 's', text: `\uFEFF${sandwich('kind: Service')}` })
    expect(bom).toEqual(plain)
    expect(bom.results.map((r) => r.line)).toEqual([7, 21])
  })

  test('CRLF line ends give the same report as LF', () => {
    const text = sandwich('kind: Pod\nmetadata: { name: bad }\nspec:\n  containers:\n  - name: a\n    securityContext: { runAsUser: -1 }')
    const crlf = checkManifests({ source: 's', text: text.replace(/\n/g, '\r\n') })
    expect(crlf).toEqual(checkManifests({ source: 's', text }))
    expect(crlf.results.map((r) => r.name)).toEqual(['before', 'after'])
    expect(crlf.errors.map((e) => [e.document, e.line, e.code])).toEqual([[1, 18, 'invalid-value']])
  })

  test('lone CR line ends (old Mac) are one line: a syntax error, not a misread', () => {
    const report = checkManifests({ source: 's', text: sandwich('kind: Pod\rspec:\r  containers: []') })
    expect(report.results.map((r) => r.name)).toEqual(expect.arrayContaining(['before', 'after']))
    expectEveryDocumentAccountedFor(report, 's', sandwich('kind: Pod\rspec:\r  containers: []'))
  })

  test.each([
    ['empty text', ''],
    ['only blank lines', '\n\n   \n'],
    ['only comments', '# nothing here\n# at all\n'],
    ['only markers', '---\n---\n'],
    ['a BOM alone', '\uFEFF'],
  ])('%s is one or more empty documents, skipped, never an error', (_name, text) => {
    const report = checkManifests({ source: 'e', text })
    expect(report.errors).toEqual([])
    expect(report.results).toEqual([])
    expect(report.skipped.length).toBe(loadDocuments(text, 'e').length)
    expect(report.skipped.every((s) => s.kind === '(empty)')).toBe(true)
  })

  test('binary junk (NUL, control characters, lone surrogates) is an error of its own document', () => {
    let junk = ''
    for (let i = 0; i < 4096; i++) junk += String.fromCharCode((i * 7919) % 0xffff)
    const text = sandwich(junk.replace(/\n---/g, ''))
    const report = checkManifests({ source: 'bin', text })
    expect(report.results.map((r) => r.name)).toEqual(expect.arrayContaining(['before', 'after']))
    expectEveryDocumentAccountedFor(report, 'bin', text)
  })
})

describe('YAML the API server would refuse', () => {
  test('tabs in indentation: a tab-indentation error', () => {
    const report = expectSandwich('kind: Pod\nspec:\n\tcontainers:\n\t- name: a', 'tab-indentation')
    expect(report.errors[0]?.message).toContain('YAML indentation must use spaces')
    expect(report.errors[0]).toMatchObject({ line: 15, column: 1 })
  })

  test.each([
    ['at the top', 'kind: Pod\nmetadata: { name: x }\nkind: Pod', '"kind"', 15],
    ['in a security context', 'kind: Pod\nspec:\n  containers:\n  - name: a\n    securityContext:\n      privileged: false\n      privileged: true', '"privileged"', 19],
    ['in a flow mapping', 'kind: Pod\nspec: { containers: [ { name: a, name: b } ] }', '"name"', 14],
    ['spelt two ways that read the same (yes / true)', 'kind: Pod\nmetadata:\n  labels: { yes: a, true: b }', '"true"', 15],
    ['quoted and plain', 'kind: Pod\n"kind": Pod', '"\\"kind\\""', 14],
  ])('a duplicate key %s: the last one wins with a warning (SPEC §6a, as kubectl reads it), an error under strict', (_name, hostile, key, line) => {
    // SPEC §6a changed this: a duplicate key used to refuse the document.
    const text = sandwich(hostile)
    const report = checkManifests({ source: 'hostile.yaml', text })
    expect(report.errors.filter((e) => e.code === 'duplicate-key')).toEqual([])
    expect(report.results.map((r) => r.name)).toEqual(expect.arrayContaining(['before', 'after']))
    expect(report.warnings.filter((w) => w.code === 'duplicate-key').map((w) => [w.document, w.line])).toEqual([[1, line]])
    const message = report.warnings.find((w) => w.code === 'duplicate-key')?.message ?? ''
    expect(message.startsWith(`key ${key} appears twice in one mapping (lines `)).toBe(true)
    expect(message.endsWith(` and ${line}): the last one wins, as kubectl reads it`)).toBe(true)
    const strict = checkManifests({ source: 'hostile.yaml', text }, { strict: true })
    expect(strict.errors.filter((e) => e.code === 'duplicate-key').map((e) => [e.document, e.line])).toEqual([[1, line]])
  })

  test('a 1 and a "1" are different keys, as eemeli/yaml and kubectl read them', () => {
    const report = checkManifests('kind: Pod\nmetadata:\n  labels: { 1: a, "1": b }\nspec:\n  containers: [{ name: a }]\n')
    expect(report.errors).toEqual([])
    expect(report.results).toHaveLength(1)
  })

  test('a map of 200,000 keys is read in linear time (the duplicate check was quadratic)', () => {
    const lines = ['kind: ConfigMap', 'metadata: { name: wide }', 'data:']
    for (let i = 0; i < 200_000; i++) lines.push(`  k${i}: v`)
    lines.push('  k199999: again')
    const report = checkManifests({ source: 'wide.yaml', text: sandwich(lines.join('\n')) }, { strict: true })
    expect(report.errors.map((e) => [e.document, e.code, e.line])).toEqual([[1, 'duplicate-key', 12 + 3 + 200_001]])
  })
})

describe('documents that are not objects', () => {
  test.each([
    ['a scalar', 'just a string', 'not-an-object'],
    ['a sequence', '- kind: Pod', 'not-an-object'],
    ['a number', '42', 'not-an-object'],
    ['no kind', 'spec: {}', 'missing-kind'],
    ['a kind that is a map', 'kind: { a: 1 }', 'invalid-kind'],
    ['containers that are a string', 'kind: Pod\nspec: { containers: "no" }', 'wrong-type'],
  ])('%s: its own error', (_name, hostile, code) => {
    expectSandwich(hostile, code)
  })

  test('a pod spread across a 4 MB line is read like any other', () => {
    const name = 'x'.repeat(4 * 1024 * 1024)
    const text = goodPod('first') + `---\n{"kind":"Pod","metadata":{"name":"${name}"},"spec":{"containers":[{"name":"a","securityContext":{"runAsUser":1000,"allowPrivilegeEscalation":false}}]}}\n`
    const report = checkManifests({ source: 'long', text })
    expect(report.results.map((r) => [r.name?.length, r.noNewPrivs])).toEqual([
      [5, true],
      [name.length, true],
    ])
  })
})
