// The manifest building blocks called from plain JavaScript with the wrong shapes: the messages
// they answer with, pinned.
import { describe, expect, it } from 'vitest'
import { documentTexts, kindEntryOf, kindTableOf } from '../../src/manifest/index.js'

const bad = (u: unknown): never => u as never

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const x of it) out.push(x)
  return out
}

describe('kindTableOf', () => {
  it('leaves out a declaration of the wrong shape and names it in problems', () => {
    const table = kindTableOf(bad([{ kind: 'Scaler', podSpecPath: 'spec.workload.spec' }, { kind: 'Bad', podSpecPath: 5 }, 'Rollout', { kind: 'G', group: 1, podSpecPath: 'spec' }]))
    expect(table.get('Scaler')?.steps).toEqual(['spec', 'workload', 'spec'])
    expect(table.has('Bad')).toBe(false)
    expect(table.problems).toEqual([
      'kindTableOf declared[1].podSpecPath: expected a string, got a number (5)',
      'kindTableOf declared[2]: expected { kind, group?, podSpecPath }, got a string ("Rollout")',
      'kindTableOf declared[3].group: expected a string, got a number (1)',
    ])
  })

  it('a declared that is no array: the built-in kinds, and the problem', () => {
    const table = kindTableOf(bad({ kind: 'Scaler', podSpecPath: 'spec' }))
    expect(table.get('Deployment')?.steps).toEqual(['spec', 'template', 'spec'])
    expect(table.problems).toEqual(['kindTableOf declared: expected an array of { kind, group?, podSpecPath }, got an object ({"kind":"Scaler","podSpecPath":"spec"})'])
  })

  it('no declarations, or null: the built-in table, without problems', () => {
    for (const none of [undefined, null, []]) {
      expect(kindTableOf(bad(none)).problems).toBeUndefined()
      expect(kindTableOf(bad(none)).get('Pod')?.steps).toEqual(['spec'])
    }
  })
})

describe('kindEntryOf', () => {
  it('names of the wrong type and tables that are no Map hold no kind; null is the built-in table', () => {
    expect(kindEntryOf(bad(5), '')).toBeUndefined()
    expect(kindEntryOf('Pod', bad(undefined))).toBeUndefined()
    expect(kindEntryOf('Pod', '', bad({ Pod: { steps: ['spec'] } }))).toBeUndefined()
    expect(kindEntryOf('Pod', '', bad(null))?.steps).toEqual(['spec'])
    expect(kindEntryOf('constructor', '')).toBeUndefined()
  })
})

describe('documentTexts', () => {
  it('chunks that are no iterable: one invalid-input entry', async () => {
    expect(await all(documentTexts(bad(5)))).toEqual([
      { text: '', index: 0, lineBase: 0, marker: null, error: { code: 'invalid-input', message: 'documentTexts: the chunks must be an iterable of strings, got a number (5)' } },
    ])
  })

  it('a chunk that is no string ends the stream after the documents completed before it', async () => {
    const docs = await all(documentTexts(bad(['a: 1\n---\nb: 2\n', new Uint8Array([99])])))
    expect(docs.map((d) => [d.index, d.text, d.error?.message])).toEqual([
      [0, 'a: 1\n', undefined],
      [1, '', 'documentTexts: chunk 1 is a Uint8Array object, not text (decode bytes first, or read them with loadStream)'],
    ])
    expect(docs[1]?.lineBase).toBe(1)
  })
})
