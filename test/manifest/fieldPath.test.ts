import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { fieldOf, itemOf, segmentsOf } from '../../src/path.js'

describe('field paths', () => {
  test('an API-server path splits into names and indexes', () => {
    expect(segmentsOf('items[2].spec.containers[0].securityContext')).toEqual(['items', 2, 'spec', 'containers', 0, 'securityContext'])
  })

  test('a bracketed non-number is a map key, dots included', () => {
    expect(segmentsOf('metadata.annotations[example.com/x]')).toEqual(['metadata', 'annotations', 'example.com/x'])
  })

  test('the empty path is the root; segments pass through unchanged', () => {
    expect(segmentsOf('')).toEqual([])
    expect(segmentsOf(['a', 1])).toEqual(['a', 1])
  })

  test('malformed paths are null', () => {
    for (const bad of ['a..b', '.a', 'a.', 'a[1', 'a[0].'] as const) expect(segmentsOf(bad)).toBeNull()
  })

  test('fieldOf and itemOf build what segmentsOf reads', () => {
    expect(itemOf(fieldOf(fieldOf('', 'spec'), 'containers'), 3)).toBe('spec.containers[3]')
  })

  const name = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,8}$/)
  test.prop([fc.array(fc.oneof(name, fc.nat(1000)), { maxLength: 8 }).filter((s) => typeof s[0] !== 'number')])(
    'a path built from names and indexes splits back into them',
    (segments) => {
      const path = segments.reduce<string>((p, s) => (typeof s === 'number' ? itemOf(p, s) : fieldOf(p, s)), '')
      expect(segmentsOf(path)).toEqual(segments)
    },
  )
})
