/**
 * Bytes → text, chunk by chunk: manifests are UTF-8, and input that is not is reported with the
 * byte offset and line of the first bad byte, never guessed at. No chunk is ever joined to the
 * next, so input of any size is decoded without building one string of it (V8 strings stop at
 * ~512 MB: the first version reported a false "not UTF-8" past that).
 *
 * @packageDocumentation
 */

/** Where the first byte that is not UTF-8 sits in the whole input. */
export interface NotUtf8 {
  readonly _tag: 'NotUtf8'
  /** Offset of the bad byte from the start of the input (a leading byte-order mark included). */
  readonly offset: number
  /** 1-based line of that byte. */
  readonly line: number
  /** The bad byte itself. */
  readonly byte: number
  /** The text of the chunk before the bad byte (it is still read). */
  readonly before?: string
}

/**
 * The message a report gives for {@link NotUtf8}.
 *
 * @example
 * ```ts
 * notUtf8Message({ _tag: 'NotUtf8', offset: 2, line: 2, byte: 0xff }) // 'not UTF-8: byte 2 (0xff) on line 2 is not part of a UTF-8 sequence'
 * ```
 */
export const notUtf8Message = (e: NotUtf8): string =>
  `not UTF-8: byte ${e.offset} (0x${e.byte.toString(16).padStart(2, '0')}) on line ${e.line} is not part of a UTF-8 sequence`

/** Length of the UTF-8 sequence a lead byte opens; 0 for a byte that cannot lead one. */
const sequenceLength = (b: number): number => (b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0)

/** The second byte's range excludes overlongs, surrogates and code points above U+10FFFF (RFC 3629). */
const secondLow = (first: number): number => (first === 0xe0 ? 0xa0 : first === 0xf0 ? 0x90 : 0x80)
const secondHigh = (first: number): number => (first === 0xed ? 0x9f : first === 0xf4 ? 0x8f : 0xbf)

/**
 * Offset of the first byte of `bytes` that does not belong to a well-formed UTF-8 sequence, or
 * `-1`; a sequence cut by the end of `bytes` counts as bad only when `final`.
 *
 * @example
 * ```ts
 * firstInvalidOffset(Uint8Array.of(0x61, 0xff), true) // 1
 * firstInvalidOffset(Uint8Array.of(0x61, 0xc3), false) // -1 (the rest may come in the next chunk)
 * ```
 */
export const firstInvalidOffset = (bytes: Uint8Array, final: boolean): number => {
  let i = 0
  const n = bytes.length
  while (i < n) {
    const b = bytes[i] as number
    if (b < 0x80) {
      i++
      continue
    }
    const length = sequenceLength(b)
    if (length === 0) return i
    for (let k = 1; k < length; k++) {
      if (i + k >= n) return final ? i : -1
      const c = bytes[i + k] as number
      const low = k === 1 ? secondLow(b) : 0x80
      const high = k === 1 ? secondHigh(b) : 0xbf
      if (c < low || c > high) return i
    }
    i += length
  }
  return -1
}

/** How many bytes at the end of `bytes` start a sequence that the next chunk must finish. */
const pendingTail = (bytes: Uint8Array): number => {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back] as number
    if (b < 0x80) return 0
    if (b >= 0xc0) return sequenceLength(b) > back ? back : 0
  }
  return 0
}

const countNewlines = (bytes: Uint8Array, end: number): number => {
  let n = 0
  for (let i = bytes.indexOf(10); i >= 0 && i < end; i = bytes.indexOf(10, i + 1)) n++
  return n
}

/**
 * Decodes UTF-8 chunks as they arrive (a leading byte-order mark dropped, sequences split across
 * chunks joined): `push` gives each chunk's text, `end` the rest. At the first bad byte it gives
 * a {@link NotUtf8}; what follows is not text, and the caller stops.
 *
 * @example
 * ```ts
 * const d = new Utf8Decoder()
 * d.push(Uint8Array.of(0xc3)) // ''
 * d.push(Uint8Array.of(0xa9)) // 'é'
 * d.push(Uint8Array.of(0xff)) // { _tag: 'NotUtf8', offset: 2, line: 1, byte: 255 }
 * ```
 */
export class Utf8Decoder {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
  private consumed = 0
  private lines = 1
  /** The bytes the decoder is still holding (a sequence cut in two). */
  private held: Uint8Array = new Uint8Array(0)

  push(chunk: Uint8Array): string | NotUtf8 {
    let text: string
    try {
      text = this.decoder.decode(chunk, { stream: true })
    } catch {
      const joined = new Uint8Array(this.held.length + chunk.length)
      joined.set(this.held, 0)
      joined.set(chunk, this.held.length)
      const at = Math.max(0, firstInvalidOffset(joined, false))
      // The well-formed text before the bad byte is still read: every document before it counts.
      const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(joined.subarray(0, at))
      // Only the stream's very first character may be a byte-order mark to drop.
      const prefix = this.consumed === 0 && before.charCodeAt(0) === 0xfeff ? before.slice(1) : before
      return {
        _tag: 'NotUtf8',
        offset: this.consumed - this.held.length + at,
        line: this.lines + countNewlines(joined, at),
        byte: joined[at] as number,
        before: prefix,
      }
    }
    // A chunk shorter than a sequence may continue the held bytes rather than start its own.
    let combined = chunk
    if (chunk.length < 4 && this.held.length > 0) {
      combined = new Uint8Array(this.held.length + chunk.length)
      combined.set(this.held, 0)
      combined.set(chunk, this.held.length)
    }
    const tail = pendingTail(combined)
    this.held = tail === 0 ? new Uint8Array(0) : combined.slice(combined.length - tail)
    // Newlines are single bytes: none sits in a held partial sequence.
    this.lines += countNewlines(chunk, chunk.length)
    this.consumed += chunk.length
    return text
  }

  end(): string | NotUtf8 {
    try {
      return this.decoder.decode()
    } catch {
      return { _tag: 'NotUtf8', offset: this.consumed - this.held.length, line: this.lines, byte: this.held[0] as number }
    }
  }
}
