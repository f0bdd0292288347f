/**
 * Pods → inputs: a walked pod spec decoded by the codecs, and the resolver's input for each of its
 * containers taken from the decoded value (never a raw object cast to the input's type).
 *
 * A decode error blocks only the answers that read the field in error: a container whose own
 * `securityContext` (or name) is wrong is not resolved, and none is when the pod's
 * `securityContext` or `os` is wrong; the other containers are. When the pod spec as a whole does
 * not decode, the parts a resolution reads are decoded on their own, by the same codecs, so every
 * input is still a decoder's value.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import { compileDecoder } from '../codecs/compile.js'
import type { DecodeIssue } from '../codecs/issue.js'
import { PodSecurityContext } from '../codecs/podSecurityContext.js'
import { PodOS, PodSpec } from '../codecs/podSpec.js'
import type { Container, EphemeralContainer } from '../codecs/podSpec.js'
import { SecurityContext } from '../codecs/securityContext.js'
import type { ResolveInput } from '../resolve/types.js'
import { CONTAINER_FIELDS, type ContainerRef, type PodEntry, type WalkError } from '../pods/walk.js'

// Valid, warning-free objects (nearly all of a real batch) skip io-ts on a guard compiled from
// the same codecs; anything else is decoded by them and gets its issues (src/codecs/compile.ts).
const decodePodSpec = compileDecoder(PodSpec)
const decodeSecurityContext = compileDecoder(SecurityContext)
const decodePodSecurityContext = compileDecoder(PodSecurityContext)
const decodePodOS = compileDecoder(PodOS)

const CONTAINER_FIELD_SET: ReadonlySet<unknown> = new Set(CONTAINER_FIELDS)

/**
 * One container ready to resolve: where it is, and its input from the decoded pod spec.
 *
 * @example
 * ```ts
 * const runnable: RunnableContainer = { ref, input: { container: { runAsUser: 1000 }, name: 'app' }, image: 'nginx' }
 * ```
 */
export interface RunnableContainer {
  readonly ref: ContainerRef
  readonly input: ResolveInput
  /** The container's `image`, for exemptions that match on it. */
  readonly image: string | null
}

/**
 * A pod spec decoded: the issues to report (without those the walk already reported), and the
 * containers that can be resolved.
 *
 * @example
 * ```ts
 * const { issues, blocked, runnable } = podInputsOf(pod, false)
 * ```
 */
export interface PodInputs {
  /** The codecs' errors and warnings, at full paths from the document root. */
  readonly issues: ReadonlyArray<DecodeIssue>
  /** An error in the pod's `securityContext` or `os`: no container of the pod is resolved. */
  readonly blocked: boolean
  /** Every container not blocked by an error, in pod order. */
  readonly runnable: ReadonlyArray<RunnableContainer>
}

/** Is `path` at or under `prefix` (API-server paths)? */
export function isUnder(path: string, prefix: string): boolean {
  if (path === prefix) return true
  if (!path.startsWith(prefix)) return false
  const next = path.charCodeAt(prefix.length)
  return next === 46 /* . */ || next === 91 /* [ */
}

function isContainerName(issue: DecodeIssue): boolean {
  const [field, index, key] = issue.segments
  return issue.code === 'missing-field' && issue.segments.length === 3 && CONTAINER_FIELD_SET.has(field) && typeof index === 'number' && key === 'name'
}

type AnyContainer = Container | EphemeralContainer

/** The decoded container at `ref`'s place in a decoded pod spec. */
function decodedContainer(spec: PodSpec, ref: ContainerRef): AnyContainer | undefined {
  const list: ReadonlyArray<AnyContainer> | null | undefined = spec[ref.containerType]
  return list?.[ref.index]
}

/**
 * Decodes a walked pod and gives each container its resolver input.
 *
 * @param pod - a pod the walk found (its shape errors are in `pod.errors`)
 * @param strict - unknown fields are errors
 *
 * @example
 * ```ts
 * const walk = walkPods({ kind: 'Pod', spec: { containers: [{ name: 'a', securityContext: { runAsUser: 0 } }] } })
 * const pod = walk.entries[0]
 * if (pod?._tag === 'Pod') podInputsOf(pod, false).runnable[0]?.input // { container: { runAsUser: 0 }, pod: undefined, os: undefined, name: 'a' }
 * ```
 */
export function podInputsOf(pod: PodEntry, strict: boolean): PodInputs {
  const decoded = decodePodSpec(pod.spec, { path: pod.specPath, strict })
  const all = E.isLeft(decoded) ? decoded.left : decoded.right.warnings
  // Knative names unnamed containers itself: their missing name is no error (src/pods/kinds.ts).
  const named = pod.namesContainers === true ? all.filter((i) => !isContainerName(i)) : all
  // The walk already reported wrong shapes (containers not a list, …): do not say it twice.
  const walkErrors: ReadonlyArray<WalkError> = pod.errors
  const issues = walkErrors.length === 0 ? named : named.filter((i) => !walkErrors.some((w) => isUnder(i.path, w.path)))

  const podSecurityPath = `${pod.specPath}.securityContext`
  const osPath = `${pod.specPath}.os`
  let blocked = false
  const blockedContainers = new Set<string>()
  for (const issue of issues) {
    if (issue.severity !== 'error') continue
    if (isUnder(issue.path, podSecurityPath) || isUnder(issue.path, osPath)) blocked = true
    const [field, index, key] = issue.segments
    if (CONTAINER_FIELD_SET.has(field) && typeof index === 'number' && (key === undefined || key === 'securityContext' || key === 'name')) {
      blockedContainers.add(`${String(field)}[${index}]`)
    }
  }
  if (blocked) return { issues, blocked, runnable: [] }

  const runnable: RunnableContainer[] = []
  if (E.isRight(decoded)) {
    const spec = decoded.right.value
    const podSecurity = spec.securityContext ?? undefined
    const os = spec.os?.name ?? undefined
    for (const ref of pod.containers) {
      const container = decodedContainer(spec, ref)
      if (container === undefined) continue
      runnable.push({
        ref,
        input: { container: container.securityContext ?? undefined, pod: podSecurity, os, name: ref.name },
        image: container.image ?? null,
      })
    }
    return { issues, blocked, runnable }
  }

  // The pod spec has errors elsewhere: the parts resolution reads are fine (else they blocked),
  // and are decoded on their own.
  const podSecurity = partOf(decodePodSecurityContext, pod.spec['securityContext'], podSecurityPath)
  const os = partOf(decodePodOS, pod.spec['os'], osPath)
  if (podSecurity === BROKEN || os === BROKEN) return { issues, blocked: true, runnable: [] }
  for (const ref of pod.containers) {
    if (blockedContainers.has(`${ref.containerType}[${ref.index}]`)) continue
    const own = partOf(decodeSecurityContext, ref.container['securityContext'], `${ref.path}.securityContext`)
    if (own === BROKEN) continue
    const image = ref.container['image']
    runnable.push({ ref, input: { container: own, pod: podSecurity, os: os?.name, name: ref.name }, image: typeof image === 'string' ? image : null })
  }
  return { issues, blocked, runnable }
}

const BROKEN: unique symbol = Symbol('broken')

/** A part decoded alone: absent or `null` is `undefined`; one that does not decode is `BROKEN`. */
function partOf<A>(
  decoder: (value: unknown, options?: { readonly path?: string }) => E.Either<unknown, { readonly value: A }>,
  value: unknown,
  path: string,
): A | undefined | typeof BROKEN {
  if (value === undefined || value === null) return undefined
  const part = decoder(value, { path })
  return E.isRight(part) ? part.right.value : BROKEN
}
