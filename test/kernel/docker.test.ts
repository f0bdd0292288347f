/**
 * Docker `HostConfig.SecurityOpt`, written by dockerSecurityOpt, sent to a private dockerd 20.10
 * through the Engine API; the kernel's answer read inside the container. Under the daemon's
 * default and under `dockerd --no-new-privileges`. Then dockerd's own refusal of malformed
 * options, compared with parseDockerSecurityOpts.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { dockerSecurityOpt, goBoolSpellings, parseDockerSecurityOpts } from '../../src/runtime/index.js'
import type { DockerDaemonOptions } from '../../src/runtime/index.js'
import { byWritten, decidedCases, type DecidedCase } from './cases.js'
import { demultiplex, startDockerd, type Dockerd } from './dockerd.js'
import { kernelDescribe } from './gate.js'
import { PROBE_COMMAND, PROBE_UID, buildRootfs, expectedAnswer, makeScratch, parseProbe, removeScratch, type KernelAnswer } from './host.js'
import { rightOf } from '../runtime/rightOf.js'

const IMAGE = 'nnp-kernel-probe:1'

/** What a container already carries before our writer runs: other options, and stale switches. */
const EXISTING: ReadonlyArray<ReadonlyArray<string>> = fc.sample(
  fc.subarray(['label=disable', 'no_new_privs', 'no-new-privileges:maybe', 'no-new-privileges=false', 'no-new-privileges']),
  { numRuns: 6, seed: 12 },
)

/** Starts one container with these options and reads the probe; the container is removed. */
async function runProbe(docker: Dockerd, securityOpt: ReadonlyArray<string>): Promise<KernelAnswer> {
  const created = await docker.api('POST', '/containers/create', {
    Image: IMAGE,
    User: `${PROBE_UID}:${PROBE_UID}`,
    Cmd: PROBE_COMMAND,
    HostConfig: { NetworkMode: 'none', SecurityOpt: securityOpt },
  })
  if (created.status !== 201) throw new Error(`dockerd refused ${JSON.stringify(securityOpt)}: ${created.status} ${created.body.toString()}`)
  const id = (JSON.parse(created.body.toString()) as { Id: string }).Id
  try {
    const started = await docker.api('POST', `/containers/${id}/start`)
    if (started.status !== 204) throw new Error(`start: ${started.status} ${started.body.toString()}`)
    await docker.api('POST', `/containers/${id}/wait`)
    return parseProbe(demultiplex((await docker.api('GET', `/containers/${id}/logs?stdout=1&stderr=1`)).body))
  } finally {
    await docker.api('DELETE', `/containers/${id}?force=1`)
  }
}

/** dockerd with its own dirs and the probe image (docker import of a tar that keeps xattrs). */
function dockerdSuite(name: string, extra: ReadonlyArray<string>, body: (docker: () => Dockerd) => void): void {
  kernelDescribe(name, () => {
    let scratch = ''
    let docker: Dockerd | null = null
    beforeAll(async () => {
      scratch = makeScratch('dockerd')
      buildRootfs(scratch)
      const tar = execFileSync('tar', ['--xattrs', "--xattrs-include=*", '-C', join(scratch, 'rootfs'), '-cf', '-', '.'], { maxBuffer: 1 << 26 })
      docker = await startDockerd(scratch, extra)
      const imported = await docker.api('POST', `/images/create?fromSrc=-&repo=${IMAGE.split(':')[0] ?? ''}&tag=1`, tar, 'application/x-tar')
      if (imported.status !== 200 || imported.body.toString().includes('"error')) {
        throw new Error(`docker import failed: ${imported.status} ${imported.body.toString()}`)
      }
    })
    afterAll(async () => {
      const left = [...(docker === null ? [] : await docker.stop()), ...removeScratch(scratch)]
      if (left.length > 0) throw new Error(`teardown: ${left.join('; ')}`)
    })
    body(() => {
      if (docker === null) throw new Error('dockerd did not start')
      return docker
    })
  })
}

