/**
 * The fast reader's places in mappings with many keys (looked up through an index above 32 keys,
 * src/read/yaml/fastYaml.ts): every field is placed where the exact reader places it.
 */
import { fc, test as prop } from '@fast-check/vitest'
import { expect } from 'vitest'
import type { LoadResult } from '../../../src/read/document.js'
import { fastDocument } from '../../../src/read/yaml/fastYaml.js'
import { loadDocuments, loadDocumentsExact } from '../../../src/read/yaml/load.js'

const only = (docs: ReadonlyArray<LoadResult>): Extract<LoadResult, { _tag: 'Document' }> => {
  const [doc] = docs
  if (doc === undefined || doc._tag !== 'Document') throw new Error('expected one document')
  return doc
}

prop.prop([fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 4 }), fc.nat({ max: 199 })], { numRuns: 40 })(
  'a mapping of 1 to 200 keys (nested or not): each key at the place the exact reader gives, a missing key nowhere',
  (keys, blank, probe) => {
    const lines = ['kind: Pod', 'spec:']
    for (let i = 0; i < keys; i++) lines.push(`  k${i}: ${i % 7 === 0 ? '{ inner: 1 }' : String(i)}`, ...Array.from({ length: i % 3 === 0 ? blank : 0 }, () => ''))
    const text = `${lines.join('\n')}\n`
    expect(fastDocument(text, 500)).not.toBeNull()
    const fast = only(loadDocuments(text, 's'))
    const exact = only(loadDocumentsExact(text, 's'))
    for (let i = 0; i < keys; i++) {
      expect(fast.positionOf(`spec.k${i}`)).toEqual(exact.positionOf(`spec.k${i}`))
      if (i % 7 === 0) expect(fast.positionOf(`spec.k${i}.inner`)).toEqual(exact.positionOf(`spec.k${i}.inner`))
    }
    expect(fast.positionOf(`spec.k${keys + probe}`)).toBeNull()
    expect(fast.positionOf(`spec.k${probe % keys}`)).not.toBeNull()
  },
)
