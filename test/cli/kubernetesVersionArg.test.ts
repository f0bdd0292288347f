import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { parseCheckArgs, parseKubernetesVersion } from '../../src/cli/checkArgs.js'

describe('--kubernetes-version', () => {
  it('defaults to latest and reads v1.N from v1.8 on', () => {
    expect(parseKubernetesVersion(undefined)).toEqual(E.right('latest'))
    expect(parseKubernetesVersion('latest')).toEqual(E.right('latest'))
    expect(parseKubernetesVersion('v1.8')).toEqual(E.right('v1.8'))
    expect(parseKubernetesVersion('v1.37')).toEqual(E.right('v1.37'))
  })

  it.each(['v1.7', 'v1.0', '1.24', 'v2.0', 'v1.024', ''])('rejects %j with a usage error', (value) => {
    const r = parseKubernetesVersion(value)
    expect(E.isLeft(r) && r.left.message).toContain('--kubernetes-version must be latest or v1.N')
  })

  it('reaches the parsed arguments', () => {
    const r = parseCheckArgs(['--kubernetes-version', 'v1.24', 'x.yaml'])
    expect(E.isRight(r) && r.right.kubernetesVersion).toBe('v1.24')
  })
})
