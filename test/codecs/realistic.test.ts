import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { right } from 'fp-ts/lib/Either.js'
import { PodSecurityPolicy, PodTemplateSpec, ObjectMeta, SecurityContext, decode } from '../../src/codecs/index.js'

// A hand-written Deployment using the pod-template fields people actually write, including
// ones typed unknown here (probes, volumes, affinity) and recent ones (restartPolicy on a sidecar
// init container, pod-level resources, hostUsers, appArmorProfile, seLinuxChangePolicy).
const deployment = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: { app.kubernetes.io/name: web, app.kubernetes.io/part-of: shop }
  annotations:
    deployment.kubernetes.io/revision: "3"
  creationTimestamp: null
  generation: 3
spec:
  replicas: 3
  selector:
    matchLabels: { app.kubernetes.io/name: web }
  template:
    metadata:
      labels: { app.kubernetes.io/name: web }
      annotations: { prometheus.io/scrape: "true" }
      creationTimestamp: null
    spec:
      serviceAccountName: web
      automountServiceAccountToken: false
      enableServiceLinks: false
      hostUsers: false
      priorityClassName: shop-high
      terminationGracePeriodSeconds: 45
      dnsPolicy: ClusterFirst
      restartPolicy: Always
      schedulerName: default-scheduler
      os: { name: linux }
      nodeSelector: { kubernetes.io/os: linux }
      imagePullSecrets: [{ name: registry }]
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        runAsGroup: 10001
        fsGroup: 10001
        fsGroupChangePolicy: OnRootMismatch
        supplementalGroups: [4000]
        supplementalGroupsPolicy: Merge
        seLinuxChangePolicy: MountOption
        seccompProfile: { type: RuntimeDefault }
        appArmorProfile: { type: RuntimeDefault }
        sysctls:
          - { name: net.ipv4.ip_unprivileged_port_start, value: "0" }
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector: { matchLabels: { app.kubernetes.io/name: web } }
      tolerations:
        - { key: dedicated, operator: Equal, value: shop, effect: NoSchedule }
      topologySpreadConstraints:
        - { maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway }
      resources:
        limits: { cpu: "2", memory: 2Gi }
      initContainers:
        - name: migrate
          image: registry.example/shop/migrate:1.4.2
          command: [/bin/migrate]
          args: [--wait, "30s"]
          envFrom: [{ secretRef: { name: db } }]
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: { drop: [ALL] }
        - name: log-shipper
          image: registry.example/shop/shipper:2.0.0
          restartPolicy: Always
          volumeMounts: [{ name: logs, mountPath: /var/log/web }]
          securityContext:
            allowPrivilegeEscalation: false
            capabilities: { drop: [ALL] }
            seLinuxOptions: { level: "s0:c123,c456" }
      containers:
        - name: web
          image: registry.example/shop/web:3.1.0
          imagePullPolicy: IfNotPresent
          workingDir: /app
          ports:
            - { name: http, containerPort: 8080, protocol: TCP }
          env:
            - name: POD_NAME
              valueFrom: { fieldRef: { fieldPath: metadata.name } }
          resources:
            requests: { cpu: 250m, memory: 256Mi }
            limits: { memory: 512Mi }
          resizePolicy:
            - { resourceName: cpu, restartPolicy: NotRequired }
          livenessProbe:
            httpGet: { path: /healthz, port: http }
            periodSeconds: 10
          readinessProbe:
            httpGet: { path: /ready, port: 8080 }
          startupProbe:
            tcpSocket: { port: 8080 }
            failureThreshold: 30
          lifecycle:
            preStop: { sleep: { seconds: 5 } }
          terminationMessagePath: /dev/termination-log
          terminationMessagePolicy: FallbackToLogsOnError
          volumeMounts:
            - { name: tmp, mountPath: /tmp }
            - { name: logs, mountPath: /var/log/web }
          securityContext:
            allowPrivilegeEscalation: no
            privileged: false
            readOnlyRootFilesystem: true
            runAsNonRoot: true
            runAsUser: 10001
            procMount: Default
            capabilities:
              drop: [ALL]
              add: [NET_BIND_SERVICE]
            seccompProfile: { type: Localhost, localhostProfile: profiles/web.json }
      volumes:
        - { name: tmp, emptyDir: { medium: Memory, sizeLimit: 64Mi } }
        - { name: logs, emptyDir: {} }
`

const policy = `
apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: restricted
  annotations:
    seccomp.security.alpha.kubernetes.io/allowedProfileNames: runtime/default
