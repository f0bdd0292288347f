/**
 * `no-new-privs admission-policy`: print the admission objects that make the API server enforce
 * a semantics (README: "In the cluster: admission policies"), ready for `kubectl apply -f -`.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import { stringify } from 'yaml'
import { admissionPolicies, NO_MUTATION_WITH_RESTRICTED, type AdmissionPolicies } from '../policy/generate.js'
import { ADMISSION_POLICY_HELP } from './help.js'
import type { CliIO } from './io.js'
import { parseAdmissionPolicyArgs } from './admissionPolicyArgs.js'

/** The YAML header: which codes the policy enforces and which it cannot, and why. */
function header(p: AdmissionPolicies): string {
  const level = p.podSecurityVersion === null ? '' : `, Pod Security level restricted at policy version ${p.podSecurityVersion}`
  const lines = [`# no-new-privs admission-policy: semantics ${p.semantics}, Kubernetes ${p.kubernetesVersion}${level}`]
  for (const r of p.rules) lines.push(r.enforced ? `#   enforced: ${r.code}` : `#   not enforced: ${r.code}: ${r.why}`)
  if (p.semantics === 'proposal' && p.mutatingPolicy === null) lines.push(`#   ${NO_MUTATION_WITH_RESTRICTED}`)
  return `${lines.join('\n')}\n`
}

/**
 * Runs `admission-policy` with the arguments after its name; returns `0` after printing the
 * objects, `2` for a usage error or a version the objects do not exist in.
 *
 * @example
 * ```ts
 * await admissionPolicyCommand(['--semantics', 'kubernetes', '--actions', 'Warn,Audit'], nodeIO())
 * // prints the ValidatingAdmissionPolicy and its bindings as YAML documents; returns 0
 * ```
 */
export async function admissionPolicyCommand(argv: ReadonlyArray<string>, io: CliIO): Promise<0 | 2> {
  const parsed = parseAdmissionPolicyArgs(argv)
  if (E.isLeft(parsed)) {
    io.stderr.write(`no-new-privs admission-policy: ${parsed.left.message} (see no-new-privs admission-policy --help)\n`)
    return 2
  }
  if (parsed.right.help) {
    io.stdout.write(ADMISSION_POLICY_HELP)
    return 0
  }
  const generated = admissionPolicies(parsed.right.options)
  if (E.isLeft(generated)) {
    io.stderr.write(`no-new-privs admission-policy: ${generated.left.message}\n`)
    return 2
  }
  const policies = generated.right
  if (parsed.right.output === 'json') {
    // A List is one JSON value that `kubectl apply -f` takes as it is.
    io.stdout.write(`${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: policies.objects }, null, 2)}\n`)
    return 0
  }
  // YAML 1.1 as kubectl reads it; long CEL expressions stay on one line each.
  const documents = policies.objects.map((o) => stringify(o, { version: '1.1', indentSeq: false, lineWidth: 0, aliasDuplicateObjects: false }))
  io.stdout.write(`${header(policies)}${documents.join('---\n')}`)
  return 0
}
