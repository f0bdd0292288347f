/**
 * Each violation code as the API server can check it: a CEL condition over one container of the
 * admitted pod spec, its message, or the reason it cannot be checked there.
 *
 * What is read from the rule registry (`src/resolve/rules`), not restated here: which codes apply
 * to the semantics and version, and for each one which pods (Linux, Windows) and which operations
 * (CREATE, UPDATE) — registry.ts asks the resolver's own `variantsFor`, so a range or an OS
 * change in the registry changes the policy. What is translated here, by hand, is each check's
 * condition into CEL: that cannot be derived from a TypeScript function. So each translation names
 * the registry variants it was written for (`variants`, their fingerprints), and
 * test/policy/generate.test.ts fails when the registry's variants of a code differ from them: a
 * new variant, a changed range or condition, is never silently missing from the policy. Keyed by
 * `RuleCode` (a `Record`), so a new code without a translation does not compile.
 *
 * The in-cluster view has no PodSecurityPolicy: PSP was removed in v1.25, and the
 * admissionregistration v1 policies exist from v1.30. So the rules read only the container, its
 * pod and the request.
 *
 * @packageDocumentation
 */
import { WINDOWS_MESSAGE } from '../resolve/rules/escalationFieldOnWindows.js'
import { PRIVILEGED_MESSAGE } from '../resolve/rules/privilegedWithoutEscalation.js'
import type { RuleVariant } from '../resolve/rules/rule.js'
import { SYS_ADMIN_MESSAGE } from '../resolve/rules/sysAdminWithoutEscalation.js'
import type { RuleCode, ViolationCode } from '../resolve/types.js'
import {
  addsCapability,
  capabilitiesWhere,
  celString,
  escalationIsFalse,
  escalationIsSet,
  escalationIsTrue,
  grantsSysAdminName,
  isLiteralSysAdmin,
  isPrivileged,
  namesWhere,
  type Cel,
} from './cel.js'
import type { PolicySemantics } from './options.js'
import { whereApplies, type Where } from './registry.js'

/**
 * What a rule's expression may depend on besides the pod: the semantics, the cluster's minor
 * version, and the restricted level's own policy version when that level is asked for.
 */
export interface RuleContext {
  readonly semantics: PolicySemantics
  /** The cluster's minor version (`Infinity` for `latest`). */
  readonly minor: number
  /** The Pod Security Standards policy version's minor, capped at `minor`, when the restricted level is checked. */
  readonly restrictedMinor: number | undefined
}

/**
 * A rule the API server checks: the pod violates it when the pod-level `guard` holds and some
 * container of `variables.containers` satisfies `container`.
 */
export interface InClusterRule {
  readonly code: ViolationCode
  /** Pod-level condition: the pods and operations the registry applies the rule to, and any relaxation. */
  readonly guard: Cel
  /** Per-container condition over `c`. */
  readonly container: (c: Cel) => Cel
  /** The message expression (a CEL string), naming the offending containers. */
  readonly messageExpression: Cel
  /** The static message, used by the API server when `messageExpression` fails. */
  readonly fallbackMessage: string
  /** The HTTP reason of the rejection. */
  readonly reason: 'Invalid' | 'Forbidden'
  /** Does the expression read `variables.oldContainers` (the old object's containers)? */
  readonly readsOldObject: boolean
}

/** A rule the API server cannot check, and why. */
export interface NotInCluster {
  readonly code: ViolationCode
  readonly notInCluster: string
}

/** What one code becomes in the generated policy: a rule, nothing (it does not apply here), or a reason. */
export type RuleTranslation = InClusterRule | NotInCluster | null

/** The hand-written part of one code's translation. */
interface Translation {
  /** Fingerprints (`variantFingerprint`) of the registry variants this translation encodes. */
  readonly variants: ReadonlyArray<string>
  /** The CEL, or why the API server cannot check the code. */
  readonly cel: (context: RuleContext) => CelRule | string
}

interface CelRule {
  readonly container: (c: Cel) => Cel
  /** The message: its text before the names, and what follows each offending container's name. */
  readonly message: (names: Cel, count: Cel) => Cel
  readonly fallbackMessage: string
  readonly reason: 'Invalid' | 'Forbidden'
  /** A pod-level condition under which the rule is skipped (an update relaxation), reading the old object. */
  readonly skipWhen?: Cel
}

/**
 * A registry variant in one line: semantics, versions, operations, pods and condition — what a
 * translation must be rewritten for when it changes.
 *
 * @example
 * ```ts
 * variantFingerprint(PRIVILEGED_WITHOUT_ESCALATION.variants[0])
 * // 'proposal,kubernetes v1.8…latest create,update linux: setting after admission === false && securityContext.privileged === true'
 * ```
 */
