/**
 * Checked by `tsc -p test/totality/exactOptional` under `exactOptionalPropertyTypes` (see
 * exactOptional.test.ts): objects shaped like `@kubernetes/client-node`'s, whose unset fields are
 * `undefined`, and options built with `cond ? value : undefined`, are accepted by the public
 * input types. The client's types are restated here (it needs Node 22 at run time; the types are
 * what matters): every field optional and possibly `undefined`.
 */
import { admissionPolicies, checkManifests, decode, resolveNoNewPrivs, SecurityContext, type CheckOptions } from '../../../src/index.js'
import { loadDocuments, walkPods, type PodSpecKind } from '../../../src/manifest/index.js'
import { parseDockerSecurityOpts } from '../../../src/runtime/index.js'
import { checkObject, podArbitrary } from '../../../src/testing/index.js'

interface V1Capabilities {
  add?: Array<string> | undefined
  drop?: Array<string> | undefined
}
interface V1SecurityContext {
  allowPrivilegeEscalation?: boolean | undefined
  privileged?: boolean | undefined
  runAsUser?: number | undefined
  runAsNonRoot?: boolean | undefined
  capabilities?: V1Capabilities | undefined
}
interface V1PodSecurityContext {
  runAsUser?: number | undefined
  runAsNonRoot?: boolean | undefined
}
interface V1Container {
  name: string
  image?: string | undefined
  securityContext?: V1SecurityContext | undefined
}
interface V1Pod {
  apiVersion?: string | undefined
  kind?: string | undefined
  metadata?: { name?: string | undefined; namespace?: string | undefined } | undefined
  spec?: { containers: Array<V1Container>; securityContext?: V1PodSecurityContext | undefined; os?: { name: string } | undefined } | undefined
}

declare const flag: boolean
const container: V1SecurityContext = { allowPrivilegeEscalation: flag ? false : undefined, privileged: undefined, capabilities: { add: undefined, drop: ['ALL'] } }
const pod: V1Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: undefined },
  spec: { containers: [{ name: 'app', image: undefined, securityContext: container }], securityContext: { runAsNonRoot: undefined }, os: undefined },
}

// The resolver reads the client's objects as they are.
resolveNoNewPrivs({ container, pod: pod.spec?.securityContext, os: pod.spec?.os?.name, name: undefined })
resolveNoNewPrivs({ container }, { semantics: flag ? 'kubernetes' : undefined, podSecurity: undefined, kubernetesVersion: undefined })

// Manifests: a parsed object, and options whose unset fields are undefined.
const options: CheckOptions = {
  semantics: flag ? 'kubernetes' : undefined,
  policies: undefined,
  podSecurity: flag ? { level: 'restricted', version: undefined } : undefined,
  kubernetesVersion: undefined,
  requireNoNewPrivs: undefined,
  strict: flag ? true : undefined,
  load: { maxDepth: undefined, maxAliasCount: undefined },
  podSpecKinds: undefined,
  exemptions: undefined,
}
checkManifests({ source: 'api', value: pod }, options)
const kind: PodSpecKind = { kind: 'Scaler', group: undefined, podSpecPath: 'spec.template.spec' }
checkManifests('kind: Pod', { podSpecKinds: [kind] })
loadDocuments('kind: Pod', 'pod.yaml', { maxDepth: undefined, maxAliasCount: undefined })
walkPods(pod, { maxListDepth: undefined, kinds: undefined })

// Codecs, policies, runtimes and the testing helpers.
decode(SecurityContext, container, { strict: undefined, path: undefined })
admissionPolicies({
  semantics: flag ? 'kubernetes' : undefined,
  kubernetesVersion: undefined,
  actions: undefined,
  namespaceSelector: undefined,
  objectSelector: undefined,
  excludeNamespaces: undefined,
  namePrefix: undefined,
  podSecurity: undefined,
  failurePolicy: undefined,
})
parseDockerSecurityOpts(undefined, { daemonNoNewPrivileges: undefined })
checkObject(pod, { source: undefined, semantics: undefined })
podArbitrary({ os: undefined, noNewPrivs: flag ? true : undefined, semantics: undefined, column: undefined, row: undefined })
