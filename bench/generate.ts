/**
 * Seeded inputs for every benchmark: the same seed gives the same containers, pods and YAML on
 * every machine, so anyone can reproduce a figure. Nothing here reads a clock or `Math.random`.
 *
 * @packageDocumentation
 */
import type { KubernetesVersion, OldPodSpecInput, ResolveInput, ResolveOptions, Semantics } from '../src/resolve/types.js'

/** A small, fast, seeded PRNG (mulberry32): uniform in [0, 1). */
export interface Random {
  (): number
}

/**
 * mulberry32: 32 bits of state, good enough to vary benchmark inputs and stable across engines.
 *
 * @example
 * const r = seeded(42); r() // always the same first number
 */
export function seeded(seed: number): Random {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(r: Random, xs: ReadonlyArray<T>): T => xs[Math.floor(r() * xs.length)] as T
const chance = (r: Random, p: number): boolean => r() < p

// ---------------------------------------------------------------------------------------------
// Resolve inputs: typed, already decoded

/** One container to resolve, with the options it is resolved under. */
export interface ResolveCase {
  readonly input: ResolveInput
  readonly options: ResolveOptions
}

/** Options objects are shared, as a caller's hot loop shares them. */
export const OPTIONS: { readonly [S in Semantics]: ResolveOptions } = {
  proposal: { semantics: 'proposal' },
  noNewPrivileges: { semantics: 'noNewPrivileges' },
  kubernetes: { semantics: 'kubernetes' },
}

/** A handful of policies, as a cluster has a handful: every gate/default/runAsUser combination that matters. */
export const POLICIES = [
  { metadata: { name: 'restricted' }, spec: { allowPrivilegeEscalation: false, runAsUser: { rule: 'MustRunAsNonRoot' } } },
  { metadata: { name: 'defaulted' }, spec: { allowPrivilegeEscalation: true, defaultAllowPrivilegeEscalation: false, runAsUser: { rule: 'RunAsAny' } } },
  { metadata: { name: 'uid-range' }, spec: { allowPrivilegeEscalation: true, runAsUser: { rule: 'MustRunAs', ranges: [{ min: 1000, max: 2000 }] } } },
  { metadata: { name: 'caps' }, spec: { allowPrivilegeEscalation: true, defaultAddCapabilities: ['NET_ADMIN', 'SYS_ADMIN'], runAsUser: { rule: 'RunAsAny' } } },
  { metadata: { name: 'open' }, spec: { allowPrivilegeEscalation: true, defaultAllowPrivilegeEscalation: true, runAsUser: { rule: 'RunAsAny' } } },
  { metadata: { name: 'literal-caps' }, spec: { allowPrivilegeEscalation: true, defaultAllowPrivilegeEscalation: false, defaultAddCapabilities: ['CAP_SYS_ADMIN'] } },
  { metadata: { name: 'invalid' }, spec: { allowPrivilegeEscalation: false, defaultAllowPrivilegeEscalation: true } },
] as const

const CAPS = ['NET_BIND_SERVICE', 'CHOWN', 'NET_ADMIN', 'SYS_ADMIN', 'CAP_SYS_ADMIN', 'sys_admin', 'ALL', 'SETUID'] as const
const UIDS = [0, 1000, 65534, 10001] as const

/** A container `securityContext` covering every row (nil/false/true) and column (root/nonRoot/privileged). */
function containerSecurity(r: Random): Record<string, unknown> | undefined {
  if (chance(r, 0.1)) return undefined
  const sc: Record<string, unknown> = {}
  const row = r()
  if (row < 0.4) sc.allowPrivilegeEscalation = false
  else if (row < 0.6) sc.allowPrivilegeEscalation = true
  const column = r()
  if (column < 0.08) sc.privileged = true
  else if (column < 0.5) sc.runAsUser = pick(r, UIDS)
  else if (column < 0.65) sc.runAsNonRoot = chance(r, 0.8)
  if (chance(r, 0.3)) sc.capabilities = { drop: ['ALL'], ...(chance(r, 0.5) ? { add: [pick(r, CAPS)] } : {}) }
  if (chance(r, 0.3)) sc.readOnlyRootFilesystem = true
  if (chance(r, 0.2)) sc.seccompProfile = { type: 'RuntimeDefault' }
  if (chance(r, 0.05)) sc.noNewPrivileges = chance(r, 0.5)
  return sc
}

function podSecurity(r: Random): Record<string, unknown> | undefined {
  if (chance(r, 0.3)) return undefined
  const pod: Record<string, unknown> = {}
  if (chance(r, 0.4)) pod.runAsUser = pick(r, UIDS)
  if (chance(r, 0.4)) pod.runAsNonRoot = chance(r, 0.8)
  if (chance(r, 0.3)) pod.fsGroup = 2000
  if (chance(r, 0.3)) pod.seccompProfile = { type: 'RuntimeDefault' }
  if (chance(r, 0.05)) pod.noNewPrivileges = chance(r, 0.5)
  return pod
}

/**
 * Cluster versions: PodSecurityPolicy releases (v1.16, v1.24, its last), the first without it, one
 * before and two from the v1.37 relaxation of updates.
 */
export const VERSIONS: ReadonlyArray<KubernetesVersion> = ['v1.16', 'v1.24', 'v1.25', 'v1.36', 'v1.37', 'latest']

/** The restricted level at the cluster's version, at v1.24 (Windows pods still checked) and at latest. */
const RESTRICTED = [{ level: 'restricted' }, { level: 'restricted', version: 'v1.24' }, { level: 'restricted', version: 'latest' }] as const

/**
 * Options objects for creates, shared as a caller's loop shares them: each semantics alone, under
 * the restricted level, and `kubernetes` at every version of `VERSIONS`.
 */
const CREATE_OPTIONS: { readonly [S in Semantics]: ReadonlyArray<ResolveOptions> } = {
  proposal: [OPTIONS.proposal, ...RESTRICTED.map((podSecurity) => ({ semantics: 'proposal' as const, podSecurity }))],
  noNewPrivileges: [OPTIONS.noNewPrivileges, ...RESTRICTED.map((podSecurity) => ({ semantics: 'noNewPrivileges' as const, podSecurity }))],
  kubernetes: VERSIONS.flatMap((kubernetesVersion) => [
    { semantics: 'kubernetes' as const, kubernetesVersion },
    ...RESTRICTED.map((podSecurity) => ({ semantics: 'kubernetes' as const, kubernetesVersion, podSecurity })),
  ]),
}

/** An old pod spec of an update: half of them already add `CAP_SYS_ADMIN` without escalation. */
function oldPodSpec(r: Random): OldPodSpecInput {
  const relaxes = chance(r, 0.5)
  const sc = relaxes
    ? { allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } }
    : { allowPrivilegeEscalation: chance(r, 0.5), capabilities: { add: [pick(r, CAPS)] } }
  return chance(r, 0.5) ? { containers: [{ securityContext: sc }] } : { initContainers: [{}], containers: [{ securityContext: sc }] }
}

