import { describe, expect, it } from 'vitest'
import { RULES } from '../../../src/resolve/rules/index.js'
import { minorOf } from '../../../src/resolve/versions.js'
import { VIOLATION_CODES } from '../../../src/resolve/violations.js'

describe('the registry of rules', () => {
  it('holds exactly one rule per violation code', () => {
    expect([...RULES.map((r) => r.code)].sort()).toEqual([...VIOLATION_CODES].sort())
  })

  it('lists the rules in the order a container reports its violations', () => {
    expect(RULES.map((r) => r.code)).toEqual([
      'privileged-without-escalation',
      'sys-admin-without-escalation',
      'escalation-forbidden-by-policy',
      'escalation-field-on-windows',
      'restricted-requires-no-escalation',
      'invalid-policy',
    ])
  })

  it.each(RULES.map((r) => [r.code, r] as const))('%s: every variant names semantics, operations and a range from v1.8 on', (_code, rule) => {
    expect(rule.variants.length).toBeGreaterThan(0)
    expect(rule.description.length).toBeGreaterThan(20)
    for (const v of rule.variants) {
      expect(v.semantics.length).toBeGreaterThan(0)
      expect(v.operations.length).toBeGreaterThan(0)
      expect(minorOf(v.versions.from)).toBeGreaterThanOrEqual(8)
      expect(minorOf(v.versions.through)).toBeGreaterThanOrEqual(minorOf(v.versions.from))
      expect(v.message).not.toBe('')
      expect(v.when).not.toBe('')
      expect(v.source).not.toBe('')
    }
  })

  it('is data a generator can read: everything but the checks survives JSON', () => {
    const data = RULES.map(({ variants, ...rule }) => ({ ...rule, variants: variants.map(({ check: _check, ...v }) => v) }))
    expect(JSON.parse(JSON.stringify(data))).toEqual(data)
  })

  it('never has two variants of a rule for the same semantics, pods, operation and version', () => {
    for (const rule of RULES) {
      const seen = new Set<string>()
      for (const v of rule.variants) {
        for (const s of v.semantics) {
          for (const op of v.operations) {
            for (const minor of [8, 24, 25, 36, 37, 40]) {
              if (minor < minorOf(v.versions.from) || minor > minorOf(v.versions.through)) continue
              for (const os of v.pods === 'any' ? ['linux', 'windows'] : [v.pods]) {
                const key = `${s}/${os}/${op}/${minor}`
                expect(seen.has(key), `${rule.code} ${key}`).toBe(false)
                seen.add(key)
              }
            }
          }
        }
      }
    }
  })
})
