/**
 * A source that could not be read (no such file, permission denied, …), thrown by the chunks
 * of a source so that the check reports it as this source's `unreadable` error and goes on.
 *
 * @packageDocumentation
 */

/**
 * Thrown while reading a source's chunks: `reason` says why in words (no path, no stack).
 *
 * @example
 * ```ts
 * async function* chunks() { throw new SourceUnreadable('no such file or directory') }
 * // checkStream([{ source: 'a.yaml', chunks: chunks() }]) → { code: 'unreadable', message: 'cannot read: no such file or directory' }
 * ```
 */
export class SourceUnreadable extends Error {
  /** `code`: the error entry's code; `'unreadable'` entries say `cannot read: reason`, others the reason alone. */
  constructor(
    readonly reason: string,
    readonly code: 'unreadable' | 'kustomize-failed' = 'unreadable',
  ) {
    super(reason)
    this.name = 'SourceUnreadable'
  }
}
