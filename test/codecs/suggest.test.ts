import { describe, expect, it } from 'vitest'
import { test, fc } from '@fast-check/vitest'
import { fieldsOf, SecurityContext } from '../../src/codecs/index.js'
import { suggestName } from '../../src/codecs/suggest.js'

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

  // The budget is one edit per ~3 characters of the candidate, at most 3: lengths 3–5 allow one
  // edit, 7–8 two, 10 and more three. (Multiples of 3 are left out: "~" leaves them open.)
  it.each([
    ['tyep', 'type', 'type'],
    ['tpe', 'type', 'type'],
    ['tpyo', 'type', undefined],
    ['groxp', 'group', 'group'],
    ['gxoxp', 'group', undefined],
    ['d', 'add', undefined],
    ['sxsctxs', 'sysctls', 'sysctls'],
    ['sxsxtxs', 'sysctls', undefined],
    ['hoxtPaxh', 'hostPath', 'hostPath'],
    ['hoxtxaxh', 'hostPath', undefined],
    ['prxvxlegxd', 'privileged', 'privileged'],
    ['prxvxlxgxd', 'privileged', undefined],
    ['alxowPrxvilegeExcalation', 'allowPrivilegeEscalation', 'allowPrivilegeEscalation'],
    ['alxowPrxvilegeExcalatiox', 'allowPrivilegeEscalation', undefined],
  ])('%s, for the candidate %s, suggests %s: edits are counted against the candidate\'s budget', (name, candidate, expected) => {
    expect(suggestName(name, [candidate])).toBe(expected)
  })

  it.each([
    ['suer', 'user'],
    ['uesr', 'user'],
    ['usre', 'user'],
    ['tpye', 'type'],
    ['rnuAsUser', 'runAsUser'],
    ['hostPtah', 'hostPath'],
  ])('counts the adjacent swap in %s as one edit (→ %s)', (name, candidate) => {
    expect(suggestName(name, [candidate])).toBe(candidate)
  })

  // Each name is at least two edits from a candidate that allows one, or at least four from one
  // that allows three.
  it.each([
    ['tep', 'type', 'a swap and a dropped letter'],
    ['da', 'add', 'a dropped letter and a swap'],
    ['dnd', 'add', 'two changed letters'],
    ['pad', 'add', 'two changed letters'],
    ['fd', 'add', 'a dropped and a changed letter'],
    ['ivilegedpr', 'privileged', 'two letters moved from the front to the back'],
  ])('stays quiet for %s, %s away from %s', (name, candidate) => {
    expect(suggestName(name, [candidate])).toBeUndefined()
  })

  it('never suggests the name itself', () => {
    expect(suggestName('runAsUser', ['runAsUser'])).toBeUndefined()
    expect(suggestName('allowPrivilegeEscalation', ['allowPrivilegeEscalation'])).toBeUndefined()
  })

  it('counts a swap as one edit on top of the others when choosing between candidates', () => {
    // One swap from `type`, a swap and a changed letter from `typo`.
    expect(suggestName('tpye', ['typo', 'type'])).toBe('type')
  })
})
