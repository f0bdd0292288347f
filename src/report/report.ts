/**
 * The report `checkManifests` returns and `no-new-privs check --output json` prints (README: "Manifests").
 *
 * @packageDocumentation
 */
import type { ExemptionMark, ExemptionSummary } from '../exemptions/types.js'
import type { Decision, Semantics, ViolationCode } from '../resolve/types.js'
import type { PodSecuritySource } from '../inputs/namespaceLevels.js'

/**
 * The field a container sits in.
 *
 * @example
 * ```ts
 * const order: ReadonlyArray<ContainerType> = ['initContainers', 'containers', 'ephemeralContainers']
 * ```
 */
export type ContainerType = 'initContainers' | 'containers' | 'ephemeralContainers'

/**
 * Whose place a violation's or finding's `line` and `column` are.
 *
 * - `'field'`: the offending field's own (the `allowPrivilegeEscalation: false` key, the
 *   `capabilities.add[i]` item, `privileged: true`).
 * - `'container'`: the container's, because the field is not written in the source: a default
 *   that came from a policy or from the rules, or a field the rule asks for that is unset.
 * - `'policy'`: the PodSecurityPolicy object's, for a policy field that is not written.
 *
 * @example
 * ```ts
 * const report = checkManifests('kind: Pod\nspec:\n  containers:\n  - name: a\n', { podSecurity: { level: 'restricted' } })
 * const located: Located | undefined = report.results[0]?.violations[0]?.located // 'container': the field is missing
 * ```
 */
export type Located = 'field' | 'container' | 'policy'

/**
 * Where a violation or finding is shown: the field that decided (`allowPrivilegeEscalation: true`,
 * `privileged: true`, a policy's field in `policy.source`), or the object or container when no
 * written field did; `located` says which. Always set by `checkManifests`; optional so that
 * reports built by hand stay valid.
 *
 * @example
 * ```ts
 * const v = checkManifests('kind: Pod\nspec:\n  containers:\n  - name: a\n    securityContext: { privileged: true, allowPrivilegeEscalation: false }\n').results[0]?.violations[0]
 * const at: ReportPlace = { line: v?.line, column: v?.column, located: v?.located } // line 5, located 'field'
 * ```
 */
export interface ReportPlace {
  /** 1-based line of what `located` names, in its source (`policy.source` for a policy's field). */
  readonly line?: number | undefined
  /** 1-based column (UTF-16 code units) of what `line` points at; `null` when not known. */
  readonly column?: number | null | undefined
  /** Whose place `line` and `column` are. */
  readonly located?: Located | undefined
  /** Full path of the field `line` points at, when it is not the item's `path` (`privileged` when the `false` setting came from a policy). */
  readonly field?: string | undefined
}

/**
 * A violation with its full path from the document root.
 *
 * @example
 * ```ts
 * const report = checkManifests('kind: Pod\nspec:\n  containers:\n  - name: a\n    securityContext: { privileged: true, allowPrivilegeEscalation: false }\n')
 * const v: ReportViolation | undefined = report.results[0]?.violations[0]
 * v?.path // 'spec.containers[0].securityContext.allowPrivilegeEscalation'
 * ```
 */
export interface ReportViolation extends ReportPlace {
  readonly code: ViolationCode
  /** API-server style, from the document root: `spec.template.spec.containers[1].securityContext.allowPrivilegeEscalation`. */
  readonly path: string
  readonly message: string
  /** Set when the path is inside a PodSecurityPolicy document rather than the workload. */
  readonly policy?: { readonly source: string; readonly document: number; readonly name: string } | undefined
  /** Set when a Namespace's `pod-security.kubernetes.io/enforce` labels in the input set the level it comes from. */
  readonly podSecurity?: PodSecuritySource | undefined
  /** Set when an exemption covers it: still reported, not counted towards the exit status. */
  readonly exempted?: ExemptionMark | undefined
}

/**
 * Something reported that does not reject the pod: `--require-no-new-privs` (a Linux container
 * whose decision is `noNewPrivs: false`), or a Namespace's `warn` or `audit` Pod Security level
 * (code `restricted-requires-no-escalation`, with `podSecurity` naming the namespace and label).
 *
 * @example
 * ```ts
 * const report = checkManifests('kind: Pod\nspec:\n  containers:\n  - name: a\n    securityContext: { runAsUser: 1000 }\n', { requireNoNewPrivs: true })
 * const f: ReportFinding | undefined = report.results[0]?.findings[0]
 * f?.code // 'no-new-privs-required'
 * ```
 */
export interface ReportFinding extends ReportPlace {
  readonly code: 'no-new-privs-required' | 'restricted-requires-no-escalation'
  readonly path: string
  readonly message: string
  /** Set for a Namespace's `warn` or `audit` level: where it comes from. */
  readonly podSecurity?: PodSecuritySource | undefined
  /** Set when an exemption covers it: still reported, not counted towards the exit status. */
  readonly exempted?: ExemptionMark | undefined
}

