/**
 * The SARIF rules: one per violation code (named and described from the rule registry,
 * `RULES`), the `--require-no-new-privs` finding, and the error and warning codes, each with the
 * words, severity and README anchor code scanning shows a person.
 *
 * @packageDocumentation
 */
import pkg from '../../../package.json' with { type: 'json' }
import { RULES } from '../../resolve/rules/index.js'
import type { Rule } from '../../resolve/rules/index.js'
import type { RuleCode } from '../../resolve/types.js'

/** The README heading of the input errors and warnings that have no heading of their own. */
const OTHER_CODES_ANCHOR = 'other-errors-and-warnings'

/** A SARIF rule's level when nothing overrides it. */
export type RuleLevel = 'error' | 'warning' | 'note'

/** What code scanning shows for one rule. */
export interface RuleText {
  readonly id: string
  /** PascalCase, never the id (SARIF: a name is an identifier a person reads, `PrivilegedWithoutEscalation`). */
  readonly name: string
  readonly short: string
  readonly full: string
  /** Markdown: how to fix it. */
  readonly help: string
  readonly level: RuleLevel
  /** Extra tags besides `kubernetes` (and `security` for the rules that have a security severity). */
  readonly tags: ReadonlyArray<string>
  /**
   * GitHub's `security-severity`, 0.0–10.0 (≥ 9 critical, ≥ 7 high, ≥ 4 medium, else low); `null`
   * for rules about unreadable input, which are not security alerts.
   */
  readonly securitySeverity: number | null
  /** The heading slug in README.md that documents the rule (`helpUri` is the README at it). */
  readonly anchor: string
}

/**
 * The README the rules' `helpUri`s point into: the repository's page, where GitHub renders
 * README.md with an anchor per heading (npm's page prefixes its anchors, so it is not used).
 *
 * @example
 * ```ts
 * README_URI // 'https://github.com/no-new-privs/no-new-privs'
 * ```
 */
