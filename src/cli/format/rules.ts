/**
 * The SARIF rules: one per violation code, the `--require-no-new-privs` finding, and the error
 * and warning codes, each with the words code scanning shows a person.
 *
 * @packageDocumentation
 */

/** A SARIF rule's level when nothing overrides it. */
export type RuleLevel = 'error' | 'warning' | 'note'

/** What code scanning shows for one rule. */
export interface RuleText {
  readonly id: string
  readonly name: string
  readonly short: string
  readonly full: string
  /** Markdown: how to fix it. */
  readonly help: string
  readonly level: RuleLevel
  /** Extra tags besides `kubernetes` and `security`. */
  readonly tags: ReadonlyArray<string>
}

/**
 * Every rule known in advance, in a fixed order so that `ruleIndex` is stable across runs.
 *
 * @example
 * ```ts
 * KNOWN_RULES.find((r) => r.id === 'privileged-without-escalation')?.level // 'error'
 * ```
 */
export const KNOWN_RULES: ReadonlyArray<RuleText> = [
  {
    id: 'privileged-without-escalation',
    name: 'PrivilegedWithoutEscalation',
    short: 'allowPrivilegeEscalation: false on a privileged container',
    full: 'A container sets allowPrivilegeEscalation to false and privileged to true. The API server rejects the pod: a privileged container always can gain privileges, so the setting contradicts itself.',
    help: 'Remove `privileged: true`, or remove `allowPrivilegeEscalation: false` (a privileged container never runs with no_new_privs).',
    level: 'error',
    tags: ['validation'],
  },
  {
    id: 'sys-admin-without-escalation',
    name: 'SysAdminWithoutEscalation',
    short: 'allowPrivilegeEscalation: false with CAP_SYS_ADMIN added',
    full: 'A container sets allowPrivilegeEscalation to false while its added capabilities (its own or a policy\'s defaultAddCapabilities) grant CAP_SYS_ADMIN. The API server rejects the pod.',
    help: 'Drop `SYS_ADMIN` from `securityContext.capabilities.add` (or list it in `capabilities.drop` when a policy adds it by default), or stop setting `allowPrivilegeEscalation: false`.',
    level: 'error',
    tags: ['validation', 'capabilities'],
  },
  {
    id: 'escalation-forbidden-by-policy',
    name: 'EscalationForbiddenByPolicy',
    short: 'privilege escalation forbidden by the PodSecurityPolicy',
    full: 'The PodSecurityPolicy does not allow privilege escalation (spec.allowPrivilegeEscalation is false), but the container allows it. Admission rejects the pod.',
    help: 'Set `securityContext.allowPrivilegeEscalation: false` on the container, or admit it with a policy that sets `allowPrivilegeEscalation: true`.',
    level: 'error',
    tags: ['policy'],
  },
  {
    id: 'invalid-policy',
    name: 'InvalidPolicy',
    short: 'PodSecurityPolicy defaults escalation on while forbidding it',
    full: 'The PodSecurityPolicy sets defaultAllowPrivilegeEscalation to true without allowing privilege escalation (spec.allowPrivilegeEscalation false or absent). The API server rejects the policy.',
    help: 'Set `spec.allowPrivilegeEscalation: true` in the policy, or set `spec.defaultAllowPrivilegeEscalation` to false or remove it.',
    level: 'error',
    tags: ['policy', 'validation'],
  },
  {
    id: 'escalation-field-on-windows',
    name: 'EscalationFieldOnWindows',
    short: 'allowPrivilegeEscalation set on a Windows pod',
    full: 'The pod runs on Windows (spec.os.name: windows), where no_new_privs does not exist; the API server rejects allowPrivilegeEscalation (or noNewPrivileges) on its containers.',
    help: 'Remove `allowPrivilegeEscalation` (and `noNewPrivileges`) from the containers of Windows pods.',
    level: 'error',
    tags: ['validation', 'windows'],
  },
  {
    id: 'restricted-requires-no-escalation',
    name: 'RestrictedRequiresNoEscalation',
    short: 'Pod Security Standards restricted: allowPrivilegeEscalation must be false',
    full: 'The Pod Security Standards restricted level requires every init, regular and ephemeral container to set allowPrivilegeEscalation: false explicitly. Pod security admission rejects the pod.',
    help: 'Add `securityContext.allowPrivilegeEscalation: false` to every container, init container and ephemeral container of the pod.',
    level: 'error',
    tags: ['pod-security-standards'],
  },
  {
    id: 'no-new-privs-required',
    name: 'NoNewPrivsRequired',
    short: 'container runs without no_new_privs',
    full: 'The container will run without the Linux no_new_privs flag, so setuid binaries and file capabilities can still raise its privileges (reported because --require-no-new-privs was given).',
    help: 'Set `securityContext.allowPrivilegeEscalation: false` on the container (and drop `privileged` and CAP_SYS_ADMIN, which keep no_new_privs off).',
    level: 'error',
    tags: ['hardening'],
  },
  {
    id: 'unknown-field',
    name: 'UnknownField',
    short: 'unknown field',
    full: 'The manifest has a field the Kubernetes API does not know. The API server drops it (or rejects it under fieldValidation=Strict); a misspelt security field silently does nothing.',
    help: 'Fix the field name (the message suggests the closest known one) or remove the field.',
    level: 'warning',
    tags: ['correctness'],
  },
  {
    id: 'sys-admin-spelling',
    name: 'SysAdminSpelling',
    short: 'SYS_ADMIN spelt so that Kubernetes does not notice it',
    full: 'Kubernetes rejects only the literal CAP_SYS_ADMIN with allowPrivilegeEscalation: false; SYS_ADMIN, sys_admin or ALL pass validation (kubernetes/kubernetes#119568) yet grant the same capability.',
    help: 'Do not add SYS_ADMIN (in any spelling) to a container that sets `allowPrivilegeEscalation: false`.',
    level: 'warning',
    tags: ['capabilities'],
  },
  {
    id: 'unreadable',
    name: 'Unreadable',
    short: 'input could not be read',
    full: 'A file or directory named on the command line (or met while walking a directory) could not be read.',
    help: 'Check the path and its permissions.',
    level: 'error',
    tags: ['input'],
  },
  {
    id: 'not-utf8',
    name: 'NotUtf8',
    short: 'input is not UTF-8',
    full: 'The file is not valid UTF-8 text; Kubernetes manifests are UTF-8.',
    help: 'Re-encode the file as UTF-8.',
    level: 'error',
    tags: ['input'],
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
    name: code.replace(/(^|[-_]+)([a-z0-9])/gi, (_m, _sep: string, c: string) => c.toUpperCase()),
    short: words,
    full: level === 'error' ? `The input could not be decoded: ${words}.` : `Worth fixing: ${words}.`,
    help: 'See the message for the field and what was expected.',
    level,
    tags: ['input'],
  }
}
