/**
 * `checkManifests`: manifest text (or parsed objects) → the report `no-new-privs check --output json` prints (README: "Manifests").
 *
 * The pipeline is load → walk → decode → choose a policy → resolve, one document at a time. The
 * core is a generator of report entries (`checkEntries`), so a caller can stream a huge batch
 * without holding the whole report; `checkManifests` collects it.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import { isNonEmpty } from 'fp-ts/lib/ReadonlyArray.js'
import { compileDecoder } from '../codecs/compile.js'
import { annotationExemptions } from '../exemptions/carrier.js'
import { itemOf } from '../path.js'
import { createExemptions, problemEntry, type Exemptions } from '../exemptions/ledger.js'
import type { DecodeIssue } from '../codecs/issue.js'
import { PodSecurityPolicy } from '../codecs/podSecurityPolicy.js'
import { policiesExist, policyViolationsInto } from '../resolve/policyRules.js'
import { resolveNoNewPrivs } from '../resolve/resolve.js'
import type {
  Decision,
  DecisionWarning,
  KubernetesVersion,
  Origin,
  PodSecurityOptions,
  ResolveInput,
  ResolveOptions,
  Semantics,
  Violation,
} from '../resolve/types.js'
import type { LoadedDocument, LoadOptions, LoadResult } from '../read/document.js'
import { loadDocuments, loadValue } from '../read/yaml/load.js'
import { placeOf, type Placement } from './place.js'
import { byPolicyName, choosePolicyAmong, type PolicyCandidate } from '../inputs/policies.js'
import type {
  ContainerResult,
  ErrorCategory,
  Report,
  ReportError,
  ReportFinding,
  ReportSkipped,
  ReportViolation,
  ReportWarning,
} from './report.js'
import { walkItem, walkPods, type ContainerRef, type PodEntry, type RawObject, type WalkEntry, type WalkError } from '../pods/walk.js'
import { podInputsOf, type RunnableContainer } from '../inputs/podInputs.js'
import type { ReadNote, Unit } from '../read/unit.js'
import { readAllUnits } from '../read/units.js'
import { isListKind, kindTableOf, type KindTable, type PodSpecKind } from '../pods/kinds.js'
import { createNamespaceBook, type NamespaceBook } from '../inputs/namespaces.js'
import { attribution, levelFor, type ModeLevel } from '../inputs/namespaceLevels.js'
import { checkNamespace } from './namespaceEntries.js'
import { checkOptionsError } from './checkOptions.js'
import { isRecord, withoutNulls } from '../callerInput.js'

/**
 * One input: manifest text (JSON or YAML, one or many documents), or an already-parsed object.
 *
 * @example
 * ```ts
 * const sources: CheckSource[] = [
 *   { source: 'deploy.yaml', text: 'kind: Deployment\n…' },
 *   { source: 'api', value: { kind: 'Pod', spec: { containers: [{ name: 'a' }] } } },
 * ]
 * checkManifests(sources)
 * ```
 */
export type CheckSource =
  | { readonly source: string; readonly text: string }
  | { readonly source: string; readonly value: unknown }

/**
 * Options of `checkManifests`.
 *
 * @example
 * ```ts
 * const options: CheckOptions = {
 *   semantics: 'kubernetes',
 *   policies: [{ source: 'psp.yaml', text: policyYaml }],
 *   podSecurity: { level: 'restricted' },
 *   requireNoNewPrivs: true,
 *   strict: true,
 * }
 * checkManifests({ source: 'deploy.yaml', text }, options)
 * ```
 */
export interface CheckOptions {
  /** Default `'proposal'`. */
  readonly semantics?: Semantics | undefined
  /** PodSecurityPolicy documents to admit the pods with (chosen among as the admission plugin did). */
  readonly policies?: ReadonlyArray<CheckSource> | undefined
  /** Also check the Pod Security Standards' `restricted` level. */
  readonly podSecurity?: PodSecurityOptions | undefined
  /** The cluster's version for the `kubernetes` semantics (default `'latest'`: no PodSecurityPolicy). */
  readonly kubernetesVersion?: KubernetesVersion | undefined
  /**
   * The namespace of objects that name none (`metadata.namespace` absent), as `kubectl -n`
   * gives it; default `'default'`. It decides which Namespace of the input applies its
   * `pod-security.kubernetes.io/*` labels to them (README: "Namespaces: Pod Security levels from `pod-security.kubernetes.io` labels").
   */
  readonly namespace?: string | undefined
  /** A Linux container whose decision is `noNewPrivs: false` is a finding. */
  readonly requireNoNewPrivs?: boolean | undefined
  /** Unknown fields are errors, not warnings (kube-apiserver's `fieldValidation=Strict`). */
  readonly strict?: boolean | undefined
  /** Limits of the YAML reader. */
  readonly load?: LoadOptions | undefined
  /** Custom kinds that carry a pod, besides the built-in ones (Argo Rollout, OpenShift DeploymentConfig, Knative Service). */
  readonly podSpecKinds?: ReadonlyArray<PodSpecKind> | undefined
  /**
   * Exemptions files (README: "Exemptions"), or a stage from `createExemptions` shared by several calls (its
   * unused exemptions are then the caller's to report). Annotations are read in either case.
   */
  readonly exemptions?: ReadonlyArray<CheckSource> | Exemptions | undefined
}

