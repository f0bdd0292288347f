// Every public export (of `no-new-privs` and `no-new-privs/testing`) has TSDoc with an `@example`.
// Reads TypeDoc's JSON model, so it sees exactly what the API reference shows.
//
// Usage: node scripts/check-tsdoc.mjs [typedoc.json output]   (default: runs TypeDoc itself)
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

let file = process.argv[2]
let scratch = null
if (file === undefined) {
  scratch = mkdtempSync(join(tmpdir(), 'no-new-privs-tsdoc-'))
  file = join(scratch, 'api.json')
  const r = spawnSync('npx', ['typedoc', '--json', file, '--logLevel', 'Error'], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
const project = JSON.parse(readFileSync(file, 'utf8'))
if (scratch !== null) rmSync(scratch, { recursive: true, force: true })

const hasExample = (comment) => (comment?.blockTags ?? []).some((t) => t.tag === '@example')
const hasSummary = (comment) => (comment?.summary ?? []).some((part) => part.text.trim() !== '')
/** The comments that can carry the documentation of one export. */
const commentsOf = (r) => [r.comment, ...(r.signatures ?? []).map((s) => s.comment), ...(r.getSignature ? [r.getSignature.comment] : [])]

const modules = project.children?.some((c) => c.kind === 2) ? project.children : [project]
// TypeDoc kinds of values (Variable, Function, Class): a codec `X` and its decoded type `X` are one
// export under one name (`decode(X, …)` shows both), documented once on the value.
const VALUE_KINDS = new Set([32, 64, 128])
// A name exported from several entry points (the root and a subpath) is documented once by TypeDoc;
// the other entries are references to it, and carry the documentation of their target.
const byId = new Map()
const index = (r) => {
  byId.set(r.id, r)
  for (const c of r.children ?? []) index(c)
}
for (const mod of modules) index(mod)
const REFERENCE = 4194304
const targetOf = (r) => {
  let seen = 0
  while (r !== undefined && r.kind === REFERENCE && seen++ < 16) r = byId.get(r.target)
  return r
}
const missing = []
let count = 0
for (const mod of modules) {
  const documentedValues = new Set(
    (mod.children ?? []).filter((r) => VALUE_KINDS.has(r.kind) && commentsOf(r).some(hasExample)).map((r) => r.name),
  )
  for (const entry of mod.children ?? []) {
    count += 1
    const r = targetOf(entry) ?? entry
    const comments = commentsOf(r)
    const what = `${mod.name === project.name ? '' : `${mod.name}: `}${r.name}`
    if (!VALUE_KINDS.has(r.kind) && documentedValues.has(r.name)) continue
    if (!comments.some(hasSummary)) missing.push(`${what}: no TSDoc`)
    else if (!comments.some(hasExample)) missing.push(`${what}: no @example`)
  }
}
for (const m of missing) console.log(m)
console.log(`${count - missing.length} of ${count} public exports have TSDoc with an @example`)
process.exit(missing.length === 0 ? 0 : 1)
