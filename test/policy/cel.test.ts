import { describe, expect, it } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import { grantsSysAdmin } from '../../src/capabilities.js'
import { celString, grantsSysAdminName, hasChain, isLiteralSysAdmin, podSpecOf } from '../../src/policy/cel.js'
import { evaluate } from './harness.js'

const grants = (name: string): boolean => evaluate(grantsSysAdminName('n'), { n: name }) === true

describe('grantsSysAdminName', () => {
  it('agrees with the design\'s comparison on every single code point, and on each one before SYS_ADMIN', () => {
    // The character classes assume that only ſ and ı upper-case to an ASCII letter of the names.
    for (let cp = 0; cp < 0x110000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue
      const ch = String.fromCodePoint(cp)
      const upper = ch.toUpperCase()
      if (!/^[A-Z_]+$/.test(upper) || cp < 128) continue
      for (const name of [`${ch}ys_admin`, `sys_adm${ch}n`, `${ch}`, `cap_${ch}ll`]) expect(grants(name)).toBe(grantsSysAdmin(name))
    }
  })

  test.prop([fc.oneof(fc.constantFrom('SYS_ADMIN', 'cap_sys_admin', 'ALL', 'cap_all', 'CAP_CAP_ALL', '\u017fys_adm\u0131n', 'SYS_ADMINX', 'xALL'), fc.string({ maxLength: 14 }), fc.string({ unit: 'grapheme', maxLength: 6 }))])(
    'agrees with grantsSysAdmin on any name',
    (name) => {
      expect(grants(name)).toBe(grantsSysAdmin(name))
    },
  )

  it('compares released Kubernetes\' literal exactly', () => {
    expect(evaluate(isLiteralSysAdmin('n'), { n: 'CAP_SYS_ADMIN' })).toBe(true)
    expect(evaluate(isLiteralSysAdmin('n'), { n: 'SYS_ADMIN' })).toBe(false)
  })
})

describe('the CEL helpers', () => {
  test.prop([fc.string()])('celString is a CEL literal of the same string', (s) => {
    expect(evaluate(celString(s), {})).toBe(s)
  })

  it('hasChain guards every step, so an absent field is false, not an error', () => {
    expect(evaluate(hasChain('x', ['a', 'b']), { x: {} })).toBe(false)
    expect(evaluate(hasChain('x', ['a', 'b']), { x: { a: { b: 1n } } })).toBe(true)
  })

  it('podSpecOf finds the pod spec of every kind', () => {
    const spec = { containers: [] }
    const objects = [
      { kind: 'Pod', spec },
      { kind: 'PodTemplate', template: { spec } },
      { kind: 'CronJob', spec: { jobTemplate: { spec: { template: { spec } } } } },
      { kind: 'Deployment', spec: { template: { spec } } },
    ]
    for (const o of objects) expect(evaluate(`(${podSpecOf('o')}) == s`, { o, s: spec })).toBe(true)
  })
})
