/**
 * `kubectl`'s label selector syntax (`-l`), read into the `LabelSelector` a binding holds, so
 * `--namespace-selector 'env in (prod,staging),!legacy'` means what it means to kubectl.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import { describeValue } from '../callerInput.js'
import type { LabelSelector, LabelSelectorRequirement } from '../codecs/admissionRegistration.js'

// A label key: an optional DNS-subdomain prefix and '/', then a name of at most 63 characters.
const KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/
const VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/

/** Split at the commas that are not inside `( … )`. */
function requirementsOf(text: string): E.Either<string, ReadonlyArray<string>> {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '(') depth++
    else if (ch === ')') depth--
    if (depth < 0 || depth > 1) return E.left('unbalanced parentheses')
    if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim())
      start = i + 1
    }
  }
  if (depth !== 0) return E.left('unbalanced parentheses')
  parts.push(text.slice(start).trim())
  return E.right(parts)
}

function key(k: string): E.Either<string, string> {
  return KEY.test(k) ? E.right(k) : E.left(`invalid label key ${JSON.stringify(k)}`)
}

function values(list: string): E.Either<string, ReadonlyArray<string>> {
  const vs = list.split(',').map((v) => v.trim())
  const bad = vs.find((v) => !VALUE.test(v))
  return bad === undefined ? E.right(vs) : E.left(`invalid label value ${JSON.stringify(bad)}`)
}

/**
 * Parse a kubectl label selector. `k=v` and `k==v` become `matchLabels`; `k!=v` is `NotIn [v]`
 * (as kubectl reads it: objects without the key match too); `k in (…)`, `k notin (…)`, `k` and
 * `!k` are `In`, `NotIn`, `Exists`, `DoesNotExist`.
 *
 * @example
 * ```ts
 * parseLabelSelector('team=a,env notin (dev),!legacy')
 * // Right({ matchLabels: { team: 'a' }, matchExpressions: [
 * //   { key: 'env', operator: 'NotIn', values: ['dev'] }, { key: 'legacy', operator: 'DoesNotExist' }] })
 * parseLabelSelector('a=(b') // Left('unbalanced parentheses')
 * ```
 * @public
 */
export function parseLabelSelector(text: string): E.Either<string, LabelSelector> {
  if (typeof text !== 'string') return E.left(`parseLabelSelector: expected selector text (a string), got ${describeValue(text)}`)
  const parts = requirementsOf(text)
  if (E.isLeft(parts)) return parts
  const matchLabels: Record<string, string> = {}
  const matchExpressions: LabelSelectorRequirement[] = []
  for (const part of parts.right) {
    if (part === '') return E.left(`empty requirement in ${JSON.stringify(text)}`)
    const set = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(part)
    const equality = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(part)
    const existence = /^(!?)\s*([^=!\s()]+)$/.exec(part)
    if (set !== null) {
      const [, k = '', op, list = ''] = set
      const kk = key(k)
      const vs = values(list)
      if (E.isLeft(kk)) return kk
      if (E.isLeft(vs)) return vs
      matchExpressions.push({ key: kk.right, operator: op === 'in' ? 'In' : 'NotIn', values: vs.right })
    } else if (equality !== null) {
      const [, k = '', op, v = ''] = equality
      const kk = key(k)
      if (E.isLeft(kk)) return kk
      if (!VALUE.test(v)) return E.left(`invalid label value ${JSON.stringify(v)}`)
      if (op === '!=') matchExpressions.push({ key: kk.right, operator: 'NotIn', values: [v] })
      else if (matchLabels[kk.right] !== undefined && matchLabels[kk.right] !== v) return E.left(`label ${kk.right} asked to equal two values`)
      else matchLabels[kk.right] = v
    } else if (existence !== null) {
      const [, not, k = ''] = existence
      const kk = key(k)
      if (E.isLeft(kk)) return kk
      matchExpressions.push({ key: kk.right, operator: not === '!' ? 'DoesNotExist' : 'Exists' })
    } else {
      return E.left(`cannot read requirement ${JSON.stringify(part)}`)
    }
  }
  return E.right({
    ...(Object.keys(matchLabels).length > 0 ? { matchLabels } : {}),
    ...(matchExpressions.length > 0 ? { matchExpressions } : {}),
  })
}
