/** The package's entry points, as the package.json `exports` map names them, from the source. */
import * as t from 'io-ts'
import * as root from '../../src/index.js'
import * as codecs from '../../src/codecs/index.js'
import * as manifest from '../../src/manifest/index.js'
import * as resolve from '../../src/resolve/index.js'
import * as runtime from '../../src/runtime/index.js'
import * as testing from '../../src/testing/index.js'
import type { Entry } from './registry.js'

export const ENTRY_MODULES: Readonly<Record<Entry, Readonly<Record<string, unknown>>>> = { root, codecs, manifest, resolve, runtime, testing }

/** An io-ts codec (a value with `decode` and `is`), not a function to call. */
export function isCodec(u: unknown): u is t.Type<unknown, unknown, unknown> {
  return u instanceof t.Type
}
