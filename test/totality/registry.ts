/**
 * Every function the package exports, by entry point, and how its totality is shown: a property
 * run here over any JavaScript value per argument, a property in another suite, or a `todo` with
 * the reason. test/totality/exports.test.ts fails when an export is missing from this table (or
 * the table names one that no longer exists), so the suite cannot fall behind the package.
 *
 * "Total" means: for any value, no throw, and the answer is either an error as data that says
 * what was wrong (with the argument's or field's name) or a correct answer — never a wrong type
 * read as "unset" (a silent answer). Each `check` below says what that is for its function.
 */
import { fc } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import * as t from 'io-ts'
import { expect } from 'vitest'
import * as codecs from '../../src/codecs/index.js'
import * as manifest from '../../src/manifest/index.js'
import * as runtime from '../../src/runtime/index.js'
import { anyArgs, anyOptional, anyValue } from './values.js'

export type Entry = 'root' | 'codecs' | 'manifest' | 'resolve' | 'runtime' | 'testing'

export type Coverage =
  | {
      readonly _tag: 'Property'
      /** The arguments the function is called with. */
      readonly args: fc.Arbitrary<ReadonlyArray<unknown>>
      /** What the answer must be, given the arguments; throws (an `expect`) when it is not. */
      readonly check: (answer: unknown, args: ReadonlyArray<unknown>) => void
      readonly numRuns?: number
      /** A class: called with `new`, as io-ts types are (calling a class without it is JavaScript's TypeError, not the library's). */
      readonly construct?: boolean
    }
  | { readonly _tag: 'Elsewhere'; readonly file: string; readonly why: string }
  | { readonly _tag: 'Todo'; readonly why: string }
  | { readonly _tag: 'Arbitrary' }

const property = (args: fc.Arbitrary<ReadonlyArray<unknown>>, check: (answer: unknown, args: ReadonlyArray<unknown>) => void, numRuns?: number): Coverage =>
  numRuns === undefined ? { _tag: 'Property', args, check } : { _tag: 'Property', args, check, numRuns }
const constructed = (args: fc.Arbitrary<ReadonlyArray<unknown>>, check: (answer: unknown, args: ReadonlyArray<unknown>) => void): Coverage =>
  ({ _tag: 'Property', args, check, construct: true })
const elsewhere = (file: string, why: string): Coverage => ({ _tag: 'Elsewhere', file, why })
const todo = (why: string): Coverage => ({ _tag: 'Todo', why })

// ---------------------------------------------------------------------------------------------
// What answers look like

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> => typeof u === 'object' && u !== null && !Array.isArray(u)

/** An error as data: a code and a sentence. */
export function expectError(e: unknown): void {
  expect(isRecord(e)).toBe(true)
  const err = e as Readonly<Record<string, unknown>>
  expect(typeof err['code']).toBe('string')
  expect(typeof err['message']).toBe('string')
  expect((err['message'] as string).length).toBeGreaterThan(0)
  expect(err['message']).not.toMatch(/\bundefined is not\b|Cannot read propert|is not a function|is not iterable/)
}

/** Report entries: each one of the four tags, errors and warnings with a code and a message. */
export function expectEntries(entries: ReadonlyArray<unknown>): void {
  for (const e of entries) {
    expect(isRecord(e)).toBe(true)
    const entry = e as { readonly _tag: unknown; readonly error?: unknown; readonly warning?: unknown }
    expect(['Result', 'Error', 'Warning', 'Skipped']).toContain(entry._tag)
    if (entry._tag === 'Error') expectError(entry.error)
    if (entry._tag === 'Warning') expectError(entry.warning)
  }
}

