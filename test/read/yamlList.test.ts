import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { prepareCheck, type ReportEntry } from '../../src/report/check.js'
import { loadDocuments } from '../../src/read/yaml/load.js'
import { UnitReader } from '../../src/read/units.js'
import { looksLikeYamlList } from '../../src/read/yamlList.js'
import { toYaml } from '../../bench/generate.js'
import { workloadArbitrary } from '../../src/testing/index.js'

const viaUnits = (pieces: ReadonlyArray<string>, yamlListAt: number): ReportEntry[] => {
  const prepared = prepareCheck({})
  const reader = new UnitReader('list.yaml', undefined, { yamlListAt })
  const out: ReportEntry[] = []
  const units = pieces.flatMap((p) => reader.push(p))
  for (const u of reader.end()) units.push(u)
  for (const u of units) for (const e of prepared.checkUnit(u)) out.push(e)
  return out
}

const oracle = (text: string): ReportEntry[] => {
  const prepared = prepareCheck({})
  return loadDocuments(text, 'list.yaml').flatMap((d) => [...prepared.check(d)])
}

const asData = (entries: ReadonlyArray<ReportEntry>): unknown => JSON.parse(JSON.stringify(entries))

const cut = (text: string, sizes: ReadonlyArray<number>): string[] => {
  const out: string[] = []
  let at = 0
  for (let i = 0; at < text.length; i++) {
    const size = sizes.length === 0 ? text.length : (sizes[i % sizes.length] as number)
    out.push(text.slice(at, at + size))
    at += size
  }
  return out
}

/** A kubectl-style YAML List: items at column 0, kind after them. */
const listText = (items: ReadonlyArray<object>, kindFirst: boolean): string =>
  `${kindFirst ? 'kind: List\n' : ''}apiVersion: v1\nitems:\n${items.map((i) => `- ${toYaml(i, '  ').trimStart()}`).join('')}${kindFirst ? '' : 'kind: List\n'}metadata:\n  resourceVersion: ""\n`

describe('a large YAML List read item by item', () => {
  test.prop([fc.array(workloadArbitrary(), { minLength: 1, maxLength: 5 }), fc.boolean(), fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 4 }), fc.integer({ min: 1, max: 400 })], {
    numRuns: 60,
  })('gives the entries of the whole List read at once (values, paths, lines), however chunked and wherever the cut starts', (items, kindFirst, sizes, at) => {
    const text = `# a dump\n---\n${listText(items, kindFirst)}`
    expect(asData(viaUnits(cut(text, sizes), at))).toEqual(asData(oracle(text)))
  })

  it('is not used for a document that is no kubectl List, or uses anchors', () => {
    expect(looksLikeYamlList('kind: Pod\nspec: {}\n')).toBe(false)
    expect(looksLikeYamlList('items:\n- &a { kind: Pod }\n- *a\n')).toBe(false)
    expect(looksLikeYamlList('apiVersion: v1\nitems:\n- kind: Pod\n')).toBe(true)
  })

  it('says so when a document read as a List turns out not to be one', () => {
    const entries = viaUnits(['apiVersion: v1\nitems:\n- kind: Service\nkind: Pod\n'], 1)
    expect(entries.map((e) => e._tag)).toEqual(['Skipped', 'Error'])
    expect(entries[1]).toMatchObject({ error: { code: 'list-not-a-list', document: 0, line: 1 } })
  })

  it('keeps a broken item its own error and reads the next one', () => {
    const text = 'apiVersion: v1\nitems:\n- kind: Pod\n  spec: { containers: [ }\n- kind: Pod\n  spec:\n    containers:\n    - name: b\nkind: List\n'
    const entries = viaUnits([text], 1)
    expect(entries.map((e) => e._tag)).toEqual(['Error', 'Result'])
    expect(entries[0]).toMatchObject({ error: { line: 4 } })
    expect(entries[1]).toMatchObject({ result: { path: 'items[1].spec.containers[0]', line: 8 } })
  })
})
