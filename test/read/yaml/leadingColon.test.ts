/** `hasLeadingColon` is the regular expression it replaces, on texts made of the characters that matter. */
import { fc, test } from '@fast-check/vitest'
import { expect } from 'vitest'
import { hasLeadingColon, LEADING_COLON } from '../../../src/read/yaml/goFlowScalars.js'

const text = fc.array(fc.constantFrom(':', ' ', '\t', '[', '{', ',', 'a', '\n', '?', ']', '}'), { maxLength: 24 }).map((cs) => cs.join(''))

test.prop([text], { numRuns: 5000 })('equals LEADING_COLON.test for any text of colons, blanks, brackets and letters', (t) => {
  expect(hasLeadingColon(t)).toBe(LEADING_COLON.test(t))
})

test.prop([fc.string({ maxLength: 60 })], { numRuns: 2000 })('and for any string', (t) => {
  expect(hasLeadingColon(t)).toBe(LEADING_COLON.test(t))
})
