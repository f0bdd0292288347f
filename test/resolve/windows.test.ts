import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect } from 'vitest'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import type { Semantics } from '../../src/resolve/types.js'
import { pspEra } from './pspEra.js'

const semantics = fc.constantFrom<Semantics>('proposal', 'noNewPrivileges', 'kubernetes')
const optBool = fc.constantFrom(true, false, null, undefined)

describe('Windows pods (every semantics)', () => {
  test.prop([semantics, fc.boolean(), fc.option(fc.integer({ min: 0, max: 9999 }), { nil: undefined }), fc.constantFrom(true, false, undefined)])(
    'without the escalation field: not applicable, noNewPrivs false, and policies do not default the container',
    (s, privileged, uid, gate) => {
      const result = resolveNoNewPrivs(
        {
          os: 'windows',
          container: { privileged, runAsUser: uid, capabilities: { add: ['SYS_ADMIN'] } },
          policy: { spec: { allowPrivilegeEscalation: gate ?? true, defaultAllowPrivilegeEscalation: false } },
        },
        pspEra({ semantics: s }),
      )
      expect(result).toEqual(
        E.right({ semantics: s, applicable: false, noNewPrivs: false, from: { target: 'pod', path: 'os.name', value: 'windows' }, warnings: [] }),
      )
    },
  )

  test.prop([fc.constantFrom<Semantics>('proposal', 'kubernetes'), fc.boolean()])(
    'setting allowPrivilegeEscalation is escalation-field-on-windows, and no other container rule applies',
    (s, ape) => {
      const result = resolveNoNewPrivs(
        { os: 'windows', container: { allowPrivilegeEscalation: ape, privileged: true, capabilities: { add: ['CAP_SYS_ADMIN'] } }, policy: { spec: { allowPrivilegeEscalation: false } } },
        pspEra({ semantics: s }),
      )
      expect(E.isLeft(result) && result.left).toEqual([
        { code: 'escalation-field-on-windows', target: 'container', path: 'securityContext.allowPrivilegeEscalation', message: 'cannot be set for a windows pod' },
      ])
    },
  )

  test.prop([fc.boolean(), optBool])('in the noNewPrivileges semantics the field is noNewPrivileges', (nnp, ape) => {
    const result = resolveNoNewPrivs({ os: 'windows', container: { noNewPrivileges: nnp, allowPrivilegeEscalation: ape } }, { semantics: 'noNewPrivileges' })
    expect(E.isLeft(result) && result.left).toEqual([
      { code: 'escalation-field-on-windows', target: 'container', path: 'securityContext.noNewPrivileges', message: 'cannot be set for a windows pod' },
    ])
  })

  test('invalid-policy is about the policy alone and is still reported', () => {
    const result = resolveNoNewPrivs({ os: 'windows', container: {}, policy: { spec: { defaultAllowPrivilegeEscalation: true } } })
    expect(E.isLeft(result) && result.left.map((v) => v.code)).toEqual(['invalid-policy'])
  })

  test.prop([semantics, fc.constantFrom('linux', null, undefined)])('linux, or no os, keeps the Linux rules', (s, os) => {
    const result = resolveNoNewPrivs({ os, container: { allowPrivilegeEscalation: false } }, { semantics: s })
    expect(E.isRight(result) && result.right.applicable).toBe(true)
  })
  // The API server accepts only `linux` and `windows` (the OSName enum): another spelling is not
  // read as Linux, it is refused, naming the field.
  test.prop([semantics, fc.constantFrom('Windows', 'WINDOWS', '', 'darwin')])('any other os is invalid input, not a Linux pod', (s, os) => {
    const result = resolveNoNewPrivs({ os, container: { allowPrivilegeEscalation: false } }, { semantics: s })
    expect(result).toMatchObject({ _tag: 'Left', left: [{ code: 'invalid-input', target: 'input', path: 'os', actual: os }] })
  })
})