/**
 * One line of a report, in input order.
 *
 * @example
 * ```ts
 * let resolved = 0
 * for (const entry of checkEntries({ source: 'all.yaml', text })) {
 *   const e: ReportEntry = entry
 *   if (e._tag === 'Result') resolved++
 *   else if (e._tag === 'Error') console.error(e.error.message)
 * }
 * ```
 */
export type ReportEntry =
  | { readonly _tag: 'Result'; readonly result: ContainerResult }
  | { readonly _tag: 'Error'; readonly error: ReportError }
  | { readonly _tag: 'Warning'; readonly warning: ReportWarning }
  | { readonly _tag: 'Skipped'; readonly skipped: ReportSkipped }

/**
 * The kind a skipped empty document is listed under, so every document is accounted for.
 *
 * @example
 * ```ts
 * import { checkManifests, EMPTY_DOCUMENT_KIND } from 'no-new-privs'
 * checkManifests('---\n---\n').skipped.every((s) => s.kind === EMPTY_DOCUMENT_KIND) // true
 * ```
 */
export const EMPTY_DOCUMENT_KIND = '(empty)'

interface Policy extends PolicyCandidate {
  readonly source: string
  readonly document: number
  /** Path of the policy object in its document (`''`, or `items[3]` inside a List). */
  readonly path: string
  /** Places in the policy's document, for the line of a violation of one of its fields. */
  readonly positionOf: LoadedDocument['positionOf']
  /** The policy object's own place: a violation of a field it does not write is shown there. */
  readonly place: { readonly line: number; readonly column: number | null }
}

interface Context {
  readonly semantics: Semantics
  readonly podSecurity: PodSecurityOptions | undefined
  readonly kubernetesVersion: KubernetesVersion | undefined
  readonly requireNoNewPrivs: boolean
  readonly strict: boolean
  readonly load: LoadOptions | undefined
  readonly policies: ReadonlyArray<Policy>
  readonly kinds: KindTable
  readonly exemptions: Exemptions | undefined
  /** The namespace of objects that name none. */
  readonly namespace: string
  /** The Namespaces seen so far in this check, whose labels apply to the pods that follow them. */
  readonly book: NamespaceBook
}

// Valid, warning-free objects (nearly all of a real batch) skip io-ts on a guard compiled from
// the same codecs; anything else is decoded by them and gets its issues (src/codecs/compile.ts).
const decodePolicyObject = compileDecoder(PodSecurityPolicy)

function isTextSource(s: CheckSource): s is { readonly source: string; readonly text: string } {
  return typeof (s as { text?: unknown }).text === 'string'
}

function loadSource(s: CheckSource, load: LoadOptions | undefined): ReadonlyArray<LoadResult> {
  return isTextSource(s) ? loadDocuments(s.text, s.source, load) : loadValue((s as { value: unknown }).value, s.source)
}

