import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { grantsSysAdmin, normaliseCapability } from '../src/capabilities.js'

describe('capability names', () => {
  test.prop([fc.stringMatching(/^[A-Za-z_]{1,20}$/)])('compare after upper-casing and stripping one CAP_', (name) => {
    const bare = name.toUpperCase().replace(/^CAP_/, '')
    expect(normaliseCapability(name)).toBe(bare)
    expect(normaliseCapability(`cap_${name}`)).toBe(name.toUpperCase())
  })
  test('only SYS_ADMIN and ALL, in any spelling, grant SYS_ADMIN', () => {
    for (const yes of ['SYS_ADMIN', 'sys_admin', 'CAP_SYS_ADMIN', 'Cap_Sys_Admin', 'ALL', 'all', 'CAP_ALL']) expect(grantsSysAdmin(yes)).toBe(true)
    for (const no of ['CAP_CAP_SYS_ADMIN', 'SYS_ADMIN ', 'NET_ADMIN', 'SYSADMIN', '', 'ALLX']) expect(grantsSysAdmin(no)).toBe(false)
  })
})
