/** Number spellings, pinned to what kubectl 1.32 prints for `v: TEXT` (see kubectl.test.ts for the generated ones). */
import { describe, expect, test } from 'vitest'
import { goNumber } from '../../src/read/yaml/goNumbers.js'
import { loadDocuments } from '../../src/read/yaml/load.js'

const read = (text: string): unknown => {
  const [doc] = loadDocuments(`v: ${text}\n`, 'n.yaml')
  return doc?._tag === 'Document' ? (doc.value as { v: unknown }).v : doc
}

describe('numbers as kubectl (go-yaml v2) reads them', () => {
  test.each([
    ['0o17', 15], ['0O17', 15], ['0X1F', 31], ['0B101', 5], ['1e1_0', 1e10], ['1_000', 1000], ['0017', 15], ['0o_7', 7], ['0b_1', 1],
    ['1__0', 10], ['1_0.5', 10.5], ['1.e5', 1e5], ['+.5', 0.5], ['.5', 0.5], ['0.1e1_0', 1e9], ['10e-1', 1], ['-0', 0], ['+0x1F', 31], ['019', 19],
    ['.7_500', 0.75], ['.5e1_0', 5e9],
  ])('%s is the number %d', (text, value) => {
    expect(read(text)).toBe(value)
  })

  // 'e5' and its kin (an exponent without a mantissa; a pod-template-hash can look like this): a
  // string to kubectl, which YAML 1.1's float pattern read as NaN and refused the document for.
  test.each(['.', '-.', '._5', '.5_e1', '.5e_1', '0x_', '0o', '0x', '0b', '1e', '_1', '1e500', '1:30', '-x', 'e5', 'E5', 'e+5', 'e-5', 'e626051942', 'e1_0'])('%s stays a string', (text) => {
    expect(read(text)).toBe(text)
  })

  test('runAsUser: 0o0 is root, as kubectl reads it', () => {
    expect(read('0o0')).toBe(0)
  })

  test('integers beyond int64 stay exact (declared deviation: kubectl rounds them through float64)', () => {
    expect(read('99999999999999999999')).toBe(99999999999999999999n)
    expect(goNumber('-0x20000000000001', () => undefined)).toBe(-0x20000000000001n)
  })

  test.each(['.inf', '-.Inf', '+.INF', '.nan', '.NaN'])('%s is refused, as kubectl refuses the document', (text) => {
    expect(read(text)).toMatchObject({ _tag: 'Error', code: 'yaml-value', line: 1, column: 4, message: expect.stringContaining('kubectl refuses the document') })
  })
})