function joinPath(prefix: string, path: string): string {
  if (prefix === '') return path
  if (path === '') return prefix
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`
}


function errorOfLoad(doc: Extract<LoadResult, { _tag: 'Error' }>): ReportError {
  return { source: doc.source, document: doc.index, line: doc.line, column: doc.column, code: doc.code, message: doc.message, category: 'input' }
}

function placed(doc: LoadedDocument, path: string): { line: number; column: number | null } {
  const at = path === '' ? null : doc.positionOf(path)
  return at === null ? { line: doc.line, column: null } : at
}

function errorAt(doc: LoadedDocument, path: string, code: string, message: string, category: ErrorCategory = 'input'): ReportError {
  const { line, column } = placed(doc, path)
  return { source: doc.source, document: doc.index, line, column, path, code, message, category }
}

function warningAt(doc: LoadedDocument, path: string, code: string, message: string): ReportWarning {
  return { source: doc.source, document: doc.index, line: placed(doc, path).line, path, code, message }
}

function* issueEntries(doc: LoadedDocument, issues: ReadonlyArray<DecodeIssue>): Generator<ReportEntry> {
  for (const issue of issues) {
    if (issue.severity === 'error') yield { _tag: 'Error', error: errorAt(doc, issue.path, issue.code, issue.message) }
    else yield { _tag: 'Warning', warning: warningAt(doc, issue.path, issue.code, issue.message) }
  }
}

function* walkErrorEntries(doc: LoadedDocument, errors: ReadonlyArray<WalkError>): Generator<ReportEntry> {
  for (const e of errors) yield { _tag: 'Error', error: errorAt(doc, e.path, e.code, e.message) }
}

// ---------------------------------------------------------------------------------------------
// Policies

/**
 * Decode a PodSecurityPolicy found in a document; yields its problems, returns it when usable.
 */
function* decodePolicy(doc: LoadedDocument, path: string, raw: RawObject, ctx: Pick<Context, 'strict'>): Generator<ReportEntry, Policy | undefined> {
  const decoded = decodePolicyObject(raw, { path, strict: ctx.strict })
  if (E.isLeft(decoded)) {
    yield* issueEntries(doc, decoded.left)
    return undefined
  }
  yield* issueEntries(doc, decoded.right.warnings)
  const name = decoded.right.value.metadata?.name
  return {
    name: typeof name === 'string' ? name : '',
    policy: decoded.right.value,
    source: doc.source,
    document: doc.index,
    path,
    positionOf: doc.positionOf,
    place: placed(doc, path),
  }
}

/** Load the `--policy` sources: every PodSecurityPolicy in them, in name order, and their problems. */
function preparePolicies(sources: ReadonlyArray<CheckSource>, ctx: Pick<Context, 'strict' | 'load'>): { policies: Policy[]; entries: ReportEntry[] } {
  const policies: Policy[] = []
  const entries: ReportEntry[] = []
  const collect = (gen: Generator<ReportEntry, Policy | undefined>): Policy | undefined => {
    for (;;) {
      const step = gen.next()
      if (step.done === true) return step.value
      entries.push(step.value)
    }
  }
  for (const s of sources) {
    for (const doc of loadSource(s, ctx.load)) {
      if (doc._tag === 'Error') entries.push({ _tag: 'Error', error: errorOfLoad(doc) })
      if (doc._tag !== 'Document') continue
      const walk = walkPods(doc.value)
      if (walk.kind !== null && walk.kind !== 'PodSecurityPolicy' && !walk.kind.endsWith('List')) {
        entries.push({ _tag: 'Error', error: errorAt(doc, '', 'not-a-policy', `a policy file holds only PodSecurityPolicy objects; this is a ${walk.kind}`) })
        continue
      }
      for (const entry of walk.entries) {
        if (entry._tag === 'Policy') {
          const policy = collect(decodePolicy(doc, entry.path, entry.policy, ctx))
          if (policy !== undefined) policies.push(policy)
        } else if (entry._tag === 'WalkError') {
          entries.push({ _tag: 'Error', error: errorAt(doc, entry.path, entry.code, entry.message) })
        } else {
          entries.push({
            _tag: 'Error',
            error: errorAt(doc, entry.path, 'not-a-policy', `a policy file holds only PodSecurityPolicy objects; this is a ${entry.kind}`),
          })
        }
      }
    }
  }
  policies.sort(byPolicyName)
  return { policies, entries }
}

// ---------------------------------------------------------------------------------------------
// Pods

/** Where a container is: what its violations and findings fall back on when their field is not written. */
interface ContainerPlace {
  readonly doc: LoadedDocument
  readonly pod: PodEntry
  readonly ref: ContainerRef
  readonly place: { readonly line: number; readonly column: number | null }
}

/**
 * Fields that stand in for a violation's own when that is not written: a `false` setting that
 * came from a policy's default is shown at the `privileged: true` (or the capability) it
 * contradicts, which the author did write.
 */
const STAND_INS: Partial<Record<Violation['code'], string>> = {
  'privileged-without-escalation': 'securityContext.privileged',
}

/** A path the resolver gives relative to the container or to its pod spec, from the document root. */
function rootPath(target: 'container' | 'pod', path: string, at: ContainerPlace): string {
  return joinPath(target === 'pod' ? at.pod.specPath : at.ref.path, path)
}

function violationOf(v: Violation, at: ContainerPlace, policy: Policy | undefined): ReportViolation {
  if (v.target === 'policy' && policy !== undefined) {
    const path = joinPath(policy.path, v.path)
    return {
      code: v.code,
      path,
      message: v.message,
      policy: { source: policy.source, document: policy.document, name: policy.name },
      ...placeOf(policy.positionOf, [path], policy.place, 'policy'),
    }
  }
  const path = rootPath(v.target === 'pod' ? 'pod' : 'container', v.path, at)
  const standIn = v.target === 'container' ? STAND_INS[v.code] : undefined
  const fields = standIn === undefined ? [path] : [path, joinPath(at.ref.path, standIn)]
  return { code: v.code, path, message: v.message, ...placeOf(at.doc.positionOf, fields, at.place, 'container') }
}

/**
 * The origin that made a decision `noNewPrivs: false`: what a finding points at. Under the design
 * a `true` row or a privileged column decides; otherwise the row (usually unset: the container
 * is the place, since the fix is a field to add).
 */
function decidingOrigin(decision: Decision): Origin {
  if (decision.semantics === 'proposal' && decision.applicable) {
    if (decision.row !== 'true' && decision.column === 'privileged') return decision.columnFrom
    return decision.rowFrom
  }
  return decision.from
}

function findingPlace(decision: Decision, at: ContainerPlace): Placement {
  const origin = decidingOrigin(decision)
  // A policy's default is not written in this source: the container is where to fix it.
  if (origin.path === null || (origin.target !== 'container' && origin.target !== 'pod')) return { ...at.place, located: 'container' }
  const field = rootPath(origin.target, origin.path, at)
  const place = placeOf(at.doc.positionOf, [field], at.place, 'container')
  return place.located === 'field' ? { ...place, field } : place
}

function findingOf(decision: Decision, at: ContainerPlace): ReportFinding | undefined {
  const container = at.ref
  if (!decision.applicable || decision.noNewPrivs) return undefined
  const who = container.name === null ? 'the container' : `container "${container.name}"`
  let why: string
  switch (decision.semantics) {
    case 'proposal':
      why = `allowPrivilegeEscalation is ${decision.row} and the process runs as ${decision.column}`
      break
    case 'kubernetes':
      why = `allowPrivilegeEscalation is ${decision.setting === null ? 'unset' : String(decision.setting)} after admission`
      break
    default:
      why = 'noNewPrivileges is not true'
  }
  return { code: 'no-new-privs-required', path: container.path, message: `${who} runs without no_new_privs: ${why}`, ...findingPlace(decision, at) }
}

function* checkPod(doc: LoadedDocument, pod: PodEntry, ctx: Context, base: string): Generator<ReportEntry> {
  const { issues, blocked, runnable } = podInputsOf(pod, ctx.strict)
  yield* issueEntries(doc, issues)

  const local = ctx.exemptions === undefined ? undefined : annotationExemptions(doc, pod.path, base)
  if (local !== undefined) {
    for (const p of local.problems) yield problemEntry(p)
    ctx.exemptions?.declare(local.exemptions)
  }

  if (pod.containers.length === 0) {
    // The API server rejects a pod without containers; every document must be accounted for in results,
    // skipped or errors, so this is an error of the document, not a warning.
    yield {
      _tag: 'Error',
      error: errorAt(doc, joinPath(pod.specPath, 'containers'), 'no-containers', 'Required value: a pod needs at least one container (the API server rejects it); nothing to resolve'),
    }
    return
  }
  if (blocked) return

  // The Pod Security levels of the pod's namespace (its Namespace's labels over the defaults).
  const namespace = pod.namespace ?? ctx.namespace
  const labels = ctx.book.labelsOf(namespace)
  ctx.book.podChecked(namespace)
  const enforce = levelFor('enforce', namespace, labels, ctx.podSecurity, ctx.kubernetesVersion)
  const warn = levelFor('warn', namespace, labels, undefined, ctx.kubernetesVersion)
  const audit = levelFor('audit', namespace, labels, undefined, ctx.kubernetesVersion)
  const options = (podSecurity: PodSecurityOptions | undefined): ResolveOptions => ({
    semantics: ctx.semantics,
    ...(podSecurity === undefined ? {} : { podSecurity }),
    ...(ctx.kubernetesVersion === undefined ? {} : { kubernetesVersion: ctx.kubernetesVersion }),
  })
  const admission = options(undefined)
  const inputs = runnable.map((r) => r.input)

  // From v1.25 (kubernetes semantics) there is no PodSecurityPolicy admission to choose by.
  const policiesApply = policiesExist(ctx.semantics, ctx.kubernetesVersion)
  const candidates = ctx.policies
  const choice = isNonEmpty(candidates) && policiesApply ? choosePolicyAmong(inputs, candidates, admission) : undefined
  const policy = choice?.candidate
  // No policy applies from v1.25, but the results still say why the given ones played no part:
  // resolution answers a given policy there with its policy-not-applied warning.
  const given = policy?.policy ?? (policiesApply ? undefined : ctx.policies[0]?.policy)
  const admit = (input: ResolveInput): ResolveInput => (given === undefined ? input : { ...input, policy: given })
  // The policy a decision's policy warning is about: the chosen one, or the one that played no part.
  const shownPolicy = policy ?? (policiesApply ? undefined : ctx.policies[0])
  // The policy was chosen by resolving every container under it: without an enforced level those are the answers.
  const resolvedAll =
    choice !== undefined && enforce.options === undefined ? choice.resolved : inputs.map((input) => resolveNoNewPrivs(admit(input), options(enforce.options)))
  // PSA adds no warnings to a pod its enforce level rejects; audit is recorded either way.
  const rejected = enforce.options !== undefined && resolvedAll.some((r) => E.isLeft(r) && r.left.some(isRestricted))

  for (let i = 0; i < runnable.length; i++) {
    const { ref, input, image } = runnable[i] as RunnableContainer
    const resolved = resolvedAll[i] as (typeof resolvedAll)[number]
    const at: ContainerPlace = { doc, pod, ref, place: placed(doc, ref.path) }
    const violations = E.isLeft(resolved) ? resolved.left.map((v) => attributed(violationOf(v, at, policy), v, enforce)) : []
    const finding = E.isRight(resolved) && ctx.requireNoNewPrivs ? findingOf(resolved.right, at) : undefined
    const findings: ReportFinding[] = finding === undefined ? [] : [finding]
    for (const level of rejected ? [audit] : [warn, audit]) {
      if (level.options === undefined || level.source === undefined) continue
      const checked = resolveNoNewPrivs(admit(input), options(level.options))
      if (E.isRight(checked)) continue
      for (const v of checked.left) {
        if (!isRestricted(v)) continue
        // The finding points where the violation would: the container's field (or the container).
        const { code: _code, message: _message, ...where } = violationOf(v, at, policy)
        findings.push({ ...where, code: 'restricted-requires-no-escalation', message: `${v.message}: ${attribution(level.source)}`, podSecurity: level.source })
      }
    }
    const result: ContainerResult = {
      source: doc.source,
      document: doc.index,
      line: at.place.line,
      kind: pod.kind,
      namespace: pod.namespace,
      name: pod.name,
      container: ref.name,
      containerType: ref.containerType,
      path: ref.path,
      noNewPrivs: E.isRight(resolved) ? resolved.right.noNewPrivs : null,
      violations,
      findings,
      reason: E.isRight(resolved) ? resolved.right : null,
      warnings: E.isRight(resolved) ? resolved.right.warnings.map((w) => placedWarning(w, at, shownPolicy)) : NO_WARNINGS,
      policy: policy === undefined ? null : policy.name,
    }
    yield {
      _tag: 'Result',
      result: ctx.exemptions === undefined ? result : ctx.exemptions.apply(result, { image, local: local?.exemptions ?? [] }),
    }
  }
}

const NO_WARNINGS: ReadonlyArray<ReportWarning> = Object.freeze([])

/**
 * A decision's warning at its full path and line: the resolver's paths are relative to the
 * container, the pod spec or the policy, and only this stage knows where those are.
 */
function placedWarning(w: DecisionWarning, at: ContainerPlace, policy: Policy | undefined): ReportWarning {
  if (w.target === 'policy' && policy !== undefined) {
    const path = joinPath(policy.path, w.path)
    const { line } = placeOf(policy.positionOf, [path], policy.place, 'policy')
    return { source: policy.source, document: policy.document, line, path, code: w.code, message: w.message }
  }
  // A policy's warning without the policy (not expected: one is given whenever it warns) stays at the container.
  const path = w.target === 'policy' ? at.ref.path : rootPath(w.target, w.path, at)
  const { line } = placeOf(at.doc.positionOf, [path], at.place, 'container')
  return { source: at.doc.source, document: at.doc.index, line, path, code: w.code, message: w.message }
}

function isRestricted(v: Violation): boolean {
  return v.code === 'restricted-requires-no-escalation'
}

/** A `restricted` violation of a level a Namespace label set names the namespace and the label. */
function attributed(out: ReportViolation, v: Violation, enforce: ModeLevel): ReportViolation {
  if (!isRestricted(v) || enforce.source === undefined) return out
  return { ...out, message: `${out.message}: ${attribution(enforce.source)}`, podSecurity: enforce.source }
}

function* checkDocument(doc: LoadResult, ctx: Context): Generator<ReportEntry> {
  if (doc._tag === 'Error') {
    yield { _tag: 'Error', error: errorOfLoad(doc) }
    return
  }
  if (doc._tag === 'Empty') {
    yield { _tag: 'Skipped', skipped: { source: doc.source, document: doc.index, kind: EMPTY_DOCUMENT_KIND } }
    return
  }
  yield* loadWarningEntries(doc, ctx)
  const walk = walkPods(doc.value, { kinds: ctx.kinds })
  const entries = walk.entries
  if (entries.length === 0) {
    // An empty List: nothing in it, but the document is still accounted for.
    yield { _tag: 'Skipped', skipped: { source: doc.source, document: doc.index, kind: walk.kind ?? EMPTY_DOCUMENT_KIND } }
    return
  }
  yield* checkWalked(doc, entries, ctx)
}

/** The entries of what the walk found in a document (or in one item of a List). */
function* checkWalked(doc: LoadedDocument, entries: ReadonlyArray<WalkEntry>, ctx: Context, base = ''): Generator<ReportEntry> {
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as (typeof entries)[number]
    switch (entry._tag) {
      case 'Pod':
        yield* walkErrorEntries(doc, entry.errors)
        yield* checkPod(doc, entry, ctx, base)
        break
      case 'Policy': {
        // A PodSecurityPolicy in the checked input is checked as an object of its own: the API
        // server would refuse an invalid one. It admits nothing here (use `policies` for that).
        const policy = yield* decodePolicy(doc, entry.path, entry.policy, ctx)
        if (policy === undefined) break
        const own: Violation[] = []
        policyViolationsInto(policy.policy, ctx.semantics, own, ctx.kubernetesVersion)
        for (const v of own) yield { _tag: 'Error', error: errorAt(doc, joinPath(entry.path, v.path), v.code, v.message, 'violation') }
        if (own.length === 0) yield { _tag: 'Skipped', skipped: { source: doc.source, document: doc.index, kind: 'PodSecurityPolicy' } }
        break
      }
      case 'Namespace':
        yield* checkNamespace(doc, entry, ctx)
        break
      case 'Skipped':
        yield { _tag: 'Skipped', skipped: { source: doc.source, document: doc.index, kind: entry.kind } }
        break
      case 'WalkError':
        yield { _tag: 'Error', error: errorAt(doc, entry.path, entry.code, entry.message) }
        break
    }
  }
}

/**
 * The YAML reader's warnings of a document. A duplicate key is kubectl's silent "last one wins"
 * (kubectl keeps the last one without a word): a warning, or with strict an error, like an unknown field.
 */
function* loadWarningEntries(doc: LoadedDocument, ctx: Context): Generator<ReportEntry> {
  for (const w of doc.warnings) {
    const path = w.path ?? ''
    if (ctx.strict && w.code === 'duplicate-key')
      yield { _tag: 'Error', error: { source: doc.source, document: doc.index, line: w.line, column: w.column, path, code: w.code, message: w.message, category: 'input' } }
    else yield { _tag: 'Warning', warning: { source: doc.source, document: doc.index, line: w.line, path, code: w.code, message: w.message } }
  }
}

/** A note of the reader: a warning, or with strict an error, like an unknown field. */
function* noteEntries(source: string, document: number, notes: ReadonlyArray<ReadNote>, ctx: Context): Generator<ReportEntry> {
  for (const n of notes) {
    if (ctx.strict) yield { _tag: 'Error', error: { source, document, line: n.line, column: n.column, path: n.path, code: n.code, message: n.message, category: 'input' } }
    else yield { _tag: 'Warning', warning: { source, document, line: n.line, path: n.path, code: n.code, message: n.message } }
  }
}

/** The entries of one unit of the read stage. */
function* checkUnit(unit: Unit, ctx: Context): Generator<ReportEntry> {
  switch (unit._tag) {
    case 'Whole':
      if (unit.doc._tag === 'Document' || unit.doc._tag === 'Empty') yield* noteEntries(unit.doc.source, unit.doc.index, unit.notes, ctx)
      yield* guarded(unit.doc, ctx)
      return
    case 'Item': {
      const doc = unit.doc
      yield* noteEntries(doc.source, doc.index, unit.notes, ctx)
      try {
        yield* loadWarningEntries(doc, ctx)
        // doc.value is the item itself: its annotation is read from there (base items[N]).
        yield* checkWalked(doc, walkItem(doc.value, unit.item, unit.listKind, { kinds: ctx.kinds }, unit.listApiVersion), ctx, itemOf('items', unit.item))
      } catch (thrown) {
        yield { _tag: 'Error', error: unreadable(doc, thrown) }
      }
      return
    }
    case 'ListEnd': {
      yield* noteEntries(unit.source, unit.index, unit.notes, ctx)
      const kind = unit.kind
      if (unit.provisional && !(typeof kind === 'string' && isListKind(kind))) {
        yield {
          _tag: 'Error',
          error: {
            source: unit.source,
            document: unit.index,
            line: unit.line,
            column: null,
            code: 'list-not-a-list',
            message: `the items of this document were checked as a List's as they arrived (its kind came after more items than are held: 16 MiB of JSON, 1 MiB of YAML), but its kind is ${JSON.stringify(kind) ?? 'missing'}, not a List: put kind first, or split the document`,
            category: 'input',
          },
        }
        return
      }
      if (unit.items === 0) yield { _tag: 'Skipped', skipped: { source: unit.source, document: unit.index, kind: typeof kind === 'string' ? kind : EMPTY_DOCUMENT_KIND } }
      return
    }
    case 'Problem':
      yield {
        _tag: 'Error',
        error: { source: unit.source, document: unit.index, line: unit.line, column: unit.column, code: unit.code, message: unit.message, category: 'input' },
      }
      return
  }
}

