/**
 * fast-check arbitraries of valid values for every codec of `src/codecs`: each field absent,
 * `null` or a valid value, so every field of the API is exercised. Values are plain JSON (no
 * `undefined` properties), so `JSON.parse(JSON.stringify(x))` is `x` again.
 *
 * Kept free of test code so the public `no-new-privs/testing` arbitraries can build on them.
 */
import fc from 'fast-check'
import type { EnumType, IntegerType } from '../../src/codecs/primitives.js'
import * as codecs from '../../src/codecs/index.js'
import type {
  AllowedCSIDriver,
  AllowedFlexVolume,
  AllowedHostPath,
  AppArmorProfile,
  Capabilities,
  Container,
  EphemeralContainer,
  FSGroupStrategyOptions,
  HostPortRange,
  IDRange,
  ObjectMeta,
  OwnerReference,
  Pod,
  PodOS,
  PodSecurityContext,
  PodSecurityPolicy,
  PodSecurityPolicySpec,
  PodSpec,
  PodTemplateSpec,
  RunAsGroupStrategyOptions,
  RunAsUserStrategyOptions,
  RuntimeClassStrategyOptions,
  SELinuxOptions,
  SELinuxStrategyOptions,
  SeccompProfile,
  SecurityContext,
  SupplementalGroupsStrategyOptions,
  Sysctl,
  WindowsSecurityContextOptions,
} from '../../src/codecs/index.js'

type Model = { readonly [k: string]: fc.Arbitrary<unknown> }
type Fields<M extends Model> = { [K in keyof M]?: (M[K] extends fc.Arbitrary<infer T> ? T : never) | null }

/** A field that is absent, `null` (both "not set") or a value of `arb`. */
function orNull<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.option(arb, { nil: null, freq: 6 })
}

/** An object of optional, nullable fields: any subset of `model`'s keys, each maybe `null`. */
function optionalFieldsOf<M extends Model>(model: M): fc.Arbitrary<Fields<M>> {
  const nullable: { [k: string]: fc.Arbitrary<unknown> } = {}
  for (const key of Object.keys(model)) {
    const arb = model[key]
    if (arb !== undefined) nullable[key] = orNull(arb)
  }
  return fc.record(nullable, { requiredKeys: [] }) as fc.Arbitrary<Fields<M>>
}

/** Required fields from `required` merged with optional nullable ones from `optional`. */
function mixedFieldsOf<R extends Model, M extends Model>(
  required: R,
  optional: M,
): fc.Arbitrary<{ [K in keyof R]: R[K] extends fc.Arbitrary<infer T> ? T : never } & Fields<M>> {
  return fc
    .tuple(fc.record(required), optionalFieldsOf(optional))
    .map(([r, o]) => ({ ...o, ...r })) as fc.Arbitrary<
    { [K in keyof R]: R[K] extends fc.Arbitrary<infer T> ? T : never } & Fields<M>
  >
}

/** One of an enum codec's values. */
export function enumValueArbitrary<V extends string>(codec: EnumType<V>): fc.Arbitrary<V> {
  return fc.constantFrom(...codec.values)
}

/** An integer an integer codec accepts, biased to its bounds and small values. */
export function integerArbitrary(codec: IntegerType): fc.Arbitrary<number> {
  return codec.min === Number.MIN_SAFE_INTEGER && codec.max === Number.MAX_SAFE_INTEGER
    ? fc.maxSafeInteger()
    : fc.integer({ min: codec.min, max: codec.max })
}

/** A user id: mostly 0 (root) and a few common ids, sometimes any valid one. */
export function uidArbitrary(): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(0, 1000, 65534) },
    { weight: 1, arbitrary: integerArbitrary(codecs.uid) },
  )
}

/** A capability name as people write them: any case, with or without `CAP_`, or anything. */
export function capabilityNameArbitrary(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom('SYS_ADMIN', 'CAP_SYS_ADMIN', 'sys_admin', 'ALL', 'NET_ADMIN', 'NET_BIND_SERVICE', 'CHOWN', 'SETUID'),
    fc.string({ maxLength: 12 }),
  )
}

