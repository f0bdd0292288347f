/**
 * Upstream test tables transcribed as facts, by the version of the source they come from (issue
 * #12 §2 "the validation tests at each tag"). Read through the project's source index (the
 * `search`/`read_file` tools): kubernetes/kubernetes pkg/securitycontext/util_test.go
 * TestAddNoNewPrivileges exists there in two forms, and each row is restated here as what the
 * `kubernetes` semantics answers for the same security context.
 *
 * What the index could not give (see the resolve report): the tag of each stored version (it
 * keeps file versions, not tags), the SecurityContext cases of pkg/apis/core/validation/
 * validation_test.go (past the part of that file the index searches), and pkg/api/pod/util_test.go
 * of kubernetes/kubernetes#138834 (not in the index). Those facts stay as SPEC §5.1 states them,
 * pinned in test/resolve/rules/sysAdminWithoutEscalation.test.ts.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, test } from 'vitest'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import type { ContainerSecurityInput, KubernetesVersion } from '../../src/resolve/types.js'

/** The kubelet's flag for an admitted container, or the codes that reject it. */
function kubelet(sc: ContainerSecurityInput | null, kubernetesVersion: KubernetesVersion): boolean | ReadonlyArray<string> {
  const r = resolveNoNewPrivs({ container: sc }, { semantics: 'kubernetes', kubernetesVersion })
  return E.isRight(r) ? r.right.noNewPrivs : r.left.map((v) => v.code)
}

const VERSIONS: ReadonlyArray<KubernetesVersion> = ['v1.8', 'v1.24', 'v1.25', 'v1.37', 'latest']

describe('pkg/securitycontext/util_test.go TestAddNoNewPrivileges, the four-row form (the released AddNoNewPrivileges)', () => {
  // Rows by their upstream names: the flag is set exactly when allowPrivilegeEscalation is false.
  test.each<[string, ContainerSecurityInput | null, boolean]>([
    ['allowPrivilegeEscalation nil security context nil', null, false],
    ['allowPrivilegeEscalation nil', { allowPrivilegeEscalation: null }, false],
    ['allowPrivilegeEscalation false', { allowPrivilegeEscalation: false }, true],
    ['allowPrivilegeEscalation true', { allowPrivilegeEscalation: true }, false],
  ])('%s → %s at every version', (_name, sc, expected) => {
    for (const v of VERSIONS) expect(kubelet(sc, v)).toBe(expected)
  })
})

describe('pkg/securitycontext/util_test.go TestAddNoNewPrivileges, the twelve-row form (privileged and CAP_SYS_ADMIN rows)', () => {
  const sysAdmin = { capabilities: { add: ['CAP_SYS_ADMIN'] } }
  // Upstream's expectation for each row, and ours. They agree on every row a cluster admits; the
  // two rows where upstream's kubelet answers false for allowPrivilegeEscalation false are pods
  // validation (ValidateSecurityContext) rejects, so no kubelet ever sees them.
  test.each<[string, ContainerSecurityInput, boolean, boolean | ReadonlyArray<string>]>([
    ['allowPrivilegeEscalation nil capAddSysadmin', sysAdmin, false, false],
    ['allowPrivilegeEscalation nil privileged', { privileged: true }, false, false],
    ['allowPrivilegeEscalation nil nonRoot', { runAsUser: 1000 }, false, false],
    ['allowPrivilegeEscalation nil root', { runAsUser: 0 }, false, false],
    ['allowPrivilegeEscalation false capAddSysadmin', { ...sysAdmin, allowPrivilegeEscalation: false }, false, ['sys-admin-without-escalation']],
    ['allowPrivilegeEscalation false privileged', { privileged: true, allowPrivilegeEscalation: false }, false, ['privileged-without-escalation']],
    ['allowPrivilegeEscalation false nonRoot', { runAsUser: 1000, allowPrivilegeEscalation: false }, true, true],
    ['allowPrivilegeEscalation false root', { runAsUser: 0, allowPrivilegeEscalation: false }, true, true],
    ['allowPrivilegeEscalation true capAddSysadmin', { ...sysAdmin, allowPrivilegeEscalation: true }, false, false],
    ['allowPrivilegeEscalation true privileged', { privileged: true, allowPrivilegeEscalation: true }, false, false],
    ['allowPrivilegeEscalation true nonRoot', { runAsUser: 1000, allowPrivilegeEscalation: true }, false, false],
    ['allowPrivilegeEscalation true root', { runAsUser: 0, allowPrivilegeEscalation: true }, false, false],
  ])('%s: upstream %s, ours %s', (_name, sc, upstream, ours) => {
    for (const v of VERSIONS) expect(kubelet(sc, v)).toEqual(ours)
    // Where a pod is admitted, the flag is upstream's.
    if (typeof ours === 'boolean') expect(ours).toBe(upstream)
  })

  test('the relaxation of v1.37 (updates whose old spec has the combination) admits the CAP_SYS_ADMIN row; the flag is then set', () => {
    const sc = { ...sysAdmin, allowPrivilegeEscalation: false }
    const oldPod = { containers: [{ securityContext: sc }] }
    const at = (kubernetesVersion: KubernetesVersion) => {
      const r = resolveNoNewPrivs({ container: sc }, { semantics: 'kubernetes', kubernetesVersion, operation: 'update', oldPod })
      return E.isRight(r) ? r.right.noNewPrivs : r.left.map((v) => v.code)
    }
    expect(at('v1.36')).toEqual(['sys-admin-without-escalation'])
    expect(at('v1.37')).toBe(true)
  })
})