function unreadable(doc: { readonly source: string; readonly index: number; readonly line: number }, thrown: unknown): ReportError {
  const reason = thrown instanceof Error ? thrown.message : String(thrown)
  return { source: doc.source, document: doc.index, line: doc.line, column: null, code: 'unreadable-document', message: `the document could not be checked: ${reason}`, category: 'input' }
}

function contextOf(options: CheckOptions | undefined, policies: ReadonlyArray<Policy>, exemptions: Exemptions | undefined): Context {
  return {
    exemptions,
    semantics: options?.semantics ?? 'proposal',
    podSecurity: options?.podSecurity,
    kubernetesVersion: options?.kubernetesVersion,
    requireNoNewPrivs: options?.requireNoNewPrivs === true,
    strict: options?.strict === true,
    load: options?.load,
    policies,
    kinds: kindTableOf(options?.podSpecKinds),
    namespace: typeof options?.namespace === 'string' && options.namespace !== '' ? options.namespace : 'default',
    book: createNamespaceBook(),
  }
}

/** One thing a caller passed: a source to check, or why it is not one. */
type Given = { readonly _tag: 'Source'; readonly source: CheckSource } | { readonly _tag: 'Invalid'; readonly error: ReportError }

const INPUT = '<input>'

function invalid(source: string, message: string): Given {
  return { _tag: 'Invalid', error: { source, document: null, line: null, column: null, code: 'invalid-input', message, category: 'input' } }
}

