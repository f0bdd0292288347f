/**
 * The shapes `resolveNoNewPrivs` reads and returns.
 *
 * Inputs are structural and read-only: the decoded codec types (`SecurityContext`,
 * `PodSecurityContext`, `PodSecurityPolicy`) are assignable to them, and so are plain objects
 * from `JSON.parse` or `@kubernetes/client-node`'s `V1SecurityContext`. Only the fields the
 * rules read are named here; everything else is ignored by resolution.
 *
 * @packageDocumentation
 */

/**
 * The capabilities block of a container's `securityContext`.
 *
 * @example
 * ```ts
 * const caps: CapabilitiesInput = { add: ['NET_BIND_SERVICE'], drop: ['ALL'] }
 * ```
 */
export interface CapabilitiesInput {
  readonly add?: ReadonlyArray<string> | null | undefined
  readonly drop?: ReadonlyArray<string> | null | undefined
}

/**
 * The fields of a container's `securityContext` that decide `no_new_privs`.
 *
 * @example
 * ```ts
 * const container: ContainerSecurityInput = { runAsUser: 1000, allowPrivilegeEscalation: false }
 * resolveNoNewPrivs({ container }) // Right({ noNewPrivs: true, row: 'false', column: 'nonRoot', … })
 * ```
 */
export interface ContainerSecurityInput {
  readonly allowPrivilegeEscalation?: boolean | null | undefined
  readonly privileged?: boolean | null | undefined
  readonly capabilities?: CapabilitiesInput | null | undefined
  readonly runAsUser?: number | null | undefined
  readonly runAsNonRoot?: boolean | null | undefined
  /** The first design's container flag (semantics `noNewPrivileges` only). */
  readonly noNewPrivileges?: boolean | null | undefined
}

/**
 * The fields of a pod's `spec.securityContext` that decide `no_new_privs`.
 *
 * @example
 * ```ts
 * const pod: PodSecurityInput = { runAsNonRoot: true }
 * resolveNoNewPrivs({ pod }) // Right({ noNewPrivs: false, row: 'nil', column: 'nonRoot', … })
 * ```
 */
export interface PodSecurityInput {
  readonly runAsUser?: number | null | undefined
  readonly runAsNonRoot?: boolean | null | undefined
  /** The first design's pod flag (semantics `noNewPrivileges` only). */
  readonly noNewPrivileges?: boolean | null | undefined
}

/**
 * One `IDRange` of a PodSecurityPolicy strategy.
 *
 * @example
 * ```ts
 * const range: IDRangeInput = { min: 1000, max: 65535 }
 * ```
 */
export interface IDRangeInput {
  readonly min: number
  readonly max: number
}

/**
 * The fields of a PodSecurityPolicy (policy/v1beta1) that decide `no_new_privs`.
 *
 * @example
 * ```ts
 * const policy: PolicyInput = {
 *   spec: { allowPrivilegeEscalation: false, runAsUser: { rule: 'MustRunAs', ranges: [{ min: 1000, max: 2000 }] } },
 * }
 * resolveNoNewPrivs({ container: {}, policy }) // Right({ noNewPrivs: false, row: 'nil', column: 'nonRoot', … }): uid 1000 from the policy
 * ```
 */
export interface PolicyInput {
  readonly metadata?: { readonly name?: string | null | undefined } | null | undefined
  readonly spec?: {
    /** The gate: may a container set `allowPrivilegeEscalation: true`? */
    readonly allowPrivilegeEscalation?: boolean | null | undefined
    readonly defaultAllowPrivilegeEscalation?: boolean | null | undefined
    readonly defaultAddCapabilities?: ReadonlyArray<string> | null | undefined
    readonly runAsUser?: {
      readonly rule: string
      readonly ranges?: ReadonlyArray<IDRangeInput> | null | undefined
    } | null | undefined
  } | null | undefined
}

/**
 * Everything `resolveNoNewPrivs` reads for one container. Every field may be absent.
 *
 * @example
 * ```ts
 * const input: ResolveInput = { container: { privileged: true }, pod: { runAsUser: 0 }, os: 'linux', name: 'app' }
 * resolveNoNewPrivs(input) // Right({ noNewPrivs: false, column: 'privileged', … })
 * ```
 */
export interface ResolveInput {
  /** The container's `securityContext`. */
  readonly container?: ContainerSecurityInput | null | undefined
  /** The pod's `spec.securityContext`. */
  readonly pod?: PodSecurityInput | null | undefined
  /** A PodSecurityPolicy to admit the pod with. */
  readonly policy?: PolicyInput | null | undefined
  /** `pod.spec.os.name`: `'windows'` switches off every Linux rule: no_new_privs does not exist on Windows. */
  readonly os?: string | null | undefined
  /** The container's name, used only in messages (Pod Security Standards wording). */
  readonly name?: string | null | undefined
}

