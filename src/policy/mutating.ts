/**
 * The `MutatingAdmissionPolicy` of the `proposal` semantics: the design's table (README: "The resolver") on a
 * released cluster, whose no_new_privs is `allowPrivilegeEscalation === false`.
 *
 * The two agree everywhere except one row: an unset setting in the `root` column, where the
 * design sets no_new_privs and Kubernetes does not. So the mutation sets
 * `allowPrivilegeEscalation: false` on exactly those containers (not privileged, no capability
 * that grants SYS_ADMIN, uid 0 or no uid and no `runAsNonRoot: true`) of Linux pods. Everything
 * else already agrees: `nonRoot` and `privileged` with an unset setting are `false` on both sides,
 * an explicit `true` is `false` on both, an explicit `false` is `true` on both (or rejected by the
 * validating policy, for privileged containers).
 *
 * It is an apply configuration, merged by name into the container lists (`listType=map`), so it
 * never touches another field; it runs on pod CREATE, and on UPDATE of `pods/ephemeralcontainers`
 * for the ephemeral containers the old pod did not have (existing containers are immutable).
 *
 * @packageDocumentation
 */
import type {
  FailurePolicyType,
  MatchResources,
  MutatingAdmissionPolicy,
  MutatingAdmissionPolicyBinding,
  Mutation,
  Variable,
} from '../codecs/admissionRegistration.js'
import { addsCapability, escalationIsSet, grantsSysAdminName, hasChain, isPrivileged, isWindowsSpec, type Cel } from './cel.js'
import { MUTATION_RULES } from './resources.js'

const API_VERSION = 'admissionregistration.k8s.io/v1'

/**
 * Is container `c` of pod spec `spec` in the design's `root` column (README: "The resolver"; no policy)?
 *
 * @example
 * ```ts
 * rootColumn('c', 'object.spec') // "!(…privileged… || …SYS_ADMIN…) && (…runAsUser == 0… : !(…runAsNonRoot…))"
 * ```
 */
export function rootColumn(c: Cel, spec: Cel): Cel {
  const privileged = `${isPrivileged(c)} || ${addsCapability(c, grantsSysAdminName)}`
  const own = (f: string): Cel => hasChain(c, ['securityContext', f])
  const pods = (f: string): Cel => hasChain(spec, ['securityContext', f])
  const nonRootFlag =
    `(${own('runAsNonRoot')} ? ${c}.securityContext.runAsNonRoot == true : ` +
    `(${pods('runAsNonRoot')} && ${spec}.securityContext.runAsNonRoot == true))`
  const uidIsRoot =
    `(${own('runAsUser')} ? ${c}.securityContext.runAsUser == 0 : ` +
    `${pods('runAsUser')} ? ${spec}.securityContext.runAsUser == 0 : !${nonRootFlag})`
  // The uid test first: most containers are decided by it without scanning their capabilities.
  return `${uidIsRoot} && !(${privileged})`
}

/** Does container `c` need the default: no setting, `root` column? */
export function needsDefault(c: Cel, spec: Cel): Cel {
  return `!(${escalationIsSet(c)}) && ${rootColumn(c, spec)}`
}

type ListName = 'initContainers' | 'containers' | 'ephemeralContainers'

const VARIABLE: Readonly<Record<ListName, string>> = {
  initContainers: 'defaultedInit',
  containers: 'defaulted',
  ephemeralContainers: 'defaultedEphemeral',
}

/**
 * The variable holding the containers of one list that need the default: on CREATE every such
 * container, on UPDATE (`pods/ephemeralcontainers`) only ephemeral ones the old pod did not have.
 * A variable is evaluated once, so the mutation reads it twice at no extra cost.
 */
export function listVariable(list: ListName): Variable {
  const spec = 'object.spec'
  const isNew =
    list === 'ephemeralContainers'
      ? ` && !(oldObject != null && has(oldObject.spec.ephemeralContainers) && oldObject.spec.ephemeralContainers.exists(o, o.name == c.name))`
      : ` && request.operation == 'CREATE'`
  return {
    name: VARIABLE[list],
    expression: `${isWindowsSpec(spec)} ? [] : (has(${spec}.${list}) ? ${spec}.${list} : []).filter(c, ${needsDefault('c', spec)}${isNew})`,
  }
}

/** The apply configuration for one container list, `Object{}` when nothing in it needs the default. */
export function listMutation(list: ListName): Mutation {
  const selected = `variables.${VARIABLE[list]}`
  const type = `Object.spec.${list}`
  const entry = `${type}{name: c.name, securityContext: ${type}.securityContext{allowPrivilegeEscalation: false}}`
  return {
    patchType: 'ApplyConfiguration',
    applyConfiguration: {
      expression: `size(${selected}) == 0 ? Object{} : Object{spec: Object.spec{${list}: ${selected}.map(c, ${entry})}}`,
    },
  }
}

/** What the mutating objects are built from. */
export interface MutatingInput {
  readonly name: string
  readonly selectors: Pick<MatchResources, 'namespaceSelector' | 'objectSelector'>
  readonly failurePolicy: FailurePolicyType
  readonly labels: Readonly<Record<string, string>>
}

/**
 * The mutating policy and its binding.
 *
 * @example
 * ```ts
 * const [policy] = mutatingObjects({ name: 'no-new-privs-default', selectors: {}, failurePolicy: 'Fail', labels: {} })
 * policy.spec?.mutations?.length // 3: init, regular, ephemeral containers
 * ```
 */
export function mutatingObjects(input: MutatingInput): readonly [MutatingAdmissionPolicy, MutatingAdmissionPolicyBinding] {
  return [
    {
      apiVersion: API_VERSION,
      kind: 'MutatingAdmissionPolicy',
      metadata: { name: input.name, labels: input.labels },
      spec: {
        failurePolicy: input.failurePolicy,
        matchConstraints: { resourceRules: MUTATION_RULES },
        // Another mutator may add a container or change a uid after this one ran.
        reinvocationPolicy: 'IfNeeded',
        variables: [listVariable('initContainers'), listVariable('containers'), listVariable('ephemeralContainers')],
        mutations: [listMutation('initContainers'), listMutation('containers'), listMutation('ephemeralContainers')],
      },
    },
    {
      apiVersion: API_VERSION,
      kind: 'MutatingAdmissionPolicyBinding',
      metadata: { name: input.name, labels: input.labels },
      spec: { policyName: input.name, matchResources: { ...input.selectors } },
    },
  ]
}