/**
 * What one value a caller passed stands for. Plain-JS callers pass anything: text is a source,
 * a `{ source, text }` or `{ source, value }` is one, a malformed one is said to be, and any
 * other object is a parsed manifest (`checkManifests(pod)`, `checkManifests([pod1, pod2])`).
 */
function givenOf(value: unknown, name: string): Given {
  if (typeof value === 'string') return { _tag: 'Source', source: { source: name, text: value } }
  if (value === undefined || value === null) return invalid(name, `checkManifests: got ${String(value)}, expected manifest text, a parsed object, { source, text }, { source, value }, or an array of them`)
  if (isRecord(value) && ('source' in value || 'text' in value)) {
    if (isCheckSource(value)) return { _tag: 'Source', source: value }
    return invalid(
      typeof value.source === 'string' ? value.source : name,
      `checkManifests: ${name} looks like a source but is not one: expected { source: string, text: string } or { source: string, value }`,
    )
  }
  return { _tag: 'Source', source: { source: name, value } }
}

/** Every source of the input, or an error entry for what is not one; never throws. */
function* sourcesOf(input: unknown): Generator<Given> {
  if (typeof input === 'string' || !isIterable(input) || isCheckSource(input)) {
    yield givenOf(input, INPUT)
    return
  }
  let i = 0
  try {
    for (const element of input) {
      yield givenOf(element, `${INPUT}[${i}]`)
      i++
    }
  } catch (thrown) {
    yield invalid(`${INPUT}[${i}]`, `checkManifests: the input could not be iterated: ${thrown instanceof Error ? thrown.message : String(thrown)}`)
  }
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function'
}