/**
 * `n` typed resolve inputs over the whole domain: every table cell, uids, capabilities (exact and
 * other spellings), policies (a third of them, invalid ones included), Windows pods (5 %), all
 * three semantics (proposal and kubernetes 40 % each), kubernetes at every version of `VERSIONS`
 * (PodSecurityPolicy applied up to v1.24, not after), creates and updates (a quarter of the
 * kubernetes cases, each with its own options and old pod spec), the restricted level (a sixth),
 * violations included.
 *
 * @example
 * resolveCases(10_000, 1).length // 10000
 */
export function resolveCases(n: number, seed: number): ResolveCase[] {
  const r = seeded(seed)
  const out: ResolveCase[] = []
  for (let i = 0; i < n; i++) {
    const container = containerSecurity(r)
    const pod = podSecurity(r)
    const policy = chance(r, 0.33) ? pick(r, POLICIES) : undefined
    const s = r()
    const semantics: Semantics = s < 0.4 ? 'proposal' : s < 0.8 ? 'kubernetes' : 'noNewPrivileges'
    const input: ResolveInput = {
      container,
      pod,
      ...(policy === undefined ? {} : { policy }),
      ...(chance(r, 0.05) ? { os: 'windows' } : {}),
      name: `c${i % 4}`,
    }
    const choices = CREATE_OPTIONS[semantics]
    // Most callers check without the restricted level: the first option of each semantics (or
    // each version) is the plain one.
    const plain = !chance(r, 1 / 6)
    let options: ResolveOptions
    if (semantics === 'kubernetes') {
      const at = Math.floor(r() * VERSIONS.length) * 4
      options = choices[plain ? at : at + 1 + Math.floor(r() * 3)] as ResolveOptions
      if (chance(r, 0.25)) options = { ...options, operation: 'update', oldPod: oldPodSpec(r) }
    } else {
      options = choices[plain ? 0 : 1 + Math.floor(r() * 3)] as ResolveOptions
    }
    out.push({ input, options })
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Pods: parsed JSON, as a tool holding `JSON.parse` output has them

const IMAGES = ['nginx:1.27', 'registry.example.com/team/api:2.4.1', 'busybox:1.36', 'ghcr.io/example/worker@sha256:0f1e2d3c']
const KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'] as const

function container(r: Random, name: string): Record<string, unknown> {
  const c: Record<string, unknown> = { name, image: pick(r, IMAGES) }
  if (chance(r, 0.5)) c.ports = [{ containerPort: 8080, name: 'http', protocol: 'TCP' }]
  if (chance(r, 0.5)) c.env = [{ name: 'LOG_LEVEL', value: 'info' }, { name: 'PORT', value: '8080' }]
  if (chance(r, 0.6)) c.resources = { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } }
  if (chance(r, 0.4)) c.volumeMounts = [{ name: 'data', mountPath: '/data' }]
  if (chance(r, 0.3)) c.readinessProbe = { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 10 }
  if (chance(r, 0.2)) c.imagePullPolicy = 'IfNotPresent'
  const sc = containerSecurity(r)
  if (sc !== undefined) c.securityContext = sc
  return c
}

/** A pod spec: 1–4 containers, sometimes init containers, pod and container security contexts. */
export function podSpec(r: Random): Record<string, unknown> {
  const spec: Record<string, unknown> = {}
  const n = 1 + Math.floor(r() * 4)
  spec.containers = Array.from({ length: n }, (_, i) => container(r, i === 0 ? 'app' : `sidecar-${i}`))
  if (chance(r, 0.3)) spec.initContainers = [container(r, 'init')]
  const psc = podSecurity(r)
  if (psc !== undefined) spec.securityContext = psc
  if (chance(r, 0.3)) spec.volumes = [{ name: 'data', emptyDir: {} }]
  if (chance(r, 0.3)) spec.serviceAccountName = 'app'
  if (chance(r, 0.2)) spec.nodeSelector = { 'kubernetes.io/os': 'linux' }
  if (chance(r, 0.03)) spec.os = { name: 'windows' }
  if (chance(r, 0.2)) spec.restartPolicy = 'Always'
  return spec
}

/** A whole workload object (Pod, Deployment, …, CronJob) around a generated pod spec. */
export function workload(r: Random, i: number): Record<string, unknown> {
  const kind = pick(r, KINDS)
  const metadata = { name: `app-${i}`, namespace: pick(r, ['default', 'prod', 'batch']), labels: { app: `app-${i % 97}` } }
  const spec = podSpec(r)
  const template = { metadata: { labels: metadata.labels }, spec }
  switch (kind) {
    case 'Pod':
      return { apiVersion: 'v1', kind, metadata, spec }
    case 'Job':
      return { apiVersion: 'batch/v1', kind, metadata, spec: { template } }
    case 'CronJob':
      return { apiVersion: 'batch/v1', kind, metadata, spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template } } } }
    default:
      return { apiVersion: 'apps/v1', kind, metadata, spec: { selector: { matchLabels: metadata.labels }, template } }
  }
}

