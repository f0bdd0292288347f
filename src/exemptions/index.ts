/**
 * Exemptions (README: "Exemptions"): the annotation, the file, the matcher and the stage that marks reports.
 *
 * @packageDocumentation
 */
export { ANNOTATION_FORMAT, parseExemptAnnotation } from './annotation.js'
export { annotationExemptions } from './carrier.js'
export { ExemptionEntry, ExemptionsDocument, readExemptionsFile } from './file.js'
export { counts, createExemptions, problemEntry, type ExemptionSource, type Exemptions } from './ledger.js'
export { exempts, imageMatches, matchesTarget } from './match.js'
export type { ExemptionProblem, ExemptionProblemCode } from './problem.js'
export { EXEMPTIBLE_RULES, unknownRule } from './ruleIds.js'
export { EXEMPT_ANNOTATION, type Exemption, type ExemptionMark, type ExemptionOrigin, type ExemptionSummary, type ExemptionTarget } from './types.js'
