import { describe, expect, test } from 'vitest'
import { formatText } from '../../src/cli/format/text.js'
import type { KubernetesDecision, NotApplicableDecision } from '../../src/resolve/types.js'
import { fullReport, rejected, report, result } from './fixtures.js'

const ESC = '\u001b['

describe('formatText', () => {
  const whole = formatText(fullReport, { sources: ['deploy.yaml', 'bad.yaml', 'empty.yaml'] })
  // The tests below read the sections; the first two lines (what decided, a blank) have their own.
  const text = whole.split('\n').slice(2).join('\n')
  const lines = text.split('\n')

  test('the first line states the semantics, and the version under kubernetes (SPEC §10)', () => {
    expect(whole.split('\n').slice(0, 2)).toEqual(['decided by semantics proposal', ''])
    expect(formatText(report({ semantics: 'kubernetes' }), { kubernetesVersion: 'v1.32' })).toMatch(/^decided by semantics kubernetes at Kubernetes v1\.32\n\n/)
    // A version given for another semantics is not what decided it, so it is not stated.
    expect(formatText(report({ semantics: 'noNewPrivileges' }), { kubernetesVersion: 'v1.32' })).toMatch(/^decided by semantics noNewPrivileges\n\n/)
  })

  test('one section per source, in the order given, a source with nothing in it included', () => {
    const headings = lines.filter((l) => /^\S/.test(l) && !l.includes('·'))
    expect(headings).toEqual(['deploy.yaml', 'bad.yaml', 'empty.yaml'])
    expect(text).toContain('empty.yaml\n  no containers')
  })

  test('a header row names the columns', () => {
    expect(lines[1]).toMatch(/^ {2}LINE +KIND +NAME +CONTAINER +TYPE +NO_NEW_PRIVS +WHY$/)
  })

  test('each container is one aligned row: line, kind, namespace/name, container, type, yes/no, why', () => {
    const header = lines[1]!
    const app = lines.find((l) => /\bapp\b/.test(l) && l.includes('Deployment'))!
    expect(app).toMatch(/^ {2}17 +Deployment +default\/web +app +container +yes +allowPrivilegeEscalation false \(from container\), runs as non-root \(from container\)$/)
    // Columns line up with the header.
    expect(app.indexOf('yes')).toBe(header.indexOf('NO_NEW_PRIVS'))
    const sidecar = lines.find((l) => l.includes('sidecar'))!
    expect(sidecar).toMatch(/ init +no +allowPrivilegeEscalation nil \(default\), runs as non-root \(from pod\)$/)
  })

  test('a rejected container shows — and each violation with its full path and message', () => {
    const row = lines.find((l) => l.includes('shell'))!
    expect(row).toMatch(/ — +rejected: nothing runs$/)
    const at = lines.indexOf(row)
    expect(lines[at + 1]).toBe('      ✗ privileged-without-escalation at spec.containers[0].securityContext.allowPrivilegeEscalation')
    expect(lines[at + 2]).toBe('        cannot set `allowPrivilegeEscalation` to false and `privileged` to true')
  })

  test('a finding is listed under its container', () => {
    const at = lines.findIndex((l) => l.includes('sidecar'))
    expect(lines[at + 1]).toBe('      ✗ no-new-privs-required at spec.template.spec.initContainers[0]')
  })

  test('warnings carry their code, full path, document and line', () => {
    expect(text).toContain(
      '  ! warning unknown-field at spec.template.spec.containers[0].securityContext.allowPrivilegeEscalaton (document 0, line 21): unknown field "allowPrivilegeEscalaton" (did you mean "allowPrivilegeEscalation"?)',
    )
  })

  test('errors carry document, line and column; skipped kinds are listed', () => {
    expect(text).toContain('  ✖ error yaml-syntax (document 2, line 7, column 3): bad indentation of a mapping entry')
    expect(text).toContain('  skipped: Service (document 1)')
  })

  test('the summary line counts every kind of entry', () => {
    expect(lines.at(-2)).toBe(
      '3 containers in 3 sources: 1 with no_new_privs, 1 without, 1 rejected · 1 violation · 1 finding · 1 warning · 1 error · 1 skipped',
    )
    expect(text.endsWith('\n')).toBe(true)
  })

  test('no escape sequence without colour; colour marks violations red and yes green', () => {
    expect(text).not.toContain(ESC)
    const coloured = formatText(fullReport, { colour: true })
    expect(coloured).toContain(`${ESC}31mprivileged-without-escalation${ESC}39m`)
    expect(coloured).toMatch(new RegExp(`\\u001b\\[32myes +\\u001b\\[39m`))
  })

  test('a Windows container reads "no (n/a)" and says why', () => {
    const windows: NotApplicableDecision = {
      semantics: 'proposal',
      applicable: false,
      noNewPrivs: false,
      from: { target: 'pod', path: 'os.name', value: 'windows' },
      warnings: [],
    }
    const out = formatText(report({ results: [result({ noNewPrivs: false, reason: windows })] }))
    expect(out).toMatch(/ no \(n\/a\) +windows pod: no_new_privs does not exist there/)
  })

  test('decision warnings (sys-admin-spelling) are shown with the path from the document root', () => {
    const k8s: KubernetesDecision = {
      semantics: 'kubernetes',
      applicable: true,
      noNewPrivs: true,
      setting: false,
      from: { target: 'container', path: 'securityContext.allowPrivilegeEscalation', value: false },
      warnings: [
        { code: 'sys-admin-spelling', target: 'container', path: 'securityContext.capabilities.add[0]', message: 'SYS_ADMIN is not rejected' },
      ],
    }
    const out = formatText(report({ semantics: 'kubernetes', results: [result({ reason: k8s })] }))
    expect(out).toContain('! warning sys-admin-spelling at spec.template.spec.containers[0].securityContext.capabilities.add[0] (document 0, line 17): SYS_ADMIN is not rejected')
    expect(out).toContain('allowPrivilegeEscalation false after admission (from container)')
    expect(out).toContain('1 warning ·')
  })

  test('the policy that admitted a pod is named in the why column', () => {
    expect(formatText(report({ results: [result({ policy: 'restricted' })] }))).toMatch(/runs as non-root \(from container\); policy restricted\n/)
  })

  test('a policy document\'s own violation (an error entry with a violation code) reads and counts as a violation', () => {
    const out = formatText(
      report({ errors: [{ source: 'psp.yaml', document: 0, line: 8, column: 3, path: 'spec.defaultAllowPrivilegeEscalation', code: 'invalid-policy', message: 'Cannot set …', category: 'violation' }] }),
    )
    expect(out).toContain('  ✗ violation invalid-policy (document 0, line 8, column 3, at spec.defaultAllowPrivilegeEscalation): Cannot set …')
    expect(out).toContain('· 1 violation · 0 findings · 0 warnings · 0 errors ·')
  })

  test('an empty report still ends with a summary', () => {
    expect(formatText(report())).toBe('decided by semantics proposal\n\n0 containers in 0 sources: 0 with no_new_privs, 0 without, 0 rejected · 0 violations · 0 findings · 0 warnings · 0 errors · 0 skipped\n')
  })

  test('a violation inside a policy document names the policy', () => {
    const out = formatText(
      report({
        results: [
          {
            ...rejected,
            violations: [
              {
                code: 'invalid-policy',
                path: 'spec.defaultAllowPrivilegeEscalation',
                message: 'Cannot set DefaultAllowPrivilegeEscalation to true without also setting AllowPrivilegeEscalation to true',
                policy: { source: 'psp.yaml', document: 0, name: 'loose' },
              },
            ],
          },
        ],
      }),
    )
    expect(out).toContain('✗ invalid-policy at spec.defaultAllowPrivilegeEscalation (policy loose, psp.yaml document 0)')
  })
})