/**
 * `n` pod specs as `JSON.parse` returns them (they round-trip through JSON text, so no object
 * shares structure with another).
 */
export function podSpecs(n: number, seed: number): unknown[] {
  const r = seeded(seed)
  return Array.from({ length: n }, () => JSON.parse(JSON.stringify(podSpec(r))) as unknown)
}

// ---------------------------------------------------------------------------------------------
// YAML streams, generated lazily

/** Block-style YAML of a JSON-like value, as `kubectl get -o yaml` writes it. */
export function toYaml(value: unknown, indent = ''): string {
  let out = ''
  writeYaml(value, indent, (s) => (out += s))
  return out
}

function scalar(v: unknown): string {
  if (typeof v === 'string') return /^[A-Za-z_/][\w./-]*$/.test(v) && !/^(y|n|yes|no|on|off|true|false|null)$/i.test(v) ? v : JSON.stringify(v)
  return String(v)
}

function writeYaml(value: unknown, indent: string, write: (s: string) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item !== null && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length > 0) {
        const entries = Object.entries(item as Record<string, unknown>)
        entries.forEach(([k, v], j) => {
          const lead = j === 0 ? `${indent}- ` : `${indent}  `
          writeEntry(k, v, lead, `${indent}  `, write)
        })
      } else write(`${indent}- ${item !== null && typeof item === 'object' ? (Array.isArray(item) ? '[]' : '{}') : scalar(item)}\n`)
    }
    return
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) writeEntry(k, v, indent, indent, write)
}