/** How many values an iterable input holds; `undefined` for anything that is not one. */
function sizeOf(u: unknown): number | undefined {
  if (typeof u !== 'object' || u === null || typeof (u as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function') return undefined
  return [...(u as Iterable<unknown>)].length
}

/**
 * A report that accounts for its input: an options error, or at least one result, error or
 * skipped document for every input that is not an empty collection of sources.
 */
export function expectAccounted(report: manifest.Report, input: unknown): void {
  expectEntries([
    ...report.errors.map((error) => ({ _tag: 'Error', error })),
    ...report.warnings.map((warning) => ({ _tag: 'Warning', warning })),
  ])
  if (report.errors.some((e) => e.code === 'invalid-option')) return
  if (sizeOf(input) === 0) return
  expect(report.results.length + report.errors.length + report.skipped.length).toBeGreaterThan(0)
}

/** An fp-ts `Either`; `left` and `right` check each side. */
export function expectEither(u: unknown, left: (l: unknown) => void, right: (r: unknown) => void): void {
  expect(isRecord(u)).toBe(true)
  const e = u as E.Either<unknown, unknown>
  expect(['Left', 'Right']).toContain(e._tag)
  if (E.isLeft(e)) left(e.left)
  else right(e.right)
}

/** A `Left` of a non-empty array of errors, each checked by `expectError`. */
const nonEmptyErrors = (l: unknown): void => {
  expect(Array.isArray(l)).toBe(true)
  const list = l as ReadonlyArray<unknown>
  expect(list.length).toBeGreaterThan(0)
  for (const e of list) expectError(e)
}

const sentence = (l: unknown): void => {
  expect(typeof l).toBe('string')
  expect((l as string).length).toBeGreaterThan(0)
  expect(l).not.toMatch(/Cannot read propert|is not a function|is not iterable/)
}

/** A runtime reading: `{ noNewPrivs: boolean, path: string | null }`. */
const reading = (r: unknown): void => {
  expect(isRecord(r)).toBe(true)
  const x = r as Readonly<Record<string, unknown>>
  expect(typeof x['noNewPrivs']).toBe('boolean')
  expect(x['path'] === null || typeof x['path'] === 'string').toBe(true)
}

const parseReading = (answer: unknown): void => expectEither(answer, nonEmptyErrors, reading)

const isString = (u: unknown): void => expect(typeof u).toBe('string')

/** The real codecs, for arguments that take one (and any value besides, for those that guard it). */
const someCodec: fc.Arbitrary<unknown> = fc.constantFrom(codecs.Pod, codecs.PodSpec, codecs.Container, codecs.SecurityContext, codecs.PodSecurityContext, codecs.PodSecurityPolicy)

const decoded = (answer: unknown): void =>
  expectEither(answer, nonEmptyErrors, (r) => {
    expect(isRecord(r)).toBe(true)
    expect(Array.isArray((r as { warnings?: unknown }).warnings)).toBe(true)
  })

const issues = (answer: unknown): void => {
  expect(Array.isArray(answer)).toBe(true)
  for (const i of answer as ReadonlyArray<unknown>) expectError(i)
}

const capabilityArgs: fc.Arbitrary<ReadonlyArray<unknown>> = fc.tuple(
  fc.oneof(anyValue, fc.constantFrom('SYS_ADMIN', 'cap_sys_admin', 'All', 'CAP_ALL', 'NET_ADMIN', 'SYS_ADMIN ', '')),
)
/** `true` exactly for a string naming SYS_ADMIN (any case, `CAP_` or not) or ALL; anything else `false`. */
const grantsSysAdminAnswer = (answer: unknown, [name]: ReadonlyArray<unknown>): void =>
  expect(answer).toBe(typeof name === 'string' && ['SYS_ADMIN', 'ALL'].includes(name.toUpperCase().replace(/^CAP_/, '')))

/** Decisions a plain-JavaScript caller might hand a writer: real ones, wrong-typed ones, anything. */
const anyDecision: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ noNewPrivs: fc.boolean() }),
  fc.record({ noNewPrivs: anyValue }),
  fc.constantFrom({ noNewPrivs: 'false' }, { noNewPrivs: 'true' }, { noNewPrivs: 0 }, { noNewPrivs: 1 }, {}),
  anyValue,
)

/**
 * A writer's answer is errors as data, or a configuration that the runtime's own reader reads
 * back as the decision — which must then have been a real boolean (`'false'` is truthy and must
 * not turn the switch on).
 */
