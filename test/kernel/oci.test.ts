/**
 * OCI `process.noNewPrivileges`, written by ociSpecWithNoNewPrivileges into a stock `runc spec`,
 * run by runc and by crun; the kernel's answer read inside the container.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { ociSpecWithNoNewPrivileges, parseOciNoNewPrivileges } from '../../src/runtime/index.js'
import { byWritten, decidedCases } from './cases.js'
import { kernelDescribe } from './gate.js'
import { PROBE_COMMAND, PROBE_UID, buildRootfs, expectedAnswer, makeScratch, parseProbe, removeScratch, run } from './host.js'
import { rightOf } from '../runtime/rightOf.js'

interface Runtime {
  readonly name: 'runc' | 'crun'
  /** The command line that runs bundle `dir` as container `id` with state under `state`. */
  readonly command: (state: string, dir: string, id: string) => readonly [string, ReadonlyArray<string>]
}

const RUNTIMES: ReadonlyArray<Runtime> = [
  { name: 'runc', command: (state, dir, id) => ['runc', ['--root', state, 'run', '--bundle', dir, id]] },
  {
    // crun 1.8 refuses hybrid cgroups (v1 controllers + /sys/fs/cgroup/unified): unmount the v2
    // tree, but only inside a private mount namespace, so the host keeps it.
    name: 'crun',
    command: (state, dir, id) => ['unshare', ['-m', '--propagation', 'private', 'sh', '-c',
      'if mountpoint -q /sys/fs/cgroup/unified; then umount /sys/fs/cgroup/unified; fi; exec crun --root "$0" run --bundle "$1" "$2"', state, dir, id]],
  },
]

type Json = Record<string, unknown>

/** A stock `runc spec`, made to run the probe as uid 1000 with no capability but from exec. */
function baseSpec(scratch: string): Json {
  run('runc', ['spec', '--bundle', scratch])
  const spec = JSON.parse(run('cat', [join(scratch, 'config.json')])) as Json
  const process = spec['process'] as Json
  const capabilities = process['capabilities'] as Json
  return {
    ...spec,
    root: { path: join(scratch, 'rootfs'), readonly: true },
    process: {
      ...process,
      terminal: false,
      user: { uid: PROBE_UID, gid: PROBE_UID },
      args: PROBE_COMMAND,
      // The stock spec hands uid 1000 ambient capabilities; without them a capability can only
      // come from /fcap's file capability, which is what the test reads.
      capabilities: { bounding: capabilities['bounding'], effective: [], permitted: [] },
    },
  }
}

const cases = decidedCases()

for (const runtime of RUNTIMES) {
  kernelDescribe(`OCI process.noNewPrivileges on ${runtime.name}`, () => {
    let scratch = ''
    let spec: Json = {}
    beforeAll(() => {
      scratch = makeScratch(runtime.name)
      buildRootfs(scratch)
      spec = baseSpec(scratch)
    })
    afterAll(() => {
      const left = removeScratch(scratch)
      if (left.length > 0) throw new Error(left.join('; '))
    })

    test('the examples give both answers (else the suite proves nothing)', () => {
      expect(new Set(cases.map((c) => c.noNewPrivs))).toEqual(new Set([true, false]))
    })

    // The stock spec already says noNewPrivileges: true; the writer must state false too.
    const groups = byWritten(cases, (c) => rightOf(ociSpecWithNoNewPrivileges(c, { process: { noNewPrivileges: true, noNewPrivs: true } })))
    groups.forEach((group, index) => {
      const flag = group.written.process.noNewPrivileges
      test(`noNewPrivileges: ${String(flag)} — the kernel agrees for ${group.cases.length} decisions`, () => {
        const written = rightOf(ociSpecWithNoNewPrivileges(group.cases[0] ?? { noNewPrivs: flag }, spec))
        expect(parseOciNoNewPrivileges(written)).toEqual({ _tag: 'Right', right: { noNewPrivs: flag, path: 'process.noNewPrivileges' } })
        const dir = join(scratch, `bundle-${index}`)
        run('mkdir', ['-p', dir])
        writeFileSync(join(dir, 'config.json'), JSON.stringify(written))
        const [command, args] = runtime.command(join(scratch, 'state'), dir, `nnp-kernel-${process.pid}-${index}`)
        const answer = parseProbe(run(command, args))
        for (const c of group.cases) expect(answer, c.label).toEqual(expectedAnswer(c.noNewPrivs))
      })
    })
  })
}
