/**
 * A JSON stream cut into units in one pass over its text, chunk by chunk.
 *
 * A unit is each value of the stream (`kubectl get -o json` of several objects prints them back
 * to back) or, for a `List`, each item of its top-level `items`, so a 2 GB List is never one
 * string. The same pass gives each unit its line and column, finds duplicate keys (with both
 * lines and the object's path), bounds the depth and notes integers `JSON.parse` would round.
 * It does not validate the grammar: each unit is parsed natively afterwards, and a unit that
 * fails there goes to the YAML reader for today's exact error.
 *
 * Where a List's `kind` comes after its `items` (kubectl prints keys in alphabetical order), the
 * document is held until its kind is known, up to {@link HOLD_LIMIT} characters; past that its
 * items are checked as a List's as they arrive (`provisional`), and a document that turns out
 * not to be a List then says so (see src/read/units.ts).
 *
 * @packageDocumentation
 */
import { isListKind } from '../../pods/kinds.js'
import { goJsonError, goQuoteChar, JSON_STOPS, placeIn } from './goSyntax.js'

/** A key written twice in one object: JSON.parse keeps the last, as kubectl does. */
export interface DuplicateKey {
  readonly key: string
  /** Path of the object holding the key, from the document root (`''` for the root). */
  readonly path: string
  readonly firstLine: number
  readonly line: number
  readonly column: number
}

/** Where a unit's text starts in the stream. */
export interface UnitStart {
  /** 1-based line of the unit's first character. */
  readonly line: number
  /** 1-based column (UTF-16 code units) of the unit's first character. */
  readonly column: number
}

/** Why a unit cannot go to `JSON.parse` as it is (it goes to the YAML reader instead). */
export type UnitFlaw = 'syntax' | 'unsafe-integer'

/** Something the cutter found that is not a unit. */
export interface CutProblem {
  readonly _tag: 'Problem'
  readonly code: 'json-syntax' | 'too-deep' | 'incomplete-input' | 'list-not-a-list'
  readonly document: number | null
  readonly line: number
  readonly column: number
  readonly message: string
}

/** A value of the stream, to be parsed as a whole document. */
export interface ValueUnit extends UnitStart {
  readonly _tag: 'Value'
  readonly document: number
  readonly text: string
  /** The unit's own keys and their offsets in `text`, flat (`[key, offset, key, offset, …]`). */
  readonly keys: ReadonlyArray<string | number>
  readonly flaw: UnitFlaw | null
  readonly duplicates: ReadonlyArray<DuplicateKey>
}

/** One item of a List's top-level `items`. */
export interface ItemUnit extends UnitStart {
  readonly _tag: 'Item'
  readonly document: number
  /** Line of the List document (what `document`-level entries report). */
  readonly documentLine: number
  readonly item: number
  readonly text: string
  /** The item's own keys and their offsets in `text`, flat (`[key, offset, …]`). */
  readonly keys: ReadonlyArray<string | number>
  readonly flaw: UnitFlaw | null
  readonly duplicates: ReadonlyArray<DuplicateKey>
  /** The List's kind, or `null` while it is not known yet (items before `kind`, past the hold limit). */
  readonly listKind: string | null
  /** The List's `apiVersion` when read before this item (kubectl prints it first), else `null`. */
  readonly listApiVersion: string | null
}

/** The end of a List whose items were units. */
export interface ListEnd {
  readonly _tag: 'ListEnd'
  readonly document: number
  readonly documentLine: number
  /** The List's `kind` as parsed (a string for a real List). */
  readonly kind: unknown
  readonly items: number
  /** Its items were checked before its kind was known. */
  readonly provisional: boolean
  /** Duplicate keys of the List object itself (not of its items). */
  readonly duplicates: ReadonlyArray<DuplicateKey>
}

/** What the cutter hands on, in stream order. */
export type Cut = ValueUnit | ItemUnit | ListEnd | CutProblem

/**
 * Characters of a List document held while its kind is unknown (items before `kind`). 16 Mi
 * characters: a List of ~1,400 kubectl pods; a larger one is read item by item from there on.
 */
export const HOLD_LIMIT = 16 * 1024 * 1024

const OBJ = 1
const ARR = 2

/** Digits beyond which an integer may not survive `JSON.parse` (2^53 has 16). */
const SAFE_DIGITS = 15

const NON_WHITE = /[^ \n\r\t]/g