export function variantFingerprint(v: RuleVariant): string {
  return `${v.semantics.join(',')} ${v.versions.from}…${v.versions.through} ${v.operations.join(',')} ${v.pods}: ${v.when}`
}

/** `CODE: MESSAGE: "a", "b"`: the code first, so a client (and the tests) can tell the rules apart. */
function plainMessage(code: ViolationCode, message: string): (names: Cel) => Cel {
  return (names) => `${celString(`${code}: ${message}: `)} + ${names}`
}

/**
 * From this version an UPDATE skips the literal CAP_SYS_ADMIN check when the old pod had it
 * (kubernetes/kubernetes#138834); pinned to the registry by the variants' fingerprints below.
 */
export const SYS_ADMIN_UPDATE_RELAXED_MINOR = 37

/**
 * The old pod already had a container adding exactly `CAP_SYS_ADMIN` without
 * `allowPrivilegeEscalation: true`: from v1.37 such an UPDATE is not checked for the literal.
 */
const OLD_POD_HAD_SYS_ADMIN: Cel =
  `request.operation == 'UPDATE' && variables.oldContainers.exists(o, ${addsCapability('o', isLiteralSysAdmin)} && !(${escalationIsTrue('o')}))`

const NOT_IN_CLUSTER_POLICY =
  'needs a PodSecurityPolicy, which the API server no longer has: PodSecurityPolicy was removed in v1.25, ' +
  'and admissionregistration.k8s.io/v1 policies exist from v1.30'

const PROPOSAL_SYS_ADMIN = 'cannot set `allowPrivilegeEscalation` to false and add a capability that grants CAP_SYS_ADMIN'

const SYS_ADMIN_WHEN = "setting after admission === false && the effective added capabilities hold the exact string 'CAP_SYS_ADMIN'"
const RESTRICTED_WHEN = 'setting after admission !== false (unset or true fails)'

/**
 * Every violation code's translation.
 */
export const TRANSLATIONS: Readonly<Record<RuleCode, Translation>> = {
  'privileged-without-escalation': {
    variants: ['proposal,kubernetes v1.8…latest create,update linux: setting after admission === false && securityContext.privileged === true'],
    // In the cluster the setting after admission is the container's own field: no policy defaults it.
    cel: () => ({
      container: (c) => `${escalationIsFalse(c)} && ${isPrivileged(c)}`,
      message: plainMessage('privileged-without-escalation', PRIVILEGED_MESSAGE),
      fallbackMessage: `privileged-without-escalation: ${PRIVILEGED_MESSAGE}`,
      reason: 'Invalid',
    }),
  },
  'sys-admin-without-escalation': {
    variants: [
      'proposal v1.8…latest create,update linux: securityContext.allowPrivilegeEscalation === false && an effective added capability normalises to SYS_ADMIN or ALL',
      `kubernetes v1.8…latest create linux: ${SYS_ADMIN_WHEN}`,
      `kubernetes v1.8…v1.36 update linux: ${SYS_ADMIN_WHEN}`,
      "kubernetes v1.37…latest update linux: as on create, unless the old pod spec has a container adding exactly 'CAP_SYS_ADMIN' with allowPrivilegeEscalation not true",
    ],
    cel: ({ semantics, minor }) => {
      if (semantics === 'proposal') {
        const container = (c: Cel): Cel => `${escalationIsFalse(c)} && ${addsCapability(c, grantsSysAdminName)}`
        return {
          container,
          // The library names each capability: so does the policy, after each container's name.
          message: () =>
            `${celString(`sys-admin-without-escalation: ${PROPOSAL_SYS_ADMIN}: `)} + ` +
            namesWhere('variables.containers', container, (c) => `' (' + ${capabilitiesWhere(c, grantsSysAdminName)} + ')'`),
          fallbackMessage: `sys-admin-without-escalation: ${PROPOSAL_SYS_ADMIN}`,
          reason: 'Invalid',
        }
      }
      return {
        container: (c) => `${escalationIsFalse(c)} && ${addsCapability(c, isLiteralSysAdmin)}`,
        message: plainMessage('sys-admin-without-escalation', SYS_ADMIN_MESSAGE),
        fallbackMessage: `sys-admin-without-escalation: ${SYS_ADMIN_MESSAGE}`,
        reason: 'Invalid',
        ...(minor >= SYS_ADMIN_UPDATE_RELAXED_MINOR ? { skipWhen: OLD_POD_HAD_SYS_ADMIN } : {}),
      }
    },
  },
  'escalation-forbidden-by-policy': {
    variants: [
      'proposal v1.8…latest create,update linux: a policy is given && policy spec.allowPrivilegeEscalation !== true && securityContext.allowPrivilegeEscalation === true',
      'kubernetes v1.8…v1.24 create,update linux: policy spec.allowPrivilegeEscalation === false && setting after admission !== false',
    ],
    cel: () => NOT_IN_CLUSTER_POLICY,
  },
  'invalid-policy': {
    variants: [
      'proposal v1.8…latest create,update any: spec.defaultAllowPrivilegeEscalation === true && spec.allowPrivilegeEscalation !== true',
      'kubernetes v1.8…v1.24 create,update any: spec.defaultAllowPrivilegeEscalation === true && spec.allowPrivilegeEscalation === false',
    ],
    cel: () => NOT_IN_CLUSTER_POLICY,
  },
  'escalation-field-on-windows': {
    variants: ['proposal,kubernetes v1.8…latest create,update windows: pod.spec.os.name === "windows" && securityContext.allowPrivilegeEscalation is set'],
    cel: () => ({
      container: escalationIsSet,
      message: plainMessage('escalation-field-on-windows', `securityContext.allowPrivilegeEscalation: ${WINDOWS_MESSAGE}`),
      fallbackMessage: `escalation-field-on-windows: securityContext.allowPrivilegeEscalation: ${WINDOWS_MESSAGE}`,
      reason: 'Invalid',
    }),
  },
  'restricted-requires-no-escalation': {
    variants: [
      `proposal,noNewPrivileges,kubernetes v1.8…latest create,update linux: ${RESTRICTED_WHEN}`,
      `proposal,noNewPrivileges,kubernetes v1.8…v1.24 create,update windows: ${RESTRICTED_WHEN}; the container's own field, policies do not default Windows containers`,
    ],
    cel: () => ({
      container: (c) => `!(${escalationIsFalse(c)})`,
      // The upstream pod-level detail (restrictedPodDetail): "container" or "containers", in pod order.
      message: (names, count) =>
        `'restricted-requires-no-escalation: allowPrivilegeEscalation != false: ' + (${count} == 1 ? 'container ' : 'containers ') + ${names} + ' must set securityContext.allowPrivilegeEscalation=false'`,
      fallbackMessage: 'restricted-requires-no-escalation: allowPrivilegeEscalation != false',
      reason: 'Forbidden',
    }),
  },
}

