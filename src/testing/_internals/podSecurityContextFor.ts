/**
 * Builds a pod's `securityContext` together with what it means for its containers' columns.
 *
 * @packageDocumentation
 */
import fc from './fastCheck.js'
import type { PodSecurityContext } from '../../codecs/index.js'
import type { Semantics } from '../../resolve/types.js'
import type { OsName } from './plan.js'
import type { PodContext } from './securityContextFor.js'
import {
  always,
  maybe,
  never,
  nonRootUidArbitrary,
  profileArbitrary,
  put,
  putIfSet,
  seLinuxOptionsArbitrary,
  uidArbitrary,
  windowsOptionsArbitrary,
  type Maybe,
} from './values.js'

/** A pod `securityContext` and the pod-level inputs its containers resolve with. */
export interface PodSecurity {
  readonly securityContext: PodSecurityContext
  readonly context: PodContext
}

/** What a pod's `securityContext` must do to a container that sets no uid of its own. */
export interface PodSecurityTarget {
  readonly os: OsName
  readonly semantics: Semantics
  /** The column of a container that sets neither `runAsUser` nor `runAsNonRoot`; any when absent. */
  readonly column?: 'root' | 'nonRoot' | undefined
}

interface UserFields {
  readonly runAsUser: Maybe<number>
  readonly runAsNonRoot: Maybe<boolean>
}

function userFields(target: PodSecurityTarget): fc.Arbitrary<UserFields> {
  const linux = target.os === 'linux'
  const ways: Array<fc.Arbitrary<UserFields>> = []
  if (target.column !== 'nonRoot') {
    if (linux) ways.push(fc.record({ runAsUser: always(fc.constant(0)), runAsNonRoot: maybe(fc.constant(false)) }))
    ways.push(fc.record({ runAsUser: never, runAsNonRoot: maybe(fc.constant(false)) }))
  }
  if (target.column !== 'root') {
    if (linux) ways.push(fc.record({ runAsUser: always(nonRootUidArbitrary), runAsNonRoot: maybe(fc.boolean()) }))
    ways.push(fc.record({ runAsUser: never, runAsNonRoot: always(fc.constant(true)) }))
  }
  return fc.oneof(...ways)
}

interface PodExtras {
  readonly fsGroup: Maybe<number>
  readonly runAsGroup: Maybe<number>
  readonly supplementalGroups: Maybe<ReadonlyArray<number>>
  readonly seccompProfile: Maybe<unknown>
  readonly seLinuxOptions: Maybe<unknown>
  readonly sysctls: Maybe<ReadonlyArray<unknown>>
  readonly windowsOptions: Maybe<unknown>
}

const NOT_SET: Maybe<never> = { set: false, as: 'absent' }

function extras(os: OsName): fc.Arbitrary<PodExtras> {
  if (os === 'windows') {
    return fc.record({
      fsGroup: fc.constant(NOT_SET),
      runAsGroup: fc.constant(NOT_SET),
      supplementalGroups: fc.constant(NOT_SET),
      seccompProfile: fc.constant(NOT_SET),
      seLinuxOptions: fc.constant(NOT_SET),
      sysctls: fc.constant(NOT_SET),
      windowsOptions: maybe(windowsOptionsArbitrary),
    })
  }
  return fc.record({
    fsGroup: maybe(uidArbitrary),
    runAsGroup: maybe(uidArbitrary),
    supplementalGroups: maybe(fc.uniqueArray(uidArbitrary, { maxLength: 2 }), 1, 3),
    seccompProfile: maybe(profileArbitrary),
    seLinuxOptions: maybe(seLinuxOptionsArbitrary, 1, 4),
    sysctls: maybe(fc.constant([{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }]), 1, 4),
    windowsOptions: fc.constant(NOT_SET),
  })
}

function flagField(target: PodSecurityTarget): fc.Arbitrary<Maybe<boolean>> {
  if (target.semantics !== 'noNewPrivileges') return fc.constant<Maybe<boolean>>(NOT_SET)
  // Only the container's flag is a violation on Windows; the pod's is simply not read.
  return maybe(fc.boolean())
}

function valueOf<T>(field: Maybe<T>): T | null {
  return field.set ? field.value : null
}

/** A pod `securityContext` for `target`, and its meaning for the containers. Plain JSON. */
export function podSecurityFor(target: PodSecurityTarget): fc.Arbitrary<PodSecurity> {
  return fc.tuple(userFields(target), flagField(target), extras(target.os)).map(([user, flag, more]) => {
    const sc: Record<string, unknown> = {}
    put(sc, 'runAsUser', user.runAsUser)
    put(sc, 'runAsNonRoot', user.runAsNonRoot)
    putIfSet(sc, 'runAsGroup', more.runAsGroup)
    putIfSet(sc, 'fsGroup', more.fsGroup)
    putIfSet(sc, 'supplementalGroups', more.supplementalGroups)
    putIfSet(sc, 'seccompProfile', more.seccompProfile)
    putIfSet(sc, 'seLinuxOptions', more.seLinuxOptions)
    putIfSet(sc, 'sysctls', more.sysctls)
    putIfSet(sc, 'windowsOptions', more.windowsOptions)
    put(sc, 'noNewPrivileges', flag)
    return {
      securityContext: sc as PodSecurityContext,
      context: { runAsUser: valueOf(user.runAsUser), runAsNonRoot: valueOf(user.runAsNonRoot), noNewPrivileges: valueOf(flag) },
    }
  })
}