/**
 * Which design's rules decide.
 *
 * @example
 * ```ts
 * for (const semantics of ['proposal', 'noNewPrivileges', 'kubernetes'] as const satisfies ReadonlyArray<Semantics>)
 *   resolveNoNewPrivs({ container: { runAsUser: 0 } }, { semantics })
 * ```
 */
export type Semantics = 'proposal' | 'noNewPrivileges' | 'kubernetes'

/**
 * Pod Security Standards policy versions that `podSecurity.version` accepts.
 *
 * @example
 * ```ts
 * const versions: PodSecurityVersion[] = ['latest', 'v1.24', 'v1.25']
 * ```
 */
export type PodSecurityVersion = 'latest' | `v1.${number}`

/**
 * Check the Pod Security Standards' `restricted` level as well (`allowPrivilegeEscalation` must be `false`).
 *
 * @example
 * ```ts
 * const podSecurity: PodSecurityOptions = { level: 'restricted', version: 'v1.25' }
 * resolveNoNewPrivs({ container: {} }, { podSecurity }) // Left([{ code: 'restricted-requires-no-escalation', … }])
 * ```
 */
export interface PodSecurityOptions {
  readonly level: 'restricted'
  /** `'v1.0'` … `'latest'`; default `'latest'`. */
  readonly version?: PodSecurityVersion | undefined
}

/**
 * Options of `resolveNoNewPrivs`.
 *
 * @example
 * ```ts
 * const options: ResolveOptions = { semantics: 'kubernetes', podSecurity: { level: 'restricted' } }
 * resolveNoNewPrivs({ container: { allowPrivilegeEscalation: false } }, options) // Right({ noNewPrivs: true, setting: false, … })
 * ```
 */
export interface ResolveOptions {
  /** Default `'proposal'`. */
  readonly semantics?: Semantics | undefined
  /**
   * The `restricted` level; its `version` defaults to `kubernetesVersion` (the cluster's version),
   * as Pod Security Admission's default policy version is the cluster's own.
   */
  readonly podSecurity?: PodSecurityOptions | undefined
  /**
   * The cluster's version for the `kubernetes` semantics (README: "Kubernetes versions and operations"): `'v1.8'` … `'latest'`,
   * default `'latest'`. The other semantics are designs, not releases, and ignore it (except as the
   * default Pod Security version).
   */
  readonly kubernetesVersion?: KubernetesVersion | undefined
  /** The admission operation (`kubernetes` semantics): `'create'` (default) or `'update'`. */
  readonly operation?: Operation | undefined
  /**
   * The old pod spec of an `'update'` (its containers' security contexts are what Kubernetes
   * compares with). An update without it is checked as if the old spec relaxed nothing.
   */
  readonly oldPod?: OldPodSpecInput | null | undefined
}

/**
 * A Kubernetes release, by minor version, or `'latest'`.
 *
 * @example
 * ```ts
 * const versions: KubernetesVersion[] = ['v1.24', 'v1.37', 'latest']
 * ```
 */
export type KubernetesVersion = 'latest' | `v1.${number}`

/**
 * The admission operation a pod is checked for.
 *
 * @example
 * ```ts
 * resolveNoNewPrivs({ container: {} }, { semantics: 'kubernetes', operation: 'update', oldPod: { containers: [] } })
 * ```
 */
export type Operation = 'create' | 'update'

/**
 * One container of the old pod spec of an update: only its `securityContext` is read.
 *
 * @example
 * ```ts
 * const old: OldContainerInput = { securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } } }
 * ```
 */
export interface OldContainerInput {
  readonly securityContext?: ContainerSecurityInput | null | undefined
}

/**
 * The old pod spec of an update (a `PodSpec`, or `V1PodSpec`, fits): every init, regular and
 * ephemeral container.
 *
 * @example
 * ```ts
 * const oldPod: OldPodSpecInput = { containers: [{ securityContext: { allowPrivilegeEscalation: false } }] }
 * ```
 */
export interface OldPodSpecInput {
  readonly containers?: ReadonlyArray<OldContainerInput | null | undefined> | null | undefined
  readonly initContainers?: ReadonlyArray<OldContainerInput | null | undefined> | null | undefined
  readonly ephemeralContainers?: ReadonlyArray<OldContainerInput | null | undefined> | null | undefined
}

/**
 * The violation codes of every semantics, Windows pods and the `restricted` check.
 *
 * @example
 * ```ts
 * const blocking: ReadonlySet<ViolationCode> = new Set(['privileged-without-escalation', 'escalation-forbidden-by-policy'])
 * ```
 */
