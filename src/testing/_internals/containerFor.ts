/**
 * Builds whole containers (and the pod specs around them) whose every container lands where a
 * plan says.
 *
 * @packageDocumentation
 */
import fc from './fastCheck.js'
import type { Container, EphemeralContainer, PodSpec } from '../../codecs/index.js'
import type { Cell, OsName, Plan } from './plan.js'
import { podSecurityFor } from './podSecurityContextFor.js'
import { securityContextFor, type PodContext } from './securityContextFor.js'
import { always, imageArbitrary, maybe, put, putIfSet, uniqueNamesArbitrary, unsetArbitrary } from './values.js'

/** A container without its name: the name is given by the pod, which keeps names unique. */
export type Unnamed<C> = Omit<C, 'name'>

/** The fields of a container besides `name`, landing in one of `cells`. */
export function containerBodyFor(
  plan: Plan,
  os: OsName,
  cells: ReadonlyArray<Cell>,
  pod: PodContext,
): fc.Arbitrary<Unnamed<Container>> {
  const securityContext = fc.oneof(
    ...cells.map((cell) => securityContextFor({ cell, os, semantics: plan.semantics, strict: plan.strict, noNewPrivs: plan.noNewPrivs }, pod)),
  )
  return fc
    .record({
      image: imageArbitrary,
      imagePullPolicy: maybe(fc.constantFrom('Always', 'IfNotPresent', 'Never'), 1, 2),
      command: maybe(fc.constantFrom(['/bin/sh', '-c', 'sleep 3600'], ['/app/server']), 1, 3),
      securityContext,
      emptyAs: fc.oneof(fc.constant<'{}'>('{}'), unsetArbitrary),
    })
    .map(({ image, imagePullPolicy, command, securityContext, emptyAs }) => {
      const body: Record<string, unknown> = { image }
      putIfSet(body, 'imagePullPolicy', imagePullPolicy)
      putIfSet(body, 'command', command)
      // A container that sets nothing may leave `securityContext` out, or write it empty or null.
      if (Object.keys(securityContext).length > 0 || emptyAs === '{}') body['securityContext'] = securityContext
      else put(body, 'securityContext', { set: false, as: emptyAs })
      return body as Unnamed<Container>
    })
}

/** What differs between the pod specs of the kinds. */
export interface PodShape {
  /** `spec.restartPolicy` values the kind accepts (a Job's pods cannot be `Always`). */
  readonly restartPolicies: ReadonlyArray<'Always' | 'OnFailure' | 'Never'>
  /** Ephemeral containers exist only on a pod read back from the API server, never in a template. */
  readonly ephemeral: boolean
}

const MAX_INIT = 2
const MAX_REGULAR = 3

function podSpecOn(plan: Plan, os: OsName, cells: ReadonlyArray<Cell>, shape: PodShape): fc.Arbitrary<PodSpec> {
  const counts = fc.tuple(
    fc.integer({ min: 0, max: MAX_INIT }),
    fc.integer({ min: 1, max: MAX_REGULAR }),
    shape.ephemeral ? fc.integer({ min: 0, max: 1 }) : fc.constant(0),
  )
  const podFields = fc.record({
    security: podSecurityFor({ os, semantics: plan.semantics }),
    emptySecurityAs: fc.oneof(fc.constant<'{}'>('{}'), unsetArbitrary),
    osField: os === 'windows' ? fc.constant(true) : fc.boolean(),
    nodeSelector: fc.boolean(),
    // A Job's pods must say `Never` or `OnFailure`: the default, `Always`, is refused there.
    restartPolicy: shape.restartPolicies.includes('Always')
      ? maybe(fc.constantFrom(...shape.restartPolicies), 1, 2)
      : always(fc.constantFrom(...shape.restartPolicies)),
    serviceAccountName: maybe(fc.constantFrom('default', 'app'), 1, 3),
    counts,
  })
  return podFields.chain((pod) => {
    const [init, regular, ephemeral] = pod.counts
    const total = init + regular + ephemeral
    const body = containerBodyFor(plan, os, cells, pod.security.context)
    return fc
      .tuple(uniqueNamesArbitrary(total), fc.array(body, { minLength: total, maxLength: total }), fc.boolean())
      .map(([names, bodies, targets]) => {
        const named = bodies.map((b, i) => ({ name: names[i] as string, ...b }))
        const spec: Record<string, unknown> = {}
        if (init > 0) spec['initContainers'] = named.slice(0, init)
        spec['containers'] = named.slice(init, init + regular)
        if (ephemeral > 0) {
          const target = names[init] as string
          spec['ephemeralContainers'] = named
            .slice(init + regular)
            .map((c): EphemeralContainer => (targets ? { ...c, targetContainerName: target } : c))
        }
        const sc = pod.security.securityContext
        if (Object.keys(sc).length > 0 || pod.emptySecurityAs === '{}') spec['securityContext'] = sc
        else put(spec, 'securityContext', { set: false, as: pod.emptySecurityAs })
        if (pod.osField) spec['os'] = { name: os }
        if (pod.nodeSelector) spec['nodeSelector'] = { 'kubernetes.io/os': os }
        putIfSet(spec, 'restartPolicy', pod.restartPolicy)
        putIfSet(spec, 'serviceAccountName', pod.serviceAccountName)
        return spec as PodSpec
      })
  })
}

/** A pod spec whose every container lands where `plan` says, on any operating system it allows. */
export function podSpecFor(plan: Plan, shape: PodShape): fc.Arbitrary<PodSpec> {
  return fc.oneof(...[...plan.cells].map(([os, cells]) => podSpecOn(plan, os, cells, shape)))
}