const cases = decidedCases()

function writtenCases(daemon: DockerDaemonOptions) {
  const all: Array<DecidedCase & { readonly existing: ReadonlyArray<string> }> = []
  for (const c of cases) for (const existing of EXISTING) all.push({ ...c, existing })
  return byWritten(all, (c) => rightOf(dockerSecurityOpt(c, c.existing, daemon)))
}

for (const [name, extra, daemon] of [
  ['Docker SecurityOpt, daemon default off', [], {}],
  ['Docker SecurityOpt under dockerd --no-new-privileges', ['--no-new-privileges'], { daemonNoNewPrivileges: true }],
] as const) {
  dockerdSuite(name, extra, (docker) => {
    // The daemon's own default, unwritten: proves the flag is live, so writing `=false` matters.
    test('SecurityOpt [] — the kernel shows the daemon default parseDockerSecurityOpts reads', async () => {
      const ours = parseDockerSecurityOpts([], daemon)
      expect(ours).toEqual({ _tag: 'Right', right: { noNewPrivs: daemon.daemonNoNewPrivileges === true, path: null } })
      if (ours._tag === 'Right') expect(await runProbe(docker(), [])).toEqual(expectedAnswer(ours.right.noNewPrivs))
    })
    for (const group of writtenCases(daemon)) {
      test(`SecurityOpt ${JSON.stringify(group.written)} — the kernel agrees for ${group.cases.length} decisions`, async () => {
        const answer = await runProbe(docker(), group.written)
        for (const c of group.cases) {
          expect(parseDockerSecurityOpts(group.written, daemon), c.label).toEqual({ _tag: 'Right', right: expect.objectContaining({ noNewPrivs: c.noNewPrivs }) })
          expect(answer, `${c.label} with existing ${JSON.stringify(c.existing)}`).toEqual(expectedAnswer(c.noNewPrivs))
        }
      })
    }
  })
}

/** Options around the switch: every ParseBool spelling, near misses, bad values, both separators. */
const optionArbitrary = fc.oneof(
  fc.constantFrom('no-new-privileges', 'no_new_privs', 'No-New-Privileges', 'no-new-privs', 'no_new_privs=true', 'no-new-privileges:a=b'),
  fc.tuple(fc.constantFrom('=', ':'), fc.constantFrom(...goBoolSpellings, 'maybe', '', 'yes', 'on', '2', ' true')).map(([sep, value]) => `no-new-privileges${sep}${value}`),
)

dockerdSuite('dockerd refuses what parseDockerSecurityOpts refuses', [], (docker) => {
  const samples = fc.sample(fc.array(optionArbitrary, { minLength: 1, maxLength: 2 }), { numRuns: 24, seed: 12 })
  test(`${samples.length} generated SecurityOpt arrays: created ⇔ Right, and the kernel follows our reading`, async () => {
    let started = 0
    for (const opts of samples) {
      const ours = parseDockerSecurityOpts(opts)
      const created = await docker().api('POST', '/containers/create', { Image: IMAGE, Cmd: ['/bin/busybox', 'true'], HostConfig: { NetworkMode: 'none', SecurityOpt: opts } })
      const message = created.body.toString()
      if (created.status === 201) {
        await docker().api('DELETE', `/containers/${(JSON.parse(message) as { Id: string }).Id}?force=1`)
      } else {
        expect(message, JSON.stringify(opts)).toMatch(/invalid --security-opt/)
      }
      expect({ opts, accepted: ours._tag === 'Right' }).toEqual({ opts, accepted: created.status === 201 })
      // Accepted: does dockerd read the value as we do? Bounded: the first few, each a start.
      if (ours._tag === 'Right' && started < 6) {
        started++
        expect(await runProbe(docker(), opts), JSON.stringify(opts)).toEqual(expectedAnswer(ours.right.noNewPrivs))
      }
    }
    expect(started).toBeGreaterThan(0)
  })
})
