/**
 * The SARIF 2.1.0 JSON schema (OASIS, release 2.1.0-rtm.5) as shipped by the
 * `@microsoft/jest-sarif` package, compiled with ajv.
 *
 * The schema is draft-04; ajv 8 speaks draft-07, and the only draft-04 construct this schema
 * uses is the root `id`, so it becomes `$id` and the draft-04 `$schema` is dropped. Its
 * `language` pattern (`…-[a-zA-Z]{2}]?$`) is legal only without the `u` flag, as draft-04
 * validators ran it: `unicodeRegExp: false`.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Ajv } from 'ajv'
import type { ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'

const require = createRequire(import.meta.url)

export function sarifValidator(): ValidateFunction {
  const path = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json')
  const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  const { $schema: _draft04, id, ...rest } = schema
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false })
  const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv
  addFormats(ajv)
  return ajv.compile({ ...rest, $id: String(id) })
}
