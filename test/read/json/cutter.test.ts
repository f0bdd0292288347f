import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { JsonCutter } from '../../../src/read/json/cutter.js'
import type { Cut } from '../../../src/read/json/cutter.js'

const cut = (pieces: ReadonlyArray<string>, holdLimit?: number): Cut[] => {
  const cutter = new JsonCutter({ maxDepth: 500, ...(holdLimit === undefined ? {} : { holdLimit }) })
  const out: Cut[] = []
  for (const p of pieces) for (const c of cutter.push(p)) out.push(c)
  for (const c of cutter.end()) out.push(c)
  return out
}

/** Cuts of `text` split at the given offsets. */
const cutAt = (text: string, offsets: ReadonlyArray<number>, holdLimit?: number): Cut[] => {
  const sorted = [...new Set(offsets.map((o) => o % (text.length + 1)))].sort((a, b) => a - b)
  const pieces: string[] = []
  let from = 0
  for (const o of sorted) {
    pieces.push(text.slice(from, o))
    from = o
  }
  pieces.push(text.slice(from))
  return cut(pieces, holdLimit)
}

describe('JsonCutter', () => {
  it('cuts values printed back to back into documents, each with its line and column', () => {
    const cuts = cut(['{"kind":"Pod"}\n  {"kind":', '"Service"} [1]'])
    expect(cuts.map((c) => (c._tag === 'Value' ? [c.document, c.line, c.column, c.text] : c._tag))).toEqual([
      [0, 1, 1, '{"kind":"Pod"}'],
      [1, 2, 3, '{"kind":"Service"}'],
      [2, 2, 22, '[1]'],
    ])
  })

  it('cuts the items of a List whose kind comes first as they arrive', () => {
    const cuts = cut(['{"kind":"List","items":[{"a":1},', '{"b":[2]}\n, 3]}'])
    expect(cuts.map((c) => c._tag)).toEqual(['Item', 'Item', 'Item', 'ListEnd'])
    expect(cuts[0]).toMatchObject({ item: 0, text: '{"a":1}', listKind: 'List', line: 1, column: 25 })
    expect(cuts[2]).toMatchObject({ item: 2, text: '3', line: 2, column: 3 })
    expect(cuts[3]).toMatchObject({ _tag: 'ListEnd', kind: 'List', items: 3, provisional: false })
  })

  it('holds items that come before the kind, then cuts them once the kind says List', () => {
    const cuts = cut(['{"apiVersion":"v1","items":[{"a":1},{"b":2}],"kind":"PodList","metadata":{}}'])
    expect(cuts.map((c) => c._tag)).toEqual(['Item', 'Item', 'ListEnd'])
    expect(cuts[1]).toMatchObject({ listKind: 'PodList', text: '{"b":2}' })
  })

  it('reads a document with items that is not a List as one value', () => {
    const text = '{"items":[{"a":1}],"kind":"Pod"}'
    expect(cut([text])).toEqual([{ _tag: 'Value', document: 0, text, keys: ['items', 1, 'kind', 19], flaw: null, duplicates: [], line: 1, column: 1 }])
  })

  it('past the hold limit, cuts the items before the kind is known and says so at the end', () => {
    const cuts = cut(['{"items":[{"a":1},{"b":2},{"c":3}],"kind":"List"}'], 10)
    expect(cuts.map((c) => (c._tag === 'Item' ? c.listKind : c._tag))).toEqual([null, null, null, 'ListEnd'])
    expect(cuts[3]).toMatchObject({ provisional: true, kind: 'List', items: 3 })
  })

  it('finds a duplicate key with both lines and the path of its object', () => {
    const [value] = cut(['{"spec":{"a":1,\n"a":2}}'])
    expect(value).toMatchObject({ _tag: 'Value', duplicates: [{ key: 'a', path: 'spec', firstLine: 1, line: 2, column: 1 }] })
  })

  it('finds a duplicate key spelled with an escape', () => {
    const [value] = cut(['{"a":1,"\\u0061":2}'])
    expect(value).toMatchObject({ duplicates: [{ key: 'a', path: '' }] })
  })

  it('notes an integer JSON.parse would round', () => {
    expect(cut(['{"a":12345678901234567890}'])[0]).toMatchObject({ flaw: 'unsafe-integer' })
    expect(cut(['{"a":123456789012345}'])[0]).toMatchObject({ flaw: null })
  })

  it('says where the input ended inside a List, after every complete item', () => {
    const cuts = cut(['{"kind":"List","items":[{"a":1},\n{"b":'])
    expect(cuts.map((c) => c._tag)).toEqual(['Item', 'Problem'])
    expect(cuts[1]).toMatchObject({ code: 'incomplete-input', line: 2, column: 6 })
    expect((cuts[1] as { message: string }).message).toContain('items[1] of document 0')
  })

  it('refuses nesting beyond the limit', () => {
    const cutter = new JsonCutter({ maxDepth: 3 })
    const cuts = [...cutter.push('[[[[1]]]] {}'), ...cutter.end()]
    expect(cuts.map((c) => c._tag)).toEqual(['Problem', 'Value', 'Value'])
    expect(cuts[1]).toMatchObject({ flaw: 'syntax' })
  })

  it('reports text between values once and goes on with the next value', () => {
    const cuts = cut(['{} xy {}'])
    expect(cuts.map((c) => c._tag)).toEqual(['Value', 'Problem', 'Value'])
  })

  const jsonValue = fc.jsonValue({ maxDepth: 4 })
  test.prop([fc.array(jsonValue, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 8 })])(
    'cuts any stream of JSON values into exactly those values, however the text is chunked',
    (values, offsets) => {
      const text = values.map((v) => JSON.stringify(v, null, 1)).join('\n')
      const cuts = cutAt(text, offsets).filter((c): c is Extract<Cut, { _tag: 'Value' }> => c._tag === 'Value')
      expect(cuts.map((c) => JSON.parse(c.text) as unknown)).toEqual(values.map((v) => JSON.parse(JSON.stringify(v)) as unknown))
    },
  )

  test.prop([fc.array(jsonValue, { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), fc.integer({ min: 1, max: 40 })])(
    'cuts any List into its items, kind first or last, held or not, however chunked',
    (items, offsets, kindFirst, holdLimit) => {
      const list = kindFirst ? { kind: 'List', items } : { apiVersion: 'v1', items, kind: 'List' }
      const text = JSON.stringify(list, null, 2)
      const cuts = cutAt(text, offsets, holdLimit)
      const got = cuts.flatMap((c) => (c._tag === 'Item' ? [JSON.parse(c.text) as unknown] : []))
      expect(got).toEqual(items.map((v) => JSON.parse(JSON.stringify(v)) as unknown))
      expect(cuts[cuts.length - 1]).toMatchObject({ _tag: 'ListEnd', items: items.length })
    },
  )
})
