/**
 * Builds a container's `securityContext` that lands in a chosen cell of the table, given what
 * its pod already sets. Each column can be reached several ways (the container's own uid, the
 * pod's uid, `runAsNonRoot` on either, privileged or a SYS_ADMIN capability); the arbitrary picks
 * among the ways open in this pod, so every route the resolver takes gets exercised.
 *
 * @packageDocumentation
 */
import fc from './fastCheck.js'
import type { SecurityContext } from '../../codecs/index.js'
import type { Semantics } from '../../resolve/types.js'
import type { Cell, OsName } from './plan.js'
import {
  always,
  capabilityListArbitrary,
  capabilityListWithArbitrary,
  maybe,
  never,
  nonRootUidArbitrary,
  PLAIN_CAPABILITIES,
  profileArbitrary,
  put,
  putIfSet,
  seLinuxOptionsArbitrary,
  SPELLINGS_KUBERNETES_ADMITS,
  SYS_ADMIN_CAPABILITIES,
  uidArbitrary,
  windowsOptionsArbitrary,
  type Maybe,
} from './values.js'

/** What the pod's `securityContext` sets, as far as a container's column and flag depend on it. */
export interface PodContext {
  readonly runAsUser: number | null
  readonly runAsNonRoot: boolean | null
  readonly noNewPrivileges: boolean | null
}

/** A pod that sets nothing. */
export const EMPTY_POD: PodContext = { runAsUser: null, runAsNonRoot: null, noNewPrivileges: null }

/** Where one container must land. */
export interface ContainerTarget {
  readonly cell: Cell
  readonly os: OsName
  readonly semantics: Semantics
  /** No violation allowed. */
  readonly strict: boolean
  readonly noNewPrivs: boolean | undefined
}

interface ColumnFields {
  readonly privileged: Maybe<boolean>
  readonly add: Maybe<ReadonlyArray<string>>
  readonly runAsUser: Maybe<number>
  readonly runAsNonRoot: Maybe<boolean>
}

const NOT_SET: Maybe<never> = { set: false, as: 'absent' }

const notTrue: fc.Arbitrary<Maybe<boolean>> = maybe(fc.constant(false))
const notTrueNonRoot: fc.Arbitrary<Maybe<boolean>> = maybe(fc.constant(false))
const anyFlag: fc.Arbitrary<Maybe<boolean>> = maybe(fc.boolean())

function privilegedWays(target: ContainerTarget): Array<fc.Arbitrary<ColumnFields>> {
  // Kubernetes admits allowPrivilegeEscalation: false with SYS_ADMIN spelt any way but
  // `CAP_SYS_ADMIN`, and never with privileged: true (the API server's validation). The proposal admits neither,
  // which the plan already ruled out.
  const falseMustPass = target.strict && target.os === 'linux' && target.cell.row === 'false' && target.semantics === 'kubernetes'
  // Never `runAsNonRoot: true` next to uid 0: the kubelet would refuse to start the container.
  const user = fc.tuple(maybe(uidArbitrary), anyFlag).map(([runAsUser, runAsNonRoot]) => ({
    runAsUser,
    runAsNonRoot: runAsUser.set && runAsUser.value === 0 && runAsNonRoot.set && runAsNonRoot.value ? NOT_SET : runAsNonRoot,
  }))
  const ways: Array<fc.Arbitrary<ColumnFields>> = [
    fc
      .record({
        privileged: notTrue,
        add: always(capabilityListWithArbitrary(falseMustPass ? SPELLINGS_KUBERNETES_ADMITS : SYS_ADMIN_CAPABILITIES, PLAIN_CAPABILITIES)),
        user,
      })
      .map(({ user: u, ...rest }) => ({ ...rest, ...u })),
  ]
  if (!falseMustPass) {
    ways.push(
      fc
        .record({
          privileged: always(fc.constant(true)),
          add: maybe(capabilityListArbitrary([...PLAIN_CAPABILITIES, ...SYS_ADMIN_CAPABILITIES])),
          user,
        })
        .map(({ user: u, ...rest }) => ({ ...rest, ...u })),
    )
  }
  return ways
}

function userWays(column: 'root' | 'nonRoot', os: OsName, pod: PodContext): Array<fc.Arbitrary<Omit<ColumnFields, 'privileged' | 'add'>>> {
  const ways: Array<fc.Arbitrary<Omit<ColumnFields, 'privileged' | 'add'>>> = []
  const linux = os === 'linux'
  if (column === 'root') {
    // Never `runAsNonRoot: true` next to uid 0: the kubelet would refuse to start the container.
    if (linux) ways.push(fc.record({ runAsUser: always(fc.constant(0)), runAsNonRoot: notTrueNonRoot }))
    if (pod.runAsUser === 0) ways.push(fc.record({ runAsUser: never, runAsNonRoot: notTrueNonRoot }))
    if (pod.runAsUser === null) {
      ways.push(fc.record({ runAsUser: never, runAsNonRoot: always(fc.constant(false)) }))
      if (pod.runAsNonRoot !== true) ways.push(fc.record({ runAsUser: never, runAsNonRoot: never }))
    }
  } else {
    if (linux) ways.push(fc.record({ runAsUser: always(nonRootUidArbitrary), runAsNonRoot: anyFlag }))
    if (pod.runAsUser !== null && pod.runAsUser !== 0) ways.push(fc.record({ runAsUser: never, runAsNonRoot: anyFlag }))
    if (pod.runAsUser === null) {
      ways.push(fc.record({ runAsUser: never, runAsNonRoot: always(fc.constant(true)) }))
      if (pod.runAsNonRoot === true) ways.push(fc.record({ runAsUser: never, runAsNonRoot: never }))
    }
  }
  return ways
}

