/**
 * fast-check, for the arbitraries: every value import of it in src/testing goes through here.
 * The build puts a module in its place (tsup.config.ts, `fastCheckOrMessage`) that loads
 * fast-check at run time, so that `import 'no-new-privs/testing'` without fast-check installed
 * says in one line what to install instead of failing while Node links the modules.
 *
 * @packageDocumentation
 */
import fc from 'fast-check'

export default fc