export type ViolationCode =
  | 'privileged-without-escalation'
  | 'sys-admin-without-escalation'
  | 'escalation-forbidden-by-policy'
  | 'invalid-policy'
  | 'escalation-field-on-windows'
  | 'restricted-requires-no-escalation'
  /** A value of the wrong type, from a caller the type checker did not see (see `InvalidInput`). */
  | 'invalid-input'

/**
 * The codes of the rules (`RULES`): every violation code but `invalid-input`, which no rule
 * reports (it is the resolver refusing a value of the wrong type).
 *
 * @example
 * ```ts
 * const code: RuleCode = 'invalid-policy'
 * ```
 */
export type RuleCode = Exclude<ViolationCode, 'invalid-input'>

/**
 * What the path of an `invalid-input` violation is relative to: the first argument of
 * `resolveNoNewPrivs` (`container.allowPrivilegeEscalation`) or the second
 * (`kubernetesVersion`, `oldPod.containers[0].securityContext.privileged`). The empty path is
 * the argument itself.
 *
 * @example
 * ```ts
 * const where: InputTarget = 'options'
 * ```
 */
export type InputTarget = 'input' | 'options'

/**
 * Which object a path is relative to.
 *
 * @example
 * ```ts
 * const where = (v: Violation): string => (v.target === 'policy' ? `the policy's ${v.path}` : v.path)
 * ```
 */
export type Target = 'container' | 'pod' | 'policy'

/**
 * A rule the input breaks. The API server (or the admission plugin) would reject the pod.
 *
 * `path` is relative to `target`: to the container for `'container'`
 * (`securityContext.allowPrivilegeEscalation`), to the pod spec for `'pod'`, to the
 * PodSecurityPolicy document for `'policy'` (`spec.defaultAllowPrivilegeEscalation`).
 *
 * @example
 * ```ts
 * const result = resolveNoNewPrivs({ container: { privileged: true, allowPrivilegeEscalation: false } })
 * if (result._tag === 'Left') {
 *   const v: Violation = result.left[0]
 *   v.code // 'privileged-without-escalation'
 *   v.path // 'securityContext.allowPrivilegeEscalation'
 * }
 * ```
 */
export interface Violation {
  readonly code: ViolationCode
  readonly target: Target | InputTarget
  readonly path: string
  readonly message: string
}

/**
 * A value `resolveNoNewPrivs` cannot read: the wrong type, an unknown enum value, a version it
 * does not know. Plain-JavaScript callers meet it (`allowPrivilegeEscalation: 'false'`); typed
 * callers only for values the types admit but Kubernetes does not (`kubernetesVersion: 'v1.25.3'`,
 * `runAsUser: -1`). It comes in the same `Left` as the rules' violations, alone: the input is not
 * resolved at all, since an answer from a value read as something else would be a silent one.
 *
 * `path` is relative to `target` (the argument); `expected` names the type, `actual` is the value.
 *
 * @example
 * ```ts
 * const r = resolveNoNewPrivs({ container: { allowPrivilegeEscalation: 'false' } } as never)
 * if (r._tag === 'Left' && r.left[0].code === 'invalid-input') {
 *   const v = r.left[0] as InvalidInput
 *   v.path     // 'container.allowPrivilegeEscalation'
 *   v.expected // 'boolean, null or undefined'
 *   v.actual   // 'false'
 *   v.message  // 'input.container.allowPrivilegeEscalation: expected boolean, null or undefined, got a string ("false")'
 * }
 * ```
 */
export interface InvalidInput extends Violation {
  readonly code: 'invalid-input'
  readonly target: InputTarget
  readonly expected: string
  readonly actual: unknown
}

/**
 * Warning codes that travel with a decision.
 *
 * @example
 * ```ts
 * const code: DecisionWarningCode = 'sys-admin-spelling'
 * ```
 */
export type DecisionWarningCode = 'sys-admin-spelling' | 'policy-not-applied'

/**
 * Something worth knowing that does not stop the pod.
 *
 * @example
 * ```ts
 * const r = resolveNoNewPrivs({ container: { allowPrivilegeEscalation: false, capabilities: { add: ['SYS_ADMIN'] } } }, { semantics: 'kubernetes' })
 * if (r._tag === 'Right' && r.right.semantics === 'kubernetes') r.right.warnings[0]?.code // 'sys-admin-spelling'
 * ```
 */
export interface DecisionWarning {
  readonly code: DecisionWarningCode
  readonly target: Target
  readonly path: string
  readonly message: string
}

/**
 * Where a value that decided came from. `target: 'default'` means no input set it and the
 * rule's default applied; `path` is then `null`.
 *
 * @example
 * ```ts
 * const r = resolveNoNewPrivs({ container: { runAsUser: 1000 } })
 * if (r._tag === 'Right' && r.right.semantics === 'proposal' && r.right.applicable) {
 *   const from: Origin = r.right.columnFrom // { target: 'container', path: 'securityContext.runAsUser', value: 1000 }
 * }
 * ```
 */