function columnFields(target: ContainerTarget, pod: PodContext): fc.Arbitrary<ColumnFields> {
  const column = target.cell.column
  if (column === 'privileged') return fc.oneof(...privilegedWays(target))
  const ways = userWays(column, target.os, pod)
  // A Windows pod has no capabilities field to speak of (the API server forbids it).
  const add = target.os === 'windows' ? never : maybe(capabilityListArbitrary(PLAIN_CAPABILITIES), 1, 2)
  const privileged = target.os === 'windows' ? never : maybe(fc.constant(false), 1, 3)
  return fc.tuple(fc.oneof(...ways), privileged, add).map(([user, p, a]) => ({ ...user, privileged: p, add: a }))
}

function rowField(target: ContainerTarget): fc.Arbitrary<Maybe<boolean>> {
  switch (target.cell.row) {
    case 'nil':
      return never
    case 'false':
      return always(fc.constant(false))
    default:
      return always(fc.constant(true))
  }
}

/** The first design's container flag; only generated under that semantics. */
function flagField(target: ContainerTarget, pod: PodContext): fc.Arbitrary<Maybe<boolean>> {
  if (target.semantics !== 'noNewPrivileges') return fc.constant<Maybe<boolean>>({ set: false, as: 'absent' })
  if (target.os === 'windows') return target.strict ? never : anyFlag
  const wanted = target.noNewPrivs
  if (wanted === undefined) return anyFlag
  const inherits = wanted ? pod.noNewPrivileges === true : pod.noNewPrivileges !== true
  return inherits ? maybe(fc.constant(wanted)) : always(fc.constant(wanted))
}

interface Extras {
  readonly readOnlyRootFilesystem: Maybe<boolean>
  readonly runAsGroup: Maybe<number>
  readonly seccompProfile: Maybe<unknown>
  readonly appArmorProfile: Maybe<unknown>
  readonly seLinuxOptions: Maybe<unknown>
  readonly procMount: Maybe<'Default'>
  readonly drop: Maybe<ReadonlyArray<string>>
  readonly windowsOptions: Maybe<unknown>
}

const NO_EXTRAS: Extras = {
  readOnlyRootFilesystem: NOT_SET,
  runAsGroup: NOT_SET,
  seccompProfile: NOT_SET,
  appArmorProfile: NOT_SET,
  seLinuxOptions: NOT_SET,
  procMount: NOT_SET,
  drop: NOT_SET,
  windowsOptions: NOT_SET,
}

/** Often none at all: most real containers set only what decides (or nothing). */
function extras(os: OsName): fc.Arbitrary<Extras> {
  return fc.oneof({ weight: 1, arbitrary: fc.constant(NO_EXTRAS) }, { weight: 2, arbitrary: someExtras(os) })
}

function someExtras(os: OsName): fc.Arbitrary<Extras> {
  if (os === 'windows') {
    return fc.record({
      readOnlyRootFilesystem: fc.constant(NOT_SET),
      runAsGroup: fc.constant(NOT_SET),
      seccompProfile: fc.constant(NOT_SET),
      appArmorProfile: fc.constant(NOT_SET),
      seLinuxOptions: fc.constant(NOT_SET),
      procMount: fc.constant(NOT_SET),
      drop: fc.constant(NOT_SET),
      windowsOptions: always(windowsOptionsArbitrary.filter((o) => Object.keys(o).length > 0)),
    })
  }
  return fc.record({
    readOnlyRootFilesystem: maybe(fc.boolean()),
    runAsGroup: maybe(uidArbitrary),
    seccompProfile: maybe(profileArbitrary, 1, 2),
    appArmorProfile: maybe(profileArbitrary, 1, 3),
    seLinuxOptions: maybe(seLinuxOptionsArbitrary, 1, 4),
    procMount: maybe(fc.constant('Default' as const), 1, 4),
    drop: maybe(fc.oneof(fc.constant(['ALL']), capabilityListArbitrary(PLAIN_CAPABILITIES, 2))),
    windowsOptions: fc.constant(NOT_SET),
  })
}

/**
 * A `securityContext` that puts the container in `target.cell` inside a pod that sets `pod`.
 * Plain JSON: no property is `undefined`.
 */
export function securityContextFor(target: ContainerTarget, pod: PodContext): fc.Arbitrary<SecurityContext> {
  return fc
    .tuple(columnFields(target, pod), rowField(target), flagField(target, pod), extras(target.os))
    .map(([column, escalation, flag, more]) => {
      const sc: Record<string, unknown> = {}
      put(sc, 'allowPrivilegeEscalation', escalation)
      put(sc, 'privileged', column.privileged)
      put(sc, 'runAsUser', column.runAsUser)
      put(sc, 'runAsNonRoot', column.runAsNonRoot)
      putIfSet(sc, 'runAsGroup', more.runAsGroup)
      if (column.add.set || more.drop.set) {
        const capabilities: Record<string, unknown> = {}
        put(capabilities, 'add', column.add)
        putIfSet(capabilities, 'drop', more.drop)
        sc['capabilities'] = capabilities
      }
      putIfSet(sc, 'readOnlyRootFilesystem', more.readOnlyRootFilesystem)
      putIfSet(sc, 'seccompProfile', more.seccompProfile)
      putIfSet(sc, 'appArmorProfile', more.appArmorProfile)
      putIfSet(sc, 'seLinuxOptions', more.seLinuxOptions)
      putIfSet(sc, 'procMount', more.procMount)
      putIfSet(sc, 'windowsOptions', more.windowsOptions)
      put(sc, 'noNewPrivileges', flag)
      return sc as SecurityContext
    })
}
