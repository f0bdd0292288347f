/**
 * Bytes to text: manifests are UTF-8, and a file that is not is reported, never guessed at.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'

/** Where the first byte that is not UTF-8 sits. */
export interface NotUtf8 {
  readonly offset: number
  /** 1-based line of that byte. */
  readonly line: number
  /** 1-based column (in bytes from the line start) of that byte. */
  readonly column: number
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/**
 * Decodes UTF-8 (dropping a leading byte-order mark), or says where the first bad byte is.
 *
 * @example
 * ```ts
 * decodeUtf8(new TextEncoder().encode('kind: Pod\n')) // Right('kind: Pod\n')
 * decodeUtf8(Uint8Array.of(0x6b, 0x0a, 0xff))           // Left({ offset: 2, line: 2, column: 1 })
 * ```
 */
export function decodeUtf8(bytes: Uint8Array): E.Either<NotUtf8, string> {
  try {
    return E.right(decoder.decode(bytes))
  } catch {
    return E.left(locate(bytes, firstInvalidOffset(bytes)))
  }
}

function locate(bytes: Uint8Array, offset: number): NotUtf8 {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++
      lineStart = i + 1
    }
  }
  return { offset, line, column: offset - lineStart + 1 }
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidOffset(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    if (length === 0 || i + length > bytes.length) return i
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k]!
      const [lo, hi] = k === 1 ? secondByteRange(b) : [0x80, 0xbf]
      if (c < lo || c > hi) return i
    }
    i += length
  }
  return bytes.length
}

/** The second byte's range excludes overlongs, surrogates and code points above U+10FFFF. */
function secondByteRange(first: number): readonly [number, number] {
  if (first === 0xe0) return [0xa0, 0xbf]
  if (first === 0xed) return [0x80, 0x9f]
  if (first === 0xf0) return [0x90, 0xbf]
  if (first === 0xf4) return [0x80, 0x8f]
  return [0x80, 0xbf]
}