const shortString = (): fc.Arbitrary<string> => fc.string({ maxLength: 16 })
const stringList = (): fc.Arbitrary<ReadonlyArray<string>> => fc.array(shortString(), { maxLength: 3 })
const stringMap = (): fc.Arbitrary<Readonly<Record<string, string>>> =>
  fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), { maxKeys: 3 })
/** A value of a field this library keeps but never types (probes, volumes, …). */
const opaque = (): fc.Arbitrary<unknown> => fc.jsonValue({ maxDepth: 2 })

/** `capabilities` with realistic and arbitrary capability names. */
export function capabilitiesArbitrary(): fc.Arbitrary<Capabilities> {
  const names = fc.array(capabilityNameArbitrary(), { maxLength: 3 })
  return optionalFieldsOf({ add: names, drop: names })
}

/** `seLinuxOptions` with any subset of its fields. */
export function seLinuxOptionsArbitrary(): fc.Arbitrary<SELinuxOptions> {
  return optionalFieldsOf({ user: shortString(), role: shortString(), type: shortString(), level: shortString() })
}

/** `seccompProfile`: a valid `type`, maybe a `localhostProfile`. */
export function seccompProfileArbitrary(): fc.Arbitrary<SeccompProfile> {
  return mixedFieldsOf({ type: enumValueArbitrary(codecs.SeccompProfileType) }, { localhostProfile: shortString() })
}

/** `appArmorProfile`: a valid `type`, maybe a `localhostProfile`. */
export function appArmorProfileArbitrary(): fc.Arbitrary<AppArmorProfile> {
  return mixedFieldsOf({ type: enumValueArbitrary(codecs.AppArmorProfileType) }, { localhostProfile: shortString() })
}

/** `windowsOptions` with any subset of its fields. */
export function windowsSecurityContextOptionsArbitrary(): fc.Arbitrary<WindowsSecurityContextOptions> {
  return optionalFieldsOf({
    gmsaCredentialSpecName: shortString(),
    gmsaCredentialSpec: shortString(),
    runAsUserName: shortString(),
    hostProcess: fc.boolean(),
  })
}

/** A container's `securityContext`: every field maybe absent, `null` or valid. */
export function securityContextArbitrary(): fc.Arbitrary<SecurityContext> {
  return optionalFieldsOf({
    allowPrivilegeEscalation: fc.boolean(),
    appArmorProfile: appArmorProfileArbitrary(),
    capabilities: capabilitiesArbitrary(),
    cgroupOptions: optionalFieldsOf({ mountMode: fc.constantFrom('ReadOnly', 'Writable', 'ReadWrite') }),
    privileged: fc.boolean(),
    procMount: enumValueArbitrary(codecs.ProcMountType),
    readOnlyRootFilesystem: fc.boolean(),
    runAsGroup: uidArbitrary(),
    runAsNonRoot: fc.boolean(),
    runAsUser: uidArbitrary(),
    seLinuxOptions: seLinuxOptionsArbitrary(),
    seccompProfile: seccompProfileArbitrary(),
    windowsOptions: windowsSecurityContextOptionsArbitrary(),
    noNewPrivileges: fc.boolean(),
  })
}

/** A `Sysctl` (both fields set). */
export function sysctlArbitrary(): fc.Arbitrary<Sysctl> {
  return fc.record({ name: shortString(), value: shortString() })
}

