// The package as a stranger gets it: pack it, lint the tarball (publint --strict, attw), install
// it into a fresh consumer project and use every entry point there — ESM import, CJS require, the
// ./testing subpath, the types under moduleResolution node16 and bundler, and the CLI through npx.
//
// Usage: node scripts/check-package.mjs [--keep]   (after `npm run build`; --keep leaves the
// consumer project in place and prints where). Exits non-zero on the first failed check.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const root_ = root
const keep = process.argv.includes('--keep')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const work = mkdtempSync(join(tmpdir(), 'no-new-privs-package-'))
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
let failures = 0

const ok = (what) => console.log(`ok    ${what}`)
const fail = (what, detail = '') => {
  failures += 1
  console.log(`FAIL  ${what}${detail === '' ? '' : `\n${detail.replace(/^/gm, '      ')}`}`)
}
/** Runs a command; `{ status, stdout, stderr }`, never throws. */
const run = (command, args, options = {}) => {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options })
  return { status: r.status ?? 1, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error ? String(r.error) : '') }
}
const npm = (args, cwd) => run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd })

// ---------------------------------------------------------------------------------------------
// 1. Pack, and look inside the tarball

const packed = npm(['pack', '--json', '--pack-destination', work], root)
if (packed.status !== 0) {
  fail('npm pack', packed.stderr)
  process.exit(1)
}
// The prepack build logs to stdout before npm's JSON (with colour codes that hold '['): the JSON
// is the array that starts at the beginning of a line.
const jsonStart = packed.stdout.search(/^\[/m)
if (jsonStart < 0) {
  fail('npm pack --json printed no JSON', packed.stdout)
  process.exit(1)
}
const [info] = JSON.parse(packed.stdout.slice(jsonStart))
const tarball = join(work, info.filename)
const files = info.files.map((f) => f.path).sort()
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`
console.log(`== ${info.filename}: ${kib(info.size)} packed, ${kib(info.unpackedSize)} unpacked, ${files.length} files`)
for (const f of info.files.slice().sort((a, b) => a.path.localeCompare(b.path))) console.log(`      ${kib(f.size).padStart(10)}  ${f.path}`)

const REQUIRED = [
  'package.json',
  'README.md',
  'LICENSE',
  'dist/index.js',
  'dist/index.cjs',
  'dist/types/index.d.ts',
  'dist/types/index.d.cts',
  'dist/testing/index.js',
  'dist/testing/index.cjs',
  'dist/types/testing/index.d.ts',
  'dist/types/testing/index.d.cts',
  'dist/cli/main.js',
  ...['codecs', 'manifest', 'resolve', 'runtime'].flatMap((sub) => [`dist/${sub}/index.js`, `dist/${sub}/index.cjs`, `dist/types/${sub}/index.d.ts`, `dist/types/${sub}/index.d.cts`]),
]
const missing = REQUIRED.filter((f) => !files.includes(f))
if (missing.length === 0) ok('the tarball holds every entry point, its types, README and LICENSE')
else fail('the tarball lacks files a user needs', missing.join('\n'))

// Only what a user needs: the built code and its declarations; no sources, tests, maps or tooling.
const isShipped = (f) => ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'SECURITY.md'].includes(f) || /^dist\/.+\.(c?js|d\.c?ts)$/.test(f)
const extra = files.filter((f) => !isShipped(f))
if (extra.length === 0) ok('the tarball holds nothing but dist/*.{js,cjs,d.ts,d.cts} and the package documents')
else fail('the tarball holds files no user needs', extra.join('\n'))

// Declarations in named files (go-to-definition lands in resolve/types.d.ts), never hashed chunks.
{
  const hashed = files.filter((f) => /\.d\.c?ts$/.test(f) && /-[A-Za-z0-9_]{8}\.d\.c?ts$/.test(f))
  const named = files.includes('dist/types/resolve/types.d.ts') && files.includes('dist/types/resolve/types.d.cts')
  if (hashed.length === 0 && named) ok('declarations: one named .d.ts and .d.cts per source file, no hashed chunks')
  else fail('declarations are not in named files', hashed.join('\n') || 'dist/types/resolve/types.d.ts missing')
}

// A small front door: about 60 names at the root, internals only in subpaths.
{
  const root = await import(join(root_, 'dist', 'index.js'))
  const names = Object.keys(root)
  const internals = ['compileClosureGuard', 'unwrap', 'tagOf', 'prepareCheck', 'minorOf'].filter((n) => names.includes(n))
  if (internals.length === 0 && names.length <= 45) ok(`the root exports ${names.length} values (plus types); internals live in subpaths`)
  else fail('the root exports internals', internals.join(', ') || `${names.length} values`)
  // One module instance across entry points: the same codec object from the root and ./codecs.
  const codecs = await import(join(root_, 'dist', 'codecs', 'index.js'))
  if (codecs.SecurityContext === root.SecurityContext) ok('./codecs and the root share one module instance')
  else fail('./codecs holds a second copy of the codecs')
}

// ./testing uses the root's module instance: it imports `no-new-privs` and holds no copy of the library.
for (const file of ['dist/testing/index.js', 'dist/testing/index.cjs']) {
  const code = readFileSync(join(root, file), 'utf8')
  const imports = /from ['"]no-new-privs['"]|require\(['"]no-new-privs['"]\)/.test(code)
  const copies = /function (resolveNoNewPrivs|checkManifests|decode)\b/.test(code)
  if (imports && !copies) ok(`${file} imports the root (one module instance), with no copy of the library`)
  else fail(`${file} does not share the root's module instance`, `imports no-new-privs: ${imports}; defines library functions: ${copies}`)
}

