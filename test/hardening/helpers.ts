/**
 * Shared pieces of the hardening tests: a well-formed pod to put around hostile documents, and
 * the "nothing is lost" bookkeeping.
 */
import { expect } from 'vitest'
import { checkManifests, type Report } from '../../src/index.js'
import { loadDocuments, readAllUnits } from '../../src/manifest/index.js'

/** A pod whose one container runs with no_new_privs (nonRoot, allowPrivilegeEscalation false). */
export const goodPod = (name: string): string =>
  `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: app
    image: nginx
    securityContext:
      runAsUser: 1000
      allowPrivilegeEscalation: false
`

/** The document indices of `source` that the report mentions anywhere. */
export function accountedDocuments(report: Report, source: string): Set<number> {
  const seen = new Set<number>()
  // SPEC §9: a result, a skipped kind or an error; a warning alone does not account for a document.
  for (const list of [report.results, report.errors, report.skipped]) {
    for (const entry of list) if (entry.source === source && typeof entry.document === 'number') seen.add(entry.document)
  }
  return seen
}

/** Every document of `text` (as the loader counts them) is in the report, and no other index is. */
export function expectEveryDocumentAccountedFor(report: Report, source: string, text: string): void {
  // SPEC §6a: a stream whose first non-blank character is { or [ is JSON; its documents are its
  // values, as the reader finds them (a YAML reader would count `---` cuts there is none of).
  const json = /^\ufeff?[ \t\r\n]*[[{]/.test(text)
  const indices = readAllUnits(text, source).flatMap((u): number[] => {
    if (u._tag === 'Whole' || u._tag === 'Item') return [u.doc.index]
    return u.index === null ? [] : [u.index]
  })
  const count = json ? (indices.length === 0 ? 0 : Math.max(...indices) + 1) : loadDocuments(text, source).length
  const expected = Array.from({ length: count }, (_, i) => i)
  expect([...accountedDocuments(report, source)].sort((a, b) => a - b)).toEqual(expected)
}

/** A stream of three documents: a good pod, `hostile`, a good pod. */
export const sandwich = (hostile: string): string => `${goodPod('before')}---\n${hostile}\n---\n${goodPod('after')}`

/**
 * Checks a sandwich: the hostile middle document is an error with `code` (and only document 1
 * has errors), and both good pods around it are resolved, with no_new_privs.
 */
export function expectSandwich(hostile: string, code: string): Report {
  const text = sandwich(hostile)
  const report = checkManifests({ source: 'hostile.yaml', text })
  const errors = report.errors.filter((e) => e.source === 'hostile.yaml')
  expect(errors.map((e) => e.document)).toContain(1)
  expect(errors.every((e) => e.document === 1)).toBe(true)
  expect(errors.find((e) => e.document === 1)?.code).toBe(code)
  expect(report.results.map((r) => [r.document, r.name, r.noNewPrivs])).toEqual([
    [0, 'before', true],
    [2, 'after', true],
  ])
  expectEveryDocumentAccountedFor(report, 'hostile.yaml', text)
  return report
}

/** Own property names of Object.prototype, to prove a check added none. */
export const prototypeKeys = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort()
