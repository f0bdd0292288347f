import * as O from 'fp-ts/lib/Option.js'

/**
 * Every spelling Go's `strconv.ParseBool` accepts, true ones first. Docker reads the value of
 * `no-new-privileges=VALUE` with it, so these and only these are valid there.
 *
 * @example
 * ```ts
 * goBoolSpellings.includes('True') // true
 * goBoolSpellings.includes('yes')  // false
 * ```
 * @public
 */
export const goBoolSpellings: ReadonlyArray<string> = [
  '1', 't', 'T', 'TRUE', 'true', 'True',
  '0', 'f', 'F', 'FALSE', 'false', 'False',
]

/**
 * Reads a boolean exactly as Go's `strconv.ParseBool` does: case matters (`tRUE` is not a
 * boolean), no whitespace is trimmed, and `yes`/`no`/`on`/`off` are not booleans.
 *
 * @example
 * ```ts
 * goParseBool('T')     // some(true)
 * goParseBool('0')     // some(false)
 * goParseBool('maybe') // none
 * ```
 * @public
 */
export function goParseBool(value: string): O.Option<boolean> {
  switch (value) {
    case '1': case 't': case 'T': case 'TRUE': case 'true': case 'True':
      return O.some(true)
    case '0': case 'f': case 'F': case 'FALSE': case 'false': case 'False':
      return O.some(false)
    default:
      return O.none
  }
}