const isWhite = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9
/** Characters that end a number or literal. */
const endsScalar = (c: number): boolean => isWhite(c) || c === 44 || c === 93 || c === 125 || c === 58 || c === 34 || c === 91 || c === 123

/** Options of the cutter. */
export interface CutterOptions {
  readonly maxDepth: number
  /** Override of {@link HOLD_LIMIT} (tests). */
  readonly holdLimit?: number
}

/** How the current top-level document is being cut. */
type Mode = 'value' | 'undecided' | 'list' | 'provisional'

/** A held item of an undecided List. */
interface Held {
  readonly start: UnitStart
  readonly item: number
  readonly text: string
  readonly keys: ReadonlyArray<string | number>
  readonly flaw: UnitFlaw | null
  readonly duplicates: ReadonlyArray<DuplicateKey>
}

/**
 * The cutter: `push` each piece of text, then `end`; each returns the cuts completed so far.
 *
 * @example
 * ```ts
 * const cutter = new JsonCutter({ maxDepth: 500 })
 * const cuts = [...cutter.push('{"kind":"Pod"} {"ki'), ...cutter.push('nd":"Service"}'), ...cutter.end()]
 * cuts.map((c) => c._tag) // ['Value', 'Value']
 * ```
 */
export class JsonCutter {
  private readonly maxDepth: number
  private readonly holdLimit: number
  private out: Cut[] = []

  // Where we are in the text: line bookkeeping is a cursor that only moves forward.
  private chunk = ''
  private chunkBase = 0
  private line = 1
  private lineStart = 0
  private cursor = 0

  // Structure.
  private readonly stack: number[] = []
  private overflow = 0
  private expectKey = false
  private readonly keys: Array<Map<string, number> | null> = []
  private readonly segments: Array<string | number> = []

  // Token state across chunks.
  private inString = false
  private stringIsKey = false
  private stringWanted = false
  private stringPieces: string[] = []
  private stringEscaped = false
  private stringHasEscape = false
  private inScalar = false
  private scalarLength = 0
  private scalarPieces: string[] = []
  private scalarWanted = false

  // The current document and unit.
  private document = -1
  private documentLine = 1
  private mode: Mode = 'value'
  private kindSeen = false
  private kindText: string | null = null
  private kindPieces: string[] = []
  private capturingKind = false
  private capturingApiVersion = false
  /** The document's `apiVersion` when it is a string: a List's items without their own inherit its group. */
  private apiVersionText: string | null = null
  private inItems = false
  private itemCount = 0
  private topDuplicates: DuplicateKey[] = []
  private unitPieces: string[] = []
  private unitFrom = -1
  private unitStart: UnitStart = { line: 1, column: 1 }
  private unitFlaw: UnitFlaw | null = null
  private unitKeys: Array<string | number> = []
  private unitAbs = 0
  private docKeys: Array<string | number> = []
  private docAbs = 0
  private keyAbs = 0
  private unitDuplicates: DuplicateKey[] = []
  private held: Held[] = []
  private heldSize = 0
  private docPieces: string[] = []
  private docFrom = -1
  private docStart: UnitStart = { line: 1, column: 1 }
  private docFlaw: UnitFlaw | null = null
  private docDuplicates: DuplicateKey[] = []
  private garbage = false

  constructor(options: CutterOptions) {
    this.maxDepth = options.maxDepth
    this.holdLimit = options.holdLimit ?? HOLD_LIMIT
  }

  /** Cuts out of the next piece of text. */
  push(text: string): Cut[] {
    this.chunk = text
    this.cursor = 0
    this.scan(text)
    this.flushPieces(text)
    this.chunkBase += text.length
    this.cursor = 0
    return this.take()
  }

  /** The stream ended: the last cuts, and a problem when it ended inside a value. */
  end(): Cut[] {
    this.chunk = ''
    if (this.inScalar) this.finishScalar('')
    if (this.stack.length > 0 || this.overflow > 0 || this.inString) this.incomplete()
    return this.take()
  }

  private take(): Cut[] {
    const out = this.out
    this.out = []
    return out
  }

  /** Line and column of offset `at` of the current chunk (`at` never goes backwards). */
  private placeAt(at: number): UnitStart {
    this.advanceTo(at)
    return { line: this.line, column: this.chunkBase + at - this.lineStart + 1 }
  }

