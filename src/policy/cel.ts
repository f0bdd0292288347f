/**
 * The CEL vocabulary the generated policies are written in: one small function per question the
 * rules ask of a container (`escalationIsFalse`, `addsCapability`, …), each returning a CEL
 * expression over a container variable.
 *
 * Only what both the API server and `@bufbuild/cel` 0.6 run is used: field selection, `has()`,
 * the standard macros (`exists`, `filter`, `map`), `matches()` and the strings extension's `join`.
 * No optional syntax (`a.?b`, `orValue`), no `cel.bind`, no list `sum()`. Every optional field is
 * guarded by `has()` on the whole chain, because the API server hands CEL the object with unset
 * fields absent, and selecting an absent field is an error (with `failurePolicy: Fail`, a rejection).
 *
 * @packageDocumentation
 */

/** A CEL expression, as text. */
export type Cel = string

/** A CEL string literal: JSON's escapes are CEL's (`\"`, `\\`, `\uXXXX`). */
export function celString(value: string): Cel {
  return JSON.stringify(value)
}

/** `has()` on every prefix of a field chain: `has(c.a) && has(c.a.b)`. */
export function hasChain(root: Cel, fields: ReadonlyArray<string>): Cel {
  const checks: string[] = []
  let path = root
  for (const field of fields) {
    path = `${path}.${field}`
    checks.push(`has(${path})`)
  }
  return checks.join(' && ')
}

function field(root: Cel, fields: ReadonlyArray<string>): Cel {
  return `${root}.${fields.join('.')}`
}

const ESCALATION = ['securityContext', 'allowPrivilegeEscalation'] as const
const PRIVILEGED = ['securityContext', 'privileged'] as const
const ADD = ['securityContext', 'capabilities', 'add'] as const

/** Does container `c` set `allowPrivilegeEscalation` at all (either value)? */
export function escalationIsSet(c: Cel): Cel {
  return hasChain(c, ESCALATION)
}

/** Does container `c` set `allowPrivilegeEscalation: false`? */
export function escalationIsFalse(c: Cel): Cel {
  return `${hasChain(c, ESCALATION)} && ${field(c, ESCALATION)} == false`
}

/** Does container `c` set `allowPrivilegeEscalation: true`? */
export function escalationIsTrue(c: Cel): Cel {
  return `${hasChain(c, ESCALATION)} && ${field(c, ESCALATION)} == true`
}

/** Does container `c` set `privileged: true`? */
export function isPrivileged(c: Cel): Cel {
  return `${hasChain(c, PRIVILEGED)} && ${field(c, PRIVILEGED)} == true`
}

/** Does container `c` add a capability `name` for which `test(name)` holds? */
export function addsCapability(c: Cel, test: (name: Cel) => Cel): Cel {
  return `${hasChain(c, ADD)} && ${field(c, ADD)}.exists(n, ${test('n')})`
}

/**
 * A capability name that the design's comparison (upper-cased, an optional `CAP_` prefix dropped) reads as SYS_ADMIN or ALL: upper-cased
 * with JavaScript's full Unicode mapping, one leading `CAP_` stripped. Written as explicit
 * character classes rather than `(?i)`: besides ASCII, exactly two characters upper-case to a
 * letter of these names, `ſ` (U+017F) to `S` and `ı` (U+0131) to `I` (checked over every code
 * point in test/policy/cel.test.ts), while RE2's `(?i)` folds `ſ` but not `ı`.
 */
export function grantsSysAdminName(n: Cel): Cel {
  return `${n}.matches('^([Cc][Aa][Pp]_)?([Ss\\u017f][Yy][Ss\\u017f]_[Aa][Dd][Mm][Ii\\u0131][Nn]|[Aa][Ll][Ll])$')`
}

/** The exact string released Kubernetes compares with (kubernetes/kubernetes#119568). */
export function isLiteralSysAdmin(n: Cel): Cel {
  return `${n} == 'CAP_SYS_ADMIN'`
}

/** A list field of a pod spec, or `[]` when absent. */
function listOf(spec: Cel, name: string): Cel {
  return `(has(${spec}.${name}) ? ${spec}.${name} : [])`
}

/** Every init, regular and ephemeral container of a pod spec, in that order. */
export function allContainers(spec: Cel): Cel {
  return `${listOf(spec, 'initContainers')} + ${listOf(spec, 'containers')} + ${listOf(spec, 'ephemeralContainers')}`
}

/** `pod.spec.os.name == 'windows'` with every step guarded. */
export function isWindowsSpec(spec: Cel): Cel {
  return `${hasChain(spec, ['os', 'name'])} && ${spec}.os.name == 'windows'`
}

/**
 * The pod spec of the admitted object, by kind: a Pod's own, a PodTemplate's
 * `template.spec`, a CronJob's `spec.jobTemplate.spec.template.spec`, every other workload's
 * `spec.template.spec`. `root` is `object` or `oldObject`.
 */
export function podSpecOf(root: Cel): Cel {
  return (
    `${root}.kind == 'Pod' ? ${root}.spec : ` +
    `${root}.kind == 'PodTemplate' ? ${root}.template.spec : ` +
    `${root}.kind == 'CronJob' ? ${root}.spec.jobTemplate.spec.template.spec : ${root}.spec.template.spec`
  )
}

/**
 * The names of the containers in `list` for which `test(c)` holds, quoted and comma-joined, each
 * followed by `detail(c)` (a CEL string) when given.
 */
export function namesWhere(list: Cel, test: (c: Cel) => Cel, detail?: (c: Cel) => Cel): Cel {
  const name = `'"' + c.name + '"'`
  return `${list}.filter(c, ${test('c')}).map(c, ${detail === undefined ? name : `${name} + ${detail('c')}`}).join(', ')`
}

/**
 * The capabilities container `c` adds for which `test(name)` holds, quoted and comma-joined; only
 * where `addsCapability(c, test)` holds (it reads the list without guarding it).
 */
export function capabilitiesWhere(c: Cel, test: (name: Cel) => Cel): Cel {
  return `${field(c, ADD)}.filter(n, ${test('n')}).map(n, '"' + n + '"').join(', ')`
}