function writeEntry(k: string, v: unknown, lead: string, indent: string, write: (s: string) => void): void {
  if (v !== null && typeof v === 'object') {
    const empty = Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0
    if (empty) write(`${lead}${scalar(k)}: ${Array.isArray(v) ? '[]' : '{}'}\n`)
    else {
      write(`${lead}${scalar(k)}:\n`)
      writeYaml(v, Array.isArray(v) ? indent : `${indent}  `, write)
    }
  } else write(`${lead}${scalar(k)}: ${scalar(v)}\n`)
}

/**
 * The YAML text of pods `from`…`from + n - 1` of the stream `seed`, each document opened by `---`.
 * Pod `i` is the same whatever slice it is generated in.
 */
export function yamlDocuments(from: number, n: number, seed: number): string {
  let out = ''
  for (let i = from; i < from + n; i++) out += `---\n${toYaml(workload(seeded(seed * 1_000_003 + i), i))}`
  return out
}

/**
 * A multi-document YAML stream of `n` workloads as an async iterable of text chunks of about
 * `podsPerChunk` documents each, generated as it is read: never more than one chunk in memory.
 */
export async function* yamlStream(n: number, seed: number, podsPerChunk = 256): AsyncGenerator<string> {
  for (let from = 0; from < n; from += podsPerChunk) yield yamlDocuments(from, Math.min(podsPerChunk, n - from), seed)
}

// ---------------------------------------------------------------------------------------------
// kubectl dumps: `kubectl get pods -A -o json` of a busy cluster

const hex = (r: Random, n: number): string => {
  let s = ''
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(r() * 16)]
  return s
}
const uid = (r: Random): string => `${hex(r, 8)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 12)}`
const TIME = '2026-11-30T08:15:42Z'

