import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect } from 'vitest'
import { Container, decode } from '../../src/codecs/index.js'
import { containerArbitrary } from '../../src/testing/index.js'
import { brokenPromises, resolveOne } from './oracle.js'

describe('containerArbitrary', () => {
  test.prop([containerArbitrary()])('decodes strictly with no error and no warning', (c) => {
    expect(decode(Container, c, { strict: true })).toEqual(E.right({ value: c, warnings: [] }))
  })

  test.prop([containerArbitrary()])('has a DNS-1123 label as its name', (c) => {
    expect(c.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
  })

  test.prop([containerArbitrary({ noNewPrivs: true, semantics: 'kubernetes' })])(
    'noNewPrivs: true under Kubernetes gives every container no_new_privs',
    (c) => {
      const r = resolveOne({ container: c.securityContext, name: c.name }, 'kubernetes')
      expect(brokenPromises(r, { noNewPrivs: true, semantics: 'kubernetes' })).toEqual([])
    },
  )

  test.prop([containerArbitrary({ os: 'windows', violations: 'none' })])('keeps Windows containers clean', (c) => {
    const r = resolveOne({ container: c.securityContext, os: 'windows', name: c.name }, 'proposal')
    expect(brokenPromises(r, { os: 'windows', violations: 'none' })).toEqual([])
  })

  test('writes a security context that sets nothing as absent, empty or null', () => {
    const seen = new Set<string>()
    for (const c of fc.sample(containerArbitrary({ column: 'root', row: 'nil' }), { numRuns: 400, seed: 11 })) {
      if (!('securityContext' in c)) seen.add('absent')
      else if (c.securityContext === null) seen.add('null')
      else if (Object.keys(c.securityContext ?? {}).length === 0) seen.add('{}')
    }
    expect(seen).toEqual(new Set(['absent', 'null', '{}']))
  })
})