function isCheckSource(input: unknown): input is CheckSource {
  return isRecord(input) && typeof input.source === 'string' && (typeof input.text === 'string' || ('value' in input && !('text' in input)))
}

/**
 * The report as a stream of entries, in input order: a source's documents one after another, a
 * document's entries in document order. The policies (if any) are read first, their problems
 * yielded before everything else. Never throws for any input.
 *
 * @example
 * ```ts
 * import { checkEntries } from 'no-new-privs'
 * for (const entry of checkEntries([{ source: 'pod.yaml', text }])) {
 *   if (entry._tag === 'Result') console.log(entry.result.container, entry.result.noNewPrivs)
 * }
 * ```
 * @public
 */
export function* checkEntries(input: string | CheckSource | Iterable<CheckSource>, raw?: CheckOptions): Generator<ReportEntry> {
  // Options a plain-JavaScript caller got wrong: the one error, and nothing checked with guesses.
  const bad = checkOptionsError(raw)
  if (bad !== undefined) {
    yield { _tag: 'Error', error: bad }
    return
  }
  const options = usableOptions(raw)
  yield* checkedEntries(input, options, prepareCheck(options))
}

/** The entries of `checkEntries` for options known to be well-typed, with the check prepared (checkManifests reads its stage's summary after). */
function* checkedEntries(input: string | CheckSource | Iterable<CheckSource>, options: CheckOptions | undefined, prepared: PreparedCheck): Generator<ReportEntry> {
  yield* prepared.entries
  for (const given of sourcesOf(input)) {
    if (given._tag === 'Invalid') {
      yield { _tag: 'Error', error: given.error }
      continue
    }
    const s = given.source
    if (isTextSource(s)) for (const unit of readAllUnits(s.text, s.source, options?.load)) yield* prepared.checkUnit(unit)
    else for (const doc of loadValue((s as { value: unknown }).value, s.source)) yield* prepared.check(doc)
  }
  yield* prepared.finish()
}

