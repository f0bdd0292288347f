/**
 * What the tests of `src/testing` hold the arbitraries to: each container resolved the way the
 * report resolves it (with its pod's `securityContext` and `os`, no policy), and read back as the
 * design's column and row.
 */
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import type { Container, PodSpec } from '../../src/codecs/index.js'
import { columnOf, settingOf } from '../../src/resolve/proposal.js'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import type { Column, Decision, ResolveInput, Row, Semantics, Violation } from '../../src/resolve/types.js'
import type { NoNewPrivsConstraints, PodConstraints } from '../../src/testing/index.js'

/** One container as the resolver sees it. */
export interface Resolved {
  readonly name: string
  readonly input: ResolveInput
  readonly column: Column
  readonly row: Row
  readonly decision: Decision | undefined
  readonly violations: ReadonlyArray<Violation>
}

export function resolveOne(input: ResolveInput, semantics: Semantics): Resolved {
  const column = columnOf(input).column
  const result = resolveNoNewPrivs(input, { semantics })
  return {
    name: input.name ?? '',
    input,
    column,
    row: settingOf(input, column).row,
    decision: E.isRight(result) ? result.right : undefined,
    violations: E.isLeft(result) ? result.left : [],
  }
}

/** Every container of a pod spec (init, regular, ephemeral), resolved in its pod. */
export function allContainers(spec: PodSpec): ReadonlyArray<Container> {
  return [...(spec.initContainers ?? []), ...spec.containers, ...(spec.ephemeralContainers ?? [])]
}

export function resolvePodSpec(spec: PodSpec, semantics: Semantics): ReadonlyArray<Resolved> {
  return allContainers(spec).map((c) =>
    resolveOne({ container: c.securityContext, pod: spec.securityContext, os: spec.os?.name, name: c.name }, semantics),
  )
}

function listOf<A>(value: A | ReadonlyArray<A> | undefined): ReadonlyArray<A> | undefined {
  if (value === undefined) return undefined
  return Array.isArray(value) ? (value as ReadonlyArray<A>) : [value as A]
}

/** Fields the API server forbids on a Windows pod's containers. */
const LINUX_ONLY_CONTAINER = ['allowPrivilegeEscalation', 'privileged', 'capabilities', 'runAsUser', 'runAsGroup', 'seLinuxOptions', 'seccompProfile', 'appArmorProfile', 'procMount', 'readOnlyRootFilesystem']
/** Fields the API server forbids in a Windows pod's `securityContext`. */
export const LINUX_ONLY_POD = ['runAsUser', 'runAsGroup', 'fsGroup', 'supplementalGroups', 'seLinuxOptions', 'seccompProfile', 'appArmorProfile', 'sysctls']

export function linuxOnlyFieldsOf(securityContext: object | null | undefined, fields = LINUX_ONLY_CONTAINER): ReadonlyArray<string> {
  if (securityContext == null) return []
  // `null` is "not set" for the API server too: only a value counts.
  return Object.entries(securityContext)
    .filter(([k, v]) => v !== null && fields.includes(k))
    .map(([k]) => k)
}

/**
 * The promises of `constraints` that `r` breaks, as sentences (empty: all kept). Written from
 * the option docs, not from the arbitraries' code.
 */
export function brokenPromises(r: Resolved, constraints: NoNewPrivsConstraints & PodConstraints): ReadonlyArray<string> {
  const broken: string[] = []
  const semantics = constraints.semantics ?? 'proposal'
  const columns = listOf(constraints.column)
  if (columns !== undefined && !columns.includes(r.column)) broken.push(`column ${r.column} not in ${columns.join(', ')}`)
  if (constraints.privileged === true && r.column !== 'privileged') broken.push(`privileged asked, got ${r.column}`)
  if (constraints.privileged === false && r.column === 'privileged') broken.push('privileged excluded, got it')
  if (constraints.nonRoot === true && r.column !== 'nonRoot') broken.push(`nonRoot asked, got ${r.column}`)
  if (constraints.nonRoot === false && r.column !== 'root') broken.push(`root asked, got ${r.column}`)
  const rows = listOf(constraints.row)
  if (rows !== undefined && !rows.includes(r.row)) broken.push(`row ${r.row} not in ${rows.join(', ')}`)
  const strict = constraints.violations === 'none' || constraints.noNewPrivs !== undefined
  if (strict && r.violations.length > 0) broken.push(`violations: ${r.violations.map((v) => v.code).join(', ')}`)
  if (constraints.noNewPrivs !== undefined && r.decision?.noNewPrivs !== constraints.noNewPrivs) {
    broken.push(`noNewPrivs ${String(constraints.noNewPrivs)} asked, got ${String(r.decision?.noNewPrivs)}`)
  }
  const windows = r.input.os === 'windows'
  if (constraints.os === 'linux' && windows) broken.push('linux asked, got windows')
  if (constraints.os === 'windows' && !windows) broken.push('windows asked, got linux')
  if (strict && windows) {
    const linuxOnly = linuxOnlyFieldsOf(r.input.container)
    if (linuxOnly.length > 0) broken.push(`Linux-only fields on a Windows container: ${linuxOnly.join(', ')}`)
  }
  const hasFlag = r.input.container?.noNewPrivileges != null || r.input.pod?.noNewPrivileges != null
  if (semantics !== 'noNewPrivileges' && hasFlag) broken.push('noNewPrivileges generated outside its semantics')
  return broken
}