/** A pod's `securityContext`: every field maybe absent, `null` or valid. */
export function podSecurityContextArbitrary(): fc.Arbitrary<PodSecurityContext> {
  return optionalFieldsOf({
    appArmorProfile: appArmorProfileArbitrary(),
    fsGroup: integerArbitrary(codecs.gid),
    fsGroupChangePolicy: enumValueArbitrary(codecs.PodFSGroupChangePolicy),
    runAsGroup: uidArbitrary(),
    runAsNonRoot: fc.boolean(),
    runAsUser: uidArbitrary(),
    seLinuxChangePolicy: enumValueArbitrary(codecs.PodSELinuxChangePolicy),
    seLinuxOptions: seLinuxOptionsArbitrary(),
    seccompProfile: seccompProfileArbitrary(),
    supplementalGroups: fc.array(integerArbitrary(codecs.gid), { maxLength: 3 }),
    supplementalGroupsPolicy: enumValueArbitrary(codecs.SupplementalGroupsPolicy),
    sysctls: fc.array(sysctlArbitrary(), { maxLength: 2 }),
    windowsOptions: windowsSecurityContextOptionsArbitrary(),
    noNewPrivileges: fc.boolean(),
  })
}

/** An `IDRange` of any two safe integers (ordering is not the codec's concern). */
export function idRangeArbitrary(): fc.Arbitrary<IDRange> {
  return fc.record({ min: integerArbitrary(codecs.int64), max: integerArbitrary(codecs.int64) })
}

/** A `HostPortRange` of any two int32s. */
export function hostPortRangeArbitrary(): fc.Arbitrary<HostPortRange> {
  return fc.record({ min: integerArbitrary(codecs.int32), max: integerArbitrary(codecs.int32) })
}

/** An `AllowedHostPath`. */
export function allowedHostPathArbitrary(): fc.Arbitrary<AllowedHostPath> {
  return optionalFieldsOf({ pathPrefix: shortString(), readOnly: fc.boolean() })
}

/** An `AllowedFlexVolume`. */
export function allowedFlexVolumeArbitrary(): fc.Arbitrary<AllowedFlexVolume> {
  return fc.record({ driver: shortString() })
}

/** An `AllowedCSIDriver`. */
export function allowedCSIDriverArbitrary(): fc.Arbitrary<AllowedCSIDriver> {
  return fc.record({ name: shortString() })
}

const idRanges = (): fc.Arbitrary<ReadonlyArray<IDRange>> => fc.array(idRangeArbitrary(), { maxLength: 2 })

/** A policy's `runAsUser` strategy. */
export function runAsUserStrategyOptionsArbitrary(): fc.Arbitrary<RunAsUserStrategyOptions> {
  return mixedFieldsOf({ rule: enumValueArbitrary(codecs.RunAsUserStrategy) }, { ranges: idRanges() })
}

/** A policy's `runAsGroup` strategy. */
export function runAsGroupStrategyOptionsArbitrary(): fc.Arbitrary<RunAsGroupStrategyOptions> {
  return mixedFieldsOf({ rule: enumValueArbitrary(codecs.RunAsGroupStrategy) }, { ranges: idRanges() })
}

/** A policy's `seLinux` strategy. */
export function seLinuxStrategyOptionsArbitrary(): fc.Arbitrary<SELinuxStrategyOptions> {
  return mixedFieldsOf({ rule: enumValueArbitrary(codecs.SELinuxStrategy) }, { seLinuxOptions: seLinuxOptionsArbitrary() })
}

/** A policy's `supplementalGroups` strategy (`rule` optional). */
export function supplementalGroupsStrategyOptionsArbitrary(): fc.Arbitrary<SupplementalGroupsStrategyOptions> {
  return optionalFieldsOf({ rule: enumValueArbitrary(codecs.SupplementalGroupsStrategyType), ranges: idRanges() })
}

/** A policy's `fsGroup` strategy (`rule` optional). */
export function fsGroupStrategyOptionsArbitrary(): fc.Arbitrary<FSGroupStrategyOptions> {
  return optionalFieldsOf({ rule: enumValueArbitrary(codecs.FSGroupStrategyType), ranges: idRanges() })
}

/** A policy's `runtimeClass` strategy. */
export function runtimeClassStrategyOptionsArbitrary(): fc.Arbitrary<RuntimeClassStrategyOptions> {
  return mixedFieldsOf({ allowedRuntimeClassNames: stringList() }, { defaultRuntimeClassName: shortString() })
}