export interface Origin {
  readonly target: Target | 'default'
  readonly path: string | null
  readonly value: unknown
}

/**
 * The table's column: who runs the process (`privileged`, `root` or `nonRoot`).
 *
 * @example
 * ```ts
 * const column: Column = 'nonRoot'
 * NO_NEW_PRIVS_TABLE.false[column] // true
 * ```
 */
export type Column = 'root' | 'nonRoot' | 'privileged'

/**
 * The table's row: the effective `allowPrivilegeEscalation` setting (the container's, else the policy's default).
 *
 * @example
 * ```ts
 * const row: Row = 'nil'
 * NO_NEW_PRIVS_TABLE[row].root // true
 * ```
 */
export type Row = 'nil' | 'false' | 'true'

/**
 * The decision under the default `proposal` semantics: a cell of the design's table.
 *
 * @example
 * ```ts
 * const r = resolveNoNewPrivs({ container: { runAsUser: 0 } })
 * if (r._tag === 'Right' && r.right.semantics === 'proposal' && r.right.applicable) {
 *   const d: ProposalDecision = r.right
 *   d.row // 'nil'
 *   d.column // 'root'
 *   d.noNewPrivs // true
 * }
 * ```
 */
export interface ProposalDecision {
  readonly semantics: 'proposal'
  readonly applicable: true
  readonly noNewPrivs: boolean
  readonly row: Row
  readonly rowFrom: Origin
  readonly column: Column
  readonly columnFrom: Origin
  readonly warnings: ReadonlyArray<DecisionWarning>
}

/**
 * The decision under the first design: which flag decided.
 *
 * @example
 * ```ts
 * const r = resolveNoNewPrivs({ pod: { noNewPrivileges: true } }, { semantics: 'noNewPrivileges' })
 * if (r._tag === 'Right' && r.right.semantics === 'noNewPrivileges' && r.right.applicable) {
 *   const d: NoNewPrivilegesDecision = r.right
 *   d.from // { target: 'pod', path: 'securityContext.noNewPrivileges', value: true }
 * }
 * ```
 */
export interface NoNewPrivilegesDecision {
  readonly semantics: 'noNewPrivileges'
  readonly applicable: true
  readonly noNewPrivs: boolean
  readonly from: Origin
  readonly warnings: ReadonlyArray<DecisionWarning>
}

/**
 * The decision as released Kubernetes makes it: the setting after policy admission.
 *
 * @example
 * ```ts
 * const r = resolveNoNewPrivs({ container: { allowPrivilegeEscalation: false } }, { semantics: 'kubernetes' })
 * if (r._tag === 'Right' && r.right.semantics === 'kubernetes' && r.right.applicable) {
 *   const d: KubernetesDecision = r.right
 *   d.setting // false
 *   d.noNewPrivs // true
 * }
 * ```
 */
export interface KubernetesDecision {
  readonly semantics: 'kubernetes'
  readonly applicable: true
  readonly noNewPrivs: boolean
  /** `allowPrivilegeEscalation` after admission: `null` when unset. */
  readonly setting: boolean | null
  readonly from: Origin
  /**
   * The cluster version the rules were taken from (`options.kubernetesVersion`, default
   * `'latest'`). `resolveNoNewPrivs` always sets it; optional only so that decisions written by
   * hand before versions existed still type-check.
   */
  readonly kubernetesVersion?: KubernetesVersion
  readonly warnings: ReadonlyArray<DecisionWarning>
}

/**
 * A Windows pod: `no_new_privs` does not exist there, in every semantics.
 *
 * @example
 * ```ts
 * const r = resolveNoNewPrivs({ os: 'windows' })
 * if (r._tag === 'Right' && !r.right.applicable) {
 *   const d: NotApplicableDecision = r.right
 *   d.noNewPrivs // false
 * }
 * ```
 */
export interface NotApplicableDecision {
  readonly semantics: Semantics
  readonly applicable: false
  readonly noNewPrivs: false
  readonly from: Origin
  readonly warnings: ReadonlyArray<DecisionWarning>
}

/**
 * What `resolveNoNewPrivs` decides when no rule is broken.
 *
 * @example
 * ```ts
 * const r = resolveNoNewPrivs({ container: { runAsUser: 1000, allowPrivilegeEscalation: false } })
 * const decision: Decision | null = r._tag === 'Right' ? r.right : null
 * decision?.noNewPrivs // true
 * ```
 */
export type Decision =
  | ProposalDecision
  | NoNewPrivilegesDecision
  | KubernetesDecision
  | NotApplicableDecision
