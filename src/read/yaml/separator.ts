/**
 * A document's `---` line and its prelude, judged the way kubectl's stream reader judges them.
 *
 * apimachinery's `YAMLReader` cuts at every line that starts with `---` and allows only spaces
 * and a comment after it: `--- {a: 1}`, `--- |`, `--- !!map`, `---x` or a BOM after `---` make it
 * refuse ("invalid Yaml document separator"), while `---#comment` is a separator like `--- #c`.
 * Directives (`%YAML`, `%TAG`) end up alone in a document of their own, which go-yaml refuses,
 * so kubectl refuses a stream that has one.
 *
 * @packageDocumentation
 */

// Go's `strings.TrimSpace`: Unicode white space, which (unlike JavaScript's `trim`) leaves a BOM.
const GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g

const PREVIEW = 40

/** What to do with a document's marker line: read it as it is, blank its `---`, or refuse it. */
export type MarkerVerdict =
  | { readonly _tag: 'AsIs' }
  | { readonly _tag: 'Blank' }
  | { readonly _tag: 'Refused'; readonly offset: number; readonly message: string }

/**
 * The verdict on the marker line starting at `marker` in `text`.
 *
 * @example
 * markerVerdict('--- #c\na: 1\n', 0)._tag // 'AsIs'
 * markerVerdict('---#c\na: 1\n', 0)._tag // 'Blank'
 * markerVerdict('--- {a: 1}\n', 0)._tag // 'Refused'
 */
export const markerVerdict = (text: string, marker: number): MarkerVerdict => {
  let end = text.indexOf('\n', marker)
  if (end < 0) end = text.length
  const rest = text.slice(marker + 3, end)
  const trimmed = rest.replace(GO_SPACE, '')
  if (trimmed !== '' && !trimmed.startsWith('#')) {
    const shown = trimmed.length > PREVIEW ? `${trimmed.slice(0, PREVIEW)}…` : trimmed
    return {
      _tag: 'Refused',
      offset: marker + 3 + rest.indexOf(trimmed[0] as string),
      message: `text after \`---\` on a document separator line (${JSON.stringify(shown)}): kubectl refuses it ("invalid Yaml document separator"); start the document on the next line`,
    }
  }
  // `---` then a space, a tab or the line end is a YAML document start; anything else (`---#c`)
  // is not, but kubectl drops the line, so the document is read without it.
  const c = rest.charCodeAt(0)
  return Number.isNaN(c) || c === 32 || c === 9 || c === 13 ? { _tag: 'AsIs' } : { _tag: 'Blank' }
}

/**
 * The offset of the first `%` directive line in `text[from, to)`, or -1.
 *
 * @example
 * directiveIn('%YAML 1.1\n---\na: 1\n', 0, 10) // 0
 */
export const directiveIn = (text: string, from: number, to: number): number => {
  for (let i = from; i < to; ) {
    if (text.charCodeAt(i) === 37) return i
    const next = text.indexOf('\n', i)
    if (next < 0) break
    i = next + 1
  }
  return -1
}

/**
 * Why kubectl refuses a directive.
 *
 * @example
 * directiveMessage('%YAML 1.2') // 'a `%YAML` directive: kubectl refuses …'
 */
export const directiveMessage = (line: string): string =>
  `a \`${line.split(/[ \t\r]/)[0] ?? '%'}\` directive: kubectl refuses the stream (its reader cuts the directive off its \`---\`, and go-yaml refuses a directive alone); remove the line`