/** managedFields as kube-apiserver writes them: one `f:` map per field a manager owns. */
function managedFields(containers: ReadonlyArray<string>): unknown[] {
  const fieldsOfContainer = {
    '.': {},
    'f:env': { '.': {}, 'k:{"name":"LOG_LEVEL"}': { '.': {}, 'f:name': {}, 'f:value': {} } },
    'f:image': {},
    'f:imagePullPolicy': {},
    'f:name': {},
    'f:ports': { '.': {} },
    'f:resources': { '.': {}, 'f:limits': {}, 'f:requests': {} },
    'f:securityContext': { '.': {}, 'f:allowPrivilegeEscalation': {}, 'f:runAsNonRoot': {} },
    'f:terminationMessagePath': {},
    'f:terminationMessagePolicy': {},
    'f:volumeMounts': {},
  }
  const spec: Record<string, unknown> = {}
  for (const c of containers) spec[`k:{"name":"${c}"}`] = fieldsOfContainer
  return [
    {
      apiVersion: 'v1',
      fieldsType: 'FieldsV1',
      fieldsV1: {
        'f:metadata': { 'f:generateName': {}, 'f:labels': { '.': {}, 'f:app': {}, 'f:pod-template-hash': {} }, 'f:ownerReferences': { '.': {}, 'k:{"uid":"x"}': {} } },
        'f:spec': { 'f:containers': spec, 'f:dnsPolicy': {}, 'f:enableServiceLinks': {}, 'f:restartPolicy': {}, 'f:schedulerName': {}, 'f:securityContext': {}, 'f:terminationGracePeriodSeconds': {}, 'f:volumes': {} },
      },
      manager: 'kube-controller-manager',
      operation: 'Update',
      time: TIME,
    },
    {
      apiVersion: 'v1',
      fieldsType: 'FieldsV1',
      fieldsV1: {
        'f:status': {
          'f:conditions': { 'k:{"type":"Ready"}': { '.': {}, 'f:lastTransitionTime': {}, 'f:status': {}, 'f:type': {} } },
          'f:containerStatuses': {},
          'f:hostIP': {},
          'f:phase': {},
          'f:podIP': {},
          'f:podIPs': { '.': {}, 'k:{"ip":"10.0.0.1"}': { '.': {}, 'f:ip': {} } },
          'f:startTime': {},
        },
      },
      manager: 'kubelet',
      operation: 'Update',
      subresource: 'status',
      time: TIME,
    },
  ]
}

/**
 * Pod `i` of a kubectl dump, as `kubectl get pods -o json` prints it: metadata with labels,
 * owner and managedFields, a spec with one to three containers (env, ports, resources, mounts,
 * a securityContext most of the time), and a status. About 10–12 KB printed with 4 spaces.
 */
export function kubectlPod(seed: number, i: number): Record<string, unknown> {
  const r = seeded(seed * 1_000_003 + i)
  const app = pick(r, ['api', 'web', 'worker', 'cache', 'ingest', 'billing', 'search'])
  const hash = hex(r, 10)
  const names = ['app', 'sidecar'].slice(0, chance(r, 0.7) ? 1 : 2)
  const securityContext = (): Record<string, unknown> | undefined =>
    chance(r, 0.15) ? undefined : { allowPrivilegeEscalation: chance(r, 0.8) ? false : true, runAsNonRoot: chance(r, 0.6), ...(chance(r, 0.2) ? { capabilities: { drop: ['ALL'] } } : {}) }
  const containers = names.map((name) => {
    const sc = securityContext()
    return {
      env: [
        { name: 'LOG_LEVEL', value: pick(r, ['info', 'debug', 'warn']) },
        { name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
      ],
      image: `registry.example.com/${app}/${name}:1.${Math.floor(r() * 40)}.${Math.floor(r() * 10)}`,
      imagePullPolicy: 'IfNotPresent',
      name,
      ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
      resources: { limits: { cpu: '500m', memory: '512Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
      ...(sc === undefined ? {} : { securityContext: sc }),
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      volumeMounts: [
        { mountPath: '/var/run/config', name: 'config' },
        { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: `kube-api-access-${hex(r, 5)}`, readOnly: true },
      ],
    }
  })
  const podName = `${app}-${hash}-${hex(r, 5)}`
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      annotations: { 'kubectl.kubernetes.io/restartedAt': TIME, 'prometheus.io/scrape': 'true' },
      creationTimestamp: TIME,
      generateName: `${app}-${hash}-`,
      labels: { app, 'pod-template-hash': hash },
      managedFields: managedFields(names),
      name: podName,
      namespace: pick(r, ['default', 'prod', 'staging', 'monitoring', 'kube-system']),
      ownerReferences: [{ apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: 'ReplicaSet', name: `${app}-${hash}`, uid: uid(r) }],
      resourceVersion: String(100000 + i),
      uid: uid(r),
    },
    spec: {
      containers,
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      nodeName: `node-${Math.floor(r() * 500)}`,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: chance(r, 0.5) ? { runAsUser: 1000 + Math.floor(r() * 1000), fsGroup: 2000 } : {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
      ],
      volumes: [
        { configMap: { defaultMode: 420, name: `${app}-config` }, name: 'config' },
        {
          name: 'kube-api-access',
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
            ],
          },
        },
      ],
    },
    status: {
      conditions: ['Initialized', 'Ready', 'PodScheduled'].map((type) => ({ lastProbeTime: null, lastTransitionTime: TIME, status: 'True', type })),
      containerStatuses: names.map((name) => ({
        containerID: `containerd://${hex(r, 64)}`,
        image: `registry.example.com/${app}/${name}:1.0.0`,
        imageID: `registry.example.com/${app}/${name}@sha256:${hex(r, 64)}`,
        lastState: {},
        name,
        ready: true,
        restartCount: Math.floor(r() * 3),
        started: true,
        state: { running: { startedAt: TIME } },
      })),
      hostIP: `10.1.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}`,
      phase: 'Running',
      podIP: `10.2.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}`,
      podIPs: [{ ip: `10.2.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}` }],
      qosClass: 'Burstable',
      startTime: TIME,
    },
  }
}

