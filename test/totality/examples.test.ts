/**
 * Every TSDoc `@example` in src/ imports its names from where a user can import them: the
 * package root or a subpath of package.json's `exports`, and each name is exported there (types
 * included). Read with the TypeScript checker, from the entry points' sources.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, test } from 'vitest'

const PACKAGE = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; exports: Record<string, unknown> }

/** `no-new-privs/codecs` → src/codecs/index.ts, from the `exports` map's subpaths. */
const ENTRIES: ReadonlyMap<string, string> = new Map(
  Object.keys(PACKAGE.exports)
    .filter((k) => k !== './package.json')
    .map((k) => [k === '.' ? PACKAGE.name : `${PACKAGE.name}/${k.slice(2)}`, k === '.' ? 'src/index.ts' : `src/${k.slice(2)}/index.ts`]),
)

function exportedNames(): ReadonlyMap<string, ReadonlySet<string>> {
  const program = ts.createProgram([...ENTRIES.values()], { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true })
  const checker = program.getTypeChecker()
  const out = new Map<string, ReadonlySet<string>>()
  for (const [specifier, file] of ENTRIES) {
    const source = program.getSourceFile(file)
    const symbol = source === undefined ? undefined : checker.getSymbolAtLocation(source)
    out.set(specifier, new Set(symbol === undefined ? [] : checker.getExportsOfModule(symbol).map((s) => s.name)))
  }
  return out
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []))
}

interface ExampleImport {
  readonly file: string
  readonly line: number
  readonly specifier: string
  readonly names: ReadonlyArray<string>
}

/** The `import { … } from '…'` statements inside the TSDoc comments of a file. */
function exampleImports(file: string): ExampleImport[] {
  const text = readFileSync(file, 'utf8')
  const out: ExampleImport[] = []
  for (const block of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    if (!block[0].includes('@example')) continue
    // The comment's text without its ` * ` margins, so that an import may span lines.
    const body = block[0].replace(/^\s*\*( |$)/gm, '')
    const blockLine = text.slice(0, block.index).split('\n').length
    for (const m of body.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'([^']+)'/g)) {
      const names = (m[1] ?? '')
        .split(',')
        .map((n) => n.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]?.trim() ?? '')
        .filter((n) => n !== '')
      const line = blockLine + body.slice(0, m.index).split('\n').length - 1
      out.push({ file, line, specifier: m[2] ?? '', names })
    }
  }
  return out
}

/**
 * Known, in files another branch owns (src/resolve/ is the resolve helper's): listed here so the
 * rest is checked; each entry is one example to fix there (RESTRICTED_REASON is on
 * `no-new-privs/resolve`). Remove an entry when it is fixed: an entry that matches nothing fails.
 */
const OWNED_ELSEWHERE: ReadonlySet<string> = new Set(["src/resolve/podSecurity.ts: RESTRICTED_REASON from 'no-new-privs'"])

describe('TSDoc examples import what users can import', () => {
  const imports = sourceFiles('src').flatMap(exampleImports)

  test('the examples have imports to check', () => {
    expect(imports.length).toBeGreaterThan(50)
  })

  test('every example import of the package names an entry point, and every name is exported there', () => {
    const exported = exportedNames()
    const wrong: string[] = []
    const seen = new Set<string>()
    for (const i of imports) {
      if (i.specifier !== PACKAGE.name && !i.specifier.startsWith(`${PACKAGE.name}/`)) continue
      const names = exported.get(i.specifier)
      if (names === undefined) {
        wrong.push(`${i.file}:${i.line}: '${i.specifier}' is not an entry point (${[...ENTRIES.keys()].join(', ')})`)
        continue
      }
      for (const n of i.names) {
        if (names.has(n)) continue
        const known = `${i.file}: ${n} from '${i.specifier}'`
        if (OWNED_ELSEWHERE.has(known)) {
          seen.add(known)
          continue
        }
        const at = [...exported].filter(([, set]) => set.has(n)).map(([s]) => s)
        wrong.push(`${i.file}:${i.line}: ${n} is not exported by '${i.specifier}'${at.length > 0 ? ` (it is by ${at.join(', ')})` : ''}`)
      }
    }
    expect(wrong, wrong.join('\n')).toEqual([])
    expect([...OWNED_ELSEWHERE].filter((k) => !seen.has(k)), 'fixed: remove from OWNED_ELSEWHERE').toEqual([])
  })

  // The CLI's modules are not importable (the package ships them as the bin only): their examples
  // are for contributors and may import sources. Everything else is reached from an entry point.
  test('no example outside src/cli/ imports from a source path users do not have', () => {
    const relative = imports.filter((i) => !i.file.startsWith(join('src', 'cli')) && (i.specifier.startsWith('.') || i.specifier.startsWith('src/')))
    expect(relative.map((i) => `${i.file}:${i.line}: '${i.specifier}'`)).toEqual([])
  })
})
