import { describe, expect } from 'vitest'
import { test, fc } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import type { Decision } from '../../src/resolve/types.js'
import {
  criSecurityContextWithNoNewPrivs,
  dockerSecurityOpt,
  ociSpecWithNoNewPrivileges,
  parseCriNoNewPrivs,
  parseDockerSecurityOpts,
  parseOciNoNewPrivileges,
  parseRktNoNewPrivileges,
  rktIsolatorsWithNoNewPrivileges,
} from '../../src/runtime/index.js'
import { rightOf } from './rightOf.js'

/** Decisions as resolveNoNewPrivs returns them: the runtime mappings accept them as they are. */
const decisionArb: fc.Arbitrary<Decision> = fc.oneof(
  fc.boolean().map((noNewPrivs): Decision => ({
    semantics: 'kubernetes',
    applicable: true,
    noNewPrivs,
    setting: !noNewPrivs,
    from: { target: 'container', path: 'securityContext.allowPrivilegeEscalation', value: !noNewPrivs },
    warnings: [],
  })),
  fc.constant<Decision>({
    semantics: 'proposal',
    applicable: false,
    noNewPrivs: false,
    from: { target: 'pod', path: 'os.name', value: 'windows' },
    warnings: [],
  }),
)

const readBack = {
  docker: (d: Decision) => parseDockerSecurityOpts(rightOf(dockerSecurityOpt(d))),
  oci: (d: Decision) => parseOciNoNewPrivileges(rightOf(ociSpecWithNoNewPrivileges(d, { ociVersion: '1.2.0' }))),
  cri: (d: Decision) => parseCriNoNewPrivs(rightOf(criSecurityContextWithNoNewPrivs(d))),
  rkt: (d: Decision) => parseRktNoNewPrivileges(rightOf(rktIsolatorsWithNoNewPrivileges(d))),
} as const

describe('every runtime', () => {
  for (const [runtime, roundTrip] of Object.entries(readBack)) {
    test.prop([decisionArb])(`${runtime}: decision → switch → decision gives the same noNewPrivs`, (decision) => {
      const result = roundTrip(decision)
      expect(E.isRight(result) && result.right.noNewPrivs).toBe(decision.noNewPrivs)
    })
  }
})
