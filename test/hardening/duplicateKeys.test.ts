/**
 * The linear duplicate-key check finds what eemeli/yaml's own (quadratic) `uniqueKeys` check
 * finds, at the same places.
 */
import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { parseDocument } from 'yaml'
import { duplicateKeyErrors } from '../../src/read/yaml/duplicateKeys.js'

const OPTIONS = { version: '1.1', schema: 'yaml-1.1', merge: true, logLevel: 'silent' } as const

/** Offsets of eemeli/yaml's DUPLICATE_KEY errors, with its own check on. */
const reference = (text: string): number[] =>
  parseDocument(text, { ...OPTIONS, uniqueKeys: true })
    .errors.filter((e) => e.code === 'DUPLICATE_KEY')
    .map((e) => e.pos[0])
    .sort((a, b) => a - b)

const ours = (text: string): number[] =>
  duplicateKeyErrors(parseDocument(text, { ...OPTIONS, uniqueKeys: false }))
    .map((e) => e.pos[0])
    .sort((a, b) => a - b)

// Keys that read the same in different spellings (YAML 1.1 booleans, null, numbers) and some
// that only look alike.
const key = fc.constantFrom('a', '"a"', "'a'", 'b', 'yes', 'true', 'Yes', 'on', 'no', 'false', '~', 'null', '1', '"1"', '01', '0x1', '1.0', '.nan', '.inf', '<<', '"<<"', '? a')
const scalar = fc.constantFrom('1', 'x', '[1]', '{}', '*r', 'null')

const blockMap = (pairs: ReadonlyArray<readonly [string, string]>, indent: string): string =>
  pairs.map(([k, v]) => `${indent}${k.startsWith('? ') ? `${k}\n${indent}` : k}: ${v}`).join('\n')

describe('duplicateKeyErrors agrees with eemeli/yaml', () => {
  test.prop([fc.array(fc.tuple(key, scalar), { maxLength: 8 }), fc.array(fc.tuple(key, scalar), { maxLength: 6 })])(
    'block maps, nested maps and flow maps: the same duplicates at the same offsets',
    (outer, inner) => {
      const text = [
        'r: &r {a: 1}',
        blockMap(outer, ''),
        'nested:',
        blockMap(inner, '  '),
        `flow: {${inner.map(([k, v]) => `${k.replace('? ', '')}: ${v}`).join(', ')}}`,
        `seq: [${inner.map(([k, v]) => `${k.replace('? ', '')}: ${v}`).join(', ')}]`,
      ].join('\n')
      const doc = parseDocument(text, { ...OPTIONS, uniqueKeys: false })
      // Only compare documents eemeli/yaml can read apart from the duplicates.
      fc.pre(doc.errors.length === 0)
      expect(ours(text)).toEqual(reference(text))
    },
  )

  test('examples: repeated, respelt and distinct keys', () => {
    expect(ours('a: 1\nb: 2\na: 3\n')).toEqual([10])
    expect(ours('yes: 1\ntrue: 2\n')).toEqual(reference('yes: 1\ntrue: 2\n'))
    expect(ours('yes: 1\ntrue: 2\n')).toHaveLength(1)
    expect(ours('1: a\n"1": b\n')).toEqual([])
    expect(ours('.nan: a\n.nan: b\n')).toEqual(reference('.nan: a\n.nan: b\n'))
    expect(ours('? [a]\n: 1\n? [a]\n: 2\n')).toEqual([])
    expect(ours('outer:\n  inner: {x: 1, x: 2}\n')).toEqual([23])
    expect(reference('outer:\n  inner: {x: 1, x: 2}\n')).toEqual([23])
  })
})
