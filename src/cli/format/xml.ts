/**
 * XML 1.0 escaping for the JUnit report. Manifests carry anything (names, messages quoting
 * values, control characters from a JSON `\u0001`), and one unescaped `<` or a U+0001 — which
 * XML 1.0 cannot hold at all, not even as `&#1;` — makes a CI server drop the whole report.
 *
 * @packageDocumentation
 */

/**
 * Characters XML 1.0 forbids (C0 controls but tab, newline and carriage return; U+FFFE, U+FFFF)
 * and UTF-16 halves without their pair, which no encoder can write as UTF-8.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** A forbidden character as the visible `\uXXXX` a JSON reader would recognise: shown, not lost. */
const visible = (c: string): string => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`

const TEXT: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' }
// In an attribute a raw tab or newline would be normalised to a space by every parser.
const ATTRIBUTE: Readonly<Record<string, string>> = { ...TEXT, '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;' }

/**
 * `s` as element content: `&`, `<`, `>` (so `]]>` cannot occur) and carriage returns (which a
 * parser would turn into newlines) as references; forbidden characters as `\uXXXX`.
 *
 * @example
 * ```ts
 * xmlText('a < b && c\u0001') // 'a &lt; b &amp;&amp; c\\u0001'
 * ```
 */
export function xmlText(s: string): string {
  return s.replace(FORBIDDEN, visible).replace(/[&<>\r]/g, (c) => TEXT[c] as string)
}

/**
 * `s` as a double-quoted attribute value: as {@link xmlText}, and quotes, tabs and newlines as
 * references so they survive attribute-value normalisation.
 *
 * @example
 * ```ts
 * xmlAttribute('say "hi"\nthere') // 'say &quot;hi&quot;&#10;there'
 * ```
 */
export function xmlAttribute(s: string): string {
  return s.replace(FORBIDDEN, visible).replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE[c] as string)
}
