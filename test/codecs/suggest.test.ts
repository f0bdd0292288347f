import { describe, expect, it } from 'vitest'
import { test, fc } from '@fast-check/vitest'
import { fieldsOf, SecurityContext, suggestName } from '../../src/codecs/index.js'

const fields = [...(fieldsOf(SecurityContext)?.keys() ?? [])]

describe('suggestName', () => {
  test.prop([fc.constantFrom(...fields)])('suggests a field for any change of case alone', (field) => {
    const shouted = field.toUpperCase()
    fc.pre(shouted !== field)
    expect(suggestName(shouted, fields)).toBe(field)
  })

  test.prop([fc.constantFrom(...fields.filter((f) => f.length >= 4)), fc.nat(), fc.constantFrom('drop', 'swap', 'double')])(
    'suggests a field for one dropped, swapped or doubled character',
    (field, at, edit) => {
      const i = at % (field.length - 1)
      const typo =
        edit === 'drop'
          ? field.slice(0, i) + field.slice(i + 1)
          : edit === 'swap'
            ? field.slice(0, i) + field.charAt(i + 1) + field.charAt(i) + field.slice(i + 2)
            : field.slice(0, i) + field.charAt(i) + field.slice(i)
      fc.pre(typo !== field && !fields.includes(typo))
      expect(suggestName(typo, fields)).toBe(field)
    },
  )

  it.each(['foo', 'image', 'spec', 'z'])('stays quiet for %s, far from every field', (name) => {
    expect(suggestName(name, fields)).toBeUndefined()
  })

  it('prefers the closest candidate', () => {
    expect(suggestName('runAsGroop', ['runAsUser', 'runAsGroup'])).toBe('runAsGroup')
  })

  it('handles a huge unknown name quickly by its length alone', () => {
    expect(suggestName('a'.repeat(1_000_000), fields)).toBeUndefined()
  })
})
