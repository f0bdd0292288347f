import { describe, expect, test } from 'vitest'
import { fc, test as propTest } from '@fast-check/vitest'
import { parse } from 'yaml'
import { runCommand } from '../../src/cli/run.js'
import { runPod, securityContextOf } from '../../src/cli/runPod.js'
import { resolveNoNewPrivs } from '../../src/resolve/resolve.js'
import { recordingIO } from './io.js'

async function run(argv: string[]) {
  const io = recordingIO()
  const status = await runCommand(argv, io, resolveNoNewPrivs)
  const isPod = status === 0 && io.out().startsWith('apiVersion:')
  return { status, out: io.out(), err: io.err(), pod: isPod ? (parse(io.out(), { version: '1.1' }) as Record<string, unknown>) : undefined }
}

describe('no-new-privs run', () => {
  test('prints the Pod kubectl run creates, with the option as allowPrivilegeEscalation: false', async () => {
    const { status, out, err } = await run(['web', '--image', 'nginx:1.27', '--security-opt', 'no-new-privileges'])
    expect(status).toBe(0)
    expect(err).toBe('')
    expect(out).toBe(
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  labels:',
        '    run: web',
        '  name: web',
        'spec:',
        '  containers:',
        '  - image: nginx:1.27',
        '    name: web',
        '    securityContext:',
        '      allowPrivilegeEscalation: false',
        '  dnsPolicy: ClusterFirst',
        '  restartPolicy: Always',
        '',
      ].join('\n'),
    )
  })

  test('words after -- are args, or the command with --command, as in kubectl run', async () => {
    const args = await run(['job', '--image', 'busybox', '--', 'sh', '-c', 'echo yes'])
    expect(args.pod).toMatchObject({ spec: { containers: [{ args: ['sh', '-c', 'echo yes'] }] } })
    const command = await run(['job', '--image', 'busybox', '--command', '--', 'sh', '-c', 'id'])
    expect(command.pod).toMatchObject({ spec: { containers: [{ command: ['sh', '-c', 'id'] }] } })
    expect((command.pod as { spec: { containers: Array<Record<string, unknown>> } }).spec.containers[0]).not.toHaveProperty('args')
  })

  test('YAML 1.1 words stay strings for kubectl (yes, on, n are quoted)', async () => {
    const { out } = await run(['x', '--image', 'i', '--', 'yes', 'on', 'n'])
    expect(out).toContain('  - args:\n    - "yes"\n    - "on"\n    - "n"\n')
    expect(parse(out, { version: '1.1' })).toMatchObject({ spec: { containers: [{ args: ['yes', 'on', 'n'] }] } })
  })

  test('--privileged, --user and --cap-add become securityContext fields', async () => {
    const { pod, status } = await run(['x', '--image', 'i', '--user', '1000:2000', '--cap-add', 'NET_ADMIN', '--cap-add', 'SYS_TIME'])
    expect(status).toBe(0)
    expect(pod).toMatchObject({
      spec: { containers: [{ securityContext: { runAsUser: 1000, runAsGroup: 2000, capabilities: { add: ['NET_ADMIN', 'SYS_TIME'] } } }] },
    })
    const privileged = await run(['x', '--image', 'i', '--privileged'])
    expect(privileged.pod).toMatchObject({ spec: { containers: [{ securityContext: { privileged: true } }] } })
  })

  test('under the first design the option is noNewPrivileges: true', async () => {
    const { pod } = await run(['x', '--image', 'i', '--semantics', 'noNewPrivileges', '--security-opt=no-new-privileges:true'])
    expect(pod).toMatchObject({ spec: { containers: [{ securityContext: { noNewPrivileges: true } }] } })
  })

  test('no-new-privileges:false asks explicitly for escalation (an unset field would give root no_new_privs)', async () => {
    const { pod } = await run(['x', '--image', 'i', '--security-opt', 'no-new-privileges=False'])
    expect(pod).toMatchObject({ spec: { containers: [{ securityContext: { allowPrivilegeEscalation: true } }] } })
  })

  test('without security options there is no securityContext at all', async () => {
    const { pod } = await run(['x', '--image', 'i'])
    expect((pod as { spec: { containers: Array<Record<string, unknown>> } }).spec.containers[0]).toEqual({ image: 'i', name: 'x' })
  })

  test.each(['proposal', 'kubernetes'])(
    '--privileged --security-opt no-new-privileges is refused under %s: exit 2, one line naming the rule, no manifest',
    async (semantics) => {
      const { status, out, err } = await run(['x', '--image', 'i', '--privileged', '--security-opt', 'no-new-privileges', '--semantics', semantics])
      expect(status).toBe(2)
      expect(out).toBe('')
      expect(err.split('\n')).toHaveLength(2)
      expect(err).toMatch(new RegExp(`^no-new-privs run: refused under semantics ${semantics}: privileged-without-escalation: `))
      expect(err).toContain('(securityContext.allowPrivilegeEscalation)')
    },
  )

  test('CAP_SYS_ADMIN with no-new-privileges is refused, naming sys-admin-without-escalation', async () => {
    const { status, err } = await run(['x', '--image', 'i', '--cap-add', 'CAP_SYS_ADMIN', '--security-opt', 'no-new-privileges'])
    expect(status).toBe(2)
    expect(err).toContain('sys-admin-without-escalation')
  })

  test('the first design has no such rule: --privileged with noNewPrivileges: true is printed', async () => {
    const { status, pod } = await run(['x', '--image', 'i', '--privileged', '--security-opt', 'no-new-privileges', '--semantics', 'noNewPrivileges'])
    expect(status).toBe(0)
    expect(pod).toMatchObject({ spec: { containers: [{ securityContext: { privileged: true, noNewPrivileges: true } }] } })
  })

  test('usage errors: exit 2 and one line on stderr', async () => {
    const { status, out, err } = await run(['x', '--image', 'i', '--security-opt', 'no_new_privs'])
    expect(status).toBe(2)
    expect(out).toBe('')
    expect(err).toBe(
      'no-new-privs run: invalid --security-opt "no_new_privs": Docker has no such option and refuses the container; did you mean "no-new-privileges"? (see no-new-privs run --help)\n',
    )
  })

  test('--help prints the run help', async () => {
    const { status, out } = await run(['--help'])
    expect(status).toBe(0)
    expect(out).toContain('Usage: no-new-privs run NAME --image IMAGE')
  })
})

