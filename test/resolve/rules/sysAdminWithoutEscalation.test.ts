import { describe, expect, it } from 'vitest'
import { SYS_ADMIN_MESSAGE, SYS_ADMIN_WITHOUT_ESCALATION as RULE } from '../../../src/resolve/rules/sysAdminWithoutEscalation.js'
import type { OldPodSpecInput, ResolveOptions } from '../../../src/resolve/types.js'
import { of, rows, violations } from './helpers.js'

const CODE = 'sys-admin-without-escalation'
const literal = { container: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_ADMIN', 'CAP_SYS_ADMIN'] } } }
/** An old pod spec that already has the combination (kubernetes/kubernetes#138834). */
const relaxing: OldPodSpecInput = { containers: [{ securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } } }] }
const kube = (extra: ResolveOptions): ResolveOptions => ({ semantics: 'kubernetes', ...extra })

describe(CODE, () => {
  it('has four variants: the design, kubernetes creates, updates through v1.36, updates from v1.37', () => {
    expect({ target: RULE.target, field: RULE.field, versionOf: RULE.versionOf }).toEqual({
      target: 'container',
      field: 'securityContext.capabilities.add[*]',
      versionOf: 'kubernetes',
    })
    expect(rows(RULE)).toEqual([
      {
        semantics: ['proposal'],
        versions: 'v1.8…latest',
        operations: ['create', 'update'],
        pods: 'linux',
        message: 'cannot set `allowPrivilegeEscalation` to false and add capability "NAME", which grants CAP_SYS_ADMIN',
      },
      { semantics: ['kubernetes'], versions: 'v1.8…latest', operations: ['create'], pods: 'linux', message: SYS_ADMIN_MESSAGE },
      { semantics: ['kubernetes'], versions: 'v1.8…v1.36', operations: ['update'], pods: 'linux', message: SYS_ADMIN_MESSAGE },
      { semantics: ['kubernetes'], versions: 'v1.37…latest', operations: ['update'], pods: 'linux', message: SYS_ADMIN_MESSAGE },
    ])
    expect(SYS_ADMIN_MESSAGE).toBe('cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN')
  })

  it('path: the offending capability (the container list, or the policy default it does not drop)', () => {
    expect(of(CODE, literal, kube({}))).toEqual([
      { code: CODE, target: 'container', path: 'securityContext.capabilities.add[1]', message: SYS_ADMIN_MESSAGE },
    ])
    const byPolicy = { container: { allowPrivilegeEscalation: false }, policy: { spec: { defaultAddCapabilities: ['CAP_SYS_ADMIN'] } } }
    expect(of(CODE, byPolicy, kube({ kubernetesVersion: 'v1.24' }))).toEqual([
      { code: CODE, target: 'policy', path: 'spec.defaultAddCapabilities[0]', message: `${SYS_ADMIN_MESSAGE} (added by the policy's defaultAddCapabilities)` },
    ])
    expect(of(CODE, { ...byPolicy, container: { ...byPolicy.container, capabilities: { drop: ['CAP_SYS_ADMIN'] } } }, kube({ kubernetesVersion: 'v1.24' }))).toEqual([])
  })

  it('kubernetes compares the exact string; the design normalises (SYS_ADMIN, sys_admin, ALL grant it)', () => {
    for (const name of ['SYS_ADMIN', 'sys_admin', 'ALL', 'cap_sys_admin']) {
      const input = { container: { allowPrivilegeEscalation: false, capabilities: { add: [name] } } }
      expect(of(CODE, input, kube({}))).toEqual([])
      expect(of(CODE, input)).toEqual([
        {
          code: CODE,
          target: 'container',
          path: 'securityContext.capabilities.add[0]',
          message: `cannot set \`allowPrivilegeEscalation\` to false and add capability "${name}", which grants CAP_SYS_ADMIN`,
        },
      ])
    }
  })

  it('creates are rejected at every version, v1.37 included (the create relaxation is only announced)', () => {
    for (const kubernetesVersion of ['v1.8', 'v1.36', 'v1.37', 'latest'] as const) {
      expect(of(CODE, literal, kube({ kubernetesVersion, operation: 'create', oldPod: relaxing }))).toHaveLength(1)
    }
  })

  it('v1.37 update relaxation: skipped when the old spec already has the combination, for every container', () => {
    expect(of(CODE, literal, kube({ kubernetesVersion: 'v1.36', operation: 'update', oldPod: relaxing }))).toHaveLength(1)
    expect(of(CODE, literal, kube({ kubernetesVersion: 'v1.37', operation: 'update', oldPod: relaxing }))).toEqual([])
    expect(of(CODE, literal, kube({ kubernetesVersion: 'latest', operation: 'update', oldPod: relaxing }))).toEqual([])
    // The old spec must add exactly CAP_SYS_ADMIN with allowPrivilegeEscalation not true.
    const notRelaxing: ReadonlyArray<OldPodSpecInput> = [
      { containers: [{ securityContext: { allowPrivilegeEscalation: true, capabilities: { add: ['CAP_SYS_ADMIN'] } } }] },
      { containers: [{ securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['SYS_ADMIN'] } } }] },
      { containers: [] },
    ]
    for (const oldPod of notRelaxing) expect(of(CODE, literal, kube({ kubernetesVersion: 'v1.37', operation: 'update', oldPod }))).toHaveLength(1)
    // Unset allowPrivilegeEscalation in the old spec counts as "not true"; init and ephemeral containers count.
    expect(of(CODE, literal, kube({ kubernetesVersion: 'v1.37', operation: 'update', oldPod: { initContainers: [{ securityContext: { capabilities: { add: ['CAP_SYS_ADMIN'] } } }] } }))).toEqual([])
    expect(of(CODE, literal, kube({ kubernetesVersion: 'v1.37', operation: 'update', oldPod: { ephemeralContainers: [{ securityContext: { capabilities: { add: ['CAP_SYS_ADMIN'] } } }] } }))).toEqual([])
  })

  it('the relaxation never lifts privileged + false', () => {
    const both = { container: { privileged: true, allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } } }
    expect(violations(both, kube({ kubernetesVersion: 'v1.37', operation: 'update', oldPod: relaxing })).map((v) => v.code)).toEqual(['privileged-without-escalation'])
  })

  it('does not apply to the first design nor to Windows pods', () => {
    expect(of(CODE, literal, { semantics: 'noNewPrivileges' })).toEqual([])
    expect(of(CODE, { ...literal, os: 'windows' }, kube({}))).toEqual([])
  })
})
