/**
 * Nothing is lost: for any input, `checkManifests` returns a report in which every document of
 * the input appears, and a good document is resolved whatever its neighbours are.
 */
import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { checkEntries, checkManifests, type CheckOptions } from '../../src/index.js'
import { expectEveryDocumentAccountedFor, goodPod, prototypeKeys } from './helpers.js'

/** Text that is never a `---` marker line, so it stays one document. */
const noMarker = (text: string): string => text.replace(/(^|\n)---/g, '$1x--')

/** Fragments of YAML, JSON and worse, including every hostile shape the loader guards against. */
const token = fc.constantFrom(
  'kind: Pod\n', 'spec:\n', '  containers:\n', '  - name: a\n', '    securityContext: {', 'runAsUser: 0', 'allowPrivilegeEscalation: no',
  'privileged: yes', '}\n', '[', ']', '{', '}', ', ', ': ', '- ', '? ', '"', "'", '#', '\t', '\r\n', '\n', '  ', '&a ', '*a', '<<: *a\n',
  '!!binary ', '!!set ', '!custom ', '%YAML 1.1\n', '...\n', '|\n', '>-\n', '.nan', '-.inf', '99999999999999999999', '0x1F', '0o17',
  '__proto__: ', 'constructor: ', 'prototype: ', '\ufeff', '\u0000', '\ud800', 'é', '🙂', 'kind: List\nitems:\n', 'kind: PodSecurityPolicy\n',
)
const yamlish = fc.array(token, { maxLength: 40 }).map((parts) => parts.join(''))

const hostileDocument = fc.oneof(
  yamlish,
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'),
  fc.integer({ min: 501, max: 3000 }).map((n) => `kind: Pod\nspec: ${'['.repeat(n)}${']'.repeat(n)}`),
  fc.constant('a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]'),
  fc.constant('kind: Pod\nkind: Deployment'),
  fc.constant('kind: Pod\nspec:\n\tcontainers: []'),
  fc.constant('kind: Pod\nspec:\n  containers:\n  - name: big\n    securityContext: { runAsUser: 9007199254740993 }'),
  fc.constant('kind: Pod\nspec:\n  containers: []'),
  fc.constant('kind: List\nitems: []'),
  fc.constant('kind: Deployment\nspec: 5'),
).map(noMarker)

const options: fc.Arbitrary<CheckOptions> = fc.record(
  {
    semantics: fc.constantFrom('proposal' as const, 'noNewPrivileges' as const, 'kubernetes' as const),
    strict: fc.boolean(),
    requireNoNewPrivs: fc.boolean(),
    podSecurity: fc.constantFrom({ level: 'restricted' as const }, { level: 'restricted' as const, version: 'v1.24' as const }),
  },
  { requiredKeys: [] },
)

describe('for any string, every document is accounted for', () => {
  test.prop([fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 400 }), yamlish), options])(
    'checkManifests returns a report that names each document of the input',
    (text, opts) => {
      const before = prototypeKeys()
      const report = checkManifests({ source: 's', text }, opts)
      expectEveryDocumentAccountedFor(report, 's', text)
      expect(prototypeKeys()).toEqual(before)
    },
  )

  test.prop([fc.array(hostileDocument, { minLength: 1, maxLength: 6 }), fc.boolean(), fc.boolean()])(
    'good pods among hostile documents are all resolved, with no_new_privs',
    (hostile, crlf, bom) => {
      // good-0, hostile, good-1, hostile, …, good-n
      const parts: string[] = [goodPod('good-0')]
      hostile.forEach((h, i) => parts.push(h, goodPod(`good-${i + 1}`)))
      let text = parts.join('\n---\n')
      if (crlf) text = text.replace(/\n/g, '\r\n')
      if (bom) text = `\ufeff${text}`
      const report = checkManifests({ source: 's', text })
      expectEveryDocumentAccountedFor(report, 's', text)
      const good = report.results.filter((r) => r.name?.startsWith('good-') === true && r.kind === 'Pod' && r.container === 'app')
      expect(good.map((r) => [r.name, r.noNewPrivs])).toEqual(parts.filter((_, i) => i % 2 === 0).map((_, i) => [`good-${i}`, true]))
      // Each good pod sits at its own document: the hostile ones never merged with or split it.
      expect(good.map((r) => r.document)).toEqual(good.map((_, i) => 2 * i))
    },
  )

  test.prop([fc.array(fc.oneof(hostileDocument, fc.constant(goodPod('p'))), { maxLength: 5 }), fc.array(hostileDocument, { maxLength: 3 })])(
    'several sources and policy files: each source keeps its own document count',
    (sources, policies) => {
      const inputs = sources.map((text, i) => ({ source: `s${i}`, text }))
      const report = checkManifests(inputs, { policies: policies.map((text, i) => ({ source: `p${i}`, text })) })
      for (const { source, text } of inputs) expectEveryDocumentAccountedFor(report, source, text)
      // The streaming form yields exactly the same entries.
      const streamed = [...checkEntries(inputs, { policies: policies.map((text, i) => ({ source: `p${i}`, text })) })]
      expect(streamed.length).toBe(report.results.length + report.errors.length + report.warnings.length + report.skipped.length)
    },
  )

  test.prop([fc.jsonValue({ maxDepth: 6 })])('any parsed JSON value is one document, accounted for', (value) => {
    const report = checkManifests([{ source: 'v', value }])
    // SPEC §9: a result, a skipped kind or an error; a warning alone does not account for a document.
    const mentioned = [...report.results, ...report.errors, ...report.skipped].filter((e) => e.source === 'v')
    expect(mentioned.length).toBeGreaterThan(0)
    expect(mentioned.every((e) => e.document === 0)).toBe(true)
  })
})
