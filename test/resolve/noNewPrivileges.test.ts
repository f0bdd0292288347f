import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect } from 'vitest'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import type { NoNewPrivilegesDecision } from '../../src/resolve/types.js'

const optBool = fc.constantFrom(true, false, null, undefined)

describe('noNewPrivileges semantics (the first design)', () => {
  test.prop([optBool, optBool, fc.boolean(), fc.option(fc.integer({ min: 0, max: 9999 }), { nil: undefined }), optBool, optBool])(
    'the container flag overrides the pod flag in both directions; default false; nothing else matters',
    (own, pod, privileged, uid, ape, gate) => {
      const result = resolveNoNewPrivs(
        {
          container: { noNewPrivileges: own, privileged, runAsUser: uid, allowPrivilegeEscalation: ape, capabilities: { add: ['SYS_ADMIN'] } },
          pod: { noNewPrivileges: pod },
          policy: { spec: { allowPrivilegeEscalation: gate, defaultAllowPrivilegeEscalation: true } },
        },
        { semantics: 'noNewPrivileges' },
      )
      expect(E.isRight(result)).toBe(true)
      const d = (result as E.Right<NoNewPrivilegesDecision>).right
      expect(d.noNewPrivs).toBe(own ?? pod ?? false)
      expect(d.from.target).toBe(own != null ? 'container' : pod != null ? 'pod' : 'default')
    },
  )
})
