/**
 * The report `checkManifests` returns and `no-new-privs check --output json` prints (SPEC §10).
 *
 * @packageDocumentation
 */
import type { Decision, Semantics, ViolationCode } from '../resolve/types.js'

/** The field a container sits in. */
export type ContainerType = 'initContainers' | 'containers' | 'ephemeralContainers'

/** A violation with its full path from the document root. */
export interface ReportViolation {
  readonly code: ViolationCode
  /** API-server style, from the document root: `spec.template.spec.containers[1].securityContext.allowPrivilegeEscalation`. */
  readonly path: string
  readonly message: string
  /** Set when the path is inside a PodSecurityPolicy document rather than the workload. */
  readonly policy?: { readonly source: string; readonly document: number; readonly name: string } | undefined
}

/** `--require-no-new-privs`: a Linux container whose decision is `noNewPrivs: false`. */
export interface ReportFinding {
  readonly code: 'no-new-privs-required'
  readonly path: string
  readonly message: string
}

/** One container of one pod of one document. */
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
  /** The PodSecurityPolicy that admitted (or, when none did, rejected) the pod, if policies were given. */
  readonly policy: string | null
}

/** Input that could not be read or decoded. */
export interface ReportError {
  readonly source: string
  readonly document: number | null
  readonly line: number | null
  readonly column: number | null
  /** Field path when the error is about a field, from the document root. */
  readonly path?: string | undefined
  readonly code: string
  readonly message: string
}

/** Something worth fixing that does not stop resolution (e.g. an unknown field). */
export interface ReportWarning {
  readonly source: string
  readonly document: number
  readonly line?: number | null | undefined
  readonly path: string
  readonly code: string
  readonly message: string
}

/** A document whose kind carries no pod. Counted, never an error. */
export interface ReportSkipped {
  readonly source: string
  readonly document: number
  readonly kind: string
}

/** The whole answer for one or many sources. */
export interface Report {
  readonly semantics: Semantics
  readonly results: ReadonlyArray<ContainerResult>
  readonly errors: ReadonlyArray<ReportError>
  readonly warnings: ReadonlyArray<ReportWarning>
  readonly skipped: ReadonlyArray<ReportSkipped>
}
