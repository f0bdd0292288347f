/**
 * Field paths in the API server's style: `spec.template.spec.containers[1].securityContext`.
 *
 * @packageDocumentation
 */

/**
 * A path from a document's root: either the API-server string (`items[2].spec.containers[0]`,
 * with `[key]` for a map key that is not a plain name, as `field.Path` prints it) or its
 * segments, a `number` for a sequence index.
 *
 * @example
 * const a: FieldPath = 'spec.containers[1].securityContext'
 * const b: FieldPath = ['spec', 'containers', 1, 'securityContext']
 */
export type FieldPath = string | ReadonlyArray<string | number>

/**
 * Appends a field name to a path; the root path is the empty string.
 *
 * @example
 * fieldOf('', 'spec') // 'spec'
 * fieldOf('spec', 'containers') // 'spec.containers'
 */
export const fieldOf = (path: string, name: string): string => (path === '' ? name : `${path}.${name}`)

/**
 * Appends a sequence index to a path.
 *
 * @example
 * itemOf('spec.containers', 1) // 'spec.containers[1]'
 */
export const itemOf = (path: string, index: number): string => `${path}[${index}]`

const DIGITS = /^(?:0|[1-9][0-9]*)$/

/**
 * Splits a path string into its segments. `[n]` is an index (a number); `[key]` and dotted names
 * are keys (strings). Returns `null` for a path that does not follow the syntax (an unclosed `[`,
 * an empty name).
 *
 * @example
 * segmentsOf('items[2].spec.containers[0]') // ['items', 2, 'spec', 'containers', 0]
 * segmentsOf('metadata.annotations[example.com/x]') // ['metadata', 'annotations', 'example.com/x']
 * segmentsOf('') // []
 */
export const segmentsOf = (path: FieldPath): ReadonlyArray<string | number> | null => {
  if (typeof path !== 'string') return path
  const segments: Array<string | number> = []
  let i = 0
  const n = path.length
  while (i < n) {
    if (path[i] === '[') {
      const close = path.indexOf(']', i + 1)
      if (close < 0) return null
      const inside = path.slice(i + 1, close)
      segments.push(DIGITS.test(inside) ? Number(inside) : inside)
      i = close + 1
      if (i < n && path[i] === '.') {
        i++
        if (i === n) return null
      }
      continue
    }
    let end = i
    while (end < n && path[end] !== '.' && path[end] !== '[') end++
    if (end === i) return null
    segments.push(path.slice(i, end))
    i = end
    if (i < n && path[i] === '.') {
      i++
      if (i === n) return null
    }
  }
  return segments
}
