// Gives every declaration file tsc wrote to dist/types a .d.cts twin whose relative imports end
// in .cjs: in a "type": "module" package a .d.ts is read as ESM, and require() callers under
// moduleResolution node16 need CommonJS declarations (attw's "masquerading as ESM" otherwise).
//
// Usage: node scripts/declarations.mjs   (after tsc -p tsconfig.build.json)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const types = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'types')
let count = 0
for (const entry of readdirSync(types, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue
  const path = join(entry.parentPath, entry.name)
  const text = readFileSync(path, 'utf8').replace(/((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]*)\.js(['"])/g, '$1$2.cjs$3')
  writeFileSync(path.replace(/\.d\.ts$/, '.d.cts'), text)
  count++
}
console.log(`declarations: ${count} .d.cts files beside their .d.ts in dist/types`)