const cli = readFileSync(join(root, 'dist', 'cli', 'main.js'), 'utf8')
if (cli.startsWith('#!/usr/bin/env node\n')) ok('the CLI starts with a node shebang')
else fail('the CLI does not start with #!/usr/bin/env node')

// ---------------------------------------------------------------------------------------------
// 2. Linters, on the very tarball

{
  const { publint } = await import('publint')
  const { formatMessage } = await import('publint/utils')
  const bytes = readFileSync(tarball)
  const { messages, pkg: linted } = await publint({
    pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
    strict: true,
    level: 'suggestion',
  })
  if (messages.length === 0) ok('publint --strict: no problems')
  else fail('publint --strict', messages.map((m) => `${m.type}: ${formatMessage(m, linted) ?? m.code}`).join('\n'))
}

{
  const attw = run(join(root, 'node_modules', '.bin', 'attw'), [tarball, '--profile', 'strict', '--format', 'table-flipped'], { cwd: work })
  if (attw.status === 0) ok('attw --pack (profile strict: node10, node16 CJS and ESM, bundler): no problems')
  else fail('attw --pack', attw.stdout + attw.stderr)
  if (process.env.VERBOSE === '1') console.log(attw.stdout)
}

{
  const dry = npm(['publish', '--dry-run', '--ignore-scripts', tarball], root)
  // npm prints its notices on stderr; any "npm warn" (a field it would rewrite, a bad bin path) is a problem.
  const warnings = dry.stderr.split('\n').filter((l) => /^npm (warn|WARN|error|ERR)/.test(l) && !/Unknown user config/.test(l))
  if (dry.status === 0 && warnings.length === 0) ok('npm publish --dry-run: clean')
  else fail('npm publish --dry-run', warnings.join('\n') || dry.stderr)
}

// ---------------------------------------------------------------------------------------------
// 3. A fresh consumer project

const consumer = join(work, 'consumer')
mkdirSync(consumer)
writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, version: '0.0.0', type: 'module' }, null, 2))
// Peers at the versions this repository tests with (already in npm's cache after `npm ci`).
const installed = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version
const peers = ['fp-ts', 'io-ts', 'fast-check'].map((name) => `${name}@${installed(name)}`)
{
  const install = npm(['install', '--prefer-offline', '--ignore-scripts', tarball, ...peers], consumer)
  if (install.status === 0) ok(`npm install ${info.filename} ${peers.join(' ')} into a fresh project`)
  else {
    fail('npm install of the tarball into a fresh project', install.stderr)
    finish()
  }
}

