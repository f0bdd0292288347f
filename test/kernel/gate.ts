/**
 * Wraps a kernel suite: skipped loudly when it cannot run locally, failing with the reason when
 * it must run (CI, NNP_KERNEL_REQUIRED=1) or when the host itself has no_new_privs.
 */
import { describe, test } from 'vitest'
import { gate } from './host.js'

export function kernelDescribe(name: string, body: () => void): void {
  const { blocked, required } = gate()
  if (blocked === null) {
    describe(name, body)
  } else if (required) {
    describe(name, () => {
      test('can run on this host', () => {
        throw new Error(`kernel suite cannot run: ${blocked}`)
      })
    })
  } else {
    console.warn(`\n!!! SKIPPED kernel suite "${name}": ${blocked}\n!!! run it as root: sudo npm run test:runtime\n`)
    describe.skip(name, body)
  }
}
