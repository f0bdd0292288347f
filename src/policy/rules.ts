/**
 * Each violation code as the API server can check it: a CEL condition over the admitted pod spec,
 * or the reason it cannot be checked there. Keyed by `RuleCode` (a `Record`), so a code added
 * to the rules without an entry here does not compile, and a rule the registry applies that has no
 * expression fails test/policy/rules.test.ts instead of vanishing from the policy.
 *
 * The in-cluster view has no PodSecurityPolicy: PSP was removed in v1.25, and the admissionregistration
 * v1 policies exist from v1.30. So the rules read only the container, its pod and the request.
 *
 * @packageDocumentation
 */
import { WINDOWS_MESSAGE } from '../resolve/rules/escalationFieldOnWindows.js'
import { PRIVILEGED_MESSAGE } from '../resolve/rules/privilegedWithoutEscalation.js'
import { SYS_ADMIN_MESSAGE } from '../resolve/rules/sysAdminWithoutEscalation.js'
import type { RuleCode, ViolationCode } from '../resolve/types.js'
import {
  addsCapability,
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

/**
 * What a rule's expression may depend on besides the pod: the semantics, the cluster's minor
 * version, and the restricted level's own policy version when that level is asked for.
 */
export interface RuleContext {
  readonly semantics: 'kubernetes' | 'proposal'
  /** The cluster's minor version (`Infinity` for `latest`). */
  readonly minor: number
  /** The Pod Security Standards policy version's minor, when the restricted level is checked. */
  readonly restrictedMinor: number | undefined
}

/**
 * A rule the API server checks: the pod violates it when some container of `variables.containers`
 * satisfies `container` and the pod-level `guard` holds.
 */
export interface InClusterRule {
  readonly code: ViolationCode
  /** Pod-level condition (`true` when none). */
  readonly guard: Cel
  /** Per-container condition over `c`. */
  readonly container: (c: Cel) => Cel
  /** CEL building the message from the offending containers' names (a CEL string). */
  readonly message: (names: Cel, count: Cel) => Cel
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

/** What one code becomes in the generated policy: a rule, nothing (not in this version), or a reason. */
export type RuleTranslation = InClusterRule | NotInCluster | null

const NO_GUARD: Cel = 'true'

function plainMessage(code: ViolationCode, message: string): (names: Cel) => Cel {
  return (names) => `${celString(`${code}: ${message}: `)} + ${names}`
}

/** From this version an UPDATE skips the literal CAP_SYS_ADMIN check (kubernetes/kubernetes#138834). */
const SYS_ADMIN_UPDATE_RELAXED_MINOR = 37
/** From this policy version, the restricted level exempts Windows pods. */
const RESTRICTED_WINDOWS_EXEMPT_MINOR = 25
/** The first policy version with the restricted level's escalation check. */
const RESTRICTED_FIRST_MINOR = 8

/**
 * The old pod already had a container adding exactly `CAP_SYS_ADMIN` without
 * `allowPrivilegeEscalation: true`: from v1.37 such an UPDATE is not checked for the literal.
 */
const OLD_POD_HAD_SYS_ADMIN: Cel =
  `request.operation == 'UPDATE' && variables.oldContainers.exists(o, ${addsCapability('o', isLiteralSysAdmin)} && !(${escalationIsTrue('o')}))`

const NOT_IN_CLUSTER_POLICY =
  'needs a PodSecurityPolicy, which the API server no longer has: PodSecurityPolicy was removed in v1.25, ' +
  'and admissionregistration.k8s.io/v1 policies exist from v1.30'

/**
 * Every violation code, translated for the context.
 *
 * @example
 * ```ts
 * const t = IN_CLUSTER['privileged-without-escalation']({ semantics: 'kubernetes', minor: Infinity, restrictedMinor: undefined })
 * t !== null && 'container' in t // true
 * ```
 */
export const IN_CLUSTER: Readonly<Record<RuleCode, (context: RuleContext) => RuleTranslation>> = {
  'privileged-without-escalation': () => ({
    code: 'privileged-without-escalation',
    guard: '!variables.windows',
    container: (c) => `${escalationIsFalse(c)} && ${isPrivileged(c)}`,
    message: plainMessage('privileged-without-escalation', PRIVILEGED_MESSAGE),
    fallbackMessage: `privileged-without-escalation: ${PRIVILEGED_MESSAGE}`,
    reason: 'Invalid',
    readsOldObject: false,
  }),
  'sys-admin-without-escalation': ({ semantics, minor }) => {
    const relaxed = semantics === 'kubernetes' && minor >= SYS_ADMIN_UPDATE_RELAXED_MINOR
    const message =
      semantics === 'kubernetes'
        ? SYS_ADMIN_MESSAGE
        : 'cannot set `allowPrivilegeEscalation` to false and add a capability that grants CAP_SYS_ADMIN'
    return {
      code: 'sys-admin-without-escalation',
      guard: relaxed ? `!variables.windows && !(${OLD_POD_HAD_SYS_ADMIN})` : '!variables.windows',
      container: (c) =>
        `${escalationIsFalse(c)} && ${addsCapability(c, semantics === 'kubernetes' ? isLiteralSysAdmin : grantsSysAdminName)}`,
      message: plainMessage('sys-admin-without-escalation', message),
      fallbackMessage: `sys-admin-without-escalation: ${message}`,
      reason: 'Invalid',
      readsOldObject: relaxed,
    }
  },
  'escalation-forbidden-by-policy': () => ({ code: 'escalation-forbidden-by-policy', notInCluster: NOT_IN_CLUSTER_POLICY }),
  'invalid-policy': () => ({ code: 'invalid-policy', notInCluster: NOT_IN_CLUSTER_POLICY }),
  'escalation-field-on-windows': () => ({
    code: 'escalation-field-on-windows',
    guard: 'variables.windows',
    container: escalationIsSet,
    message: plainMessage('escalation-field-on-windows', `securityContext.allowPrivilegeEscalation: ${WINDOWS_MESSAGE}`),
    fallbackMessage: `escalation-field-on-windows: securityContext.allowPrivilegeEscalation: ${WINDOWS_MESSAGE}`,
    reason: 'Invalid',
    readsOldObject: false,
  }),
  'restricted-requires-no-escalation': ({ restrictedMinor }) => {
    if (restrictedMinor === undefined || restrictedMinor < RESTRICTED_FIRST_MINOR) return null
    return {
      code: 'restricted-requires-no-escalation',
      guard: restrictedMinor >= RESTRICTED_WINDOWS_EXEMPT_MINOR ? '!variables.windows' : NO_GUARD,
      container: (c) => `!(${escalationIsFalse(c)})`,
      // The upstream pod-level detail (restrictedPodDetail): "container" or "containers", in pod order.
      message: (names, count) =>
        `'restricted-requires-no-escalation: allowPrivilegeEscalation != false: ' + (${count} == 1 ? 'container ' : 'containers ') + ${names} + ' must set securityContext.allowPrivilegeEscalation=false'`,
      fallbackMessage: 'restricted-requires-no-escalation: allowPrivilegeEscalation != false',
      reason: 'Forbidden',
      readsOldObject: false,
    }
  },
}

/** Is this translation a rule the API server checks? */
export function isInCluster(t: RuleTranslation): t is InClusterRule {
  return t !== null && 'container' in t
}

/** The violating condition of a rule over the pod: the guard and some container. */
export function violates(rule: InClusterRule): Cel {
  const some = `variables.containers.exists(c, ${rule.container('c')})`
  return rule.guard === NO_GUARD ? some : `${rule.guard} && ${some}`
}

/** The message expression: the rule's message with the offending containers' names. */
export function messageOf(rule: InClusterRule): Cel {
  const names = namesWhere('variables.containers', rule.container)
  const count = `size(variables.containers.filter(c, ${rule.container('c')}))`
  return rule.message(names, count)
}