const POD = `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
  - name: app
    image: nginx
    securityContext: { runAsUser: 1000, allowPrivilegeEscalation: false }
`
const PRIVILEGED = `apiVersion: v1
kind: Pod
metadata: { name: dbg }
spec:
  containers:
  - name: shell
    image: alpine
    securityContext: { privileged: true, allowPrivilegeEscalation: false }
`
writeFileSync(join(consumer, 'pod.yaml'), POD)
writeFileSync(join(consumer, 'privileged.yaml'), PRIVILEGED)

// The same checks from both module systems: the answers must agree.
const body = (lib, testing, fc) => `
const fail = (what) => { console.error('consumer: ' + what); process.exit(1) }
const right = ${lib}.resolveNoNewPrivs({ container: { runAsUser: 1000 }, pod: { runAsNonRoot: true }, policy: { spec: { defaultAllowPrivilegeEscalation: false } } })
if (right._tag !== 'Right' || right.right.noNewPrivs !== true || right.right.row !== 'false') fail('resolveNoNewPrivs: ' + JSON.stringify(right))
const left = ${lib}.resolveNoNewPrivs({ container: { privileged: true, allowPrivilegeEscalation: false } })
if (left._tag !== 'Left' || left.left[0].code !== 'privileged-without-escalation') fail('violation: ' + JSON.stringify(left))
const decoded = ${lib}.decode(${lib}.SecurityContext, { runAsUser: -1 })
if (decoded._tag !== 'Left') fail('decode accepted runAsUser -1')
const report = ${lib}.checkManifests(${JSON.stringify(POD)})
if (report.results.length !== 1 || report.results[0].noNewPrivs !== true) fail('checkManifests: ' + JSON.stringify(report))
if (typeof ${lib}.NO_NEW_PRIVS_TABLE !== 'object') fail('NO_NEW_PRIVS_TABLE missing')
const sample = ${fc}.sample(${testing}.podArbitrary(), { numRuns: 5, seed: 1 })
if (sample.length !== 5 || sample[0].kind !== 'Pod') fail('testing.podArbitrary: ' + JSON.stringify(sample[0]))
const checked = ${testing}.checkYaml(${JSON.stringify(POD)})
if (checked === undefined || checked === null) fail('testing.checkYaml returned nothing')
console.log('consumer ok')
`
writeFileSync(
  join(consumer, 'esm.mjs'),
  `import * as lib from 'no-new-privs'\nimport * as testing from 'no-new-privs/testing'\nimport fc from 'fast-check'\n${body('lib', 'testing', 'fc')}`,
)
writeFileSync(
  join(consumer, 'cjs.cjs'),
  `const lib = require('no-new-privs')\nconst testing = require('no-new-privs/testing')\nconst fc = require('fast-check')\n${body('lib', 'testing', 'fc')}`,
)
for (const [file, what] of [
  ['esm.mjs', 'ESM import of no-new-privs and no-new-privs/testing'],
  ['cjs.cjs', 'CJS require of no-new-privs and no-new-privs/testing'],
]) {
  const r = run(process.execPath, [file], { cwd: consumer })
  if (r.status === 0 && r.stdout.includes('consumer ok')) ok(what)
  else fail(what, r.stdout + r.stderr)
}

