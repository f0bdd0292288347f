import { describe, expect, test } from 'vitest'
import { parseExemptAnnotation } from '../../src/exemptions/annotation.js'
import { readExemptionsFile } from '../../src/exemptions/file.js'

const at = { kind: 'annotation', source: 'pod.yaml', document: 0, line: 5, path: 'metadata.annotations[no-new-privs.io/exempt]' } as const

describe('the no-new-privs.io/exempt annotation', () => {
  test('one exemption per line: rules, optional containers, reason', () => {
    const { exemptions, problems } = parseExemptAnnotation(
      'privileged-without-escalation,no-new-privs-required:agent,init reason=needs /dev/kmsg: really\n\nno-new-privs-required reason=legacy\n',
      at,
    )
    expect(problems).toEqual([])
    expect(exemptions).toEqual([
      { rules: ['privileged-without-escalation', 'no-new-privs-required'], containers: ['agent', 'init'], reason: 'needs /dev/kmsg: really', origin: { ...at, line: 6 } },
      { rules: ['no-new-privs-required'], reason: 'legacy', origin: { ...at, line: 8 } },
    ])
  })

  test('a single-line value keeps the annotation line', () => {
    expect(parseExemptAnnotation('no-new-privs-required reason=x', at).exemptions[0]?.origin).toEqual(at)
  })

  test('messages for bad exemptions', () => {
    const problem = (value: unknown): unknown => parseExemptAnnotation(value, at).problems.map((p) => [p.severity, p.code, p.message])
    expect(problem('privileged-without-escalation:agent')).toEqual([
      ['error', 'exemption-without-reason', 'annotation no-new-privs.io/exempt: exempts privileged-without-escalation without a reason (add reason=WHY); it exempts nothing'],
    ])
    expect(problem('no-new-privs-required reason=   ')).toEqual([
      ['error', 'exemption-without-reason', 'annotation no-new-privs.io/exempt: exempts no-new-privs-required without a reason (add reason=WHY); it exempts nothing'],
    ])
    expect(problem('privileged-without-escalaton reason=x')).toEqual([
      ['error', 'invalid-exemption', 'annotation no-new-privs.io/exempt: unknown rule "privileged-without-escalaton" (did you mean "privileged-without-escalation"?)'],
    ])
    expect(problem('x reason=a\nAll the rules please')).toEqual([
      ['error', 'invalid-exemption', 'annotation no-new-privs.io/exempt line 1: unknown rule "x"'],
      ['error', 'invalid-exemption', 'annotation no-new-privs.io/exempt line 2: expected RULE[,RULE…][:CONTAINER[,CONTAINER…]] reason=TEXT, got "All the rules please"'],
    ])
    expect(problem(true)).toEqual([
      ['error', 'invalid-exemption', 'annotation no-new-privs.io/exempt must be a string, one RULE[,RULE…][:CONTAINER[,CONTAINER…]] reason=TEXT per line'],
    ])
  })
})

describe('exemptions files', () => {
  test('entries with every field, lines and paths', () => {
    const text = 'exemptions:\n- namespace: monitoring\n  kind: DaemonSet\n  name: agent\n  container: agent\n  image: "registry.example/agent:*"\n  rules: [privileged-without-escalation]\n  reason: " needs host devices "\n'
    const { exemptions, problems } = readExemptionsFile('ex.yaml', text)
    expect(problems).toEqual([])
    expect(exemptions).toEqual([
      {
        rules: ['privileged-without-escalation'],
        namespace: 'monitoring',
        kind: 'DaemonSet',
        name: 'agent',
        containers: ['agent'],
        image: 'registry.example/agent:*',
        reason: 'needs host devices',
        origin: { kind: 'file', source: 'ex.yaml', document: 0, line: 2, path: 'exemptions[0]' },
      },
    ])
  })

  test('messages for bad entries, each with its line', () => {
    const text = [
      'exemptions:',
      '- rules: [no-new-privs-required]', // 2: no reason
      '- rules: []', // 3: empty
      '  reason: x',
      '- rules: no-new-privs-required', // 5: not a list
      '  reason: x',
      '- rules: [no-new-privs-required]', // 7: unknown field
      '  reason: x',
      '  colour: blue',
      '---',
      'exemptions: [',
    ].join('\n')
    const problems = readExemptionsFile('ex.yaml', text).problems.map((p) => [p.severity, p.code, p.at.document, p.at.line, p.message])
    expect(problems).toEqual([
      ['error', 'exemption-without-reason', 0, 2, 'exemptions[0] exempts no-new-privs-required without a reason (add reason: WHY); it exempts nothing'],
      ['error', 'invalid-exemption', 0, 3, 'exemptions[1].rules: rules is empty: name at least one rule'],
      ['error', 'invalid-exemption', 0, 5, 'exemptions[2].rules: Invalid value: "no-new-privs-required": expected ReadonlyArray<string>'],
      ['warning', 'unknown-field', 0, 9, 'exemptions[3].colour: unknown field "colour"'],
      ['error', 'invalid-exemption', 1, expect.any(Number) as unknown, expect.any(String) as unknown],
    ])
  })

  test('a document that is not { exemptions: [...] }', () => {
    const problems = readExemptionsFile('ex.yaml', 'exemptions: 3\n').problems
    expect(problems.map((p) => [p.code, p.at.path])).toEqual([['invalid-exemption', 'exemptions']])
  })
})
