/**
 * eemeli/yaml's YAML 1.1 tags, adjusted to read scalars the way kubectl (go-yaml v2) does.
 *
 * @packageDocumentation
 */
import type { ParseOptions, ScalarTag, Tags } from 'yaml'
import { goNumberTag } from './goNumbers.js'
import { goExplicitTags } from './goTags.js'
import { isMergeTag, kubectlMerge } from './mergeKeys.js'

const INT = 'tag:yaml.org,2002:int'
const FLOAT = 'tag:yaml.org,2002:float'
const TIMESTAMP = 'tag:yaml.org,2002:timestamp'
// Explicit-tag-only types that would put a Uint8Array, Set or Map into otherwise JSON-like data;
// left unresolved they stay plain strings, maps and sequences (with a warning for the tag).
const NOT_JSON = new Set(['tag:yaml.org,2002:binary', 'tag:yaml.org,2002:omap', 'tag:yaml.org,2002:pairs', 'tag:yaml.org,2002:set'])
const asBigInt: ParseOptions = { intAsBigInt: true }

/**
 * Does kubectl leave this tag out? go-yaml v2 has no base-60 numbers (`1:30` stays a string) and
 * sigs.k8s.io/yaml turns timestamps back into strings, so both would be a JS-only reading.
 */
const isOmittedByKubectl = (tag: Tags[number]): boolean =>
  typeof tag !== 'string' &&
  (tag.tag === TIMESTAMP || NOT_JSON.has(tag.tag) || ((tag.tag === INT || tag.tag === FLOAT) && tag.format === 'TIME'))

/**
 * An integer tag that keeps every digit: a plain number when it is a safe integer, else a
 * `bigint` (a lossy `number` would be a silently wrong uid). Only the rare unsafe case pays for
 * the second, exact parse: `parseInt` of a text whose exact value is unsafe never lands on a
 * safe integer.
 */
const exactInt = (tag: ScalarTag): ScalarTag => ({
  ...tag,
  resolve: (text, onError, options) => {
    const value = tag.resolve(text, onError, options)
    return typeof value === 'number' && !Number.isSafeInteger(value) ? tag.resolve(text, onError, asBigInt) : value
  },
})

/**
 * The `customTags` function that turns eemeli/yaml's YAML 1.1 schema into kubectl's reading.
 *
 * @example
 * import { parseDocument } from 'yaml'
 * parseDocument('uid: 12345678901234567890', { version: '1.1', customTags: kubectlTags }).toJS()
 * // { uid: 12345678901234567890n }
 */
export const kubectlTags = (tags: Tags): Tags => {
  // First, so that go-yaml's number rules decide every plain scalar that starts like a number.
  // Explicit tags next: eemeli/yaml takes the first tag of a name, and these read as go-yaml does.
  const out: Tags = [goNumberTag, ...goExplicitTags]
  for (const tag of tags) {
    if (isOmittedByKubectl(tag)) continue
    // go-yaml's merge (document order, later keys win) instead of the YAML 1.1 spec's.
    if (typeof tag !== 'string' && isMergeTag(tag)) {
      out.push(kubectlMerge)
      continue
    }
    if (typeof tag !== 'string' && (tag.tag === INT || tag.tag === FLOAT) && 'test' in tag && tag.test !== undefined) {
      // goNumberTag reads every plain scalar go-yaml could read as a number (they all start with a
      // digit, a sign or a dot); what reaches these is text to go-yaml. eemeli/yaml's YAML 1.1
      // float would read `e5` (no mantissa) as NaN, so they are kept for explicit tags only.
      const { test: _test, ...explicitOnly } = tag as ScalarTag
      out.push(tag.tag === INT ? exactInt(explicitOnly as ScalarTag) : (explicitOnly as ScalarTag))
      continue
    }
    out.push(typeof tag !== 'string' && tag.tag === INT && !('collection' in tag && tag.collection) ? exactInt(tag as ScalarTag) : tag)
  }
  return out
}
