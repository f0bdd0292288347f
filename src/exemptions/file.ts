/**
 * Exemptions files: YAML or JSON, one or more documents, each `{ exemptions: [ … ] }`:
 *
 * ```yaml
 * exemptions:
 * - namespace: monitoring
 *   kind: DaemonSet
 *   name: node-exporter
 *   container: exporter
 *   image: quay.io/prometheus/node-exporter:*
 *   rules: [privileged-without-escalation]
 *   reason: reads host metrics through /proc and /sys
 * ```
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { decode } from '../codecs/decode.js'
import { mixedFields, optionalFields } from '../codecs/object.js'
import { loadDocuments } from '../read/yaml/load.js'
import type { LoadedDocument } from '../read/document.js'
import type { ExemptionProblem } from './problem.js'
import { unknownRule } from './ruleIds.js'
import type { Exemption, ExemptionOrigin } from './types.js'

/**
 * One entry of an exemptions file. `reason` is optional here only so that its absence gets its
 * own message (`exemption-without-reason`) instead of a generic missing-field error.
 *
 * @example
 * ```ts
 * ExemptionEntry.is({ rules: ['no-new-privs-required'], reason: 'legacy' }) // true
 * ```
 */
export const ExemptionEntry = mixedFields(
  'ExemptionEntry',
  { rules: t.readonlyArray(t.string) },
  { namespace: t.string, kind: t.string, name: t.string, container: t.string, image: t.string, reason: t.string },
)
/** One entry of an exemptions file. */
export type ExemptionEntry = t.TypeOf<typeof ExemptionEntry>

/**
 * One document of an exemptions file.
 *
 * @example
 * ```ts
 * ExemptionsDocument.is({ exemptions: [] }) // true
 * ```
 */
export const ExemptionsDocument = optionalFields('ExemptionsDocument', { exemptions: t.readonlyArray(t.unknown) })

/**
 * Reads an exemptions file: its exemptions, and its problems (syntax errors, malformed entries,
 * entries without a reason, unknown fields), each with the file, document, line and path.
 *
 * @example
 * ```ts
 * const { exemptions, problems } = readExemptionsFile('ex.yaml', 'exemptions:\n- rules: [no-new-privs-required]\n  reason: legacy\n')
 * exemptions[0]?.origin.line // 2
 * ```
 */
export function readExemptionsFile(
  source: string,
  text: string,
): { readonly exemptions: ReadonlyArray<Exemption>; readonly problems: ReadonlyArray<ExemptionProblem> } {
  const exemptions: Exemption[] = []
  const problems: ExemptionProblem[] = []
  for (const doc of loadDocuments(text, source)) {
    if (doc._tag === 'Empty') continue
    if (doc._tag === 'Error') {
      problems.push({
        severity: 'error',
        code: 'invalid-exemption',
        message: doc.message,
        at: { kind: 'file', source, document: doc.index, line: doc.line, path: '' },
      })
      continue
    }
    readDocument(doc, exemptions, problems)
  }
  return { exemptions, problems }
}

function originOf(doc: LoadedDocument, path: string): ExemptionOrigin {
  const at = path === '' ? null : doc.positionOf(path)
  return { kind: 'file', source: doc.source, document: doc.index, line: at === null ? doc.line : at.line, path }
}

function pushIssues(doc: LoadedDocument, issues: ReadonlyArray<{ readonly severity: 'error' | 'warning'; readonly code: string; readonly path: string; readonly message: string }>, problems: ExemptionProblem[]): void {
  for (const issue of issues) {
    const unknown = issue.code === 'unknown-field'
    problems.push({
      severity: unknown ? 'warning' : 'error',
      code: unknown ? 'unknown-field' : 'invalid-exemption',
      // The codecs' messages name no field; an exemptions file has no editor schema to point at it.
      message: issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`,
      at: originOf(doc, issue.path),
    })
  }
}

function readDocument(doc: LoadedDocument, exemptions: Exemption[], problems: ExemptionProblem[]): void {
  const top = decode(ExemptionsDocument, doc.value)
  if (E.isLeft(top)) {
    pushIssues(doc, top.left, problems)
    return
  }
  pushIssues(doc, top.right.warnings, problems)
  const entries = top.right.value.exemptions ?? []
  entries.forEach((raw, i) => {
    const path = `exemptions[${i}]`
    const decoded = decode(ExemptionEntry, raw, { path })
    if (E.isLeft(decoded)) {
      pushIssues(doc, decoded.left, problems)
      return
    }
    pushIssues(doc, decoded.right.warnings, problems)
    const entry = decoded.right.value
    const origin = originOf(doc, path)
    const bad = entry.rules.map(unknownRule).filter((s): s is string => s !== undefined)
    if (entry.rules.length === 0) bad.push('rules is empty: name at least one rule')
    if (bad.length > 0) {
      problems.push({ severity: 'error', code: 'invalid-exemption', message: `${path}.rules: ${bad.join('; ')}`, at: originOf(doc, `${path}.rules`) })
      return
    }
    const reason = entry.reason?.trim() ?? ''
    if (reason === '') {
      problems.push({
        severity: 'error',
        code: 'exemption-without-reason',
        message: `${path} exempts ${entry.rules.join(', ')} without a reason (add reason: WHY); it exempts nothing`,
        at: origin,
      })
      return
    }
    exemptions.push({
      rules: entry.rules,
      ...(entry.namespace === undefined ? {} : { namespace: entry.namespace }),
      ...(entry.kind === undefined ? {} : { kind: entry.kind }),
      ...(entry.name === undefined ? {} : { name: entry.name }),
      ...(entry.container === undefined ? {} : { containers: [entry.container] }),
      ...(entry.image === undefined ? {} : { image: entry.image }),
      reason,
      origin,
    })
  })
}
