/**
 * Small arbitraries of realistic field values, shared by the public arbitraries: names the API
 * server accepts, images, user ids, capability names by what they grant.
 *
 * @packageDocumentation
 */
import fc from './fastCheck.js'
import { grantsSysAdmin, KUBERNETES_SYS_ADMIN } from '../../capabilities.js'

/** How an unset field is written: left out (most manifests) or an explicit `null`. */
export type Unset = 'absent' | 'null'

/** Mostly absent, sometimes an explicit `null`: both mean "not set", and policies must agree. */
export const unsetArbitrary: fc.Arbitrary<Unset> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Unset>('absent') },
  { weight: 1, arbitrary: fc.constant<Unset>('null') },
)

/** A value, or one of the two spellings of "not set". */
export type Maybe<T> = { readonly set: true; readonly value: T } | { readonly set: false; readonly as: Unset }

/** `set` a value of `arb` or leave the field unset. */
export function maybe<T>(arb: fc.Arbitrary<T>, setWeight = 1, unsetWeight = 1): fc.Arbitrary<Maybe<T>> {
  return fc.oneof(
    { weight: setWeight, arbitrary: arb.map((value): Maybe<T> => ({ set: true, value })) },
    { weight: unsetWeight, arbitrary: unsetArbitrary.map((as): Maybe<T> => ({ set: false, as })) },
  )
}

/** A field that is always set to one of `arb`'s values. */
export function always<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<Maybe<T>> {
  return arb.map((value): Maybe<T> => ({ set: true, value }))
}

/** A field that is never set. */
export const never: fc.Arbitrary<Maybe<never>> = unsetArbitrary.map((as): Maybe<never> => ({ set: false, as }))

/** Writes `field` into `target` as `maybe` says: the value, `null`, or nothing at all. */
export function put<T>(target: Record<string, unknown>, key: string, field: Maybe<T>): void {
  if (field.set) target[key] = field.value
  else if (field.as === 'null') target[key] = null
}

/** Like `put`, but an unset field is always left out (for fields whose `null` would read oddly). */
export function putIfSet<T>(target: Record<string, unknown>, key: string, field: Maybe<T>): void {
  if (field.set) target[key] = field.value
}

const WORDS = ['app', 'web', 'api', 'sidecar', 'init', 'db', 'proxy', 'worker', 'debug', 'log', 'cache', 'job'] as const

/** A DNS-1123 label (container, pod and workload names): a word, maybe with a number. */
export const dnsLabelArbitrary: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...WORDS), fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }))
  .map(([word, n]) => (n === undefined ? word : `${word}-${n}`))

/** `count` distinct DNS-1123 labels (container names must be unique within a pod). */
export function uniqueNamesArbitrary(count: number): fc.Arbitrary<ReadonlyArray<string>> {
  return fc.uniqueArray(dnsLabelArbitrary, { minLength: count, maxLength: count })
}

/** A namespace name. */
export const namespaceArbitrary: fc.Arbitrary<string> = fc.constantFrom('default', 'prod', 'kube-system', 'team-a')

/** A container image reference. */
export const imageArbitrary: fc.Arbitrary<string> = fc.constantFrom(
  'nginx:1.27',
  'busybox:1.36',
  'registry.k8s.io/pause:3.10',
  'gcr.io/distroless/static:nonroot',
  'ghcr.io/example/app@sha256:4c1e997385b8fb4ad4d1d3c7e5af7ff3f882e94d07cf5b78de9e889bc60830e6',
)

/** A non-zero user id: common ones first, any the API server accepts sometimes. */
export const nonRootUidArbitrary: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(1, 1000, 10001, 65532, 65534) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 2147483647 }) },
)

/** Any user id, root included. */
export const uidArbitrary: fc.Arbitrary<number> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: nonRootUidArbitrary },
)

/** Capability names as people write them: any case, with or without `CAP_`. */
const CAPABILITY_SPELLINGS = [
  'NET_ADMIN',
  'NET_BIND_SERVICE',
  'CHOWN',
  'SETUID',
  'SETGID',
  'KILL',
  'NET_RAW',
  'SYS_TIME',
  'AUDIT_WRITE',
  'SYS_PTRACE',
  'cap_net_raw',
  'CAP_CHOWN',
  'net_bind_service',
  'SYS_ADMIN',
  'CAP_SYS_ADMIN',
  'sys_admin',
  'cap_sys_admin',
  'Sys_Admin',
  'ALL',
  'all',
] as const

/** Names that do not give the process CAP_SYS_ADMIN (the column stays `root`/`nonRoot`). */
export const PLAIN_CAPABILITIES: ReadonlyArray<string> = CAPABILITY_SPELLINGS.filter((c) => !grantsSysAdmin(c))

/** Names that give the process CAP_SYS_ADMIN: every spelling of SYS_ADMIN, and ALL. */
export const SYS_ADMIN_CAPABILITIES: ReadonlyArray<string> = CAPABILITY_SPELLINGS.filter(grantsSysAdmin)

/** Spellings of SYS_ADMIN that released Kubernetes admits with `allowPrivilegeEscalation: false`. */
export const SPELLINGS_KUBERNETES_ADMITS: ReadonlyArray<string> = SYS_ADMIN_CAPABILITIES.filter((c) => c !== KUBERNETES_SYS_ADMIN)

/** Up to `maxLength` distinct names from `pool`, in any order. */
export function capabilityListArbitrary(pool: ReadonlyArray<string>, maxLength = 3): fc.Arbitrary<ReadonlyArray<string>> {
  return fc.shuffledSubarray([...pool], { maxLength })
}

/** A list holding at least one of `required` (in any position) and maybe some of `others`. */
export function capabilityListWithArbitrary(
  required: ReadonlyArray<string>,
  others: ReadonlyArray<string>,
): fc.Arbitrary<ReadonlyArray<string>> {
  return fc
    .tuple(fc.shuffledSubarray([...required], { minLength: 1, maxLength: 2 }), fc.shuffledSubarray([...others], { maxLength: 2 }), fc.nat())
    .map(([some, rest, at]) => {
      const list = [...rest]
      list.splice(at % (list.length + 1), 0, ...some)
      return list
    })
}

/** A seccomp or AppArmor profile the API server accepts: `localhostProfile` only with `Localhost`. */
export const profileArbitrary: fc.Arbitrary<{ readonly type: 'RuntimeDefault' | 'Unconfined' | 'Localhost'; readonly localhostProfile?: string }> =
  fc.oneof(
    fc.constantFrom({ type: 'RuntimeDefault' as const }, { type: 'Unconfined' as const }),
    fc.constantFrom('profiles/audit.json', 'k8s-apparmor-example-deny-write').map((p) => ({ type: 'Localhost' as const, localhostProfile: p })),
  )

/** An SELinux label. */
export const seLinuxOptionsArbitrary: fc.Arbitrary<Readonly<Record<string, string>>> = fc.record(
  { user: fc.constant('system_u'), role: fc.constant('system_r'), type: fc.constantFrom('container_t', 'spc_t'), level: fc.constantFrom('s0', 's0:c123,c456') },
  { requiredKeys: [] },
)

/** `windowsOptions` of a Windows pod or container. */
export const windowsOptionsArbitrary: fc.Arbitrary<Readonly<Record<string, string>>> = fc.record(
  { runAsUserName: fc.constantFrom('ContainerUser', 'ContainerAdministrator') },
  { requiredKeys: [] },
)
