/**
 * The run-time guard of `resolveNoNewPrivs`: the TypeScript types of its arguments, checked on
 * values from callers the type checker did not see (plain JavaScript, `JSON.parse`, `as any`).
 * Without it `allowPrivilegeEscalation: 'false'` is read as unset and the answer is silently the
 * one for another pod.
 *
 * It checks exactly the fields resolution reads (other fields of a real `securityContext` are the
 * codecs' business), with the values Kubernetes admits where the type is wider: uids are integers
 * in `0..2147483647`, `runAsUser.rule` and `os` are the API's enums, versions are `latest` or
 * `v1.N`. Written by hand for the hot path: on valid input it reads each field once, compares, and
 * allocates nothing; paths and messages are built only for a value that fails.
 *
 * @packageDocumentation
 */
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import type { InputTarget, InvalidInput } from './types.js'
import { describeValue, isRecord } from '../callerInput.js'

type Out = InvalidInput[] | undefined
type Problems = ReadonlyNonEmptyArray<InvalidInput>

const BOOLEAN = 'boolean, null or undefined'
const UID = 'an integer in 0..2147483647, null or undefined'
const RANGE_BOUND = 'an integer in 0..2147483647'
const STRING = 'string, null or undefined'
const STRINGS = 'an array of strings, null or undefined'
const OBJECT = 'an object, null or undefined'
const OS = "'linux', 'windows', null or undefined"
const RULE = "'MustRunAs', 'MustRunAsNonRoot' or 'RunAsAny'"
const VERSION = "'latest', 'v1.N' or undefined"
const SEMANTICS = "'proposal', 'noNewPrivileges', 'kubernetes' or undefined"
const OPERATION = "'create', 'update' or undefined"
const LEVEL = "'restricted'"
const MAX_UID = 2147483647
const VERSION_PATTERN = /^v1\.\d+$/

function bad(out: Out, target: InputTarget, path: string, expected: string, actual: unknown): InvalidInput[] {
  const problem: InvalidInput = {
    code: 'invalid-input',
    target,
    path,
    expected,
    actual,
    message: `${target}${path === '' ? '' : path.startsWith('[') ? path : `.${path}`}: expected ${expected}, got ${describeValue(actual)}`,
  }
  if (out === undefined) return [problem]
  out.push(problem)
  return out
}

function at(base: string, field: string): string {
  return base === '' ? field : `${base}.${field}`
}

function isOptBoolean(value: unknown): boolean {
  return value === undefined || value === null || value === true || value === false
}

function isUid(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_UID
}

function isOptUid(value: unknown): boolean {
  return value === undefined || value === null || isUid(value)
}

function stringList(out: Out, target: InputTarget, path: string, value: unknown): Out {
  if (value === undefined || value === null) return out
  if (!Array.isArray(value)) return bad(out, target, path, STRINGS, value)
  let acc = out
  // Every index up to length: a hole reads as undefined and is reported, as JSON would write null.
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i]
    if (typeof item !== 'string') acc = bad(acc, target, `${path}[${i}]`, 'string', item)
  }
  return acc
}

/**
 * The problems of a container's `securityContext` (`ContainerSecurityInput`) at `base`.
 *
 * @example
 * ```ts
 * containerProblems({ privileged: 'yes' }, 'input', 'container', undefined)?.[0].path // 'container.privileged'
 * ```
 */
export function containerProblems(value: unknown, target: InputTarget, base: string, out: Out): Out {
  if (value === undefined || value === null) return out
  if (!isRecord(value)) return bad(out, target, base, OBJECT, value)
  // Named reads, one per field: a keyed read (`value[field]`) over inputs of many shapes is a
  // megamorphic keyed lookup, several times slower than the named one.
  let acc = out
  const escalation = value.allowPrivilegeEscalation
  if (!isOptBoolean(escalation)) acc = bad(acc, target, at(base, 'allowPrivilegeEscalation'), BOOLEAN, escalation)
  const privileged = value.privileged
  if (!isOptBoolean(privileged)) acc = bad(acc, target, at(base, 'privileged'), BOOLEAN, privileged)
  const nonRoot = value.runAsNonRoot
  if (!isOptBoolean(nonRoot)) acc = bad(acc, target, at(base, 'runAsNonRoot'), BOOLEAN, nonRoot)
  const flag = value.noNewPrivileges
  if (!isOptBoolean(flag)) acc = bad(acc, target, at(base, 'noNewPrivileges'), BOOLEAN, flag)
  const uid = value.runAsUser
  if (!isOptUid(uid)) acc = bad(acc, target, at(base, 'runAsUser'), UID, uid)
  const caps = value.capabilities
  if (caps !== undefined && caps !== null) {
    if (!isRecord(caps)) return bad(acc, target, at(base, 'capabilities'), OBJECT, caps)
    acc = stringList(acc, target, at(base, 'capabilities.add'), caps.add)
    acc = stringList(acc, target, at(base, 'capabilities.drop'), caps.drop)
  }
  return acc
}

