/**
 * The totality suite cannot fall behind the package: every function an entry point exports has
 * a line in test/totality/registry.ts (a property here, a property elsewhere, or a todo with its
 * reason), and every line names a function that is still exported.
 */
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { ENTRY_MODULES, isCodec } from './entries.js'
import { REGISTRY, type Entry } from './registry.js'

const functionsOf = (mod: Readonly<Record<string, unknown>>): string[] =>
  Object.entries(mod)
    .filter(([, v]) => typeof v === 'function' && !isCodec(v))
    .map(([k]) => k)
    .sort()

describe('the totality registry lists every exported function', () => {
  for (const entry of Object.keys(ENTRY_MODULES) as Entry[]) {
    test(`${entry}`, () => {
      const exported = functionsOf(ENTRY_MODULES[entry])
      const listed = Object.keys(REGISTRY[entry]).sort()
      expect(exported.filter((name) => !listed.includes(name)), 'exported without a totality line').toEqual([])
      expect(listed.filter((name) => !exported.includes(name)), 'listed but no longer exported').toEqual([])
    })
  }

  test('a property said to be elsewhere is in a file that names the function', () => {
    for (const [entry, lines] of Object.entries(REGISTRY)) {
      for (const [name, coverage] of Object.entries(lines)) {
        if (coverage._tag !== 'Elsewhere') continue
        expect(existsSync(coverage.file), `${entry}.${name}: ${coverage.file}`).toBe(true)
        expect(readFileSync(coverage.file, 'utf8'), `${entry}.${name} in ${coverage.file}`).toContain(name)
      }
    }
  })
})
