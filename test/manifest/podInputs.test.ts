import { describe, expect, test } from 'vitest'
import { podInputsOf } from '../../src/inputs/podInputs.js'
import { walkPods, type PodEntry } from '../../src/pods/walk.js'

const podOf = (value: unknown): PodEntry => {
  const entry = walkPods(value).entries[0]
  if (entry?._tag !== 'Pod') throw new Error('no pod')
  return entry
}

describe('pods → inputs: every input is a decoded value', () => {
  test('a valid pod: each container gets its decoded securityContext, the pod its context and os', () => {
    const own = { runAsUser: 1000, allowPrivilegeEscalation: false }
    const pod = podOf({ kind: 'Pod', spec: { os: { name: 'linux' }, securityContext: { runAsNonRoot: true }, containers: [{ name: 'a', image: 'nginx', securityContext: own }, { name: 'b' }] } })
    const { issues, blocked, runnable } = podInputsOf(pod, false)
    expect(issues).toEqual([])
    expect(blocked).toBe(false)
    expect(runnable.map((r) => [r.ref.path, r.input, r.image])).toEqual([
      ['spec.containers[0]', { container: own, pod: { runAsNonRoot: true }, os: 'linux', name: 'a' }, 'nginx'],
      ['spec.containers[1]', { container: undefined, pod: { runAsNonRoot: true }, os: 'linux', name: 'b' }, null],
    ])
  })

  test('an error in a field resolution does not read leaves every container runnable, decoded on its own', () => {
    const pod = podOf({ kind: 'Pod', spec: { hostPID: 'yes', containers: [{ name: 'a', image: 5, securityContext: { runAsUser: 0 } }] } })
    const { issues, blocked, runnable } = podInputsOf(pod, false)
    expect(issues.map((i) => [i.path, i.severity])).toEqual([
      ['spec.containers[0].image', 'error'],
      ['spec.hostPID', 'error'],
    ])
    expect(blocked).toBe(false)
    expect(runnable.map((r) => [r.input, r.image])).toEqual([[{ container: { runAsUser: 0 }, pod: undefined, os: undefined, name: 'a' }, null]])
  })

  test("an error in a container's securityContext blocks that container only", () => {
    const pod = podOf({ kind: 'Pod', spec: { containers: [{ name: 'a', securityContext: { privileged: 'yes' } }, { name: 'b' }] } })
    const { blocked, runnable } = podInputsOf(pod, false)
    expect(blocked).toBe(false)
    expect(runnable.map((r) => r.ref.name)).toEqual(['b'])
  })

  test("an error in the pod's securityContext or os blocks every container", () => {
    for (const spec of [{ securityContext: { runAsUser: 'root' } }, { os: { name: 'plan9' } }]) {
      const { blocked, runnable } = podInputsOf(podOf({ kind: 'Pod', spec: { ...spec, containers: [{ name: 'a' }] } }), false)
      expect(blocked).toBe(true)
      expect(runnable).toEqual([])
    }
  })

  test('strict: an unknown field in a securityContext is an error and blocks the container', () => {
    const pod = podOf({ kind: 'Pod', spec: { containers: [{ name: 'a', securityContext: { privilegd: true } }] } })
    expect(podInputsOf(pod, false).runnable).toHaveLength(1)
    expect(podInputsOf(pod, true).runnable).toHaveLength(0)
  })

  test("the walk's shape errors are not reported again by the codecs", () => {
    const pod = podOf({ kind: 'Pod', spec: { containers: [{ name: 'a' }, 'oops'] } })
    expect(pod.errors.map((e) => e.path)).toEqual(['spec.containers[1]'])
    expect(podInputsOf(pod, false).issues.filter((i) => i.path.startsWith('spec.containers[1]'))).toEqual([])
  })
})