const writes = (readBack: (written: unknown, args: ReadonlyArray<unknown>) => unknown) =>
  (answer: unknown, args: ReadonlyArray<unknown>): void =>
    expectEither(answer, nonEmptyErrors, (written) => {
      const decision = args[0]
      expect(isRecord(decision) && typeof decision['noNewPrivs'] === 'boolean').toBe(true)
      const read = readBack(written, args) as E.Either<unknown, { readonly noNewPrivs: unknown }>
      expect(E.isRight(read) && read.right.noNewPrivs === (decision as { readonly noNewPrivs: boolean }).noNewPrivs).toBe(true)
    })

/**
 * Calls the arbitrary itself (the registry's runner calls nothing for it): a clear `TypeError`
 * or `Error` naming the arbitrary, or an arbitrary whose values can be drawn.
 */
const arbitraryProperty: Coverage = { _tag: 'Arbitrary' }

// ---------------------------------------------------------------------------------------------
// The codec construction kit

/** Values a codec built by the kit is tried on, besides the arguments it was built from. */
const PROBES: ReadonlyArray<unknown> = [null, undefined, '', 'a', 'on', 0, 1, -1, 1.5, 2 ** 31, Number.NaN, 1n, true, {}, [], { a: 'x' }, { name: 'n', value: 'v' }, new Map()]

/** The codecs a kit argument may be: real ones and io-ts leaves. */
const leafCodec: fc.Arbitrary<unknown> = fc.constantFrom(t.string, t.number, t.boolean, codecs.int32, codecs.uid, codecs.stringList, codecs.nullable(t.string))
const codecOrAny: fc.Arbitrary<unknown> = fc.oneof(someCodec, leafCodec, anyValue)
const nameOrAny: fc.Arbitrary<unknown> = fc.oneof({ arbitrary: fc.string({ maxLength: 8 }), weight: 3 }, { arbitrary: anyValue, weight: 1 })
const boundOrAny: fc.Arbitrary<unknown> = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double(), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY), anyValue)
const propsOrAny: fc.Arbitrary<unknown> = fc.oneof(
  fc.dictionary(fc.constantFrom('a', 'name', 'value', '__proto__'), fc.oneof(leafCodec, someCodec), { maxKeys: 3 }),
  fc.dictionary(fc.constantFrom('a', 'name'), codecOrAny, { maxKeys: 2 }),
  anyValue,
)
const enumArgs: fc.Arbitrary<ReadonlyArray<unknown>> = fc.tuple(nameOrAny, fc.oneof(fc.array(fc.constantFrom('on', 'off', 'a', ''), { maxLength: 3 }), fc.array(fc.oneof(fc.string(), anyValue), { maxLength: 3 }), anyValue))

/** A value the kit takes for a codec: an io-ts codec of this copy or any other (read by shape). */
const isCodecArg = (u: unknown): boolean => u instanceof t.Type
const isBound = (u: unknown): boolean => typeof u === 'number' && !Number.isNaN(u)
const isPropsArg = (u: unknown): boolean => Object.prototype.toString.call(u) === '[object Object]' && Object.values(u as object).every(isCodecArg)
const enumValid = ([n, values]: ReadonlyArray<unknown>): boolean =>
  typeof n === 'string' && Array.isArray(values) && Object.keys(values).length === values.length && values.every((v) => typeof v === 'string')
const enumAnswers = ([, values]: ReadonlyArray<unknown>) => (p: unknown): boolean => (values as ReadonlyArray<unknown>).includes(p)

/**
 * The kit's answer: always a codec, total on any value (`decode` returns; `is` agrees with
 * `validate` for the leaves, whose `is` is the library's — io-ts's own `t.type` does not: its `is`
 * rejects `{}` for an absent nullable field that `validate` accepts). With valid arguments it
 * accepts what `accepts` says; with any argument of the wrong type, every value is rejected with
 * one message that names the builder and says what it got.
 */