spec:
  privileged: false
  allowPrivilegeEscalation: false
  defaultAllowPrivilegeEscalation: false
  requiredDropCapabilities: [ALL]
  allowedCapabilities: [NET_BIND_SERVICE]
  volumes: [configMap, emptyDir, projected, secret, downwardAPI, csi, ephemeral, persistentVolumeClaim]
  hostNetwork: false
  hostIPC: false
  hostPID: false
  hostPorts: [{ min: 8000, max: 8080 }]
  runAsUser: { rule: MustRunAsNonRoot }
  runAsGroup: { rule: MustRunAs, ranges: [{ min: 1, max: 65535 }] }
  seLinux: { rule: RunAsAny }
  supplementalGroups: { rule: MustRunAs, ranges: [{ min: 1, max: 65535 }] }
  fsGroup: { rule: MayRunAs, ranges: [{ min: 1, max: 65535 }] }
  readOnlyRootFilesystem: true
  allowedHostPaths: [{ pathPrefix: /var/log, readOnly: true }]
  allowedFlexVolumes: [{ driver: example/lvm }]
  allowedCSIDrivers: [{ name: csi.example.com }]
  allowedUnsafeSysctls: [net.ipv4.ip_unprivileged_port_start]
  forbiddenSysctls: ["kernel.*"]
  allowedProcMountTypes: [Default]
  runtimeClass: { allowedRuntimeClassNames: [gvisor], defaultRuntimeClassName: gvisor }
`

/** Reads YAML as kubectl does (YAML 1.1 booleans), as the manifest loader will. */
function load(text: string): Record<string, unknown> {
  return parse(text, { version: '1.1' }) as Record<string, unknown>
}

describe('real manifests decode with no false warning and nothing lost', () => {
  const doc = load(deployment)
  const template = (doc['spec'] as Record<string, unknown>)['template']

  it('decodes a full Deployment pod template with zero issues, strictly', () => {
    const r = decode(PodTemplateSpec, template, { path: 'spec.template', strict: true })
    if (r._tag === 'Left') return expect.fail(JSON.stringify(r.left, null, 2))
    expect(r.right.warnings).toEqual([])
  })

  it('keeps every field: encoding the decoded template gives back the input', () => {
    const r = decode(PodTemplateSpec, template)
    if (r._tag === 'Left') return expect.fail(JSON.stringify(r.left))
    expect(PodTemplateSpec.encode(r.right.value)).toEqual(template)
  })

  it('reads the YAML 1.1 boolean "no" as allowPrivilegeEscalation: false', () => {
    const r = decode(PodTemplateSpec, template)
    if (r._tag === 'Left') return expect.fail(JSON.stringify(r.left))
    expect(r.right.value.spec?.containers[0]?.securityContext?.allowPrivilegeEscalation).toBe(false)
    expect(r.right.value.spec?.initContainers?.[1]?.restartPolicy).toBe('Always')
  })

  it('decodes the Deployment metadata, creationTimestamp: null included', () => {
    const r = decode(ObjectMeta, doc['metadata'], { strict: true })
    expect(r._tag === 'Right' && r.right.warnings).toEqual([])
  })

  it('decodes a full PodSecurityPolicy with zero issues, strictly, and encodes it back', () => {
    const psp = load(policy)
    const r = decode(PodSecurityPolicy, psp, { strict: true })
    if (r._tag === 'Left') return expect.fail(JSON.stringify(r.left, null, 2))
    expect(r.right.warnings).toEqual([])
    expect(PodSecurityPolicy.encode(r.right.value)).toEqual(psp)
  })

  it('flags a typo in that same template, with its path from the document root', () => {
    const typo = load(deployment.replace('allowPrivilegeEscalation: no', 'allowPrivilegeEscalaton: no'))
    const r = decode(PodTemplateSpec, (typo['spec'] as Record<string, unknown>)['template'], { path: 'spec.template' })
    expect(r._tag === 'Right' && r.right.warnings.map((w) => [w.path, w.message])).toEqual([
      [
        'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalaton',
        'unknown field "allowPrivilegeEscalaton", did you mean "allowPrivilegeEscalation"?',
      ],
    ])
  })
})

describe('newer API fields', () => {
  it('knows securityContext.cgroupOptions (KEP-5474, alpha in v1.36) without enforcing its unsettled values', () => {
    for (const mountMode of ['ReadOnly', 'Writable', 'ReadWrite']) {
      const r = decode(SecurityContext, { allowPrivilegeEscalation: false, cgroupOptions: { mountMode } })
      expect(r).toEqual(right({ value: { allowPrivilegeEscalation: false, cgroupOptions: { mountMode } }, warnings: [] }))
    }
    const typo = decode(SecurityContext, { cgroupOptions: { mountMod: 'Writable' } })
    expect(typo._tag === 'Right' && typo.right.warnings.map((w) => [w.path, w.suggestion])).toEqual([['cgroupOptions.mountMod', 'mountMode']])
  })
})