  /** Counts the newlines of the current chunk up to offset `at`. */
  private advanceTo(at: number): void {
    if (at <= this.cursor) return
    const s = this.chunk
    let i = s.indexOf('\n', this.cursor)
    while (i >= 0 && i < at) {
      this.line++
      this.lineStart = this.chunkBase + i + 1
      i = s.indexOf('\n', i + 1)
    }
    this.cursor = at
  }

  /** Counts the lines of the rest of the chunk before it is dropped. */
  private finishLines(): void {
    this.placeAt(this.chunk.length)
  }

  /** The path of the object at depth `depth` (1 is the document root). */
  private pathAt(depth: number): string {
    let path = ''
    for (let d = 1; d < depth; d++) {
      const segment = this.segments[d]
      if (typeof segment === 'number') path = `${path}[${segment}]`
      else path = path === '' ? String(segment) : `${path}.${String(segment)}`
    }
    return path
  }

  private scan(s: string): void {
    const n = s.length
    let i = 0
    if (this.inString) i = this.continueString(s, 0)
    else if (this.inScalar) i = this.continueScalar(s, 0)
    while (i < n) {
      const c = s.charCodeAt(i)
      if (isWhite(c)) {
        // Indentation is most of a pretty-printed dump: jump over a run of it natively.
        NON_WHITE.lastIndex = i + 1
        const m = NON_WHITE.exec(s)
        i = m === null ? n : m.index
        continue
      }
      if (this.stack.length === 0 && this.overflow === 0) {
        if (c === 123 || c === 91 || c === 34 || c === 45 || (c >= 48 && c <= 57) || c === 116 || c === 102 || c === 110) {
          this.garbage = false
          this.startDocument(i)
          if (c === 123 || c === 91) {
            this.open(c === 123 ? OBJ : ARR, i)
            i++
          } else if (c === 34) i = this.startString(s, i)
          else i = this.startScalar(s, i)
          continue
        }
        if (!this.garbage) {
          this.garbage = true
          const at = this.placeAt(i)
          this.out.push({
            _tag: 'Problem',
            code: 'json-syntax',
            document: null,
            ...at,
            // Go's words: its decoder starts the next value here.
            message: `invalid character ${goQuoteChar(s, i)} looking for beginning of value: ${JSON_STOPS}`,
          })
        }
        i++
        continue
      }
      switch (c) {
        case 123:
        case 91:
          this.valueStarts(i)
          this.open(c === 123 ? OBJ : ARR, i)
          i++
          break
        case 125:
        case 93:
          this.close(c === 125 ? OBJ : ARR, i)
          i++
          break
        case 34:
          if (!(this.expectKey && this.top() === OBJ)) this.valueStarts(i)
          i = this.startString(s, i)
          break
        case 58:
          if (this.top() !== OBJ || this.expectKey) this.flaw('syntax')
          i++
          break
        case 44:
          if (this.top() === OBJ) this.expectKey = true
          else if (this.top() === ARR) {
            const d = this.stack.length
            this.segments[d] = (this.segments[d] as number) + 1
          }
          i++
          break
        default:
          this.valueStarts(i)
          i = this.startScalar(s, i)
      }
    }
  }

  private top(): number {
    return this.overflow > 0 ? 0 : (this.stack[this.stack.length - 1] ?? 0)
  }

  private flaw(f: UnitFlaw): void {
    if (this.unitFrom >= 0 || this.unitPieces.length > 0) {
      if (this.unitFlaw === null || f === 'syntax') this.unitFlaw = f
    }
    if (this.docFlaw === null || f === 'syntax') this.docFlaw = f
  }

  // ---------------------------------------------------------------------------------------------
  // Documents and units

  private startDocument(at: number): void {
    this.document++
    const place = this.placeAt(at)
    this.documentLine = this.document === 0 ? 1 : place.line
    this.docStart = place
    this.docFrom = at
    this.docAbs = this.chunkBase + at
    this.docKeys = []
    this.docPieces = []
    this.docFlaw = null
    this.docDuplicates = []
    this.mode = 'value'
    this.kindSeen = false
    this.kindText = null
    this.apiVersionText = null
    this.inItems = false
    this.itemCount = 0
    this.topDuplicates = []
    this.held = []
    this.heldSize = 0
  }

