/**
 * Input types accept `undefined` where they accept absence: test/totality/exactOptional/inputs.ts
 * (objects shaped like `@kubernetes/client-node`'s, options built with `cond ? x : undefined`)
 * compiles under `exactOptionalPropertyTypes`, with the library's sources.
 */
import { spawnSync } from 'node:child_process'
import { expect, test } from 'vitest'

test('the public input types compile under exactOptionalPropertyTypes with undefined fields', () => {
  const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'test/totality/exactOptional'], { encoding: 'utf8' })
  expect(`${r.stdout}${r.stderr}`).toBe('')
  expect(r.status).toBe(0)
}, 180_000)
