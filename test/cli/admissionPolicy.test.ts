import { describe, expect, test } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { admissionPolicyCommand } from '../../src/cli/admissionPolicy.js'
import { parseAdmissionPolicyArgs } from '../../src/cli/admissionPolicyArgs.js'
import { runCli } from '../../src/cli/cli.js'
import { ADMISSION_POLICY_HELP } from '../../src/cli/help.js'
import { decode, MutatingAdmissionPolicy, MutatingAdmissionPolicyBinding, ValidatingAdmissionPolicy, ValidatingAdmissionPolicyBinding } from '../../src/codecs/index.js'
import type * as t from 'io-ts'
import { recordingIO } from './io.js'

async function run(argv: string[]) {
  const io = recordingIO()
  const status = await admissionPolicyCommand(argv, io)
  return { status, out: io.out(), err: io.err() }
}

const CODECS: Readonly<Record<string, t.Mixed>> = { ValidatingAdmissionPolicy, ValidatingAdmissionPolicyBinding, MutatingAdmissionPolicy, MutatingAdmissionPolicyBinding }

describe('no-new-privs admission-policy', () => {
  test('prints YAML documents that decode with the admissionregistration v1 codecs, with no warning', async () => {
    const { status, out, err } = await run([])
    expect(status).toBe(0)
    expect(err).toBe('')
    expect(out.startsWith('# no-new-privs admission-policy: semantics proposal, Kubernetes latest\n')).toBe(true)
    expect(out).toContain('#   not enforced: invalid-policy: needs a PodSecurityPolicy')
    // Shared arrays are written out, not as YAML anchors, so every document reads on its own.
    expect(out).not.toMatch(/[&*]a\d/)
    const docs = parseAllDocuments(out, { version: '1.1' }).map((d) => d.toJS() as { kind: string })
    expect(docs.map((d) => d.kind)).toEqual([
      'MutatingAdmissionPolicy',
      'MutatingAdmissionPolicyBinding',
      'ValidatingAdmissionPolicy',
      'ValidatingAdmissionPolicyBinding',
      'ValidatingAdmissionPolicyBinding',
    ])
    for (const d of docs) expect(decode(CODECS[d.kind] as t.Mixed, d, { strict: true })).toMatchObject({ _tag: 'Right', right: { warnings: [] } })
  })

  test('prints one JSON List under -o json', async () => {
    const { status, out } = await run(['--semantics', 'kubernetes', '-o', 'json', '--actions', 'Warn,Audit'])
    expect(status).toBe(0)
    const list = JSON.parse(out) as { kind: string; items: { kind: string; spec: { validationActions?: string[] } }[] }
    expect(list.kind).toBe('List')
    expect(list.items.map((i) => i.kind)).toEqual(['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'ValidatingAdmissionPolicyBinding'])
    expect(list.items[1]?.spec.validationActions).toEqual(['Warn', 'Audit'])
  })

  test.each([
    [['--semantics', 'noNewPrivileges'], '--semantics must be one of proposal, kubernetes, not "noNewPrivileges"'],
    [['--actions', 'Deny,Block'], '--actions must be one of Deny, Warn, Audit, not "Block"'],
    [['--kubernetes-version', '1.30'], '--kubernetes-version must be latest or v1.N (such as v1.33), not "1.30"'],
    [['--namespace-selector', 'a in (b'], '--namespace-selector: unbalanced parentheses'],
    [['--object-selector', '=x'], '--object-selector: cannot read requirement "=x"'],
    [['stray'], 'admission-policy takes no operands, not "stray"'],
    [['--pod-security', 'baseline'], '--pod-security supports the level restricted only (restricted or restricted:VERSION), not "baseline"'],
    [['-o', 'xml'], '--output must be one of yaml, json, not "xml"'],
    [['--failure-policy', 'Retry'], '--failure-policy must be one of Fail, Ignore, not "Retry"'],
    [['--actions', ''], '--actions must be one of Deny, Warn, Audit, not ""'],
  ])('refuses %j with one usage line, status 2', async (argv, message) => {
    const { status, out, err } = await run(argv)
    expect(status).toBe(2)
    expect(out).toBe('')
    expect(err).toBe(`no-new-privs admission-policy: ${message} (see no-new-privs admission-policy --help)\n`)
  })

  test.each([
    [['--semantics', 'kubernetes', '--kubernetes-version', 'v1.29'], 'ValidatingAdmissionPolicy (admissionregistration.k8s.io/v1) needs Kubernetes v1.30 or later, not v1.29'],
    [['--kubernetes-version', 'v1.35'], 'the proposal semantics needs MutatingAdmissionPolicy (admissionregistration.k8s.io/v1), GA in Kubernetes v1.36, not v1.35: use --semantics kubernetes'],
    [['--actions', 'Deny,Warn'], 'actions: Deny and Warn may not be used together (the API server rejects the binding)'],
    [['--actions', 'Audit,Audit'], 'actions: each action may be given once'],
    [['--name-prefix', 'Acme_'], 'namePrefix: "Acme_" does not make a valid object name'],
    [['--exclude-namespace', 'Kube System'], 'excludeNamespaces: "Kube System" is not a namespace name'],
  ])('refuses %j, which the API server would not take, with status 2 and nothing printed', async (argv, message) => {
    const { status, out, err } = await run(argv)
    expect(status).toBe(2)
    expect(out).toBe('')
    expect(err).toBe(`no-new-privs admission-policy: ${message}\n`)
  })

  test('says in the header which level version is checked, and why there is no mutation with the restricted level', async () => {
    const { status, out } = await run(['--kubernetes-version', 'v1.31', '--pod-security', 'restricted:latest'])
    expect(status).toBe(0)
    const header = out.split('\n').filter((l) => l.startsWith('#'))
    expect(header[0]).toBe('# no-new-privs admission-policy: semantics proposal, Kubernetes v1.31, Pod Security level restricted at policy version v1.31')
    expect(header).toContain(
      "#   no MutatingAdmissionPolicy: the restricted level admits only containers that set allowPrivilegeEscalation: false themselves, where the cluster's no_new_privs already is the design's; defaulting the others would admit pods the level rejects",
    )
    expect(out).not.toContain('kind: MutatingAdmissionPolicy')
  })

  test('refuses a version without the APIs, naming the version it needs', async () => {
    const { status, err } = await run(['--kubernetes-version', 'v1.33'])
    expect(status).toBe(2)
    expect(err).toContain('the proposal semantics needs MutatingAdmissionPolicy (admissionregistration.k8s.io/v1), GA in Kubernetes v1.36, not v1.33')
  })

  test('answers --help, and is reachable from the top level and from help', async () => {
    expect(await run(['--help'])).toEqual({ status: 0, out: ADMISSION_POLICY_HELP, err: '' })
    const io = recordingIO()
    expect(await runCli(['help', 'admission-policy'], io, {} as never)).toBe(0)
    expect(io.out()).toBe(ADMISSION_POLICY_HELP)
    const io2 = recordingIO()
    expect(await runCli(['admission-policy', '--semantics', 'kubernetes'], io2, {} as never)).toBe(0)
    expect(io2.out()).toContain('kind: ValidatingAdmissionPolicy\n')
  })

  test('passes every option on to the generator', () => {
    const parsed = parseAdmissionPolicyArgs([
      '--semantics', 'kubernetes', '--kubernetes-version', 'v1.31', '--actions', 'Audit', '--namespace-selector', 'env=prod',
      '--object-selector', '!skip', '--exclude-namespace', 'kube-system', '--exclude-namespace', 'infra', '--name-prefix', 'acme-',
      '--pod-security', 'restricted:v1.24', '--failure-policy', 'Ignore',
    ])
    expect(parsed).toEqual({
      _tag: 'Right',
      right: {
        help: false,
        output: 'yaml',
        options: {
          semantics: 'kubernetes',
          kubernetesVersion: 'v1.31',
          actions: ['Audit'],
          namespaceSelector: { matchLabels: { env: 'prod' } },
          objectSelector: { matchExpressions: [{ key: 'skip', operator: 'DoesNotExist' }] },
          excludeNamespaces: ['kube-system', 'infra'],
          namePrefix: 'acme-',
          podSecurity: { level: 'restricted', version: 'v1.24' },
          failurePolicy: 'Ignore',
        },
      },
    })
  })
})