/**
 * A policy spec the API server accepts: the strategies it requires (`seLinux`, `runAsUser`,
 * `supplementalGroups`, `fsGroup`) are always set, every other field maybe.
 */
export function podSecurityPolicySpecArbitrary(): fc.Arbitrary<PodSecurityPolicySpec> {
  const capabilityNames = fc.array(capabilityNameArbitrary(), { maxLength: 3 })
  return mixedFieldsOf(
    {
      seLinux: seLinuxStrategyOptionsArbitrary(),
      runAsUser: runAsUserStrategyOptionsArbitrary(),
      supplementalGroups: supplementalGroupsStrategyOptionsArbitrary(),
      fsGroup: fsGroupStrategyOptionsArbitrary(),
    },
    {
      privileged: fc.boolean(),
      defaultAddCapabilities: capabilityNames,
      requiredDropCapabilities: capabilityNames,
      allowedCapabilities: capabilityNames,
      volumes: fc.array(enumValueArbitrary(codecs.FSType), { maxLength: 3 }),
      hostNetwork: fc.boolean(),
      hostPorts: fc.array(hostPortRangeArbitrary(), { maxLength: 2 }),
      hostPID: fc.boolean(),
      hostIPC: fc.boolean(),
      runAsGroup: runAsGroupStrategyOptionsArbitrary(),
      readOnlyRootFilesystem: fc.boolean(),
      defaultAllowPrivilegeEscalation: fc.boolean(),
      allowPrivilegeEscalation: fc.boolean(),
      allowedHostPaths: fc.array(allowedHostPathArbitrary(), { maxLength: 2 }),
      allowedFlexVolumes: fc.array(allowedFlexVolumeArbitrary(), { maxLength: 2 }),
      allowedCSIDrivers: fc.array(allowedCSIDriverArbitrary(), { maxLength: 2 }),
      allowedUnsafeSysctls: stringList(),
      forbiddenSysctls: stringList(),
      allowedProcMountTypes: fc.array(enumValueArbitrary(codecs.ProcMountType), { maxLength: 2 }),
      runtimeClass: runtimeClassStrategyOptionsArbitrary(),
    },
  )
}

/** An entry of `metadata.ownerReferences`. */
export function ownerReferenceArbitrary(): fc.Arbitrary<OwnerReference> {
  return optionalFieldsOf({
    apiVersion: shortString(),
    kind: shortString(),
    name: shortString(),
    uid: shortString(),
    controller: fc.boolean(),
    blockOwnerDeletion: fc.boolean(),
  })
}

/** `metadata` with any subset of its fields. */
export function objectMetaArbitrary(): fc.Arbitrary<ObjectMeta> {
  return optionalFieldsOf({
    name: shortString(),
    generateName: shortString(),
    namespace: shortString(),
    selfLink: shortString(),
    uid: shortString(),
    resourceVersion: shortString(),
    generation: integerArbitrary(codecs.int64),
    creationTimestamp: shortString(),
    deletionTimestamp: shortString(),
    deletionGracePeriodSeconds: integerArbitrary(codecs.int64),
    labels: stringMap(),
    annotations: stringMap(),
    ownerReferences: fc.array(ownerReferenceArbitrary(), { maxLength: 2 }),
    finalizers: stringList(),
    managedFields: fc.array(opaque(), { maxLength: 2 }),
  })
}

/** A `PodSecurityPolicy` document (its spec always API-valid when present). */
export function podSecurityPolicyArbitrary(): fc.Arbitrary<PodSecurityPolicy> {
  return optionalFieldsOf({
    apiVersion: enumValueArbitrary(codecs.PodSecurityPolicyApiVersion),
    kind: fc.constant('PodSecurityPolicy' as const),
    metadata: objectMetaArbitrary(),
    spec: podSecurityPolicySpecArbitrary(),
  })
}