// Types: a consumer file must type-check, and a misuse must not (the types are not `any`).
const typed = (testingImport) => `
import * as E from 'fp-ts/lib/Either.js'
import { checkManifests, decode, resolveNoNewPrivs, SecurityContext, type Decision, type Report, type Violation } from 'no-new-privs'
${testingImport}

const result = resolveNoNewPrivs({ container: { runAsUser: 1000 } }, { semantics: 'kubernetes' })
export const noNewPrivs: boolean | null = E.isRight(result) ? result.right.noNewPrivs : null
export const codes: ReadonlyArray<Violation['code']> = E.isLeft(result) ? result.left.map((v) => v.code) : []
export const decision: Decision | null = E.isRight(result) ? result.right : null
export const report: Report = checkManifests('kind: Pod')
const decoded = decode(SecurityContext, { privileged: true })
export const privileged: boolean | null | undefined = E.isRight(decoded) ? decoded.right.value.privileged : undefined
export const arbitrary = podArbitrary()

// @ts-expect-error semantics is a closed union
resolveNoNewPrivs({}, { semantics: 'docker' })
// @ts-expect-error a report is not a number
export const wrong: number = checkManifests('')
`
writeFileSync(join(consumer, 'node16.mts'), typed(`import { podArbitrary } from 'no-new-privs/testing'`))
writeFileSync(join(consumer, 'node16.cts'), typed(`import { podArbitrary } from 'no-new-privs/testing'`))
writeFileSync(join(consumer, 'bundler.ts'), typed(`import { podArbitrary } from 'no-new-privs/testing'`))
const compilerOptions = { strict: true, noEmit: true, skipLibCheck: false, lib: ['ES2022'], types: [], target: 'ES2022' }
writeFileSync(
  join(consumer, 'tsconfig.node16.json'),
  JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'node16', moduleResolution: 'node16' }, files: ['node16.mts', 'node16.cts'] }),
)
writeFileSync(
  join(consumer, 'tsconfig.bundler.json'),
  JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'esnext', moduleResolution: 'bundler' }, files: ['bundler.ts'] }),
)
for (const mode of ['node16', 'bundler']) {
  const r = run(process.execPath, [tsc, '-p', `tsconfig.${mode}.json`], { cwd: consumer })
  if (r.status === 0) ok(`types: a consumer file type-checks under moduleResolution ${mode}${mode === 'node16' ? ' (.mts and .cts)' : ''}`)
  else fail(`types under moduleResolution ${mode}`, r.stdout + r.stderr)
}

// The CLI through npx, as the README tells users to run it; `yes=false`: never fetch it instead.
{
  const npx = (args) => run('npx', ['no-new-privs', ...args], { cwd: consumer, env: { ...process.env, npm_config_yes: 'false' } })
  const help = npx(['--help'])
  if (help.status === 0 && help.stdout.includes('no-new-privs check')) ok('npx no-new-privs --help')
  else fail('npx no-new-privs --help', help.stdout + help.stderr)

  const version = npx(['--version'])
  if (version.status === 0 && version.stdout.includes(pkg.version)) ok(`npx no-new-privs --version prints ${pkg.version}`)
  else fail('npx no-new-privs --version', version.stdout + version.stderr)

  const clean = npx(['check', '--output', 'json', 'pod.yaml'])
  let parsed = null
  try {
    parsed = JSON.parse(clean.stdout)
  } catch {}
  if (clean.status === 0 && parsed?.results?.length === 1 && parsed.results[0].noNewPrivs === true) ok('npx no-new-privs check pod.yaml: exit 0, no_new_privs true')
  else fail('npx no-new-privs check pod.yaml', `exit ${clean.status}\n${clean.stdout}${clean.stderr}`)

  const bad = npx(['check', 'privileged.yaml'])
  if (bad.status === 1 && bad.stdout.includes('privileged-without-escalation')) ok('npx no-new-privs check privileged.yaml: exit 1, the violation named')
  else fail('npx no-new-privs check privileged.yaml', `exit ${bad.status}\n${bad.stdout}${bad.stderr}`)
}