const kitCodec = (
  who: string,
  valid: (args: ReadonlyArray<unknown>) => boolean,
  accepts: (args: ReadonlyArray<unknown>) => (probe: unknown) => boolean,
  leaf = true,
) => (answer: unknown, args: ReadonlyArray<unknown>): void => {
  expect(answer).toBeInstanceOf(t.Type)
  const codec = answer as t.Type<unknown, unknown, unknown>
  expect(typeof codec.name).toBe('string')
  const ok = valid(args)
  const expected = ok ? accepts(args) : undefined
  for (const probe of [...PROBES, ...args]) {
    const validated = codec.validate(probe, [{ key: '', type: codec, actual: probe }])
    if (leaf || !ok) expect(codec.is(probe)).toBe(E.isRight(validated))
    const r = codecs.decode(codec, probe)
    if (expected !== undefined) {
      expect(codec.is(probe)).toBe(expected(probe))
      continue
    }
    expect(E.isLeft(r)).toBe(true)
    const message = E.isLeft(r) ? r.left[0]?.message : undefined
    expect(message).toMatch(new RegExp(`^Invalid codec: ${who.replace('/', '\\/')}: \\S.* must be .*, got .* \\(the codec rejects every value\\)$`))
  }
}

// ---------------------------------------------------------------------------------------------
// The table

