/**
 * Exemptions (README: "Exemptions"): what one declares, where it was declared, and the mark an exempted
 * violation or finding carries in the report.
 *
 * @packageDocumentation
 */

/**
 * Where an exemption was declared: an annotation on the object that carries the pod, or an entry
 * of an exemptions file. Kept on every mark so a reader can find (and question) the exemption.
 *
 * @example
 * ```ts
 * const at: ExemptionOrigin = { kind: 'file', source: 'exemptions.yaml', document: 0, line: 4, path: 'exemptions[0]' }
 * ```
 */
export interface ExemptionOrigin {
  readonly kind: 'annotation' | 'file'
  readonly source: string
  readonly document: number
  /** 1-based line of the declaration, when known. */
  readonly line: number | null
  /** Field path of the declaration in its document: `metadata.annotations[no-new-privs.io/exempt]`, `exemptions[2]`. */
  readonly path: string
}

/**
 * One exemption. Every field but `rules` and `reason` narrows what it matches; an absent field
 * matches anything.
 *
 * @example
 * ```ts
 * const e: Exemption = { rules: ['privileged-without-escalation'], containers: ['agent'], image: 'registry.example/agent:*', reason: 'needs host access', origin }
 * ```
 */
export interface Exemption {
  readonly rules: ReadonlyArray<string>
  readonly namespace?: string | undefined
  readonly kind?: string | undefined
  readonly name?: string | undefined
  /** Container names; any container when absent. */
  readonly containers?: ReadonlyArray<string> | undefined
  /** Image pattern: `*` stands for any run of characters, everything else is literal. */
  readonly image?: string | undefined
  readonly reason: string
  readonly origin: ExemptionOrigin
}

/**
 * The mark of an exempted violation or finding: it is still reported, with why and by what.
 *
 * @example
 * ```ts
 * report.results[0]?.violations[0]?.exempted?.reason // 'needs host access'
 * ```
 */
export interface ExemptionMark {
  readonly reason: string
  readonly source: ExemptionOrigin
}

/**
 * What a container is matched on.
 *
 * @example
 * ```ts
 * const target: ExemptionTarget = { namespace: 'prod', kind: 'Deployment', name: 'web', container: 'app', image: 'nginx:1.27' }
 * ```
 */
export interface ExemptionTarget {
  readonly namespace: string | null
  readonly kind: string
  readonly name: string | null
  readonly container: string | null
  readonly image: string | null
}

/**
 * One declared exemption as the JSON report lists it, with how many items it exempted.
 *
 * @example
 * ```ts
 * report.exemptions?.filter((e) => e.exempted === 0) // declared but unused
 * ```
 */
export interface ExemptionSummary {
  readonly rules: ReadonlyArray<string>
  readonly namespace?: string | undefined
  readonly kind?: string | undefined
  readonly name?: string | undefined
  readonly containers?: ReadonlyArray<string> | undefined
  readonly image?: string | undefined
  readonly reason: string
  readonly source: ExemptionOrigin
  /** How many violations and findings it marked. */
  readonly exempted: number
}

/** The annotation on the object that carries the pod. */
export const EXEMPT_ANNOTATION = 'no-new-privs.io/exempt'
