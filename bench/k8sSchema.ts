/**
 * JSON Schema of the Kubernetes security-context types, for the ajv reference of the decode
 * benchmark.
 *
 * No npm package ships these as JSON Schema: kubernetes-models ships ajv *standalone code*
 * compiled from the OpenAPI document (its `_schemas/*.js`), not the schemas. So they are derived
 * here, by hand, from the core/v1 OpenAPI definitions (`io.k8s.api.core.v1.SecurityContext`,
 * `PodSecurityContext`, `Capabilities`, `SELinuxOptions`, `SeccompProfile`, `AppArmorProfile`,
 * `WindowsSecurityContextOptions`, `Sysctl`) the way kubernetes-models turns them into schemas:
 * every field nullable, `int64` integers with an `int64` format, the OpenAPI v3 enums, `required`
 * as upstream, unknown fields allowed (the OpenAPI document does not forbid them).
 *
 * @packageDocumentation
 */

const nullable = (type: string | ReadonlyArray<string>): { type: ReadonlyArray<string> } => ({
  type: [...(typeof type === 'string' ? [type] : type), 'null'],
})
const int64 = { ...nullable('integer'), format: 'int64' }
const str = nullable('string')
const bool = nullable('boolean')
const strings = { ...nullable('array'), items: { type: 'string' } }
const ref = (name: string): { anyOf: ReadonlyArray<unknown> } => ({ anyOf: [{ $ref: `#/definitions/${name}` }, { type: 'null' }] })
const profileTypes = ['Localhost', 'RuntimeDefault', 'Unconfined']

const definitions = {
  Capabilities: { type: 'object', properties: { add: strings, drop: strings } },
  SELinuxOptions: { type: 'object', properties: { level: str, role: str, type: str, user: str } },
  SeccompProfile: { type: 'object', required: ['type'], properties: { localhostProfile: str, type: { type: 'string', enum: profileTypes } } },
  AppArmorProfile: { type: 'object', required: ['type'], properties: { localhostProfile: str, type: { type: 'string', enum: profileTypes } } },
  WindowsSecurityContextOptions: {
    type: 'object',
    properties: { gmsaCredentialSpec: str, gmsaCredentialSpecName: str, hostProcess: bool, runAsUserName: str },
  },
  Sysctl: { type: 'object', required: ['name', 'value'], properties: { name: { type: 'string' }, value: { type: 'string' } } },
  SecurityContext: {
    type: 'object',
    properties: {
      allowPrivilegeEscalation: bool,
      appArmorProfile: ref('AppArmorProfile'),
      capabilities: ref('Capabilities'),
      privileged: bool,
      procMount: { ...str, enum: ['Default', 'Unmasked', null] },
      readOnlyRootFilesystem: bool,
      runAsGroup: int64,
      runAsNonRoot: bool,
      runAsUser: int64,
      seLinuxOptions: ref('SELinuxOptions'),
      seccompProfile: ref('SeccompProfile'),
      windowsOptions: ref('WindowsSecurityContextOptions'),
    },
  },
  PodSecurityContext: {
    type: 'object',
    properties: {
      appArmorProfile: ref('AppArmorProfile'),
      fsGroup: int64,
      fsGroupChangePolicy: { ...str, enum: ['Always', 'OnRootMismatch', null] },
      runAsGroup: int64,
      runAsNonRoot: bool,
      runAsUser: int64,
      seLinuxChangePolicy: str,
      seLinuxOptions: ref('SELinuxOptions'),
      seccompProfile: ref('SeccompProfile'),
      supplementalGroups: { ...nullable('array'), items: { type: 'integer', format: 'int64' } },
      supplementalGroupsPolicy: { ...str, enum: ['Merge', 'Strict', null] },
      sysctls: { ...nullable('array'), items: { $ref: '#/definitions/Sysctl' } },
      windowsOptions: ref('WindowsSecurityContextOptions'),
    },
  },
}

const containers = {
  ...nullable('array'),
  items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, securityContext: ref('SecurityContext') } },
}

/**
 * A pod spec as far as its security contexts go: the pod's `securityContext` and every init,
 * regular and ephemeral container's, validated with the schemas above; nothing else is looked at.
 */
export const podSpecSecuritySchema = {
  type: 'object',
  required: ['containers'],
  properties: {
    securityContext: ref('PodSecurityContext'),
    initContainers: containers,
    containers: { ...containers, type: 'array' },
    ephemeralContainers: containers,
  },
  definitions,
} as const