// Without the peers (npm install --legacy-peer-deps, strict-peer setups): the CLI carries its
// runtime dependencies, and ./testing says in one line what to install.
{
  const bare = join(work, 'bare')
  mkdirSync(bare)
  writeFileSync(join(bare, 'package.json'), JSON.stringify({ name: 'bare', private: true, version: '0.0.0', type: 'module' }, null, 2))
  writeFileSync(join(bare, 'pod.yaml'), POD)
  const install = npm(['install', '--prefer-offline', '--ignore-scripts', '--legacy-peer-deps', tarball], bare)
  if (install.status !== 0) fail('npm install --legacy-peer-deps of the tarball', install.stderr)
  else {
    const peersMissing = ['fp-ts', 'io-ts', 'fast-check'].filter((p) => !existsSync(join(bare, 'node_modules', p)))
    const r = run('npx', ['no-new-privs', 'check', '--output', 'json', 'pod.yaml'], { cwd: bare, env: { ...process.env, npm_config_yes: 'false' } })
    let parsed = null
    try {
      parsed = JSON.parse(r.stdout)
    } catch {}
    if (r.status === 0 && parsed?.results?.[0]?.noNewPrivs === true)
      ok(`npm install --legacy-peer-deps (peers absent: ${peersMissing.join(', ') || 'none'}): npx no-new-privs check pod.yaml works`)
    else fail('the CLI without its peers installed', `exit ${r.status}\n${r.stdout}${r.stderr}`)
  }
}

// With the library's peers but not fast-check (an optional peer, of ./testing only): importing
// ./testing fails with one line that says what to install, from ESM and from CJS.
{
  const noFc = join(work, 'no-fast-check')
  mkdirSync(noFc)
  writeFileSync(join(noFc, 'package.json'), JSON.stringify({ name: 'no-fast-check', private: true, version: '0.0.0', type: 'module' }, null, 2))
  const libraryPeers = peers.filter((p) => !p.startsWith('fast-check@'))
  const install = npm(['install', '--prefer-offline', '--ignore-scripts', tarball, ...libraryPeers], noFc)
  const NEEDS = 'no-new-privs/testing needs fast-check (npm install --save-dev fast-check@^4)'
  if (install.status !== 0) fail('npm install of the tarball without fast-check', install.stderr)
  else if (existsSync(join(noFc, 'node_modules', 'fast-check'))) fail('a project without fast-check', 'npm installed fast-check anyway')
  else {
    const ways = [
      ['ESM import', ['--input-type=module', '-e', "try { await import('no-new-privs/testing') } catch (e) { console.log(e.message); process.exit(3) }"]],
      ['CJS require', ['--input-type=commonjs', '-e', "try { require('no-new-privs/testing') } catch (e) { console.log(e.message); process.exit(3) }"]],
    ]
    for (const [how, args] of ways) {
      const r = run('node', args, { cwd: noFc })
      if (r.status === 3 && r.stdout === `${NEEDS}\n`) ok(`without fast-check, ${how} of no-new-privs/testing says: ${NEEDS}`)
      else fail(`${how} of no-new-privs/testing without fast-check`, `exit ${r.status}\n${r.stdout}${r.stderr}`)
    }
    // Uncaught, Node prints the message (as `[Error: …]`) with no stack frames under it.
    const uncaught = run('node', ['--input-type=module', '-e', "import 'no-new-privs/testing'"], { cwd: noFc })
    const lines = uncaught.stderr.split('\n').filter((l) => l.includes('no-new-privs/testing needs') || /^\s+at /.test(l))
    if (uncaught.status !== 0 && lines.length === 1 && lines[0]?.includes(NEEDS)) ok('uncaught, the import error is that one line, no stack frames')
    else fail('the uncaught import error of no-new-privs/testing without fast-check', uncaught.stderr)
    const rootWorks = run('node', ['--input-type=module', '-e', "import { checkManifests } from 'no-new-privs'; process.exit(checkManifests('kind: Pod\\nspec: {containers: [{name: a}]}').results.length === 1 ? 0 : 1)"], { cwd: noFc })
    if (rootWorks.status === 0) ok('without fast-check, the root entry point works')
    else fail('the root without fast-check', rootWorks.stderr)
  }
}

finish()

function finish() {
  if (keep) console.log(`== kept ${work}`)
  else rmSync(work, { recursive: true, force: true })
  console.log(failures === 0 ? '== package checks: all passed' : `== package checks: ${failures} failed`)
  process.exit(failures === 0 ? 0 : 1)
}
