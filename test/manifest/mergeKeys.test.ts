/**
 * `<<` merge keys, pinned to what kubectl 1.32 prints for the same text
 * (`kubectl label --local -f FILE x=y -o json`); test/read/yaml/kubectl.test.ts compares generated
 * documents with the real kubectl.
 */
import { describe, expect, test } from 'vitest'
import type { LoadResult } from '../../src/read/document.js'
import { loadDocuments } from '../../src/read/yaml/load.js'

const read = (text: string): LoadResult => loadDocuments(text, 'm.yaml')[0] as LoadResult
const valueOf = (text: string): unknown => {
  const doc = read(text)
  if (doc._tag !== 'Document') throw new Error(`expected a Document, got ${JSON.stringify(doc)}`)
  return doc.value
}

describe('merge keys as kubectl applies them', () => {
  test('a merge after an explicit key overrides it: allowPrivilegeEscalation false then <<: true is true', () => {
    expect(valueOf('sc:\n  allowPrivilegeEscalation: false\n  <<: {allowPrivilegeEscalation: true}\n')).toEqual({
      sc: { allowPrivilegeEscalation: true },
    })
  })

  test('an explicit key after a merge overrides the merged one', () => {
    expect(valueOf('sc:\n  <<: {p: 1}\n  p: 5\n')).toEqual({ sc: { p: 5 } })
    expect(valueOf('sc: {<<: {p: 1}, p: 2}\n')).toEqual({ sc: { p: 2 } })
  })

  test('several << in one map are all applied, in document order', () => {
    expect(valueOf('sc:\n  <<: {p: 1}\n  <<: {p: 2, q: 2}\n  z: 3\n')).toEqual({ sc: { p: 2, q: 2, z: 3 } })
  })

  test('a sequence of maps: the first map of the sequence wins', () => {
    expect(valueOf('sc:\n  <<: [{p: 1}, {p: 2, q: 2}]\n')).toEqual({ sc: { p: 1, q: 2 } })
  })

  test('aliases of maps, alone or in a sequence, and a merge nested in a merged map', () => {
    const text = 'base: &b {p: 1, q: 1}\nsc6:\n  p: 9\n  <<: *b\nsc7:\n  <<: [*b, {r: 1}]\nsc11:\n  <<: {<<: {p: 7}}\n'
    expect(valueOf(text)).toEqual({ base: { p: 1, q: 1 }, sc6: { p: 1, q: 1 }, sc7: { p: 1, q: 1, r: 1 }, sc11: { p: 7 } })
  })

  test('a quoted "<<" is an ordinary key; !!merge << is a merge', () => {
    expect(valueOf('sc:\n  "<<": {p: 1}\n')).toEqual({ sc: { '<<': { p: 1 } } })
    expect(valueOf('sc:\n  !!merge <<: {p: 1}\n')).toEqual({ sc: { p: 1 } })
  })

  test.each(['1', 'null', '~', 'abc', '[1]', '[[{p: 1}]]'])('<<: %s is refused, as kubectl refuses it, at the value', (value) => {
    expect(read(`a: 1\nsc:\n  <<: ${value}\n`)).toMatchObject({
      _tag: 'Error',
      code: 'yaml-value',
      line: 3,
      message: 'map merge requires map or sequence of maps as the value (as kubectl reads `<<`)',
    })
  })
})
