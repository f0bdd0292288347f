/**
 * Field paths in the API server's style: `spec.containers[1].securityContext.runAsUser`, map
 * entries as `metadata.labels[app.kubernetes.io/name]`.
 *
 * @packageDocumentation
 */

/**
 * One step from a value to a child: a field name, an array index or a map key.
 *
 * @example
 * ```ts
 * const segments: PathSegment[] = [{ kind: 'field', name: 'containers' }, { kind: 'index', index: 1 }]
 * formatPath('spec', segments) // 'spec.containers[1]'
 * ```
 */
export type PathSegment =
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'key'; readonly key: string }

/**
 * Appends `segments` to `prefix` (itself a formatted path, possibly empty).
 *
 * @example
 * ```ts
 * // internal (not exported by the package): how `DecodeIssue.path` is written
 * formatPath('spec', [{ kind: 'field', name: 'containers' }, { kind: 'index', index: 1 }]) // 'spec.containers[1]'
 * ```
 */
export function formatPath(prefix: string, segments: ReadonlyArray<PathSegment>): string {
  let path = prefix
  for (const segment of segments) {
    switch (segment.kind) {
      case 'field':
        path = path === '' ? segment.name : `${path}.${segment.name}`
        break
      case 'index':
        path = `${path}[${segment.index}]`
        break
      case 'key':
        path = `${path}[${segment.key}]`
        break
    }
  }
  return path
}

/** The plain keys of a path (names and indices), for finding the node in a YAML document. */
export function segmentKeys(segments: ReadonlyArray<PathSegment>): ReadonlyArray<string | number> {
  return segments.map((s) => (s.kind === 'field' ? s.name : s.kind === 'index' ? s.index : s.key))
}