/**
 * A check with its policies read: their problems, and the check of one loaded document.
 *
 * @example
 * ```ts
 * const prepared: PreparedCheck = prepareCheck({ semantics: 'kubernetes' })
 * for (const doc of loadDocuments(text, 'pods.yaml')) for (const entry of prepared.check(doc)) console.log(entry._tag)
 * ```
 */
export interface PreparedCheck {
  /** The policies' problems, to report before anything else. */
  readonly entries: ReadonlyArray<ReportEntry>
  /** The entries of one document, as `checkEntries` gives them; never throws. */
  readonly check: (doc: LoadResult) => Generator<ReportEntry>
  /** The entries of one unit of the read stage (src/read/units.ts); never throws. */
  readonly checkUnit: (unit: Unit) => Generator<ReportEntry>
  /** The exemption stage, when `options.exemptions` was given. */
  readonly exemptions?: Exemptions | undefined
  /** Whether the stage was made from `options.exemptions` sources here (its unused ones are this check's to report). */
  readonly ownsExemptions?: boolean
  /**
   * The entries after every source: the `unused-exemption` warnings when the stage is this
   * check's own (made from `options.exemptions` files); nothing for a shared stage, whose owner
   * judges it after all of its calls. The one place that decides what finishing a check means.
   */
  readonly finish: () => ReadonlyArray<ReportEntry>
  /**
   * The same check with its own record of the Namespaces seen (their labels apply to the pods that follow them): for a caller that
   * checks several inputs apart (a worker thread, one file at a time) and starts each from what
   * came before it. `check` and `checkUnit` above share one record over all their calls.
   */
  readonly withNamespaces: (book: NamespaceBook) => Pick<PreparedCheck, 'check' | 'checkUnit'>
}

