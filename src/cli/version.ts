/**
 * The package version, for `--version` and SARIF's `tool.driver.version`.
 *
 * @packageDocumentation
 */
import pkg from '../../package.json' with { type: 'json' }

/**
 * The version in package.json (bundled at build time).
 *
 * @example
 * ```ts
 * VERSION // '0.1.0'
 * ```
 */
export const VERSION: string = pkg.version

/** Where a person reads about the tool and its rules. */
export const INFORMATION_URI = 'https://www.npmjs.com/package/no-new-privs'