  /** A value starts at `at` (not a key): an item of a List's `items` is a unit of its own. */
  private valueStarts(at: number): void {
    if (this.inItems && this.stack.length === 2 && this.overflow === 0) {
      this.unitFrom = at
      this.unitAbs = this.chunkBase + at
      this.unitKeys = []
      this.unitPieces = []
      this.unitStart = this.placeAt(at)
      this.unitFlaw = null
      this.unitDuplicates = []
    }
  }

  private open(type: number, at: number): void {
    if (this.overflow > 0 || this.stack.length >= this.maxDepth) {
      if (this.overflow === 0) {
        const place = this.placeAt(at)
        this.out.push({
          _tag: 'Problem',
          code: 'too-deep',
          document: this.document,
          ...place,
          message: `nesting deeper than ${this.maxDepth} levels; no Kubernetes object nests like this`,
        })
        this.docFlaw = 'syntax'
        this.unitFlaw = 'syntax'
      }
      this.overflow++
      return
    }
    // `items: [` at the top of a document: its elements become units.
    if (type === ARR && this.stack.length === 1 && this.segments[1] === 'items' && this.stack[0] === OBJ) {
      this.enterItems()
    }
    this.stack.push(type)
    const d = this.stack.length
    this.keys[d] = null
    this.segments[d] = type === ARR ? 0 : ''
    this.expectKey = type === OBJ
  }

  private enterItems(): void {
    if (this.kindSeen) {
      if (this.kindText === null || !isListKind(this.kindText)) return
      this.mode = 'list'
      // Known to be a List: its envelope text is not needed.
      this.docPieces = []
      this.docFrom = -1
    } else this.mode = 'undecided'
    this.inItems = true
  }

  private close(type: number, at: number): void {
    if (this.overflow > 0) {
      this.overflow--
      return
    }
    const open = this.stack.pop()
    if (open !== type) this.flaw('syntax')
    const d = this.stack.length
    this.expectKey = false
    if (d === 0) {
      this.finishDocument(at + 1)
      return
    }
    if (d === 1 && this.inItems) {
      this.inItems = false
      return
    }
    if (d === 2 && this.inItems) this.finishItem(at + 1)
  }

  private unitText(end: number): string {
    const last = this.chunk.slice(Math.max(0, this.unitFrom), end)
    if (this.unitPieces.length === 0) return last
    this.unitPieces.push(last)
    return this.unitPieces.join('')
  }

  private finishItem(end: number): void {
    const text = this.unitText(end)
    const item = this.itemCount++
    this.unitFrom = -1
    this.unitPieces = []
    if (this.mode === 'undecided') {
      this.held.push({ start: this.unitStart, item, text, keys: this.unitKeys, flaw: this.unitFlaw, duplicates: this.unitDuplicates })
      this.heldSize += text.length
      if (this.heldSize > this.holdLimit) this.goProvisional()
      return
    }
    this.out.push(this.itemCut({ start: this.unitStart, item, text, keys: this.unitKeys, flaw: this.unitFlaw, duplicates: this.unitDuplicates }, this.mode === 'list' ? this.kindText : null))
  }

  private itemCut(h: Held, listKind: string | null): ItemUnit {
    return { _tag: 'Item', document: this.document, documentLine: this.documentLine, item: h.item, text: h.text, keys: h.keys, flaw: h.flaw, duplicates: h.duplicates, listKind, listApiVersion: this.apiVersionText, ...h.start }
  }

  /** The hold limit is reached with the kind still unknown: the held items go, the document text is dropped. */
  private goProvisional(): void {
    this.mode = 'provisional'
    for (const h of this.held) this.out.push(this.itemCut(h, null))
    this.held = []
    this.heldSize = 0
    this.docPieces = []
    this.docFrom = -1
  }

  private finishDocument(end: number): void {
    const mode = this.mode
    const listKind = this.kindText !== null && isListKind(this.kindText) ? this.kindText : null
    if (mode === 'list' || mode === 'provisional' || (mode === 'undecided' && listKind !== null)) {
      for (const h of this.held) this.out.push(this.itemCut(h, listKind))
      this.out.push({
        _tag: 'ListEnd',
        document: this.document,
        documentLine: this.documentLine,
        kind: this.kindValue(),
        items: this.itemCount,
        provisional: mode === 'provisional',
        duplicates: this.topDuplicates,
      })
    } else {
      const last = this.chunk.slice(Math.max(0, this.docFrom), end)
      const text = this.docPieces.length === 0 ? last : [...this.docPieces, last].join('')
      this.out.push({
        _tag: 'Value',
        document: this.document,
        text,
        keys: this.docKeys,
        flaw: this.docFlaw,
        duplicates: this.docDuplicates,
        line: this.docStart.line,
        column: this.docStart.column,
      })
    }
    this.docPieces = []
    this.docFrom = -1
    this.held = []
  }

