import { describe, expect, it } from 'vitest'
import type { ValidationAction } from '../../src/codecs/admissionRegistration.js'
import { decode, MutatingAdmissionPolicy, MutatingAdmissionPolicyBinding, ValidatingAdmissionPolicy, ValidatingAdmissionPolicyBinding } from '../../src/codecs/index.js'
import { admissionPolicies, type AdmissionPolicies } from '../../src/policy/generate.js'
import type { AdmissionPolicyOptions } from '../../src/policy/options.js'
import { codesEnforced } from '../../src/policy/registry.js'
import { guardOf, isInCluster, translate, TRANSLATIONS, variantFingerprint } from '../../src/policy/rules.js'
import { VIOLATION_CODES } from '../../src/resolve/violations.js'
import { RULES } from '../../src/resolve/rules/index.js'

function ok(options: AdmissionPolicyOptions): AdmissionPolicies {
  const r = admissionPolicies(options)
  if (r._tag === 'Left') throw new Error(r.left.message)
  return r.right
}

const CODECS: Readonly<Record<string, Parameters<typeof decode>[0]>> = {
  ValidatingAdmissionPolicy,
  ValidatingAdmissionPolicyBinding,
  MutatingAdmissionPolicy,
  MutatingAdmissionPolicyBinding,
}