function podProblems(value: unknown, out: Out): Out {
  if (value === undefined || value === null) return out
  if (!isRecord(value)) return bad(out, 'input', 'pod', OBJECT, value)
  let acc = out
  const nonRoot = value.runAsNonRoot
  if (!isOptBoolean(nonRoot)) acc = bad(acc, 'input', 'pod.runAsNonRoot', BOOLEAN, nonRoot)
  const flag = value.noNewPrivileges
  if (!isOptBoolean(flag)) acc = bad(acc, 'input', 'pod.noNewPrivileges', BOOLEAN, flag)
  const uid = value.runAsUser
  return isOptUid(uid) ? acc : bad(acc, 'input', 'pod.runAsUser', UID, uid)
}

function rangesProblems(value: unknown, out: Out): Out {
  if (value === undefined || value === null) return out
  const path = 'policy.spec.runAsUser.ranges'
  if (!Array.isArray(value)) return bad(out, 'input', path, 'an array of { min, max }, null or undefined', value)
  let acc = out
  for (let i = 0; i < value.length; i++) {
    const range: unknown = value[i]
    if (!isRecord(range)) {
      acc = bad(acc, 'input', `${path}[${i}]`, 'an object { min, max }', range)
      continue
    }
    if (!isUid(range.min)) acc = bad(acc, 'input', `${path}[${i}].min`, RANGE_BOUND, range.min)
    if (!isUid(range.max)) acc = bad(acc, 'input', `${path}[${i}].max`, RANGE_BOUND, range.max)
  }
  return acc
}

function policyProblems(value: unknown, out: Out): Out {
  if (value === undefined || value === null) return out
  if (!isRecord(value)) return bad(out, 'input', 'policy', OBJECT, value)
  let acc = out
  const metadata = value.metadata
  if (metadata !== undefined && metadata !== null) {
    if (!isRecord(metadata)) acc = bad(acc, 'input', 'policy.metadata', OBJECT, metadata)
    else if (metadata.name != null && typeof metadata.name !== 'string') acc = bad(acc, 'input', 'policy.metadata.name', STRING, metadata.name)
  }
  const spec = value.spec
  if (spec === undefined || spec === null) return acc
  if (!isRecord(spec)) return bad(acc, 'input', 'policy.spec', OBJECT, spec)
  const gate = spec.allowPrivilegeEscalation
  if (!isOptBoolean(gate)) acc = bad(acc, 'input', 'policy.spec.allowPrivilegeEscalation', BOOLEAN, gate)
  const fallback = spec.defaultAllowPrivilegeEscalation
  if (!isOptBoolean(fallback)) acc = bad(acc, 'input', 'policy.spec.defaultAllowPrivilegeEscalation', BOOLEAN, fallback)
  acc = stringList(acc, 'input', 'policy.spec.defaultAddCapabilities', spec.defaultAddCapabilities)
  const strategy = spec.runAsUser
  if (strategy === undefined || strategy === null) return acc
  if (!isRecord(strategy)) return bad(acc, 'input', 'policy.spec.runAsUser', OBJECT, strategy)
  const rule = strategy.rule
  if (rule !== 'MustRunAs' && rule !== 'MustRunAsNonRoot' && rule !== 'RunAsAny') acc = bad(acc, 'input', 'policy.spec.runAsUser.rule', RULE, rule)
  return rangesProblems(strategy.ranges, acc)
}

/**
 * Every problem of `input` as the first argument of `resolveNoNewPrivs`; `undefined` when it is
 * well-typed (`ResolveInput`, `null` or `undefined`).
 *
 * @example
 * ```ts
 * inputProblems({ container: { allowPrivilegeEscalation: 'false' } })?.[0].message
 * // 'input.container.allowPrivilegeEscalation: expected boolean, null or undefined, got a string ("false")'
 * inputProblems({ container: { runAsUser: 1000 } }) // undefined
 * ```
 */
export function inputProblems(input: unknown): Problems | undefined {
  if (input === undefined || input === null) return undefined
  if (!isRecord(input)) return bad(undefined, 'input', '', 'an object (ResolveInput), null or undefined', input) as [InvalidInput]
  let out = containerProblems(input.container, 'input', 'container', undefined)
  out = podProblems(input.pod, out)
  out = policyProblems(input.policy, out)
  const os = input.os
  if (os !== undefined && os !== null && os !== 'linux' && os !== 'windows') out = bad(out, 'input', 'os', OS, os)
  const name = input.name
  if (name !== undefined && name !== null && typeof name !== 'string') out = bad(out, 'input', 'name', STRING, name)
  return out as Problems | undefined
}

