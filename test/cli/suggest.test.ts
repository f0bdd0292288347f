import { describe, expect } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import { closest } from '../../src/cli/suggest.js'

const OPTIONS = ['semantics', 'policy', 'pod-security', 'require-no-new-privs', 'strict', 'output']

describe('closest', () => {
  test.prop([fc.constantFrom(...OPTIONS)])('a known word is its own closest match', (word) => {
    expect(closest(word, OPTIONS)).toBe(word)
  })

  test.prop([fc.constantFrom(...OPTIONS.filter((o) => o.length >= 6)), fc.nat()])(
    'swapping two adjacent letters still finds the word',
    (word, n) => {
      const i = n % (word.length - 1)
      const typo = word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2)
      expect(closest(typo, OPTIONS)).toBe(word)
    },
  )

  test('nothing is suggested for a word far from every candidate', () => {
    expect(closest('frobnicate', OPTIONS)).toBeUndefined()
  })
})
