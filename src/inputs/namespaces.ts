/**
 * The Namespaces seen so far in one check: their pod-security labels, and how many pods of each
 * namespace were checked before its Namespace arrived (README: "Namespaces: Pod Security levels from `pod-security.kubernetes.io` labels").
 *
 * A check reads its input in order, so a Namespace applies to the pods that follow it. The book
 * holds one small record per distinct namespace name, never a pod: memory does not grow with the
 * number of documents.
 *
 * For `checkFilesInParallel` a book can start from a snapshot (what the main thread knew when it
 * sent a file) and says which of those inherited values it read; the main thread compares them
 * with what one thread would have known and checks the file again where they differ.
 *
 * @packageDocumentation
 */
import type { NamespaceLabels } from './podSecurityLabels.js'

/**
 * What one thread knows when a file starts: labels and counts by namespace name.
 *
 * @example
 * ```ts
 * const s: NamespaceSnapshot = { labels: [['prod', { enforce: { level: 'restricted' }, warn: {}, audit: {} }]], unlabelled: [['dev', 2]] }
 * ```
 */
export interface NamespaceSnapshot {
  readonly labels: ReadonlyArray<readonly [string, NamespaceLabels]>
  readonly unlabelled: ReadonlyArray<readonly [string, number]>
}

/**
 * What a file changed: Namespaces it defined (last one wins) and pods it checked without labels.
 *
 * @example
 * ```ts
 * const d: NamespaceDelta = { labels: [], unlabelled: [['prod', 3]] }
 * ```
 */
export interface NamespaceDelta {
  readonly labels: ReadonlyArray<readonly [string, NamespaceLabels]>
  /** Increments, added to the receiver's counts. */
  readonly unlabelled: ReadonlyArray<readonly [string, number]>
}

/**
 * The mutable record of one check.
 *
 * @example
 * ```ts
 * const book = createNamespaceBook()
 * book.podChecked('prod')
 * book.define('prod', { enforce: { level: 'restricted' }, warn: {}, audit: {} }) // 1: one pod came first
 * book.labelsOf('prod')?.enforce.level // 'restricted'
 * ```
 */
export interface NamespaceBook {
  /** The labels of the Namespace `name` seen so far, if any. */
  readonly labelsOf: (name: string) => NamespaceLabels | undefined
  /** A pod of `name` was checked: counted when its Namespace has not been seen. */
  readonly podChecked: (name: string) => void
  /** A Namespace arrived; returns how many of its pods were checked before it, without its labels. */
  readonly define: (name: string, labels: NamespaceLabels) => number
  /** The inherited values read since the last call (keys `labels:NAME`, `unlabelled:NAME`). */
  readonly takeReads: () => ReadonlyArray<string>
  /** What this book changed since it was made. */
  readonly delta: () => NamespaceDelta
  /** Everything it knows, to start another book from. */
  readonly snapshot: () => NamespaceSnapshot
  /** Adds another book's delta (the file it checked comes next in the input). */
  readonly apply: (delta: NamespaceDelta) => void
  /** A value as a string to compare with another book's (`''` when unknown). */
  readonly valueOf: (key: string) => string
}

/**
 * A new book, empty or from a snapshot.
 *
 * @example
 * ```ts
 * const worker = createNamespaceBook(main.snapshot())
 * ```
 */
export function createNamespaceBook(from?: NamespaceSnapshot): NamespaceBook {
  const labels = new Map<string, NamespaceLabels>(from?.labels ?? [])
  const unlabelled = new Map<string, number>(from?.unlabelled ?? [])
  const wroteLabels = new Map<string, NamespaceLabels>()
  const added = new Map<string, number>()
  // Only reads of inherited values matter: a value this book wrote is the same on every thread.
  let reads = new Set<string>()
  const tracking = from !== undefined
  const read = (key: string, written: boolean): void => {
    if (tracking && !written) reads.add(key)
  }
  return {
    labelsOf: (name) => {
      read(`labels:${name}`, wroteLabels.has(name))
      return labels.get(name)
    },
    podChecked: (name) => {
      if (labels.has(name)) return
      unlabelled.set(name, (unlabelled.get(name) ?? 0) + 1)
      added.set(name, (added.get(name) ?? 0) + 1)
    },
    define: (name, value) => {
      // The count depends on every pod before, in this file or earlier ones.
      read(`unlabelled:${name}`, false)
      read(`labels:${name}`, wroteLabels.has(name))
      const before = labels.has(name) ? 0 : (unlabelled.get(name) ?? 0)
      labels.set(name, value)
      wroteLabels.set(name, value)
      return before
    },
    takeReads: () => {
      const out = [...reads]
      reads = new Set()
      return out
    },
    delta: () => ({ labels: [...wroteLabels], unlabelled: [...added] }),
    snapshot: () => ({ labels: [...labels], unlabelled: [...unlabelled] }),
    apply: (delta) => {
      for (const [name, value] of delta.labels) labels.set(name, value)
      for (const [name, n] of delta.unlabelled) unlabelled.set(name, (unlabelled.get(name) ?? 0) + n)
    },
    valueOf: (key) => {
      const colon = key.indexOf(':')
      const name = key.slice(colon + 1)
      if (key.startsWith('labels:')) return JSON.stringify(labels.get(name) ?? null)
      return String(unlabelled.get(name) ?? 0)
    },
  }
}