export const README_URI: string = pkg.homepage.replace(/#.*$/, '')

/**
 * PascalCase of a code: `privileged-without-escalation` → `PrivilegedWithoutEscalation`.
 *
 * @example
 * ```ts
 * pascalCaseOf('not-utf8') // 'NotUtf8'
 * ```
 */
export function pascalCaseOf(code: string): string {
  return code.replace(/(^|[-_]+)([a-z0-9])/gi, (_m, _sep: string, c: string) => c.toUpperCase()).replace(/[-_]+$/, '')
}

/** A rule name that differs from its id even ignoring case (SARIF validators compare them so): a one-word code gets `Problem`. */
function nameOf(code: string): string {
  const name = pascalCaseOf(code)
  return name.toLowerCase() === code.toLowerCase() ? `${name}Problem` : name
}

/** What the registry does not say: why it matters, how to fix it, and how severe it is. */
interface ViolationWords {
  readonly why: string
  readonly help: string
  readonly tags: ReadonlyArray<string>
  readonly securitySeverity: number
}

// Severities (README "SARIF for GitHub code scanning" gives the reasons): a privileged or
// CAP_SYS_ADMIN container that its author believed hardened is the worst case; a cluster policy
// contradicted, next; a missing restricted-level field or an invalid policy are medium; a field
// Windows rejects changes no privilege.
const VIOLATION_WORDS: Readonly<Record<RuleCode, ViolationWords>> = {
  'privileged-without-escalation': {
    why: 'The API server rejects the pod: a privileged container always can gain privileges, so the setting contradicts itself, and the container its author meant to harden is privileged.',
    help: 'Remove `privileged: true`, or remove `allowPrivilegeEscalation: false` (a privileged container never runs with no_new_privs).',
    tags: ['validation'],
    securitySeverity: 8.0,
  },
  'sys-admin-without-escalation': {
    why: "Its added capabilities (its own or a policy's defaultAddCapabilities) grant CAP_SYS_ADMIN, which is close to root; the API server rejects the pod.",
    help: 'Drop `SYS_ADMIN` from `securityContext.capabilities.add` (or list it in `capabilities.drop` when a policy adds it by default), or stop setting `allowPrivilegeEscalation: false`.',
    tags: ['validation', 'capabilities'],
    securitySeverity: 7.5,
  },
  'escalation-forbidden-by-policy': {
    why: 'The container allows what the cluster forbids; admission rejects the pod.',
    help: 'Set `securityContext.allowPrivilegeEscalation: false` on the container, or admit it with a policy that sets `allowPrivilegeEscalation: true`.',
    tags: ['policy'],
    securitySeverity: 7.0,
  },
  'escalation-field-on-windows': {
    why: 'The pod runs on Windows (spec.os.name: windows), where no_new_privs does not exist; the API server rejects the field. No privilege changes either way.',
    help: 'Remove `allowPrivilegeEscalation` (and `noNewPrivileges`) from the containers of Windows pods.',
    tags: ['validation', 'windows'],
    securitySeverity: 2.0,
  },
  'restricted-requires-no-escalation': {
    why: 'Pod security admission rejects the pod at the restricted level; without the field, setuid binaries can raise the privileges of its processes.',
    help: 'Add `securityContext.allowPrivilegeEscalation: false` to every container, init container and ephemeral container of the pod.',
    tags: ['pod-security-standards'],
    securitySeverity: 5.5,
  },
  'invalid-policy': {
    why: 'The API server rejects the policy, so it admits nothing until fixed.',
    help: 'Set `spec.allowPrivilegeEscalation: true` in the policy, or set `spec.defaultAllowPrivilegeEscalation` to false or remove it.',
    tags: ['policy', 'validation'],
    securitySeverity: 5.0,
  },
}

function semanticsOf(rule: Rule): string {
  const names: string[] = []
  for (const v of rule.variants) for (const s of v.semantics) if (!names.includes(s)) names.push(s)
  return names.join(', ')
}

function violationRule(rule: Rule): RuleText {
  const words = VIOLATION_WORDS[rule.code]
  const at = rule.target === 'policy' ? "the policy's" : rule.target === 'pod' ? "the pod spec's" : "the container's"
  return {
    id: rule.code,
    name: pascalCaseOf(rule.code),
    short: rule.description,
    full: `${rule.description} ${words.why} Reported at ${at} ${rule.field}; checked under the semantics ${semanticsOf(rule)}.`,
    help: words.help,
    level: 'error',
    tags: words.tags,
    securitySeverity: words.securitySeverity,
    anchor: rule.code,
  }
}

/**
 * Every rule known in advance, in a fixed order so that `ruleIndex` is stable across runs: the
 * registry's violation rules in its order, then the finding, the warnings and the input errors.
 *
 * @example
 * ```ts
 * KNOWN_RULES.find((r) => r.id === 'privileged-without-escalation')?.name // 'PrivilegedWithoutEscalation'
 * ```
 */
export const KNOWN_RULES: ReadonlyArray<RuleText> = [
  ...RULES.map(violationRule),
  {
    id: 'no-new-privs-required',
    name: 'NoNewPrivsRequired',
    short: 'container runs without no_new_privs',
    full: 'The container will run without the Linux no_new_privs flag, so setuid binaries and file capabilities can still raise its privileges (reported because --require-no-new-privs was given).',
    help: 'Set `securityContext.allowPrivilegeEscalation: false` on the container (and drop `privileged` and CAP_SYS_ADMIN, which keep no_new_privs off).',
    level: 'error',
    tags: ['hardening'],
    securitySeverity: 4.0,
    anchor: 'no-new-privs-required',
  },
  {
    id: 'sys-admin-spelling',
    name: 'SysAdminSpelling',
    short: 'SYS_ADMIN spelt so that Kubernetes does not notice it',
    full: 'Kubernetes rejects only the literal CAP_SYS_ADMIN with allowPrivilegeEscalation: false; SYS_ADMIN, sys_admin or ALL pass validation (kubernetes/kubernetes#119568) yet grant the same capability.',
    help: 'Do not add SYS_ADMIN (in any spelling) to a container that sets `allowPrivilegeEscalation: false`.',
    level: 'warning',
    tags: ['capabilities'],
    securitySeverity: 5.0,
    anchor: 'sys-admin-spelling',
  },
  {
    id: 'unknown-field',
    name: 'UnknownField',
    short: 'unknown field',
    full: 'The manifest has a field the Kubernetes API does not know. The API server drops it (or rejects it under fieldValidation=Strict); a misspelt security field silently does nothing.',
    help: 'Fix the field name (the message suggests the closest known one) or remove the field.',
    level: 'warning',
    tags: ['correctness'],
    securitySeverity: 3.0,
    anchor: 'unknown-field',
  },
  {
    id: 'unreadable',
    // A one-word code's PascalCase is the id but for case, which SARIF validators count as the same.
    name: 'UnreadableInput',
    short: 'input could not be read',
    full: 'A file or directory named on the command line (or met while walking a directory) could not be read.',
    help: 'Check the path and its permissions.',
    level: 'error',
    tags: ['input'],
    securitySeverity: null,
    anchor: OTHER_CODES_ANCHOR,
  },
  {
    id: 'not-utf8',
    name: 'NotUtf8',
    short: 'input is not UTF-8',
    full: 'The file is not valid UTF-8 text; Kubernetes manifests are UTF-8.',
    help: 'Re-encode the file as UTF-8.',
    level: 'error',
    tags: ['input'],
    securitySeverity: null,
    anchor: OTHER_CODES_ANCHOR,
  },
]

/**
 * A rule for a code not in {@link KNOWN_RULES} (an error or warning code of a newer loader):
 * its words come from the code itself.
 *
 * @example
 * ```ts
 * ruleForUnknownCode('yaml-syntax', 'error').short // 'yaml syntax'
 * ```
 */
export function ruleForUnknownCode(code: string, level: RuleLevel): RuleText {
  const words = code.replace(/[-_]+/g, ' ')
  return {
    id: code,
    name: nameOf(code),
    short: words,
    full: level === 'error' ? `The input could not be decoded: ${words}.` : `Worth fixing: ${words}.`,
    help: 'See the message for the field and what was expected.',
    level,
    tags: ['input'],
    securitySeverity: null,
    anchor: OTHER_CODES_ANCHOR,
  }
}