export const REGISTRY: Readonly<Record<Entry, Readonly<Record<string, Coverage>>>> = {
  root: {
    checkManifests: property(fc.tuple(anyValue, anyOptional), (answer, [input]) => expectAccounted(answer as manifest.Report, input)),
    checkEntries: property(fc.tuple(anyValue, anyOptional), (answer, [input]) => {
      const entries = answer as ReadonlyArray<unknown>
      expectEntries(entries)
      if (entries.some((e) => (e as { error?: { code?: unknown } }).error?.code === 'invalid-option')) return
      if (sizeOf(input) !== 0) expect(entries.length).toBeGreaterThan(0)
    }),
    checkStream: property(fc.tuple(anyValue, anyOptional), (answer) => expectEntries(answer as ReadonlyArray<unknown>), 60),
    // Valid file lists start worker threads: test/manifest and the CLI suites run those. Here
    // the guards: any value that is not a list of paths, and any options.
    checkFilesInParallel: property(
      fc.tuple(anyValue.filter((f) => !(Array.isArray(f) && f.some((x) => typeof x === 'string' || (isRecord(x) && typeof x['path'] === 'string')))), anyOptional, anyOptional),
      (answer, [files]) => {
        const entries = answer as ReadonlyArray<unknown>
        expectEntries(entries)
        if (!Array.isArray(files) || files.length > 0) expect(entries.length).toBeGreaterThan(0)
      },
      60,
    ),
    admissionPolicies: property(anyArgs(1), (answer) =>
      expectEither(answer, (l) => {
        expectError(l)
        expect(['invalid-option', 'unsupported-version']).toContain((l as { code: string }).code)
      }, (r) => expect(Array.isArray((r as { objects?: unknown }).objects)).toBe(true)),
    ),
    parseLabelSelector: property(anyArgs(1), (answer, [text]) =>
      expectEither(answer, sentence, (r) => {
        expect(typeof text).toBe('string')
        expect(isRecord(r)).toBe(true)
      }),
    ),
    decode: property(fc.tuple(fc.oneof(someCodec, anyValue), anyValue, anyOptional), (answer, [codec, value]) => {
      decoded(answer)
      // A Right is a value the codec accepts.
      if (codec instanceof t.Type && E.isRight(answer as E.Either<unknown, { value: unknown }>)) expect(codec.is(value)).toBe(true)
    }),
    formatIssue: property(anyArgs(1), (answer) => {
      isString(answer)
      expect((answer as string).length).toBeGreaterThan(0)
    }),
    resolveNoNewPrivs: elsewhere('test/resolve/invalidInput.test.ts', 'fc.anything() and mutated valid inputs for the input and the options: invalid-input violations, never a throw'),
    grantsSysAdmin: property(capabilityArgs, grantsSysAdminAnswer),
  },
  codecs: {
    decode: property(fc.tuple(fc.oneof(someCodec, anyValue), anyValue, anyOptional), (answer) => decoded(answer)),
    // decodeWith(codec, options) ignores the third argument: the check applies it to the value.
    decodeWith: property(fc.tuple(someCodec, anyOptional, anyValue), (answer, [, , value]) => decoded((answer as (v: unknown) => unknown)(value))),
    formatIssue: property(anyArgs(1), isString),
    renderValue: property(fc.tuple(anyValue, anyOptional), (answer, [, max]) => {
      isString(answer)
      const limit = typeof max === 'number' && !Number.isNaN(max) ? Math.max(1, Math.floor(max)) : 80
      expect((answer as string).length).toBeLessThanOrEqual(limit)
    }),
    fieldWarnings: property(fc.tuple(someCodec, anyValue, anyOptional), issues),
    unknownFields: property(fc.tuple(someCodec, anyValue, anyOptional), issues),
    issuesFromErrors: elsewhere('test/codecs/errors.test.ts', 'its input is io-ts `Errors` from a codec; properties over decoded arbitrary values there'),
    fieldsOf: property(fc.tuple(fc.oneof(someCodec, anyValue)), (answer, [codec]) => {
      if (!(codec instanceof t.Type)) return expect(answer).toBeUndefined()
      expect(answer).toBeInstanceOf(Map)
      for (const field of (answer as ReadonlyMap<string, unknown>).values()) expect(field).toBeInstanceOf(t.Type)
    }),
    compileGuard: elsewhere('test/codecs/compile.test.ts', 'a compiled guard equals the codec `is` on any JSON value there'),
    compileDecoder: elsewhere('test/codecs/compile.test.ts', 'a compiled decoder equals `decode` there'),
    compileClosureGuard: elsewhere('test/codecs/compile.test.ts', 'a compiled guard equals the codec `is` there'),
    // The construction kit: any arguments make a codec; arguments of the wrong type make one that
    // rejects every value with a message naming the argument (src/codecs/invalid.ts).
    enumOf: property(enumArgs, kitCodec('enumOf/EnumType', enumValid, enumAnswers)),
    EnumType: constructed(enumArgs, kitCodec('enumOf/EnumType', enumValid, enumAnswers)),
    nullable: property(fc.tuple(codecOrAny), kitCodec('nullable/NullableType', ([c]) => isCodecArg(c), ([c]) => (p) => p === null || p === undefined || (c as t.Any).is(p))),
    NullableType: constructed(fc.tuple(nameOrAny, codecOrAny), kitCodec('nullable/NullableType', ([n, c]) => typeof n === 'string' && isCodecArg(c), ([, c]) => (p) => p === null || p === undefined || (c as t.Any).is(p))),
    IntegerType: constructed(fc.tuple(nameOrAny, boundOrAny, boundOrAny, nameOrAny), kitCodec(
      'IntegerType',
      ([n, min, max, m]) => typeof n === 'string' && isBound(min) && isBound(max) && typeof m === 'string',
      ([, min, max]) => (p) => Number.isSafeInteger(p) && (p as number) >= (min as number) && (p as number) <= (max as number),
    )),
    optionalFields: property(fc.tuple(nameOrAny, propsOrAny), kitCodec('optionalFields', ([n, p]) => typeof n === 'string' && isPropsArg(p), ([n, p]) => (v) => t.partial(p as t.Props, n as string).is(v), false)),
    requiredFields: property(fc.tuple(nameOrAny, propsOrAny), kitCodec('requiredFields', ([n, p]) => typeof n === 'string' && isPropsArg(p), ([n, p]) => (v) => t.type(p as t.Props, n as string).is(v), false)),
    mixedFields: property(fc.tuple(nameOrAny, propsOrAny, propsOrAny), kitCodec(
      'mixedFields',
      ([n, r, o]) => typeof n === 'string' && isPropsArg(r) && isPropsArg(o),
      ([n, r, o]) => (v) => t.type(r as t.Props, n as string).is(v) && t.partial(o as t.Props, n as string).is(v),
      false,
    )),
    RequiredByApiType: constructed(fc.tuple(codecOrAny, fc.oneof(fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }), anyValue), nameOrAny), kitCodec(
      'RequiredByApiType',
      ([c, f, n]) => isCodecArg(c) && Array.isArray(f) && f.every((x) => typeof x === 'string') && Object.keys(f).length === f.length && typeof n === 'string',
      ([c]) => (v) => (c as t.Any).is(v),
      false,
    )),
  },
  manifest: {
    checkManifests: property(fc.tuple(anyValue, anyOptional), (answer, [input]) => expectAccounted(answer as manifest.Report, input)),
    checkEntries: property(fc.tuple(anyValue, anyOptional), (answer) => expectEntries(answer as ReadonlyArray<unknown>)),
    checkStream: property(fc.tuple(anyValue, anyOptional), (answer) => expectEntries(answer as ReadonlyArray<unknown>), 60),
    checkFilesInParallel: elsewhere('test/totality/registry.ts', 'the root entry point exports the same function; its property is there'),
    prepareCheck: property(anyArgs(1), (answer) => {
      const prepared = answer as { entries: ReadonlyArray<unknown>; check: unknown; checkUnit: unknown }
      expectEntries(prepared.entries)
      expect(typeof prepared.check).toBe('function')
    }),
    loadDocuments: property(fc.tuple(fc.oneof(fc.string(), anyValue), fc.oneof(fc.string(), anyValue), anyOptional), (answer) => {
      expect(Array.isArray(answer)).toBe(true)
      for (const d of answer as ReadonlyArray<{ _tag: string }>) {
        expect(['Document', 'Empty', 'Error']).toContain(d._tag)
        if (d._tag === 'Error') expectError(d)
      }
    }),
    loadValue: property(fc.tuple(anyValue, fc.string()), (answer) => expect((answer as ReadonlyArray<unknown>).length).toBe(1)),
    readAllUnits: property(fc.tuple(fc.oneof(fc.string(), anyValue), fc.oneof(fc.string(), anyValue), anyOptional), (answer) => {
      expect(Array.isArray(answer)).toBe(true)
    }),
    readUnits: property(fc.tuple(fc.oneof(fc.array(fc.oneof(fc.string(), anyValue), { maxLength: 3 }), anyValue), fc.oneof(fc.string(), anyValue), anyOptional), (answer) => {
      // Units of the chunks that are text or bytes, then one invalid-input error for the first that is not.
      for (const u of answer as ReadonlyArray<{ _tag: string; doc?: { _tag: string } }>) {
        expect(['Whole', 'Item', 'ListEnd', 'Problem']).toContain(u._tag)
        if (u._tag === 'Whole' && u.doc?._tag === 'Error') expectError(u.doc)
      }
    }, 100),
    UnitReader: elsewhere('test/read/units.test.ts', 'the class readUnits and readAllUnits are made of; readAllUnits has the property here'),
    // Chunks: lists of strings (cut anywhere), or anything. The texts put back together are the
    // stream (less a leading byte-order mark); a bad input ends it with one invalid-input error.
    documentTexts: property(fc.tuple(fc.oneof(fc.array(fc.oneof(fc.string(), fc.constantFrom('---\n', '\n---', 'a: 1\n', '\uFEFF')), { maxLength: 6 }), fc.array(fc.oneof(fc.string(), anyValue), { maxLength: 3 }), anyValue)), (answer, [chunks]) => {
      const docs = answer as ReadonlyArray<{ readonly text: unknown; readonly index: unknown; readonly error?: unknown }>
      expect(docs.length).toBeGreaterThan(0)
      docs.forEach((d, i) => {
        expect(typeof d.text).toBe('string')
        expect(d.index).toBe(i)
        if (d.error !== undefined) {
          expectError(d.error)
          expect(i).toBe(docs.length - 1)
        }
      })
      // Readable: a string, or an iterable of strings only (an empty typed array is one too).
      const whole = typeof chunks === 'string' || (sizeOf(chunks) !== undefined && [...(chunks as Iterable<unknown>)].every((c) => typeof c === 'string'))
      expect(docs.some((d) => d.error !== undefined)).toBe(!whole)
      if (whole) {
        const text = typeof chunks === 'string' ? chunks : [...(chunks as Iterable<string>)].join('')
        expect(docs.map((d) => d.text).join('')).toBe(text.replace(/^\uFEFF/, ''))
      }
    }, 150),
    loadStream: property(fc.tuple(anyValue, fc.oneof(fc.string(), anyValue), anyOptional), (answer) => {
      for (const d of answer as ReadonlyArray<{ _tag: string }>) if (d._tag === 'Error') expectError(d)
    }, 100),
    walkPods: property(fc.tuple(anyValue, anyOptional), (answer) => {
      const walk = answer as { kind: unknown; entries: ReadonlyArray<{ _tag: string }> }
      expect(walk.kind === null || typeof walk.kind === 'string').toBe(true)
      for (const e of walk.entries) if (e._tag === 'WalkError') expectError(e)
    }),
    parsePodSpecKind: property(anyArgs(1), (answer) => expectEither(answer, sentence, (r) => expect(isRecord(r)).toBe(true))),
    groupOf: property(anyArgs(1), isString),
    podSecurityLabelsOf: property(anyArgs(1), (answer) => {
      const read = answer as { labels: Record<string, unknown>; problems: ReadonlyArray<{ message: unknown }> }
      expect(Object.keys(read.labels).sort()).toEqual(['audit', 'enforce', 'warn'])
      for (const p of read.problems) expect(typeof p.message).toBe('string')
    }),
    kindEntryOf: property(fc.tuple(fc.oneof(fc.constantFrom('Pod', 'Deployment', 'Service', 'Rollout', 'Scaler', 'constructor', '__proto__'), anyValue),
      fc.oneof(fc.constantFrom('', 'argoproj.io', 'serving.knative.dev', 'example.com'), anyValue),
      fc.oneof(fc.constant(undefined), fc.constant(manifest.kindTableOf([{ kind: 'Scaler', group: 'example.com', podSpecPath: 'spec.workload.spec' }])), anyValue)),
    (answer, [kind, group, table]) => {
      const kinds = table ?? manifest.kindTableOf(undefined)
      if (typeof kind !== 'string' || typeof group !== 'string' || !(kinds instanceof Map)) return expect(answer).toBeUndefined()
      expect(answer).toBe((group === '' ? undefined : kinds.get(`${kind}.${group}`)) ?? kinds.get(kind))
      if (answer !== undefined) for (const step of (answer as { steps: ReadonlyArray<unknown> }).steps) expect(typeof step).toBe('string')
    }),
    kindTableOf: property(fc.tuple(fc.oneof(fc.constant(undefined), fc.array(fc.oneof(
      fc.record({ kind: fc.constantFrom('Scaler', 'Pod', 'Rollout'), podSpecPath: fc.constantFrom('spec', 'spec.workload.spec') }),
      fc.record({ kind: fc.constantFrom('Scaler', 'Rollout'), group: fc.constantFrom('example.com', 'argoproj.io'), podSpecPath: fc.constantFrom('spec.template.spec') }),
      anyValue,
    ), { maxLength: 4 }), anyValue)), (answer, [declared]) => {
      const table = answer as manifest.KindTable
      expect(table).toBeInstanceOf(Map)
      const list: ReadonlyArray<unknown> = Array.isArray(declared) ? Array.from(declared) : [] // holes included: each is a declaration that is not one
      const usable = (d: unknown): d is manifest.PodSpecKind =>
        isRecord(d) && typeof d['kind'] === 'string' && typeof d['podSpecPath'] === 'string' && (d['group'] === undefined || typeof d['group'] === 'string')
      // Every usable declaration is in the table (the last of one key wins); every other is a problem.
      const last = new Map(list.filter(usable).map((d) => [d.group === undefined ? d.kind : `${d.kind}.${d.group}`, d.podSpecPath.split('.')]))
      for (const [key, steps] of last) expect(table.get(key)?.steps).toEqual(steps)
      for (const key of manifest.kindTableOf(undefined).keys()) expect(table.has(key)).toBe(true)
      const wrong = list.filter((d) => !usable(d)).length + (declared === undefined || declared === null || Array.isArray(declared) ? 0 : 1)
      expect(table.problems?.length ?? 0).toBe(wrong)
      for (const p of table.problems ?? []) expect(p).toMatch(/^kindTableOf declared(\[\d+\])?[.\w]*: expected .*, got /)
    }),
    choosePolicy: property(fc.tuple(
      fc.oneof(fc.array(fc.oneof(fc.constant({ container: { allowPrivilegeEscalation: true } }), fc.constant({}), anyValue), { maxLength: 3 }), anyValue),
      fc.oneof(fc.array(fc.oneof(fc.record({ name: fc.constantFrom('a', 'b', ''), policy: fc.constant({ spec: { allowPrivilegeEscalation: true } }) }), anyValue), { maxLength: 3 }), anyValue),
      fc.oneof(fc.constantFrom('proposal', 'kubernetes', 'noNewPrivileges'), fc.constant({ semantics: 'kubernetes', kubernetesVersion: 'v1.20' }), anyValue),
    ), (answer, [containers]) => expectEither(answer, sentence, (choice) => {
      const c = choice as { admission: unknown; resolved: ReadonlyArray<unknown> }
      expect(['unchanged', 'changed', 'rejected']).toContain(c.admission)
      expect(c.resolved).toHaveLength(c.admission === 'rejected' ? (containers as ReadonlyArray<unknown>).length : c.resolved.length)
    })),
  },
  runtime: {
    goParseBool: property(anyArgs(1), (answer, [value]) => {
      const o = answer as O.Option<boolean>
      expect(['None', 'Some']).toContain(o._tag)
      if (O.isSome(o)) expect(typeof value).toBe('string')
    }),
    parseDockerSecurityOpt: property(anyArgs(1), (answer) => expectEither(answer, expectError, (r) => expect(isRecord(r)).toBe(true))),
    parseDockerSecurityOpts: property(fc.tuple(anyValue, anyOptional), parseReading),
    parseOciNoNewPrivileges: property(anyArgs(1), parseReading),
    parseCriNoNewPrivs: property(anyArgs(1), parseReading),
    parseRktNoNewPrivileges: property(anyArgs(1), parseReading),
    dockerSecurityOpt: property(fc.tuple(anyDecision, anyOptional, anyOptional),
      writes((w, [, , daemon]) => runtime.parseDockerSecurityOpts(w as ReadonlyArray<string>, daemon as runtime.DockerDaemonOptions))),
    ociSpecWithNoNewPrivileges: property(fc.tuple(anyDecision, anyValue), writes((w) => runtime.parseOciNoNewPrivileges(w))),
    criSecurityContextWithNoNewPrivs: property(fc.tuple(anyDecision, anyOptional), writes((w) => runtime.parseCriNoNewPrivs(w))),
    rktIsolatorsWithNoNewPrivileges: property(fc.tuple(anyDecision, anyOptional), writes((w) => runtime.parseRktNoNewPrivileges(w))),
  },
  // Arbitraries have no error channel but their construction: a wrong constraint throws there
  // (as fast-check's own do), with a message naming it; any other answer is an arbitrary.
  testing: {
    containerArbitrary: arbitraryProperty,
    cronJobArbitrary: arbitraryProperty,
    daemonSetArbitrary: arbitraryProperty,
    deploymentArbitrary: arbitraryProperty,
    jobArbitrary: arbitraryProperty,
    listArbitrary: arbitraryProperty,
    podArbitrary: arbitraryProperty,
    podSecurityContextArbitrary: arbitraryProperty,
    podSecurityPolicyArbitrary: arbitraryProperty,
    podSpecArbitrary: arbitraryProperty,
    podTemplateArbitrary: arbitraryProperty,
    replicaSetArbitrary: arbitraryProperty,
    replicationControllerArbitrary: arbitraryProperty,
    securityContextArbitrary: arbitraryProperty,
    statefulSetArbitrary: arbitraryProperty,
    workloadArbitrary: arbitraryProperty,
    checkYaml: property(fc.tuple(fc.oneof(fc.string(), anyValue), anyOptional), (answer, [yaml]) => expectAccounted((answer as { report: manifest.Report }).report, yaml)),
    checkObject: property(fc.tuple(anyValue, anyOptional), (answer) => expectAccounted((answer as { report: manifest.Report }).report, 'one source')),
  },
  resolve: {
    grantsSysAdmin: property(capabilityArgs, grantsSysAdminAnswer),
    resolveNoNewPrivs: elsewhere('test/resolve/invalidInput.test.ts', 'fc.anything() and mutated valid inputs for the input and the options: invalid-input violations, never a throw'),
  },
}
