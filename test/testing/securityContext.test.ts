import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect } from 'vitest'
import { decode, SecurityContext } from '../../src/codecs/index.js'
import { grantsSysAdmin } from '../../src/capabilities.js'
import { securityContextArbitrary } from '../../src/testing/index.js'
import type { ContainerConstraints } from '../../src/testing/index.js'
import { brokenPromises, isSatisfiable, podConstraintsArbitrary, resolveOne, steered } from './oracle.js'

const containerConstraints: fc.Arbitrary<ContainerConstraints> = podConstraintsArbitrary.map(({ os, ...rest }) =>
  os === 'any' || os === undefined ? rest : { ...rest, os },
)

describe('securityContextArbitrary', () => {
  test.prop([securityContextArbitrary()])('decodes strictly with no error and no warning', (sc) => {
    const decoded = decode(SecurityContext, sc, { strict: true })
    expect(decoded).toEqual(E.right({ value: sc, warnings: [] }))
  })

  test.prop([securityContextArbitrary()])('is plain JSON', (sc) => {
    expect(JSON.parse(JSON.stringify(sc))).toEqual(sc)
  })

  test.prop([steered(containerConstraints, securityContextArbitrary)], { numRuns: 300 })(
    'keeps every promise of its constraints when resolved alone, and refuses only unsatisfiable ones',
    ({ constraints, value }) => {
      expect(value !== null).toBe(isSatisfiable(constraints, 'linux'))
      if (value === null) return
      expect(decode(SecurityContext, value, { strict: true })).toEqual(E.right({ value, warnings: [] }))
      const os = constraints.os === 'windows' ? 'windows' : undefined
      const resolved = resolveOne({ container: value, os }, constraints.semantics ?? 'proposal')
      expect(brokenPromises(resolved, { ...constraints, os: constraints.os ?? 'linux' })).toEqual([])
    },
  )

  test.prop([securityContextArbitrary({ privileged: true })])('privileged: true sets privileged or adds SYS_ADMIN', (sc) => {
    expect(sc.privileged === true || (sc.capabilities?.add ?? []).some(grantsSysAdmin)).toBe(true)
  })

  test.prop([securityContextArbitrary({ nonRoot: true })])('nonRoot: true runs as a non-zero uid or says runAsNonRoot', (sc) => {
    expect(sc.privileged).not.toBe(true)
    expect((sc.runAsUser ?? 0) > 0 || (sc.runAsUser == null && sc.runAsNonRoot === true)).toBe(true)
  })

  test.prop([securityContextArbitrary({ row: 'false', column: 'privileged', violations: 'none', semantics: 'kubernetes' })])(
    'under Kubernetes a privileged column with escalation false uses a SYS_ADMIN spelling other than CAP_SYS_ADMIN',
    (sc) => {
      expect(sc.privileged).not.toBe(true)
      expect(sc.capabilities?.add ?? []).not.toContain('CAP_SYS_ADMIN')
    },
  )

  test('refuses a privileged container without escalation and without violations under the proposal', () => {
    expect(() => securityContextArbitrary({ column: 'privileged', row: 'false', violations: 'none' })).toThrow(
      /securityContextArbitrary: no container can satisfy/,
    )
  })

  test('refuses no_new_privs on Windows', () => {
    expect(() => securityContextArbitrary({ os: 'windows', noNewPrivs: true })).toThrow(/no container can satisfy/)
  })

  test('refuses shorthands that contradict each other', () => {
    expect(() => securityContextArbitrary({ privileged: true, nonRoot: true })).toThrow(/no container can satisfy/)
  })

  test('reaches every cell of the table, with unset fields both left out and null', () => {
    const cells = new Set<string>()
    let nulls = 0
    for (const sc of fc.sample(securityContextArbitrary(), { numRuns: 600, seed: 7 })) {
      const r = resolveOne({ container: sc }, 'proposal')
      cells.add(`${r.column}/${r.row}`)
      if (Object.values(sc).includes(null)) nulls++
    }
    expect(cells.size).toBe(9)
    expect(nulls).toBeGreaterThan(0)
  })
})