/**
 * Reads the policies of `options` once, for callers that load documents themselves (the
 * streaming reader, worker threads): `checkEntries` is `prepared.entries`, then `prepared.check`
 * of every document of every source.
 *
 * @example
 * ```ts
 * const prepared = prepareCheck({ semantics: 'kubernetes' })
 * for (const doc of loadDocuments(text, 'pods.yaml')) for (const entry of prepared.check(doc)) count(entry)
 * ```
 */
export function prepareCheck(raw?: CheckOptions): PreparedCheck {
  const bad = checkOptionsError(raw)
  if (bad !== undefined) return { entries: [{ _tag: 'Error', error: bad }], check: nothing, checkUnit: nothing, exemptions: undefined, ownsExemptions: false, finish: () => [], withNamespaces: () => ({ check: nothing, checkUnit: nothing }) }
  const options = usableOptions(raw)
  const prepared = preparePolicies(options?.policies ?? [], { strict: options?.strict === true, load: options?.load })
  const given = options?.exemptions
  const owns = given !== undefined && isExemptionSources(given)
  const exemptions = given === undefined ? undefined : owns ? createExemptions(given.map(textOf)) : given
  const entries = owns && exemptions !== undefined ? [...exemptions.problems.map(problemEntry), ...prepared.entries] : prepared.entries
  const ctx = contextOf(options, prepared.policies, exemptions)
  const withNamespaces = (book: NamespaceBook): Pick<PreparedCheck, 'check' | 'checkUnit'> => {
    const own: Context = { ...ctx, book }
    return { check: (doc) => guarded(doc, own), checkUnit: (unit) => checkUnit(unit, own) }
  }
  const finish = (): ReadonlyArray<ReportEntry> => (owns && exemptions !== undefined ? exemptions.unused().map(problemEntry) : [])
  return { entries, check: (doc) => guarded(doc, ctx), checkUnit: (unit) => checkUnit(unit, ctx), exemptions, ownsExemptions: owns, finish, withNamespaces }
}

// eslint-disable-next-line require-yield -- a check that was refused checks nothing
function* nothing(): Generator<ReportEntry> {}

/** Options known to be well-typed, with `null` fields read as absent. */
function usableOptions(given: CheckOptions | null | undefined): CheckOptions | undefined {
  return given === undefined || given === null ? undefined : withoutNulls(given)
}

function isExemptionSources(given: ReadonlyArray<CheckSource> | Exemptions): given is ReadonlyArray<CheckSource> {
  return Array.isArray(given)
}

/** An exemptions file given as a parsed value is read back through JSON, which YAML reads too. */
function textOf(s: CheckSource): { source: string; text: string } {
  return isTextSource(s) ? s : { source: s.source, text: JSON.stringify((s as { value: unknown }).value) ?? '' }
}

/**
 * `checkDocument`, with a last line of defence: should anything throw on a hostile value (a
 * Proxy, a throwing getter in a parsed object), it becomes this document's error and the
 * other documents go on.
 */
function* guarded(doc: LoadResult, ctx: Context): Generator<ReportEntry> {
  try {
    yield* checkDocument(doc, ctx)
  } catch (thrown) {
    yield { _tag: 'Error', error: unreadable(doc, thrown) }
  }
}

/**
 * Check manifests: every container of every pod of every document, with the decision, the
 * violations and full paths from the document root (README: "Manifests"). `input` is manifest text, one source
 * (`{ source, text }` or `{ source, value }` for a parsed object), or several. Never throws:
 * every document of the input is accounted for in `results`, `skipped` or `errors`.
 *
 * @example
 * ```ts
 * import { checkManifests } from 'no-new-privs'
 *
 * const report = checkManifests(`
 * apiVersion: apps/v1
 * kind: Deployment
 * metadata: { name: web }
 * spec:
 *   template:
 *     spec:
 *       containers:
 *       - name: app
 *         securityContext: { runAsUser: 1000, allowPrivilegeEscalation: false }
 * `)
 * report.results[0].path       // 'spec.template.spec.containers[0]'
 * report.results[0].noNewPrivs // true
 * ```
 * @public
 */
export function checkManifests(input: string | CheckSource | ReadonlyArray<CheckSource>, raw?: CheckOptions): Report {
  const results: ContainerResult[] = []
  const errors: ReportError[] = []
  const warnings: ReportWarning[] = []
  const skipped: ReportSkipped[] = []
  const bad = checkOptionsError(raw)
  if (bad !== undefined) return { semantics: 'proposal', results, errors: [bad], warnings, skipped }
  const options = usableOptions(raw)
  const prepared = prepareCheck(options)
  for (const entry of checkedEntries(input, options, prepared)) {
    switch (entry._tag) {
      case 'Result':
        results.push(entry.result)
        break
      case 'Error':
        errors.push(entry.error)
        break
      case 'Warning':
        warnings.push(entry.warning)
        break
      case 'Skipped':
        skipped.push(entry.skipped)
        break
    }
  }
  const base = { semantics: options?.semantics ?? 'proposal', results, errors, warnings, skipped }
  return prepared.exemptions === undefined ? base : { ...base, exemptions: prepared.exemptions.summary() }
}