  private kindValue(): unknown {
    if (this.kindText === null) return this.kindSeen ? null : undefined
    return this.kindText
  }

  private incomplete(): void {
    // Looked at before the held text goes: a stray quote or bracket leaves the structure open
    // to the end, but Go's decoder refused the value earlier, and kubectl says that instead.
    const refused = this.refusedBeforeEnd()
    // Every complete item before the cut is still reported.
    if (this.mode === 'undecided') this.goProvisional()
    if (refused !== null) {
      this.out.push(refused)
      return
    }
    const where = this.placeAt(this.chunk.length)
    const inItem = this.inItems && this.mode !== 'undecided'
    const what = inItem
      ? `items[${this.itemCount}] of document ${this.document} (a List starting on line ${this.documentLine}): items before it were read, items[${this.itemCount}] is incomplete`
      : `document ${this.document} (starting on line ${this.docStart.line}): it is incomplete`
    this.out.push({ _tag: 'Problem', code: 'incomplete-input', document: this.document, ...where, message: `the input ended inside ${what}` })
  }

  /** Go's first refusal in the unit (or document) the input ended inside, if any. */
  private refusedBeforeEnd(): CutProblem | null {
    const inUnit = this.inItems && this.mode !== 'undecided' && (this.unitFrom >= 0 || this.unitPieces.length > 0)
    let text: string
    let start: UnitStart
    let prefix = ''
    if (inUnit) {
      text = [...this.unitPieces, this.chunk.slice(Math.max(0, this.unitFrom))].join('')
      start = this.unitStart
      prefix = `items[${this.itemCount}]: `
    } else if (this.docFrom >= 0 || this.docPieces.length > 0) {
      text = [...this.docPieces, this.chunk.slice(Math.max(0, this.docFrom))].join('')
      start = this.docStart
    } else return null
    const error = goJsonError(text)
    if (error === null) return null
    return { _tag: 'Problem', code: 'json-syntax', document: this.document, ...placeIn(text, error.offset, start.line, start.column), message: `${prefix}${error.message}: ${JSON_STOPS}` }
  }

  /** Keeps the text of the unit and document being cut before the chunk goes. */
  private flushPieces(s: string): void {
    this.finishLines()
    if (this.unitFrom >= 0) {
      this.unitPieces.push(s.slice(this.unitFrom))
      this.unitFrom = 0
    }
    if (this.docFrom >= 0) {
      this.docPieces.push(s.slice(this.docFrom))
      this.docFrom = 0
      if (this.mode === 'undecided') {
        this.heldSize += s.length
        if (this.heldSize > this.holdLimit) this.goProvisional()
      }
    }
    if (this.inString && this.stringWanted) this.stringPieces.push(s.slice(this.stringFrom))
    if (this.inScalar && this.scalarWanted) this.scalarPieces.push(s.slice(this.scalarFrom))
    this.stringFrom = 0
    this.scalarFrom = 0
  }

  // ---------------------------------------------------------------------------------------------
  // Strings

  private stringFrom = 0

  private startString(s: string, at: number): number {
    this.inString = true
    this.stringIsKey = this.expectKey && this.top() === OBJ
    // Kept only when read: keys (duplicates, `items`), and the document's `kind`.
    this.capturingKind = !this.stringIsKey && this.stack.length === 1 && this.overflow === 0 && this.segments[1] === 'kind'
    this.capturingApiVersion = !this.stringIsKey && this.stack.length === 1 && this.overflow === 0 && this.segments[1] === 'apiVersion'
    this.stringWanted = this.stringIsKey || this.capturingKind || this.capturingApiVersion
    this.stringPieces = []
    this.stringEscaped = false
    this.stringHasEscape = false
    this.stringFrom = at + 1
    if (this.stringIsKey) {
      this.keyAbs = this.chunkBase + at
      this.advanceTo(at)
      this.keyLine = this.line
      this.keyColumn = this.chunkBase + at - this.lineStart + 1
    }
    return this.continueString(s, at + 1)
  }

  private keyLine = 1
  private keyColumn = 1

