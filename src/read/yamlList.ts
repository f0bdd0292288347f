/**
 * A large YAML `List` (`kubectl get -o yaml` of a busy cluster) read item by item, so that its
 * memory does not grow with it.
 *
 * Only a document past {@link YAML_LIST_AT} characters (1 Mi) whose text looks like kubectl's (an
 * `items:` line at column 0 followed by `- ` items, no anchors or aliases) is cut this way; every
 * other document, and every smaller one, is read whole as before. Each item's text (its `-`
 * turned into a space, so every column stays where it was) goes alone to the YAML reader
 * (`loadDocuments`, the one YAML boundary); the List's other lines are read at the end for its
 * `kind`. An item whose text does not stand alone (an alias to an earlier item's anchor) is an
 * error of that item only.
 *
 * @packageDocumentation
 */
import type { LoadedDocument, LoadOptions } from './document.js'
import { loadDocuments } from './yaml/load.js'
import { placed } from './documents.js'
import type { Unit } from './unit.js'

/**
 * Characters of one YAML document held whole before a List in it is read item by item (1 Mi, ~80
 * kubectl pods): the YAML reader needs ~60 bytes of memory per character of a document it reads.
 */
export const YAML_LIST_AT = 1024 * 1024

const ITEMS_LINE = /^items:[ \t]*(#.*)?\r?\n?$/
const ITEM_START = /^( *)-(?:[ \t]|\r?\n?$)/
const BLANK_OR_COMMENT = /^[ \t]*(#.*)?\r?\n?$/
// An anchor or alias outside quotes would tie items together: such a List is read whole.
const ANCHOR_OR_ALIAS = /(^|[\s[{,])[&*][^\s[\]{},]/m

/**
 * Does the text held so far look like a kubectl `List` this cutter can read item by item?
 *
 * @example
 * ```ts
 * looksLikeYamlList('apiVersion: v1\nitems:\n- kind: Pod\n') // true
 * looksLikeYamlList('kind: Pod\nspec: {}\n')                  // false
 * ```
 */
export const looksLikeYamlList = (text: string): boolean => {
  const at = /^items:[ \t]*(#.*)?\r?$/m.exec(text)
  if (at === null) return false
  const after = text.slice(at.index + at[0].length + 1, at.index + at[0].length + 4096)
  const next = after.split('\n').find((l) => !BLANK_OR_COMMENT.test(l))
  if (next === undefined || !ITEM_START.test(next)) return false
  return !ANCHOR_OR_ALIAS.test(text) && !text.includes('\t')
}

const countLines = (text: string): number => {
  let n = 0
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++
  return n
}

/**
 * Cuts one YAML `List` document into its items as its lines arrive: `push` text, then `end`.
 *
 * @example
 * ```ts
 * const cutter = new YamlListCutter('big.yaml', 0, 0, null)
 * const units = [...cutter.push('apiVersion: v1\nitems:\n- kind: Pod\n'), ...cutter.push('- kind: Service\nkind: List\n'), ...cutter.end()]
 * units.map((u) => u._tag) // ['Item', 'Item', 'ListEnd']
 * ```
 */
export class YamlListCutter {
  private partial = ''
  /** Lines of the stream before the next line to read. */
  private lines: number
  private state: 'head' | 'items' | 'tail' = 'head'
  private readonly envelope: string[] = []
  private item: string[] = []
  private itemLine = 0
  private itemIndent = -1
  /** The indent of a line that continues the current item: one more space than its `-`. */
  private continuation = ' '
  private items = 0
  private headKind: string | null | undefined = undefined
  private headApiVersion: string | null = null
  private readonly documentLine: number

  /**
   * @param lineBase - lines of the stream before the document
   * @param marker - offset of the document's `---` line in its text, `null` for none (line 1)
   * @param prefix - the document's text up to the marker, to place the document's line
   */
  constructor(
    private readonly source: string,
    private readonly index: number,
    lineBase: number,
    marker: number | null,
    prefix = '',
    private readonly options?: LoadOptions,
  ) {
    this.lines = lineBase
    this.documentLine = marker === null ? 1 : lineBase + countLines(prefix.slice(0, marker)) + 1
  }

  push(text: string): Unit[] {
    const out: Unit[] = []
    let from = 0
    let buffered = this.partial + text
    this.partial = ''
    for (let nl = buffered.indexOf('\n', from); nl >= 0; nl = buffered.indexOf('\n', from)) {
      this.line(buffered.slice(from, nl + 1), out)
      from = nl + 1
    }
    this.partial = buffered.slice(from)
    buffered = ''
    return out
  }

  end(): Unit[] {
    const out: Unit[] = []
    if (this.partial !== '') this.line(this.partial, out)
    this.partial = ''
    this.finishItem(out)
    const envelope = this.envelope.join('')
    const [doc] = loadDocuments(envelope, this.source, this.options)
    const kind = doc?._tag === 'Document' && typeof doc.value === 'object' && doc.value !== null ? (doc.value as { kind?: unknown }).kind : undefined
    out.push({ _tag: 'ListEnd', source: this.source, index: this.index, line: this.documentLine, kind, items: this.items, provisional: this.headKind === undefined, notes: [] })
    return out
  }

  private line(text: string, out: Unit[]): void {
    const lineNumber = ++this.lines
    if (this.state === 'head') {
      this.envelope.push(text)
      if (ITEMS_LINE.test(text)) {
        this.state = 'items'
        const [head] = loadDocuments(this.envelope.join(''), this.source, this.options)
        const kind = head?._tag === 'Document' && typeof head.value === 'object' && head.value !== null ? (head.value as { kind?: unknown }).kind : undefined
        this.headKind = kind === undefined ? undefined : typeof kind === 'string' ? kind : null
        const apiVersion = head?._tag === 'Document' && typeof head.value === 'object' && head.value !== null ? (head.value as { apiVersion?: unknown }).apiVersion : undefined
        this.headApiVersion = typeof apiVersion === 'string' ? apiVersion : null
      }
      return
    }
    if (this.state === 'tail') {
      this.envelope.push(text)
      return
    }
    // Most lines continue the item: more indented than its `-`, so never an item start at that
    // indent. Tested first, without a regular expression, as the lines below would decide it.
    if (this.item.length > 0 && text.startsWith(this.continuation)) {
      this.item.push(text)
      return
    }
    const start = ITEM_START.exec(text)
    if (start !== null && (this.itemIndent < 0 || (start[1] as string).length === this.itemIndent)) {
      this.finishItem(out)
      this.itemIndent = (start[1] as string).length
      this.continuation = ' '.repeat(this.itemIndent + 1)
      const dash = this.itemIndent
      this.item = [`${text.slice(0, dash)} ${text.slice(dash + 1)}`]
      this.itemLine = lineNumber
      return
    }
    if (this.item.length > 0 && BLANK_OR_COMMENT.test(text)) {
      this.item.push(text)
      return
    }
    if (BLANK_OR_COMMENT.test(text)) return
    this.finishItem(out)
    this.state = 'tail'
    this.envelope.push(text)
  }

  private finishItem(out: Unit[]): void {
    if (this.item.length === 0) return
    const text = this.item.join('')
    this.item = []
    const k = this.items++
    const prefix = `items[${k}]`
    const [read] = loadDocuments(text, this.source, this.options)
    const result = placed(read ?? { _tag: 'Empty', source: this.source, index: 0, line: 1 }, this.index, this.itemLine - 1)
    if (result._tag === 'Error') {
      out.push({ _tag: 'Problem', source: this.source, index: this.index, line: result.line, column: result.column, code: result.code, message: `${prefix}: ${result.message}` })
      return
    }
    const inner = result._tag === 'Document' ? result.positionOf : () => null
    const doc: LoadedDocument = {
      _tag: 'Document',
      source: this.source,
      index: this.index,
      line: this.documentLine,
      value: result._tag === 'Document' ? result.value : null,
      warnings: result._tag === 'Document' ? result.warnings : [],
      positionOf: (path) => {
        if (typeof path !== 'string' || !path.startsWith(prefix)) return null
        return inner(path.slice(prefix.length).replace(/^\./, ''))
      },
    }
    out.push({ _tag: 'Item', doc, item: k, listKind: typeof this.headKind === 'string' ? this.headKind : null, listApiVersion: this.headApiVersion, notes: [] })
  }
}