const OPERATION: Readonly<Record<string, Cel>> = { create: "request.operation == 'CREATE'", update: "request.operation == 'UPDATE'" }

/** The pods and operations of `where` as a pod-level CEL condition (`true` when all of them). */
export function guardOf(where: Where): Cel {
  const parts: Cel[] = []
  for (const [os, test] of [['linux', '!variables.windows'], ['windows', 'variables.windows']] as const) {
    const ops = where[os]
    if (ops.length === 0) continue
    parts.push(ops.length === 2 ? test : `${test} && ${OPERATION[ops[0] as string] as Cel}`)
  }
  if (parts.length === 2 && where.linux.length === 2 && where.windows.length === 2) return 'true'
  return parts.length === 1 ? (parts[0] as Cel) : parts.map((p) => `(${p})`).join(' || ')
}

/**
 * One code, translated for the context: `null` when the registry does not apply it there.
 *
 * @example
 * ```ts
 * const t = translate('privileged-without-escalation', { semantics: 'kubernetes', minor: Infinity, restrictedMinor: undefined })
 * t !== null && 'guard' in t && t.guard // '!variables.windows'
 * ```
 */
export function translate(code: RuleCode, context: RuleContext): RuleTranslation {
  const where = whereApplies(code, context.semantics, context.minor, context.restrictedMinor)
  if (where.linux.length === 0 && where.windows.length === 0) return null
  const cel = TRANSLATIONS[code].cel(context)
  if (typeof cel === 'string') return { code, notInCluster: cel }
  const applies = guardOf(where)
  const guard = cel.skipWhen === undefined ? applies : `${applies === 'true' ? '' : `${applies} && `}!(${cel.skipWhen})`
  const names = namesWhere('variables.containers', cel.container)
  const count = `size(variables.containers.filter(c, ${cel.container('c')}))`
  return {
    code,
    guard,
    container: cel.container,
    messageExpression: cel.message(names, count),
    fallbackMessage: cel.fallbackMessage,
    reason: cel.reason,
    readsOldObject: cel.skipWhen !== undefined,
  }
}

/** Is this translation a rule the API server checks? */
export function isInCluster(t: RuleTranslation): t is InClusterRule {
  return t !== null && 'container' in t
}

/** The violating condition of a rule over the pod: the guard and some container. */
export function violates(rule: InClusterRule): Cel {
  const some = `variables.containers.exists(c, ${rule.container('c')})`
  return rule.guard === 'true' ? some : `${rule.guard} && ${some}`
}