  private continueString(s: string, from: number): number {
    let i = from
    if (this.stringEscaped) {
      // The previous chunk ended on a backslash: this character is escaped.
      this.stringEscaped = false
      i++
    }
    for (;;) {
      const q = s.indexOf('"', i)
      const b = s.indexOf('\\', i)
      if (b >= 0 && (q < 0 || b < q)) {
        this.stringHasEscape = true
        if (b + 1 >= s.length) {
          this.stringEscaped = true
          return s.length
        }
        i = b + 2
        continue
      }
      if (q < 0) return s.length
      this.finishString(s, q)
      return q + 1
    }
  }

  private finishString(s: string, end: number): void {
    this.inString = false
    if (!this.stringWanted) {
      this.scalarEnds(end + 1)
      return
    }
    const last = s.slice(this.stringFrom, end)
    let raw = this.stringPieces.length === 0 ? last : [...this.stringPieces, last].join('')
    this.stringPieces = []
    if (this.stringHasEscape) {
      try {
        raw = JSON.parse(`"${raw}"`) as string
      } catch {
        this.flaw('syntax')
      }
    }
    if (this.stringIsKey) this.key(raw)
    else if (this.capturingApiVersion) {
      this.apiVersionText = raw
      this.scalarEnds(end + 1)
    } else {
      this.kindSeen = true
      this.kindText = raw
      this.scalarEnds(end + 1)
    }
  }

  private key(key: string): void {
    const d = this.stack.length
    this.segments[d] = key
    this.expectKey = false
    let seen = this.keys[d]
    if (seen === undefined || seen === null) {
      seen = new Map<string, number>()
      this.keys[d] = seen
    }
    const first = seen.get(key)
    if (first !== undefined) {
      const dup: DuplicateKey = { key, path: this.pathAt(d), firstLine: first, line: this.keyLine, column: this.keyColumn }
      const inItem = this.inItems && d > 2
      if (inItem) this.unitDuplicates.push(dup)
      // A held List may still turn out to be one value: it keeps every duplicate too.
      if (!inItem || this.mode === 'undecided') this.docDuplicates.push(dup)
      if (d === 1) this.topDuplicates.push(dup)
    }
    seen.set(key, this.keyLine)
    // The unit's own keys, so a place inside it is found without skipping over what precedes it.
    if (this.overflow === 0) {
      if (d === 1 && this.stack[0] === OBJ) this.docKeys.push(key, this.keyAbs - this.docAbs)
      else if (d === 3 && this.inItems && this.stack[2] === OBJ) this.unitKeys.push(key, this.keyAbs - this.unitAbs)
    }
    if (d === 1 && key === 'kind') {
      this.kindSeen = true
      this.kindText = null
    }
  }

  /** A string, number or literal ended just before `end`: it may be a document or an item. */
  private scalarEnds(end: number): void {
    if (this.overflow > 0) return
    if (this.stack.length === 0) this.finishDocument(end)
    else if (this.inItems && this.stack.length === 2) this.finishItem(end)
  }

  // ---------------------------------------------------------------------------------------------
  // Numbers and literals

  private scalarFrom = 0

  private startScalar(s: string, at: number): number {
    this.inScalar = true
    this.scalarLength = 0
    this.scalarPieces = []
    this.scalarFrom = at
    // A non-string `kind` of the document (`kind: 5`, `kind: null`) is not a List's.
    if (this.stack.length === 1 && this.overflow === 0 && this.segments[1] === 'kind') {
      this.kindSeen = true
      this.kindText = null
    }
    this.scalarWanted = true
    return this.continueScalar(s, at)
  }

  private continueScalar(s: string, from: number): number {
    let i = from
    const n = s.length
    while (i < n && !endsScalar(s.charCodeAt(i))) i++
    this.scalarLength += i - from
    if (i < n) {
      this.finishScalar(s.slice(this.scalarFrom, i))
      return i
    }
    return n
  }

  private finishScalar(last: string): void {
    this.inScalar = false
    if (this.scalarLength > SAFE_DIGITS) {
      const text = this.scalarPieces.length === 0 ? last : [...this.scalarPieces, last].join('')
      if (/^-?\d+$/.test(text) && !Number.isSafeInteger(Number(text))) this.flaw('unsafe-integer')
    }
    this.scalarPieces = []
    this.scalarEnds(this.scalarFrom + last.length)
  }
}