describe('admissionPolicies', () => {
  it.each([
    ['kubernetes', 'v1.30'],
    ['kubernetes', 'latest'],
    ['proposal', 'v1.36'],
    ['proposal', 'latest'],
  ] as const)('emits objects that decode strictly with the admissionregistration v1 codecs (%s, %s)', (semantics, kubernetesVersion) => {
    const p = ok({ semantics, kubernetesVersion, podSecurity: { level: 'restricted' }, namespaceSelector: { matchLabels: { a: 'b' } } })
    for (const o of p.objects) {
      const codec = CODECS[o.kind ?? '']
      if (codec === undefined) expect.fail(`no codec for ${String(o.kind)}`)
      expect(decode(codec, JSON.parse(JSON.stringify(o)), { strict: true })).toMatchObject({ _tag: 'Right', right: { warnings: [] } })
    }
  })

  it('accounts for every code of the semantics: each is enforced or says why not (none vanishes)', () => {
    for (const semantics of ['kubernetes', 'proposal'] as const) {
      const p = ok({ semantics, podSecurity: { level: 'restricted' } })
      expect(p.rules.map((r) => r.code).sort()).toEqual([...codesEnforced(semantics, Infinity, Infinity)].sort())
      const enforced = p.rules.filter((r) => r.enforced).map((r) => r.code)
      expect(p.validatingPolicy.spec?.validations?.map((v) => /^'?"?([a-z-]+):/.exec(v.message ?? '')?.[1])).toEqual(enforced)
      // PodSecurityPolicy rules: part of the design, but in released Kubernetes only through v1.24.
      expect(p.rules.filter((r) => !r.enforced).map((r) => r.code).sort()).toEqual(semantics === 'proposal' ? ['escalation-forbidden-by-policy', 'invalid-policy'] : [])
    }
  })

  it('translates every violation code the library knows (a code without a translation fails here)', () => {
    for (const code of VIOLATION_CODES) {
      const t = translate(code, { semantics: 'proposal', minor: Infinity, restrictedMinor: Infinity })
      expect(t, code).not.toBeNull()
      if (t !== null && !isInCluster(t)) expect(t.notInCluster).toMatch(/PodSecurityPolicy/)
    }
  })

  it('reads the old object only where a rule needs it (kubernetes from v1.37)', () => {
    const names = (p: AdmissionPolicies) => p.validatingPolicy.spec?.variables?.map((v) => v.name)
    expect(names(ok({ semantics: 'kubernetes', kubernetesVersion: 'v1.36' }))).toEqual(['spec', 'containers', 'windows'])
    expect(names(ok({ semantics: 'kubernetes', kubernetesVersion: 'v1.37' }))).toEqual(['spec', 'containers', 'windows', 'oldSpec', 'oldContainers'])
    expect(names(ok({ semantics: 'proposal' }))).toEqual(['spec', 'containers', 'windows'])
  })

  it('binds pods with the actions asked for and workload templates with Warn for Deny', () => {
    const bindings = (actions: AdmissionPolicyOptions['actions']) => ok({ semantics: 'kubernetes', actions }).validatingBindings.map((b) => b.spec?.validationActions)
    expect(bindings(undefined)).toEqual([['Deny'], ['Warn']])
    expect(bindings(['Deny', 'Audit'])).toEqual([['Deny', 'Audit'], ['Warn', 'Audit']])
    expect(bindings(['Audit'])).toEqual([['Audit'], ['Audit']])
  })

  it('puts the exemptions on every binding: selectors, and namespaces by name', () => {
    const p = ok({
      semantics: 'proposal',
      namespaceSelector: { matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] },
      objectSelector: { matchLabels: { enforce: 'yes' } },
      excludeNamespaces: ['kube-system'],
      namePrefix: 'acme-',
    })
    const expected = {
      namespaceSelector: {
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['prod'] },
          { key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system'] },
        ],
      },
      objectSelector: { matchLabels: { enforce: 'yes' } },
    }
    const bindings = [...p.validatingBindings, p.mutatingBinding]
    for (const b of bindings) expect(b?.spec?.matchResources).toMatchObject(expected)
    expect(p.objects.map((o) => o.metadata?.name)).toEqual(['acme-no-new-privs-default', 'acme-no-new-privs-default', 'acme-no-new-privs', 'acme-no-new-privs-pods', 'acme-no-new-privs-workloads'])
    expect(p.validatingBindings.map((b) => b.spec?.policyName)).toEqual(['acme-no-new-privs', 'acme-no-new-privs'])
    expect(p.mutatingBinding?.spec?.policyName).toBe('acme-no-new-privs-default')
  })

  it('caps the restricted level at the cluster version, as the resolver and Pod Security Admission do', () => {
    const level = (kubernetesVersion: AdmissionPolicyOptions['kubernetesVersion'], version?: AdmissionPolicyOptions['kubernetesVersion']) =>
      ok({ semantics: 'kubernetes', kubernetesVersion, podSecurity: { level: 'restricted', ...(version === undefined ? {} : { version }) } }).podSecurityVersion
    expect(level('v1.30', 'latest')).toBe('v1.30')
    expect(level('v1.31', 'v1.37')).toBe('v1.31')
    expect(level('v1.31', 'v1.24')).toBe('v1.24')
    expect(level('v1.33')).toBe('v1.33')
    expect(level('latest')).toBe('latest')
    expect(ok({ semantics: 'kubernetes' }).podSecurityVersion).toBeNull()
  })

  it('binds workload templates without Deny for every valid set of actions (Pod Security Admission warns about templates, never rejects them)', () => {
    const orders: ValidationAction[][] = [['Deny'], ['Warn'], ['Audit'], ['Deny', 'Audit'], ['Audit', 'Deny'], ['Warn', 'Audit'], ['Audit', 'Warn']]
    for (const actions of orders) {
      const [pods, workloads] = ok({ semantics: 'kubernetes', actions }).validatingBindings
      expect(pods.spec?.validationActions).toEqual(actions)
      const got = workloads.spec?.validationActions ?? []
      expect(got).not.toContain('Deny')
      expect(new Set(got)).toEqual(new Set(actions.map((a) => (a === 'Deny' ? 'Warn' : a))))
    }
  })

  it('writes only CEL that both the API server and @bufbuild/cel run: no optional syntax, no cel.bind, no list sum()', () => {
    for (const semantics of ['kubernetes', 'proposal'] as const)
      for (const podSecurity of [undefined, { level: 'restricted' as const }]) {
        const p = ok({ semantics, ...(podSecurity === undefined ? {} : { podSecurity }) })
        const expressions = [
          ...(p.validatingPolicy.spec?.variables ?? []).map((v) => v.expression),
          ...(p.validatingPolicy.spec?.validations ?? []).flatMap((v) => [v.expression, v.messageExpression ?? '']),
          ...(p.mutatingPolicy?.spec?.variables ?? []).map((v) => v.expression),
          ...(p.mutatingPolicy?.spec?.mutations ?? []).map((m) => m.applyConfiguration?.expression ?? ''),
        ]
        for (const e of expressions) expect(e).not.toMatch(/\.\?|\[\?|orValue|optional\.|cel\.bind|\.sum\(/)
      }
  })

  it('needs no MutatingAdmissionPolicy, so no v1.36, under proposal with the restricted level', () => {
    const p = ok({ semantics: 'proposal', kubernetesVersion: 'v1.30', podSecurity: { level: 'restricted' } })
    expect(p.objects.map((o) => o.kind)).toEqual(['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'ValidatingAdmissionPolicyBinding'])
    expect(admissionPolicies({ semantics: 'proposal', kubernetesVersion: 'v1.30', podSecurity: { level: 'restricted', version: 'v1.7' } })).toMatchObject({ _tag: 'Left', left: { code: 'unsupported-version' } })
  })

  it('has no mutating policy under kubernetes', () => {
    const p = ok({ semantics: 'kubernetes' })
    expect([p.mutatingPolicy, p.mutatingBinding]).toEqual([null, null])
  })

  it.each<[AdmissionPolicyOptions, string, string]>([
    [{ semantics: 'kubernetes', kubernetesVersion: 'v1.29' }, 'unsupported-version', 'ValidatingAdmissionPolicy (admissionregistration.k8s.io/v1) needs Kubernetes v1.30 or later, not v1.29'],
    [{ kubernetesVersion: 'v1.35' }, 'unsupported-version', 'the proposal semantics needs MutatingAdmissionPolicy (admissionregistration.k8s.io/v1), GA in Kubernetes v1.36, not v1.35: use --semantics kubernetes'],
    [{ semantics: 'noNewPrivileges' as never }, 'invalid-option', 'semantics: "noNewPrivileges" is not kubernetes or proposal'],
    [{ kubernetesVersion: 'v2.0' as never }, 'invalid-option', 'kubernetesVersion: "v2.0" is not latest or v1.N'],
    [{ actions: [] }, 'invalid-option', 'actions: at least one of Deny, Warn, Audit is required'],
    [{ actions: ['Block' as never] }, 'invalid-option', 'actions: unknown action "Block" (Deny, Warn or Audit)'],
    [{ actions: ['Warn', 'Warn'] }, 'invalid-option', 'actions: each action may be given once'],
    [{ actions: ['Deny', 'Warn'] }, 'invalid-option', 'actions: Deny and Warn may not be used together (the API server rejects the binding)'],
    [{ excludeNamespaces: ['Not_A_Namespace!'] }, 'invalid-option', 'excludeNamespaces: "Not_A_Namespace!" is not a namespace name'],
    [{ podSecurity: { level: 'restricted', version: 'v9' as never } }, 'invalid-option', 'podSecurity.version: "v9" is not latest or v1.N'],
    [{ namePrefix: 'UPPER' }, 'invalid-option', 'namePrefix: "UPPER" does not make a valid object name'],
  ])('refuses %j as data', (options, code, message) => {
    expect(admissionPolicies(options)).toEqual({ _tag: 'Left', left: { code, message } })
  })
})

describe('the registry drives the policy', () => {
  it('each translation names exactly the registry variants it encodes (a new or changed variant fails here)', () => {
    for (const rule of RULES) {
      // The variants a cluster policy can meet: those of the semantics it is generated for.
      const inCluster = rule.variants.filter((v) => v.semantics.includes('kubernetes') || v.semantics.includes('proposal')).map(variantFingerprint)
      expect(TRANSLATIONS[rule.code].variants, `${rule.code}: update src/policy/rules.ts for the registry's variants`).toEqual(inCluster)
    }
  })

  it('reads the pods and operations of each code from the registry', () => {
    expect(guardOf({ linux: ['create', 'update'], windows: [] })).toBe('!variables.windows')
    expect(guardOf({ linux: [], windows: ['create', 'update'] })).toBe('variables.windows')
    expect(guardOf({ linux: ['create', 'update'], windows: ['create', 'update'] })).toBe('true')
    expect(guardOf({ linux: ['create'], windows: ['update'] })).toBe("(!variables.windows && request.operation == 'CREATE') || (variables.windows && request.operation == 'UPDATE')")
    const guard = (restrictedMinor: number) => {
      const t = translate('restricted-requires-no-escalation', { semantics: 'kubernetes', minor: Infinity, restrictedMinor })
      return t !== null && isInCluster(t) ? t.guard : t
    }
    // The registry's Windows variant of the level ends at v1.24.
    expect([guard(7), guard(8), guard(24), guard(25), guard(Infinity)]).toEqual([null, 'true', 'true', '!variables.windows', '!variables.windows'])
  })

  it("uses the registry's messages", () => {
    const p = ok({ semantics: 'kubernetes' })
    const messages = p.validatingPolicy.spec?.validations?.map((v) => v.message) ?? []
    for (const rule of RULES) {
      const variant = rule.variants.find((v) => v.semantics.includes('kubernetes'))
      if (variant === undefined || !p.rules.some((r) => r.code === rule.code && r.enforced)) continue
      expect(messages.some((m) => m?.includes(variant.message)), rule.code).toBe(true)
    }
  })
})