const containerModel = {
  image: shortString(),
  command: stringList(),
  args: stringList(),
  workingDir: shortString(),
  ports: opaque(),
  envFrom: opaque(),
  env: opaque(),
  resources: opaque(),
  resizePolicy: opaque(),
  restartPolicy: shortString(),
  restartPolicyRules: opaque(),
  volumeMounts: opaque(),
  volumeDevices: opaque(),
  livenessProbe: opaque(),
  readinessProbe: opaque(),
  startupProbe: opaque(),
  lifecycle: opaque(),
  terminationMessagePath: shortString(),
  terminationMessagePolicy: shortString(),
  imagePullPolicy: shortString(),
  securityContext: securityContextArbitrary(),
  stdin: fc.boolean(),
  stdinOnce: fc.boolean(),
  tty: fc.boolean(),
}

/** A container: `name` set, every other field maybe absent, `null` or valid. */
export function containerArbitrary(): fc.Arbitrary<Container> {
  return mixedFieldsOf({ name: shortString() }, containerModel)
}

/** An ephemeral container: a container plus maybe `targetContainerName`. */
export function ephemeralContainerArbitrary(): fc.Arbitrary<EphemeralContainer> {
  return mixedFieldsOf({ name: shortString() }, { ...containerModel, targetContainerName: shortString() })
}

/** `spec.os`: `linux` or `windows`. */
export function podOSArbitrary(): fc.Arbitrary<PodOS> {
  return fc.record({ name: enumValueArbitrary(codecs.OSName) })
}

/** A pod spec: at least one container, every other field maybe absent, `null` or valid. */
export function podSpecArbitrary(): fc.Arbitrary<PodSpec> {
  return mixedFieldsOf(
    { containers: fc.array(containerArbitrary(), { minLength: 1, maxLength: 2 }) },
    {
      volumes: opaque(),
      initContainers: fc.array(containerArbitrary(), { maxLength: 2 }),
      ephemeralContainers: fc.array(ephemeralContainerArbitrary(), { maxLength: 1 }),
      restartPolicy: shortString(),
      terminationGracePeriodSeconds: integerArbitrary(codecs.int64),
      activeDeadlineSeconds: integerArbitrary(codecs.int64),
      dnsPolicy: shortString(),
      nodeSelector: stringMap(),
      serviceAccountName: shortString(),
      serviceAccount: shortString(),
      automountServiceAccountToken: fc.boolean(),
      nodeName: shortString(),
      hostNetwork: fc.boolean(),
      hostPID: fc.boolean(),
      hostIPC: fc.boolean(),
      shareProcessNamespace: fc.boolean(),
      securityContext: podSecurityContextArbitrary(),
      imagePullSecrets: opaque(),
      hostname: shortString(),
      subdomain: shortString(),
      affinity: opaque(),
      schedulerName: shortString(),
      tolerations: opaque(),
      hostAliases: opaque(),
      priorityClassName: shortString(),
      priority: integerArbitrary(codecs.int32),
      dnsConfig: opaque(),
      readinessGates: opaque(),
      runtimeClassName: shortString(),
      enableServiceLinks: fc.boolean(),
      preemptionPolicy: shortString(),
      overhead: opaque(),
      topologySpreadConstraints: opaque(),
      setHostnameAsFQDN: fc.boolean(),
      os: podOSArbitrary(),
      hostUsers: fc.boolean(),
      schedulingGates: opaque(),
      resourceClaims: opaque(),
      resources: opaque(),
      hostnameOverride: shortString(),
      schedulingGroup: opaque(),
      workloadRef: opaque(),
    },
  )
}

/** A pod template. */
export function podTemplateSpecArbitrary(): fc.Arbitrary<PodTemplateSpec> {
  return optionalFieldsOf({ metadata: objectMetaArbitrary(), spec: podSpecArbitrary() })
}

/** A whole `Pod` object. */
export function podArbitrary(): fc.Arbitrary<Pod> {
  return optionalFieldsOf({
    apiVersion: fc.constant('v1'),
    kind: fc.constant('Pod'),
    metadata: objectMetaArbitrary(),
    spec: podSpecArbitrary(),
    status: opaque(),
  })
}
