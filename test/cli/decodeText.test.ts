import { describe, expect } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { decodeUtf8 } from '../../src/cli/decodeText.js'

const encode = (s: string): Uint8Array => new TextEncoder().encode(s)

describe('decodeUtf8', () => {
  test.prop([fc.string({ unit: 'grapheme' })])('any text encoded as UTF-8 decodes back to itself', (s) => {
    expect(decodeUtf8(encode(s))).toEqual(E.right(s))
  })

  test.prop([fc.string({ unit: 'grapheme' }), fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xf5, 0xff), fc.string({ unit: 'grapheme' })])(
    'a byte that starts no UTF-8 sequence is found at its offset, line and column',
    (before, bad, after) => {
      const head = encode(before)
      const bytes = Uint8Array.from([...head, bad, ...encode(after)])
      const result = decodeUtf8(bytes)
      const lines = before.split('\n')
      expect(result).toEqual(
        E.left({ offset: head.length, line: lines.length, column: encode(lines.at(-1)!).length + 1 }),
      )
    },
  )

  test('overlong encodings, surrogates and code points above U+10FFFF are not UTF-8', () => {
    expect(E.isLeft(decodeUtf8(Uint8Array.of(0xe0, 0x80, 0xaf)))).toBe(true)
    expect(E.isLeft(decodeUtf8(Uint8Array.of(0xed, 0xa0, 0x80)))).toBe(true)
    expect(E.isLeft(decodeUtf8(Uint8Array.of(0xf4, 0x90, 0x80, 0x80)))).toBe(true)
  })

  test('a sequence cut short at the end of the input is reported where it starts', () => {
    expect(decodeUtf8(Uint8Array.of(0x61, 0xe2, 0x82))).toEqual(E.left({ offset: 1, line: 1, column: 2 }))
  })

  test('a leading byte-order mark is dropped', () => {
    expect(decodeUtf8(Uint8Array.of(0xef, 0xbb, 0xbf, 0x61))).toEqual(E.right('a'))
  })
})
