import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { exempts, imageMatches, matchesTarget } from '../../src/exemptions/match.js'
import type { Exemption, ExemptionTarget } from '../../src/exemptions/types.js'

const origin = { kind: 'file', source: 'ex.yaml', document: 0, line: 1, path: 'exemptions[0]' } as const
const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/)
const target = fc.record({
  namespace: fc.option(word, { nil: null }),
  kind: fc.constantFrom('Pod', 'Deployment', 'DaemonSet', 'CronJob'),
  name: fc.option(word, { nil: null }),
  container: fc.option(word, { nil: null }),
  image: fc.option(fc.stringMatching(/^[a-z]{1,5}(\/[a-z]{1,5})?:[0-9.]{1,4}$/), { nil: null }),
})
/** Per field: absent (any), the target's own value, or a value the target does not have. */
const choice = fc.constantFrom('absent', 'same', 'other')
type Choice = 'absent' | 'same' | 'other'

function field(c: Choice, own: string | null, other: string): string | undefined {
  if (c === 'absent') return undefined
  // A field the target lacks is described by no value: "same" of nothing is something else.
  return c === 'same' && own !== null ? own : other
}

describe('matchesTarget', () => {
  test.prop([target, fc.record({ namespace: choice, kind: choice, name: choice, container: choice, image: choice })])(
    'an exemption matches exactly the containers every one of its fields describes',
    (t: ExemptionTarget, c) => {
      const containers = field(c.container, t.container, 'zz-other')
      const e: Exemption = {
        rules: ['no-new-privs-required'],
        namespace: field(c.namespace, t.namespace, 'zz-other'),
        kind: field(c.kind, t.kind, 'ZzOther'),
        name: field(c.name, t.name, 'zz-other'),
        containers: containers === undefined ? undefined : [containers],
        image: field(c.image, t.image, 'zz/other:0'),
        reason: 'r',
        origin,
      }
      const describes = (k: 'namespace' | 'kind' | 'name' | 'container' | 'image'): boolean => c[k] === 'absent' || (c[k] === 'same' && t[k] !== null)
      const expected = describes('namespace') && describes('kind') && describes('name') && describes('container') && describes('image')
      expect(matchesTarget(e, t)).toBe(expected)
    },
  )

  test.prop([target, fc.constantFrom('privileged-without-escalation', 'no-new-privs-required'), fc.constantFrom('privileged-without-escalation', 'no-new-privs-required')])(
    'it exempts only the rules it names',
    (t, named, code) => {
      const e: Exemption = { rules: [named], reason: 'r', origin }
      expect(exempts(e, t, code)).toBe(named === code)
    },
  )
})

describe('imageMatches', () => {
  test.prop([fc.string(), fc.string(), fc.string()])('* stands for any run of characters, the rest is literal', (a, b, c) => {
    const literal = (s: string): string => s.replace(/\*/g, '')
    expect(imageMatches(`${literal(a)}*${literal(c)}`, `${literal(a)}${b}${literal(c)}`)).toBe(true)
    expect(imageMatches(literal(a), literal(a))).toBe(true)
    expect(imageMatches(literal(a), `${literal(a)}x`)).toBe(false)
  })

  test('examples', () => {
    expect(imageMatches('registry.example/agent:*', 'registry.example/agent:1.2')).toBe(true)
    expect(imageMatches('nginx', 'nginx:1.27')).toBe(false)
    expect(imageMatches('ngin.', 'nginx')).toBe(false)
    expect(imageMatches('*/agent@sha256:*', 'quay.io/x/agent@sha256:abc')).toBe(true)
  })
})
