/**
 * The options of `no-new-privs admission-policy`, parsed into `AdmissionPolicyOptions`.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import type { FailurePolicyType, LabelSelector, ValidationAction } from '../codecs/admissionRegistration.js'
import { parseLabelSelector } from '../policy/labelSelector.js'
import type { AdmissionPolicyOptions, PolicySemantics } from '../policy/options.js'
import type { PodSecurityVersion } from '../resolve/types.js'
import { allValues, oneOf, parseCommandLine, singleValue, usageError } from './args.js'
import type { OptionSpecs, UsageError } from './args.js'
import { parsePodSecurity } from './checkArgs.js'

/** What `admission-policy` was asked to print. */
export interface AdmissionPolicyArgs {
  readonly help: boolean
  readonly output: 'yaml' | 'json'
  readonly options: AdmissionPolicyOptions
}

/** The options of `admission-policy`. */
export const ADMISSION_POLICY_OPTIONS: OptionSpecs = {
  semantics: { type: 'string' },
  'kubernetes-version': { type: 'string' },
  actions: { type: 'string' },
  'namespace-selector': { type: 'string' },
  'object-selector': { type: 'string' },
  'exclude-namespace': { type: 'string', multiple: true },
  'name-prefix': { type: 'string' },
  'pod-security': { type: 'string' },
  'failure-policy': { type: 'string' },
  output: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
}

const POLICY_SEMANTICS: ReadonlyArray<PolicySemantics> = ['proposal', 'kubernetes']
const ACTIONS: ReadonlyArray<ValidationAction> = ['Deny', 'Warn', 'Audit']
const FAILURE_POLICIES: ReadonlyArray<FailurePolicyType> = ['Fail', 'Ignore']

function version(value: string | undefined): E.Either<UsageError, PodSecurityVersion | undefined> {
  if (value === undefined) return E.right(undefined)
  if (value === 'latest' || /^v1\.(0|[1-9][0-9]{0,3})$/.test(value)) return E.right(value as PodSecurityVersion)
  return E.left(usageError(`--kubernetes-version must be latest or v1.N (such as v1.33), not ${JSON.stringify(value)}`))
}

function actions(value: string | undefined): E.Either<UsageError, ReadonlyArray<ValidationAction> | undefined> {
  if (value === undefined) return E.right(undefined)
  const out: ValidationAction[] = []
  for (const word of value.split(',')) {
    const a = oneOf('--actions', word.trim(), ACTIONS)
    if (E.isLeft(a)) return a
    out.push(a.right)
  }
  return E.right(out)
}

function selector(option: string, value: string | undefined): E.Either<UsageError, LabelSelector | undefined> {
  if (value === undefined) return E.right(undefined)
  const parsed = parseLabelSelector(value)
  return E.isLeft(parsed) ? E.left(usageError(`${option}: ${parsed.left}`)) : E.right(parsed.right)
}

/**
 * Parses the arguments that follow `admission-policy`.
 *
 * @example
 * ```ts
 * parseAdmissionPolicyArgs(['--semantics', 'kubernetes', '--actions', 'Warn,Audit', '-o', 'json'])
 * // Right({ help: false, output: 'json', options: { semantics: 'kubernetes', actions: ['Warn', 'Audit'] } })
 * parseAdmissionPolicyArgs(['--actions', 'Block']) // Left({ message: '--actions must be one of Deny, Warn, Audit, not "Block"' })
 * ```
 */
export function parseAdmissionPolicyArgs(argv: ReadonlyArray<string>): E.Either<UsageError, AdmissionPolicyArgs> {
  return pipe(
    parseCommandLine(argv, ADMISSION_POLICY_OPTIONS),
    E.chain((line) => {
      const stray = [...line.operands, ...(line.rest ?? [])]
      if (stray.length > 0) return E.left(usageError(`admission-policy takes no operands, not ${JSON.stringify(stray[0])}`))
      return pipe(
        E.Do,
        E.bind('semantics', () => oneOf('--semantics', singleValue(line, 'semantics') ?? 'proposal', POLICY_SEMANTICS)),
        E.bind('kubernetesVersion', () => version(singleValue(line, 'kubernetes-version'))),
        E.bind('actions', () => actions(singleValue(line, 'actions'))),
        E.bind('namespaceSelector', () => selector('--namespace-selector', singleValue(line, 'namespace-selector'))),
        E.bind('objectSelector', () => selector('--object-selector', singleValue(line, 'object-selector'))),
        E.bind('podSecurity', () => parsePodSecurity(singleValue(line, 'pod-security'))),
        E.bind('failurePolicy', () => oneOf('--failure-policy', singleValue(line, 'failure-policy') ?? 'Fail', FAILURE_POLICIES)),
        E.bind('output', () => oneOf('--output', singleValue(line, 'output') ?? 'yaml', ['yaml', 'json'] as const)),
        E.map(({ output, ...v }) => {
          const excluded = allValues(line, 'exclude-namespace')
          const namePrefix = singleValue(line, 'name-prefix')
          const options: AdmissionPolicyOptions = {
            semantics: v.semantics,
            failurePolicy: v.failurePolicy,
            ...(v.kubernetesVersion === undefined ? {} : { kubernetesVersion: v.kubernetesVersion }),
            ...(v.actions === undefined ? {} : { actions: v.actions }),
            ...(v.namespaceSelector === undefined ? {} : { namespaceSelector: v.namespaceSelector }),
            ...(v.objectSelector === undefined ? {} : { objectSelector: v.objectSelector }),
            ...(v.podSecurity === undefined ? {} : { podSecurity: v.podSecurity }),
            ...(excluded.length === 0 ? {} : { excludeNamespaces: excluded }),
            ...(namePrefix === undefined ? {} : { namePrefix }),
          }
          return { help: line.flags.has('help'), output, options }
        }),
      )
    }),
  )
}
