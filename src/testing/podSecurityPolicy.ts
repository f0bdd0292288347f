/**
 * `podSecurityPolicyArbitrary`: PodSecurityPolicy documents steered by the fields that decide
 * `no_new_privs`.
 *
 * @packageDocumentation
 */
import fc from './_internals/fastCheck.js'
import type { PodSecurityPolicy, RunAsUserStrategy } from '../codecs/index.js'
import type { Semantics } from '../resolve/types.js'
import { aBoolean, checkedConstraints, oneOf, someOf, SEMANTICS, VIOLATIONS, type ConstraintRule } from './_internals/checkConstraints.js'
import {
  always,
  capabilityListArbitrary,
  capabilityListWithArbitrary,
  dnsLabelArbitrary,
  maybe,
  put,
  putIfSet,
  seLinuxOptionsArbitrary,
  unsetArbitrary,
  type Maybe,
} from './_internals/values.js'

/**
 * Constraints of `podSecurityPolicyArbitrary`. Each narrows; leave it out for "any".
 *
 * @example
 * ```ts
 * import { podSecurityPolicyArbitrary } from 'no-new-privs/testing'
 * podSecurityPolicyArbitrary({ allowPrivilegeEscalation: false, runAsUser: 'MustRunAsNonRoot' })
 * ```
 * @public
 */
export interface PodSecurityPolicyConstraints {
  /** The gate `spec.allowPrivilegeEscalation`; `null`: not set (left out or `null`). */
  readonly allowPrivilegeEscalation?: boolean | null | undefined
  /** `spec.defaultAllowPrivilegeEscalation`; `null`: not set. */
  readonly defaultAllowPrivilegeEscalation?: boolean | null | undefined
  /** `spec.runAsUser.rule`: one, or any of several. `MustRunAs` always comes with a range. */
  readonly runAsUser?: RunAsUserStrategy | ReadonlyArray<RunAsUserStrategy> | undefined
  /** `true`: `spec.defaultAddCapabilities` adds SYS_ADMIN (any spelling) or ALL; `false`: it never does. */
  readonly sysAdminByDefault?: boolean | undefined
  /**
   * `'none'`: the policy is valid under `semantics` (no `invalid-policy`: a `true` default needs
   * the gate open). `'allowed'` (default): such policies too.
   */
  readonly violations?: 'none' | 'allowed' | undefined
  /** The semantics `violations` is judged by. Default `'proposal'`, where an absent gate is closed. */
  readonly semantics?: Semantics | undefined
}

const RULES: ReadonlyArray<RunAsUserStrategy> = ['MustRunAs', 'MustRunAsNonRoot', 'RunAsAny']
const DEFAULT_ADD_PLAIN = ['NET_BIND_SERVICE', 'CHOWN', 'SETUID', 'net_bind_service'] as const
const DEFAULT_ADD_SYS_ADMIN = ['SYS_ADMIN', 'CAP_SYS_ADMIN', 'sys_admin', 'ALL'] as const
// Disjoint from the defaults: the API server refuses a capability both added and required dropped.
const REQUIRED_DROP = ['NET_RAW', 'SYS_PTRACE', 'SYS_TIME', 'KILL'] as const

type Setting = boolean | null

function settingsOf(value: Setting | undefined): ReadonlyArray<Setting> {
  return value === undefined ? [true, false, null] : [value]
}

/** Is this (gate, default) pair a policy the semantics reports as `invalid-policy`? */
function isInvalid(gate: Setting, fallback: Setting, semantics: Semantics): boolean {
  if (fallback !== true) return false
  if (semantics === 'proposal') return gate !== true
  if (semantics === 'kubernetes') return gate === false
  return false
}

function asField(value: Setting): fc.Arbitrary<Maybe<boolean>> {
  return value === null ? unsetArbitrary.map((as): Maybe<boolean> => ({ set: false, as })) : fc.constant<Maybe<boolean>>({ set: true, value })
}

/** A valid `IDRange`: `0 <= min <= max`, as the API server checks. */
const idRangeArbitrary = fc
  .tuple(fc.integer({ min: 0, max: 70000 }), fc.integer({ min: 0, max: 70000 }))
  .map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }))
const groupRangeArbitrary = fc.constantFrom({ min: 1, max: 65535 }, { min: 1000, max: 2000 })

function runAsUserOf(rule: RunAsUserStrategy): fc.Arbitrary<Record<string, unknown>> {
  return rule === 'MustRunAs'
    ? fc.array(idRangeArbitrary, { minLength: 1, maxLength: 2 }).map((ranges) => ({ rule, ranges }))
    : fc.constant({ rule })
}

/** A strategy whose `MustRunAs` needs a range (supplementalGroups, fsGroup). */
const groupStrategyArbitrary = fc.oneof(
  fc.constant({ rule: 'RunAsAny' }),
  fc.constantFrom('MustRunAs', 'MayRunAs').chain((rule) => fc.array(groupRangeArbitrary, { minLength: 1, maxLength: 1 }).map((ranges) => ({ rule, ranges }))),
)

const seLinuxStrategyArbitrary = fc.oneof(
  fc.constant({ rule: 'RunAsAny' }),
  seLinuxOptionsArbitrary.map((seLinuxOptions) => ({ rule: 'MustRunAs', seLinuxOptions })),
)

function defaultAddArbitrary(sysAdmin: boolean | undefined): fc.Arbitrary<Maybe<ReadonlyArray<string>>> {
  if (sysAdmin === true) return always(capabilityListWithArbitrary(DEFAULT_ADD_SYS_ADMIN, DEFAULT_ADD_PLAIN))
  const plain = maybe(capabilityListArbitrary(DEFAULT_ADD_PLAIN, 2), 1, 2)
  if (sysAdmin === false) return plain
  return fc.oneof({ weight: 3, arbitrary: plain }, { weight: 1, arbitrary: always(capabilityListWithArbitrary(DEFAULT_ADD_SYS_ADMIN, DEFAULT_ADD_PLAIN)) })
}