describe('securityContextOf', () => {
  const arbArgs = fc.record({
    noNewPrivileges: fc.option(fc.boolean(), { nil: undefined }),
    privileged: fc.boolean(),
    user: fc.option(fc.record({ uid: fc.integer({ min: 0, max: 2147483647 }) }), { nil: undefined }),
    capAdd: fc.array(fc.constantFrom('NET_ADMIN', 'SYS_ADMIN', 'CHOWN'), { maxLength: 3 }),
  })

  propTest.prop([arbArgs])('the printed pod decides no_new_privs as the option asked, whenever it is accepted', (args) => {
    for (const semantics of ['proposal', 'kubernetes', 'noNewPrivileges'] as const) {
      const context = securityContextOf(args, semantics)
      const decision = resolveNoNewPrivs({ container: context ?? null }, { semantics })
      if (args.noNewPrivileges === true && decision._tag === 'Right') {
        // Asking for no_new_privs and being accepted means getting it, except where the
        // design itself says a privileged container never has it.
        const privilegedColumn = args.privileged || args.capAdd.includes('SYS_ADMIN')
        if (semantics !== 'proposal' || !privilegedColumn) expect(decision.right.noNewPrivs).toBe(true)
      }
      if (args.noNewPrivileges === false && decision._tag === 'Right') expect(decision.right.noNewPrivs).toBe(false)
    }
  })

  test('runPod puts the security context on the one container', () => {
    const pod = runPod({
      help: false,
      name: 'a',
      image: 'b',
      noNewPrivileges: true,
      privileged: false,
      user: undefined,
      capAdd: [],
      command: false,
      words: [],
      semantics: 'kubernetes',
    })
    expect(pod.spec.containers[0].securityContext).toEqual({ allowPrivilegeEscalation: false })
  })
})