/**
 * One container of one pod of one document.
 *
 * @example
 * ```ts
 * const [result]: ReadonlyArray<ContainerResult> = checkManifests('kind: Pod\nspec:\n  containers:\n  - name: app\n').results
 * result?.path // 'spec.containers[0]'
 * result?.noNewPrivs // true (root, allowPrivilegeEscalation unset)
 * ```
 */
export interface ContainerResult {
  readonly source: string
  /** Index of the document in its source, counting every `---`-separated document from 0. */
  readonly document: number
  /** 1-based line of the container in its source. */
  readonly line: number
  readonly kind: string
  readonly namespace: string | null
  readonly name: string | null
  readonly container: string | null
  readonly containerType: ContainerType
  /** Path of the container from the document root: `spec.template.spec.containers[0]`. */
  readonly path: string
  /** `null` when the container has violations: nothing runs. */
  readonly noNewPrivs: boolean | null
  readonly violations: ReadonlyArray<ReportViolation>
  readonly findings: ReadonlyArray<ReportFinding>
  /** What `resolveNoNewPrivs` decided and why; `null` when there are violations. */
  readonly reason: Decision | null
  /**
   * The decision's warnings (`reason.warnings`: `sys-admin-spelling`, `policy-not-applied`),
   * placed: the path from the document root and the line of the field, or of the container when
   * the field is not written; a policy's warning is in the policy's own source and document.
   */
  readonly warnings: ReadonlyArray<ReportWarning>
  /** The PodSecurityPolicy that admitted (or, when none did, rejected) the pod, if policies were given. */
  readonly policy: string | null
}

/**
 * Input that could not be read or decoded.
 *
 * @example
 * ```ts
 * const [error]: ReadonlyArray<ReportError> = checkManifests('kind: Pod\nkind: Pod\n').errors
 * error?.code // 'duplicate-key'
 * error?.line // 2
 * ```
 */
export interface ReportError {
  readonly source: string
  readonly document: number | null
  readonly line: number | null
  readonly column: number | null
  /** Field path when the error is about a field, from the document root. */
  readonly path?: string | undefined
  readonly code: string
  readonly message: string
  /**
   * What the error means for the run: `'input'` is input that could not be read or decoded (exit
   * status 2); `'violation'` is a decoded object that breaks a rule and has no container to hang
   * the violation on (a PodSecurityPolicy's `invalid-policy`; exit status 1).
   */
  readonly category: ErrorCategory
}

/**
 * What a report error means for the run: input that could not be read or decoded, or a decoded
 * object that breaks a rule.
 *
 * @example
 * ```ts
 * const category: ErrorCategory = checkManifests('a: [1\n').errors[0]?.category ?? 'input' // 'input'
 * ```
 */
export type ErrorCategory = 'input' | 'violation'

/**
 * Something worth fixing that does not stop resolution (e.g. an unknown field).
 *
 * @example
 * ```ts
 * const [warning]: ReadonlyArray<ReportWarning> = checkManifests('kind: Pod\nspec:\n  containers:\n  - name: a\n    securityContext: { privilegd: true }\n').warnings
 * warning?.message // 'unknown field "privilegd", did you mean "privileged"?'
 * ```
 */
export interface ReportWarning {
  readonly source: string
  readonly document: number
  readonly line?: number | null | undefined
  readonly path: string
  readonly code: string
  readonly message: string
}

/**
 * A document whose kind carries no pod. Counted, never an error.
 *
 * @example
 * ```ts
 * const skipped: ReadonlyArray<ReportSkipped> = checkManifests('kind: Service\n---\n').skipped
 * // [{ source: '<input>', document: 0, kind: 'Service' }, { source: '<input>', document: 1, kind: '(empty)' }]
 * ```
 */
export interface ReportSkipped {
  readonly source: string
  readonly document: number
  readonly kind: string
  /** Why a whole file was skipped by the CLI's directory walk (a Helm chart, no Kubernetes object in it, …). */
  readonly reason?: string
}

/**
 * The whole answer for one or many sources.
 *
 * @example
 * ```ts
 * const report: Report = checkManifests('kind: Pod\nspec:\n  containers: [{ name: a }]\n', { semantics: 'kubernetes' })
 * const failed = report.errors.length > 0 || report.results.some((r) => r.violations.length > 0)
 * ```
 */
export interface Report {
  readonly semantics: Semantics
  readonly results: ReadonlyArray<ContainerResult>
  readonly errors: ReadonlyArray<ReportError>
  readonly warnings: ReadonlyArray<ReportWarning>
  readonly skipped: ReadonlyArray<ReportSkipped>
  /** Every declared exemption with how many items it marked; present when exemptions were given. */
  readonly exemptions?: ReadonlyArray<ExemptionSummary> | undefined
}