/** `JSON.stringify` with kubectl's 4-space indentation, shifted right by `depth` levels. */
const kubectlJson = (value: unknown, depth: number): string => {
  const pad = '    '.repeat(depth)
  return pad + JSON.stringify(value, null, 4).replace(/\n/g, `\n${pad}`)
}

/**
 * `kubectl get pods -A -o json` of `n` pods: one `List`, `kind` after `items` as kubectl
 * prints it, generated as it is read in chunks of `podsPerChunk` pods (never more in memory).
 *
 * @example
 * for await (const chunk of kubectlJsonList(10_000, 1)) process.stdout.write(chunk)
 */
export async function* kubectlJsonList(n: number, seed: number, podsPerChunk = 64): AsyncGenerator<string> {
  yield '{\n    "apiVersion": "v1",\n    "items": [\n'
  for (let from = 0; from < n; from += podsPerChunk) {
    const parts: string[] = []
    for (let i = from; i < Math.min(n, from + podsPerChunk); i++) parts.push(`${kubectlJson(kubectlPod(seed, i), 2)}${i === n - 1 ? '\n' : ',\n'}`)
    yield parts.join('')
  }
  yield '    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n'
}

/** The same pods as a YAML `List` (kubectl's `-o yaml`), in chunks. */
export async function* kubectlYamlList(n: number, seed: number, podsPerChunk = 64): AsyncGenerator<string> {
  yield 'apiVersion: v1\nitems:\n'
  for (let from = 0; from < n; from += podsPerChunk) {
    const parts: string[] = []
    for (let i = from; i < Math.min(n, from + podsPerChunk); i++) parts.push(`- ${toYaml(kubectlPod(seed, i), '  ').trimStart()}`)
    yield parts.join('')
  }
  yield 'kind: List\nmetadata:\n  resourceVersion: ""\n'
}

/** The same pods as `---`-separated YAML documents, in chunks. */
export async function* kubectlYamlDocuments(n: number, seed: number, podsPerChunk = 64): AsyncGenerator<string> {
  for (let from = 0; from < n; from += podsPerChunk) {
    const parts: string[] = []
    for (let i = from; i < Math.min(n, from + podsPerChunk); i++) parts.push(`---\n${toYaml(kubectlPod(seed, i))}`)
    yield parts.join('')
  }
}
