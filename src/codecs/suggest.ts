/**
 * "Did you mean": the known field name closest to a misspelt one.
 *
 * @packageDocumentation
 */

/** The largest edit distance still worth suggesting for a name of this length. */
function thresholdFor(length: number): number {
  return Math.min(3, Math.max(1, Math.floor(length * 0.3)))
}

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions), or
 * `limit + 1` as soon as the distance is known to exceed `limit`.
 */
function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  const width = b.length + 1
  let prevPrev = new Array<number>(width).fill(0)
  let prev = new Array<number>(width)
  let row = new Array<number>(width)
  for (let j = 0; j < width; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    row[0] = i
    let rowMin = i
    for (let j = 1; j < width; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        d = Math.min(d, (prevPrev[j - 2] ?? 0) + 1)
      }
      row[j] = d
      if (d < rowMin) rowMin = d
    }
    if (rowMin > limit) return limit + 1
    const recycled = prevPrev
    prevPrev = prev
    prev = row
    row = recycled
  }
  return prev[b.length] ?? limit + 1
}

/**
 * The candidate `name` most likely meant, or `undefined`. Case is ignored (`RunAsUser` →
 * `runAsUser`); beyond that, up to one edit per ~3 characters of the candidate (at most 3) is
 * tolerated, counting an adjacent swap as one edit (`tpye` → `type`). Ties go to the earlier
 * candidate.
 *
 * @example
 * ```ts
 * // internal (not exported by the package): the `suggestion` of an unknown-field issue, the CLI's flag hints
 * suggestName('allowPrivilegeEscalaton', ['privileged', 'allowPrivilegeEscalation']) // 'allowPrivilegeEscalation'
 * suggestName('image', ['name']) // undefined
 * ```
 */
export function suggestName(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase()
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const candidate of candidates) {
    if (candidate === name) continue
    const limit = thresholdFor(candidate.length)
    const distance = boundedDistance(lower, candidate.toLowerCase(), Math.min(limit, bestDistance - 1))
    if (distance <= limit && distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}
