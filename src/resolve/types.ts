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

/** The capabilities block of a container's `securityContext`. */
export interface CapabilitiesInput {
  readonly add?: ReadonlyArray<string> | null
  readonly drop?: ReadonlyArray<string> | null
}

/** The fields of a container's `securityContext` that decide `no_new_privs`. */
export interface ContainerSecurityInput {
  readonly allowPrivilegeEscalation?: boolean | null
  readonly privileged?: boolean | null
  readonly capabilities?: CapabilitiesInput | null
  readonly runAsUser?: number | null
  readonly runAsNonRoot?: boolean | null
  /** The first design's container flag (semantics `noNewPrivileges` only). */
  readonly noNewPrivileges?: boolean | null
}

/** The fields of a pod's `spec.securityContext` that decide `no_new_privs`. */
export interface PodSecurityInput {
  readonly runAsUser?: number | null
  readonly runAsNonRoot?: boolean | null
  /** The first design's pod flag (semantics `noNewPrivileges` only). */
  readonly noNewPrivileges?: boolean | null
}

/** One `IDRange` of a PodSecurityPolicy strategy. */
export interface IDRangeInput {
  readonly min: number
  readonly max: number
}

/** The fields of a PodSecurityPolicy (policy/v1beta1) that decide `no_new_privs`. */
export interface PolicyInput {
  readonly metadata?: { readonly name?: string | null } | null
  readonly spec?: {
    /** The gate: may a container set `allowPrivilegeEscalation: true`? */
    readonly allowPrivilegeEscalation?: boolean | null
    readonly defaultAllowPrivilegeEscalation?: boolean | null
    readonly defaultAddCapabilities?: ReadonlyArray<string> | null
    readonly runAsUser?: {
      readonly rule: string
      readonly ranges?: ReadonlyArray<IDRangeInput> | null
    } | null
  } | null
}

/** Everything `resolveNoNewPrivs` reads for one container. Every field may be absent. */
export interface ResolveInput {
  /** The container's `securityContext`. */
  readonly container?: ContainerSecurityInput | null
  /** The pod's `spec.securityContext`. */
  readonly pod?: PodSecurityInput | null
  /** A PodSecurityPolicy to admit the pod with. */
  readonly policy?: PolicyInput | null
  /** `pod.spec.os.name`: `'windows'` switches off every Linux rule (SPEC §5a). */
  readonly os?: string | null
  /** The container's name, used only in messages (Pod Security Standards wording). */
  readonly name?: string | null
}

/** Which design's rules decide. */
export type Semantics = 'proposal' | 'noNewPrivileges' | 'kubernetes'

/** Pod Security Standards policy versions that `podSecurity.version` accepts. */
export type PodSecurityVersion = 'latest' | `v1.${number}`

/** Check the Pod Security Standards' `restricted` level as well (SPEC §5b). */
export interface PodSecurityOptions {
  readonly level: 'restricted'
  /** `'v1.0'` … `'latest'`; default `'latest'`. */
  readonly version?: PodSecurityVersion
}

/** Options of `resolveNoNewPrivs`. */
export interface ResolveOptions {
  /** Default `'proposal'`. */
  readonly semantics?: Semantics
  readonly podSecurity?: PodSecurityOptions
}

/** The violation codes of SPEC §3.5, §5, §5a, §5b. */
export type ViolationCode =
  | 'privileged-without-escalation'
  | 'sys-admin-without-escalation'
  | 'escalation-forbidden-by-policy'
  | 'invalid-policy'
  | 'escalation-field-on-windows'
  | 'restricted-requires-no-escalation'

/** Which object a path is relative to. */
export type Target = 'container' | 'pod' | 'policy'

/**
 * A rule the input breaks. The API server (or the admission plugin) would reject the pod.
 *
 * `path` is relative to `target`: to the container for `'container'`
 * (`securityContext.allowPrivilegeEscalation`), to the pod spec for `'pod'`, to the
 * PodSecurityPolicy document for `'policy'` (`spec.defaultAllowPrivilegeEscalation`).
 */
export interface Violation {
  readonly code: ViolationCode
  readonly target: Target
  readonly path: string
  readonly message: string
}

/** Warning codes that travel with a decision. */
export type DecisionWarningCode = 'sys-admin-spelling'

/** Something worth knowing that does not stop the pod. */
export interface DecisionWarning {
  readonly code: DecisionWarningCode
  readonly target: Target
  readonly path: string
  readonly message: string
}

/**
 * Where a value that decided came from. `target: 'default'` means no input set it and the
 * rule's default applied; `path` is then `null`.
 */
export interface Origin {
  readonly target: Target | 'default'
  readonly path: string | null
  readonly value: unknown
}

/** The table's column: who runs the process (SPEC §3.2). */
export type Column = 'root' | 'nonRoot' | 'privileged'

/** The table's row: the effective `allowPrivilegeEscalation` setting (SPEC §3.3). */
export type Row = 'nil' | 'false' | 'true'

/** The decision under the default `proposal` semantics: a cell of the design's table. */
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

/** The decision under the first design: which flag decided. */
export interface NoNewPrivilegesDecision {
  readonly semantics: 'noNewPrivileges'
  readonly applicable: true
  readonly noNewPrivs: boolean
  readonly from: Origin
  readonly warnings: ReadonlyArray<DecisionWarning>
}

/** The decision as released Kubernetes makes it: the setting after policy admission. */
export interface KubernetesDecision {
  readonly semantics: 'kubernetes'
  readonly applicable: true
  readonly noNewPrivs: boolean
  /** `allowPrivilegeEscalation` after admission: `null` when unset. */
  readonly setting: boolean | null
  readonly from: Origin
  readonly warnings: ReadonlyArray<DecisionWarning>
}

/** A Windows pod: `no_new_privs` does not exist there (SPEC §5a). */
export interface NotApplicableDecision {
  readonly semantics: Semantics
  readonly applicable: false
  readonly noNewPrivs: false
  readonly from: Origin
  readonly warnings: ReadonlyArray<DecisionWarning>
}

/** What `resolveNoNewPrivs` decides when no rule is broken. */
export type Decision =
  | ProposalDecision
  | NoNewPrivilegesDecision
  | KubernetesDecision
  | NotApplicableDecision
