/**
 * `no-new-privs/manifest`: manifests from text or streams to documents, pods and containers —
 * the steps `checkManifests` is made of, for callers that need one of them on its own.
 *
 * @packageDocumentation
 */
export {
  checkEntries,
  checkManifests,
  EMPTY_DOCUMENT_KIND,
  prepareCheck,
  type CheckOptions,
  type CheckSource,
  type PreparedCheck,
  type ReportEntry,
} from '../report/check.js'
export { checkStream, documentTexts, loadStream, type DocumentText, type StreamSource, type TextChunks } from './stream.js'
export { readAllUnits, readUnits, UnitReader } from '../read/units.js'
export type { ItemUnit, ListEndUnit, ProblemUnit, ReadNote, Unit, WholeUnit } from '../read/unit.js'
export { checkFilesInParallel, type FileSource, type ParallelOptions } from './parallel.js'
export type {
  ContainerResult,
  ContainerType,
  Located,
  Report,
  ReportError,
  ReportFinding,
  ReportPlace,
  ReportSkipped,
  ReportViolation,
  ReportWarning,
} from '../report/report.js'
export { loadDocuments, loadValue } from '../read/yaml/load.js'
export type { DocumentError, EmptyDocument, LoadedDocument, LoadErrorCode, LoadOptions, LoadProblem, LoadResult, Position } from '../read/document.js'
export { walkPods } from '../pods/walk.js'
// The label reader is public (a caller may want PSA's reading of a Namespace); the level choice
// and the Namespace record are the check's own stages.
export type { PodSecuritySource } from '../inputs/namespaceLevels.js'
export {
  podSecurityLabelsOf,
  POD_SECURITY_LABEL_PREFIX,
  type LabelProblem,
  type ModeLabels,
  type NamespaceLabels,
  type PodSecurityLevel,
  type PodSecurityMode,
} from '../inputs/podSecurityLabels.js'
export type { ContainerRef, DocumentWalk, NamespaceEntry, PodEntry, PolicyEntry, SkippedEntry, WalkEntry, WalkError, WalkErrorCode, WalkOptions } from '../pods/walk.js'
export { choosePolicy, type Admission, type PolicyCandidate, type PolicyChoice } from '../inputs/policies.js'
export { groupOf, kindEntryOf, kindTableOf, parsePodSpecKind, type KindEntry, type KindTable, type PodSpecKind } from '../pods/kinds.js'
