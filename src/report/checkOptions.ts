/**
 * The options of `checkManifests` and its streamed forms, as a plain-JavaScript caller may pass
 * them: a wrong type is one `invalid-option` error of the report, not a `TypeError` from deep
 * inside, nor a default silently used instead (`strict: 'yes'` is not strict mode turned off).
 *
 * @packageDocumentation
 */
import { describeValue, isRecord, optionsProblem, type FieldRule } from '../callerInput.js'
import type { ReportError } from './report.js'
import { declarationProblem } from '../pods/kinds.js'

const RULES: Readonly<Record<string, FieldRule>> = {
  semantics: ['proposal', 'noNewPrivileges', 'kubernetes'],
  policies: 'array',
  podSecurity: 'object',
  kubernetesVersion: 'string',
  namespace: 'string',
  requireNoNewPrivs: 'boolean',
  strict: 'boolean',
  load: 'object',
  podSpecKinds: 'array',
}

function optionError(message: string): ReportError {
  return { source: '<options>', document: null, line: null, column: null, code: 'invalid-option', message: `checkManifests: ${message}`, category: 'input' }
}

/** Whether a value has what the exemption stage of `createExemptions` has. */
function isStage(u: unknown): boolean {
  return isRecord(u) && typeof u['apply'] === 'function' && typeof u['unused'] === 'function' && typeof u['summary'] === 'function'
}

/**
 * The first problem of `options`, as a report error, or `undefined` when they can be used.
 * `undefined` and `null` (for the whole and for each field) are defaults.
 */
export function checkOptionsError(options: unknown): ReportError | undefined {
  const shape = optionsProblem(options, 'options', RULES)
  if (shape !== undefined) return optionError(shape)
  if (!isRecord(options)) return undefined
  const kinds = options['podSpecKinds']
  if (Array.isArray(kinds)) {
    for (let i = 0; i < kinds.length; i++) {
      const problem = declarationProblem(kinds[i], `options.podSpecKinds[${i}]`)
      if (problem !== undefined) return optionError(problem)
    }
  }
  const level: unknown = isRecord(options['podSecurity']) ? options['podSecurity']['level'] : 'restricted'
  if (level !== 'restricted') return optionError(`options.podSecurity.level: expected "restricted", got ${describeValue(level)}`)
  const exemptions = options['exemptions']
  if (exemptions !== undefined && exemptions !== null && !Array.isArray(exemptions) && !isStage(exemptions)) {
    return optionError(`options.exemptions: expected exemptions files ({ source, text }[]) or a stage from createExemptions, got ${describeValue(exemptions)}`)
  }
  for (const field of ['policies', 'exemptions'] as const) {
    const list = options[field]
    if (!Array.isArray(list)) continue
    for (let i = 0; i < list.length; i++) {
      const s: unknown = list[i]
      if (!isRecord(s) || typeof s['source'] !== 'string' || (typeof s['text'] !== 'string' && !('value' in s))) {
        return optionError(`options.${field}[${i}]: expected { source: string, text: string } or { source: string, value }, got ${describeValue(s)}`)
      }
    }
  }
  return undefined
}
