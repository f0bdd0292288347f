/**
 * The writers over wrong-typed input from plain JavaScript: an error as data, never a switch
 * turned on by a truthy string (`{ noNewPrivs: 'false' }`), never a thrown "is not iterable".
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  criSecurityContextWithNoNewPrivs,
  dockerSecurityOpt,
  ociSpecWithNoNewPrivileges,
  rktIsolatorsWithNoNewPrivileges,
  type RuntimeDecision,
} from '../../src/runtime/index.js'

const stringFalse = { noNewPrivs: 'false' } as unknown as RuntimeDecision

describe('writers refuse a decision that is not a real boolean', () => {
  it.each([
    ['docker', () => dockerSecurityOpt(stringFalse, [])],
    ['oci', () => ociSpecWithNoNewPrivileges(stringFalse, {})],
    ['cri', () => criSecurityContextWithNoNewPrivs(stringFalse)],
    ['rkt', () => rktIsolatorsWithNoNewPrivileges(stringFalse)],
  ])('%s: { noNewPrivs: "false" } is a wrong-type error at noNewPrivs', (runtime, write) => {
    expect(write()).toEqual(E.left([{
      runtime,
      code: 'wrong-type',
      path: 'noNewPrivs',
      expected: 'boolean',
      received: 'false',
      message: 'the decision\'s noNewPrivs must be a boolean (true or false), got a string ("false")',
    }]))
  })

  it('a decision that is not an object says so', () => {
    const result = dockerSecurityOpt(null as unknown as RuntimeDecision)
    expect(E.isLeft(result) && result.left[0].message).toBe('the decision must be an object { noNewPrivs: boolean }, got null')
  })
})

describe('writers refuse a configuration of the wrong type', () => {
  it('docker: a non-array SecurityOpt and non-string entries', () => {
    const notArray = dockerSecurityOpt({ noNewPrivs: true }, 'no-new-privileges' as unknown as ReadonlyArray<string>)
    expect(E.isLeft(notArray) && notArray.left[0].message).toBe(
      'HostConfig.SecurityOpt must be an array of strings, got a string ("no-new-privileges")')
    const entries = dockerSecurityOpt({ noNewPrivs: true }, [1, 'label=disable', null, , 'x'] as unknown as ReadonlyArray<string>)
    expect(E.isLeft(entries) && entries.left.map((e) => e.path)).toEqual(['HostConfig.SecurityOpt[0]', 'HostConfig.SecurityOpt[2]', 'HostConfig.SecurityOpt[3]'])
  })

  it('docker: daemon options that are not { daemonNoNewPrivileges?: boolean }', () => {
    const result = dockerSecurityOpt({ noNewPrivs: false }, [], { daemonNoNewPrivileges: 'yes' } as unknown as { daemonNoNewPrivileges: boolean })
    expect(E.isLeft(result) && result.left[0].message).toBe(
      'the daemon options must be { daemonNoNewPrivileges?: boolean }, got a string ("yes")')
  })

  it('oci: a spec that is not an object', () => {
    const result = ociSpecWithNoNewPrivileges({ noNewPrivs: true }, [] as unknown as object)
    expect(E.isLeft(result) && result.left[0].message).toBe('an OCI spec must be a JSON object, got an array ([])')
  })

  it('cri: a context that is not an object; null is the empty context', () => {
    const result = criSecurityContextWithNoNewPrivs({ noNewPrivs: true }, 'x' as unknown as object)
    expect(E.isLeft(result) && result.left[0].message).toBe('a LinuxContainerSecurityContext must be a JSON object, got a string ("x")')
    expect(criSecurityContextWithNoNewPrivs({ noNewPrivs: true }, null)).toEqual(E.right({ no_new_privs: true }))
  })

  it('rkt: isolators that are not an array', () => {
    const result = rktIsolatorsWithNoNewPrivileges({ noNewPrivs: true }, { name: 'x' } as unknown as ReadonlyArray<unknown>)
    expect(E.isLeft(result) && result.left[0].message).toBe('isolators must be a JSON array, got an object ({"name":"x"})')
  })
})
