/**
 * A Namespace document of the checked input: its pod-security labels go into the check's book
 * for the pods that follow, and its problems become entries (README: "Namespaces: Pod Security levels from `pod-security.kubernetes.io` labels").
 *
 * @packageDocumentation
 */
import type { ReportEntry } from './check.js'
import type { LoadedDocument } from '../read/document.js'
import { fieldOf } from '../path.js'
import type { NamespaceBook } from '../inputs/namespaces.js'
import { hasPodSecurityLabels, labelOf, podSecurityLabelsOf, POD_SECURITY_LABEL_PREFIX, type NamespaceLabels } from '../inputs/podSecurityLabels.js'
import type { PodSecurityOptions } from '../resolve/types.js'
import type { NamespaceEntry } from '../pods/walk.js'
import { isRecord } from '../callerInput.js'

/** What a Namespace document needs of the check. */
export interface NamespaceCheck {
  readonly book: NamespaceBook
  /** The cluster-wide `enforce` level, to say when a label relaxes it. */
  readonly podSecurity: PodSecurityOptions | undefined
}

/** API-server style path of a label: `metadata.labels[pod-security.kubernetes.io/enforce]`. */
function labelPath(base: string, label: string): string {
  return `${fieldOf(base, 'metadata.labels')}[${label}]`
}

function lineOf(doc: LoadedDocument, path: string): { line: number; column: number | null } {
  const at = path === '' ? null : doc.positionOf(path)
  return at ?? { line: doc.line, column: null }
}

function error(doc: LoadedDocument, path: string, code: string, message: string): ReportEntry {
  const at = lineOf(doc, path)
  return { _tag: 'Error', error: { source: doc.source, document: doc.index, line: at.line, column: at.column, path, code, message, category: 'input' } }
}

function warning(doc: LoadedDocument, path: string, code: string, message: string): ReportEntry {
  return { _tag: 'Warning', warning: { source: doc.source, document: doc.index, line: lineOf(doc, path).line, path, code, message } }
}

function shown(labels: NamespaceLabels): string {
  const parts: string[] = []
  for (const mode of ['enforce', 'warn', 'audit'] as const) {
    const m = labels[mode]
    if (m.level !== undefined) parts.push(`${labelOf(mode, 'level')}=${m.level}`)
    if (m.version !== undefined) parts.push(`${labelOf(mode, 'version')}=${m.version}`)
  }
  return parts.join(', ')
}

/**
 * The entries of one Namespace document (or List item), after recording its labels in the book.
 * A Namespace is still a kind without pods: it is listed in `skipped` unless the API server would
 * refuse it (a label value PSA does not accept), which is an error of the document.
 *
 * @example
 * ```ts
 * for (const entry of checkNamespace(doc, namespaceEntry, { book, podSecurity: undefined })) console.log(entry._tag)
 * ```
 */
export function* checkNamespace(doc: LoadedDocument, entry: NamespaceEntry, ctx: NamespaceCheck): Generator<ReportEntry> {
  const metadata = entry.object['metadata']
  const given = isRecord(metadata) ? metadata['labels'] : undefined
  const strings: Record<string, string> = {}
  let refused = false
  if (isRecord(given)) {
    for (const [label, value] of Object.entries(given)) {
      if (!label.startsWith(POD_SECURITY_LABEL_PREFIX)) continue
      if (typeof value === 'string') strings[label] = value
      else {
        // kubectl cannot decode a label that is not a string: the Namespace never reaches the cluster.
        refused = true
        yield error(doc, labelPath(entry.path, label), 'wrong-type', `expected a string label value at ${labelPath(entry.path, label)}, got ${JSON.stringify(value) ?? typeof value}`)
      }
    }
  }
  const { labels, problems } = podSecurityLabelsOf(strings)
  for (const p of problems) {
    refused = true
    yield error(doc, labelPath(entry.path, p.label), 'invalid-pod-security-label', `Invalid value: ${JSON.stringify(p.value)}: ${p.message} (the API server refuses the Namespace; its pods are checked as Pod Security Admission falls back: ${p.label.endsWith('-version') ? 'latest' : p.label.endsWith('/enforce') ? 'restricted' : 'privileged'})`)
  }
  const name = entry.name
  if (name !== null && name !== '') {
    // Recorded even when refused: its pods are checked as PSA evaluates them with its fallback
    // (fail closed for enforce); and even without labels, so its pods are not counted as early.
    const before = ctx.book.define(name, labels)
    if (before > 0 && hasPodSecurityLabels(labels)) {
      yield warning(
        doc,
        fieldOf(entry.path, 'metadata.name'),
        'namespace-after-pods',
        `namespace ${JSON.stringify(name)} comes after ${before} ${before === 1 ? 'pod' : 'pods'} of it in the input: ${before === 1 ? 'it was' : 'they were'} checked without its labels (${shown(labels)}); put the Namespace first, as kubectl, kustomize and helm output do`,
      )
    }
    const level = labels.enforce.level
    if (ctx.podSecurity !== undefined && level !== undefined && level !== 'restricted') {
      yield warning(
        doc,
        labelPath(entry.path, labelOf('enforce', 'level')),
        'pod-security-relaxed',
        `namespace ${JSON.stringify(name)} sets ${labelOf('enforce', 'level')}=${level}: its pods are not checked at the cluster-wide level ${ctx.podSecurity.level}, which a Namespace label overrides in Pod Security Admission`,
      )
    }
  }
  if (!refused) yield { _tag: 'Skipped', skipped: { source: doc.source, document: doc.index, kind: 'Namespace' } }
}