const PSP_RULES: Readonly<Record<string, ConstraintRule>> = {
  allowPrivilegeEscalation: oneOf(true, false, null),
  defaultAllowPrivilegeEscalation: oneOf(true, false, null),
  runAsUser: someOf(['MustRunAs', 'MustRunAsNonRoot', 'RunAsAny']),
  sysAdminByDefault: aBoolean,
  violations: VIOLATIONS,
  semantics: SEMANTICS,
}

/**
 * Generates a `PodSecurityPolicy` (policy/v1beta1) the API server would have accepted: the
 * strategies it requires (`seLinux`, `runAsUser`, `supplementalGroups`, `fsGroup`) always set,
 * `MustRunAs` strategies with valid ranges, no capability both added by default and required
 * dropped. It decodes with the `PodSecurityPolicy` codec with no error and no warning.
 *
 * The fields that decide `no_new_privs` (the gate, the default, `defaultAddCapabilities`, the
 * `runAsUser` rule) cover every case, unset ones left out or written `null`, unless
 * `constraints` fixes them. Throws an `Error` when they contradict each other (a `true` default
 * with a closed gate and `violations: 'none'`).
 *
 * @example
 * ```ts
 * import fc from 'fast-check'
 * import { checkManifests } from 'no-new-privs'
 * import { podArbitrary, podSecurityPolicyArbitrary } from 'no-new-privs/testing'
 *
 * // A closed gate rejects every container that asks for escalation.
 * fc.assert(
 *   fc.property(podSecurityPolicyArbitrary({ allowPrivilegeEscalation: false }), podArbitrary({ row: 'true', os: 'linux' }), (psp, pod) => {
 *     const report = checkManifests({ source: 'pod', value: pod }, { policies: [{ source: 'psp', value: psp }] })
 *     return report.results.every((r) => r.violations.some((v) => v.code === 'escalation-forbidden-by-policy'))
 *   }),
 * )
 * ```
 * @public
 */
export function podSecurityPolicyArbitrary(given: PodSecurityPolicyConstraints = {}): fc.Arbitrary<PodSecurityPolicy> {
  const constraints = checkedConstraints(given, 'podSecurityPolicyArbitrary', PSP_RULES)
  const semantics = constraints.semantics ?? 'proposal'
  const strict = constraints.violations === 'none'
  const pairs: Array<readonly [Setting, Setting]> = []
  for (const gate of settingsOf(constraints.allowPrivilegeEscalation)) {
    for (const fallback of settingsOf(constraints.defaultAllowPrivilegeEscalation)) {
      if (!strict || !isInvalid(gate, fallback, semantics)) pairs.push([gate, fallback])
    }
  }
  if (pairs.length === 0) {
    throw new Error(`podSecurityPolicyArbitrary: no valid policy satisfies ${JSON.stringify(constraints)} (each would be an invalid-policy)`)
  }
  const rules = constraints.runAsUser === undefined ? RULES : Array.isArray(constraints.runAsUser) ? constraints.runAsUser : [constraints.runAsUser as RunAsUserStrategy]
  if (rules.length === 0) throw new Error('podSecurityPolicyArbitrary: `runAsUser` names no rule')
  const escalation = fc.constantFrom(...pairs).chain(([gate, fallback]) => fc.tuple(asField(gate), asField(fallback)))
  return fc
    .record({
      name: dnsLabelArbitrary,
      escalation,
      runAsUser: fc.constantFrom(...rules).chain(runAsUserOf),
      seLinux: seLinuxStrategyArbitrary,
      supplementalGroups: groupStrategyArbitrary,
      fsGroup: groupStrategyArbitrary,
      defaultAdd: defaultAddArbitrary(constraints.sysAdminByDefault),
      requiredDrop: maybe(capabilityListArbitrary(REQUIRED_DROP, 2), 1, 2),
      allowedCapabilities: maybe(fc.oneof(fc.constant(['*']), capabilityListArbitrary(DEFAULT_ADD_PLAIN, 2)), 1, 2),
      privileged: maybe(fc.boolean()),
      hostNetwork: maybe(fc.boolean(), 1, 3),
      readOnlyRootFilesystem: maybe(fc.boolean(), 1, 3),
      volumes: maybe(fc.oneof(fc.constant(['*']), fc.constant(['configMap', 'secret', 'emptyDir', 'projected', 'persistentVolumeClaim'])), 2, 1),
    })
    .map((p): PodSecurityPolicy => {
      const spec: Record<string, unknown> = {}
      putIfSet(spec, 'privileged', p.privileged)
      put(spec, 'allowPrivilegeEscalation', p.escalation[0])
      put(spec, 'defaultAllowPrivilegeEscalation', p.escalation[1])
      put(spec, 'defaultAddCapabilities', p.defaultAdd)
      putIfSet(spec, 'requiredDropCapabilities', p.requiredDrop)
      putIfSet(spec, 'allowedCapabilities', p.allowedCapabilities)
      putIfSet(spec, 'volumes', p.volumes)
      putIfSet(spec, 'hostNetwork', p.hostNetwork)
      putIfSet(spec, 'readOnlyRootFilesystem', p.readOnlyRootFilesystem)
      spec['runAsUser'] = p.runAsUser
      spec['seLinux'] = p.seLinux
      spec['supplementalGroups'] = p.supplementalGroups
      spec['fsGroup'] = p.fsGroup
      return { apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', metadata: { name: p.name }, spec } as PodSecurityPolicy
    })
}