function isVersion(value: unknown): boolean {
  return value === 'latest' || (typeof value === 'string' && VERSION_PATTERN.test(value))
}

/**
 * Every problem of `options` as the second argument, except its `oldPod` (see `oldPodProblems`):
 * what the plan is made from, so it is checked once per options object, not once per call.
 *
 * @example
 * ```ts
 * optionsProblems({ kubernetesVersion: '1.25' })?.[0].path // 'kubernetesVersion'
 * ```
 */
export function optionsProblems(options: unknown): Problems | undefined {
  if (options === undefined) return undefined
  if (!isRecord(options)) return bad(undefined, 'options', '', 'an object (ResolveOptions) or undefined', options) as [InvalidInput]
  let out: Out
  const semantics = options.semantics
  if (semantics !== undefined && semantics !== 'proposal' && semantics !== 'noNewPrivileges' && semantics !== 'kubernetes') {
    out = bad(out, 'options', 'semantics', SEMANTICS, semantics)
  }
  const version = options.kubernetesVersion
  if (version !== undefined && !isVersion(version)) out = bad(out, 'options', 'kubernetesVersion', VERSION, version)
  const operation = options.operation
  if (operation !== undefined && operation !== 'create' && operation !== 'update') out = bad(out, 'options', 'operation', OPERATION, operation)
  const podSecurity = options.podSecurity
  if (podSecurity !== undefined) {
    if (!isRecord(podSecurity)) {
      out = bad(out, 'options', 'podSecurity', "an object { level: 'restricted', version? } or undefined", podSecurity)
    } else {
      if (podSecurity.level !== 'restricted') out = bad(out, 'options', 'podSecurity.level', LEVEL, podSecurity.level)
      const psVersion = podSecurity.version
      if (psVersion !== undefined && !isVersion(psVersion)) out = bad(out, 'options', 'podSecurity.version', VERSION, psVersion)
    }
  }
  return out as Problems | undefined
}

function oldContainersProblems(value: unknown, field: string, out: Out): Out {
  if (value === undefined || value === null) return out
  const path = `oldPod.${field}`
  if (!Array.isArray(value)) return bad(out, 'options', path, 'an array of containers, null or undefined', value)
  let acc = out
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i]
    if (item === undefined || item === null) continue
    if (!isRecord(item)) acc = bad(acc, 'options', `${path}[${i}]`, OBJECT, item)
    else acc = containerProblems(item.securityContext, 'options', `${path}[${i}].securityContext`, acc)
  }
  return acc
}

/**
 * Every problem of `options.oldPod` (`OldPodSpecInput`, `null` or `undefined`): checked on each
 * call that gives one, since the plan does not depend on it.
 *
 * @example
 * ```ts
 * oldPodProblems({ containers: {} })?.[0].path // 'oldPod.containers'
 * ```
 */
export function oldPodProblems(oldPod: unknown): Problems | undefined {
  if (oldPod === undefined || oldPod === null) return undefined
  if (!isRecord(oldPod)) return bad(undefined, 'options', 'oldPod', 'an object (a pod spec), null or undefined', oldPod) as [InvalidInput]
  let out = oldContainersProblems(oldPod.initContainers, 'initContainers', undefined)
  out = oldContainersProblems(oldPod.containers, 'containers', out)
  out = oldContainersProblems(oldPod.ephemeralContainers, 'ephemeralContainers', out)
  return out as Problems | undefined
}

/**
 * The one problem of an argument that could not even be read: a getter or a Proxy that throws.
 *
 * @example
 * ```ts
 * unreadable(new Error('boom')).message // 'input: expected plain data, got a value whose reading threw: boom'
 * ```
 */
export function unreadable(error: unknown): Problems {
  let why: string
  try {
    why = error instanceof Error ? String(error.message) : describeValue(error)
  } catch {
    // The thrown value may itself be a throwing Proxy.
    why = 'an unreadable value'
  }
  return [
    {
      code: 'invalid-input',
      target: 'input',
      path: '',
      expected: 'plain data',
      actual: why,
      message: `input: expected plain data, got a value whose reading threw: ${why}`,
    },
  ]
}

/**
 * The one problem of an argument whose values changed from one read to the next (a getter or a
 * Proxy): resolution found a value of the wrong type, and the guard, reading again, none.
 *
 * @example
 * ```ts
 * unstable()[0].message // 'input: expected plain data, got a value that changed while it was read'
 * ```
 */
export function unstable(): Problems {
  return [
    {
      code: 'invalid-input',
      target: 'input',
      path: '',
      expected: 'plain data',
      actual: 'a value that changed while it was read',
      message: 'input: expected plain data, got a value that changed while it was read',
    },
  ]
}
