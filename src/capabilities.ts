/**
 * Capability names as the design compares them. The module lives in `resolve/` (it reads resolve's
 * input types, and resolve reads it: one folder, no import cycle); this path stays for importers.
 *
 * @packageDocumentation
 */
export * from './resolve/capabilities.js'