const COLUMNS: ReadonlyArray<Column> = ['root', 'nonRoot', 'privileged']
const ROWS: ReadonlyArray<Row> = ['nil', 'false', 'true']
const SEMANTICS: ReadonlyArray<Semantics> = ['proposal', 'noNewPrivileges', 'kubernetes']

const oneOrSeveral = <A>(all: ReadonlyArray<A>): fc.Arbitrary<A | ReadonlyArray<A>> =>
  fc.oneof(fc.constantFrom(...all), fc.subarray([...all], { minLength: 1 }))

/** Any combination of the options, contradictory ones included. */
export const podConstraintsArbitrary: fc.Arbitrary<PodConstraints> = fc.record(
  {
    column: oneOrSeveral(COLUMNS),
    privileged: fc.boolean(),
    nonRoot: fc.boolean(),
    row: oneOrSeveral(ROWS),
    noNewPrivs: fc.boolean(),
    violations: fc.constantFrom('none' as const, 'allowed' as const),
    semantics: fc.constantFrom(...SEMANTICS),
    os: fc.constantFrom('linux' as const, 'windows' as const, 'any' as const),
  },
  { requiredKeys: [] },
)

/** `make(constraints)`'s values, or `null` when the factory refuses the constraints. */
export function steered<C, A>(constraints: fc.Arbitrary<C>, make: (c: C) => fc.Arbitrary<A>): fc.Arbitrary<{ readonly constraints: C; readonly value: A | null }> {
  return constraints.chain((c) => {
    try {
      return make(c).map((value) => ({ constraints: c, value: value as A | null }))
    } catch {
      return fc.constant({ constraints: c, value: null })
    }
  })
}

/** SPEC §3.4. */
const TABLE: Record<Row, Record<Column, boolean>> = {
  nil: { root: true, nonRoot: false, privileged: false },
  false: { root: true, nonRoot: true, privileged: false },
  true: { root: false, nonRoot: false, privileged: false },
}

/**
 * Can some container keep `constraints`? From the SPEC: on Linux only the proposal rejects a
 * privileged container with `allowPrivilegeEscalation: false` outright (Kubernetes admits a
 * SYS_ADMIN spelt otherwise than `CAP_SYS_ADMIN`); a Windows pod never has no_new_privs and,
 * without violations, sets no escalation field and cannot be privileged.
 */
export function isSatisfiable(c: PodConstraints, defaultOs: 'linux' | 'any'): boolean {
  const semantics = c.semantics ?? 'proposal'
  const strict = c.violations === 'none' || c.noNewPrivs !== undefined
  const oses = (c.os ?? defaultOs) === 'any' ? ['linux', 'windows'] : [c.os ?? defaultOs]
  const columns = (listOf(c.column) ?? COLUMNS).filter(
    (col) =>
      (c.privileged === undefined || (col === 'privileged') === c.privileged) &&
      (c.nonRoot === undefined || col === (c.nonRoot ? 'nonRoot' : 'root')),
  )
  const rows = listOf(c.row) ?? ROWS
  return oses.some((os) =>
    columns.some((column) =>
      rows.some((row) => {
        if (os === 'windows') return c.noNewPrivs !== true && (!strict || (row === 'nil' && column !== 'privileged'))
        if (strict && semantics === 'proposal' && column === 'privileged' && row === 'false') return false
        if (c.noNewPrivs === undefined || semantics === 'noNewPrivileges') return true
        return semantics === 'proposal' ? TABLE[row][column] === c.noNewPrivs : (row === 'false') === c.noNewPrivs
      }),
    ),
  )
}
