import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { SpooledValues } from '../../src/cli/format/spool.js'

describe('SpooledValues: values held as JSON lines, in memory or in a temporary file', () => {
  test.prop([fc.array(fc.jsonValue(), { maxLength: 40 }), fc.integer({ min: 1, max: 200 })])('gives back every value in order, whatever the limit', (values, limit) => {
    const spool = new SpooledValues<unknown>(limit)
    for (const v of values) spool.push(v)
    expect(spool.length).toBe(values.length)
    const out: unknown[] = []
    spool.drain((v) => out.push(v))
    // JSON has no -0: what comes back is what JSON.parse reads of it.
    expect(out).toEqual(values.map((v) => JSON.parse(JSON.stringify(v)) as unknown))
    expect(spool.length).toBe(0)
    expect(spool.onDisk).toBe(false)
  })

  test('moves to a file past its limit, and values with line breaks and multi-byte text survive the 64 KiB read-back', () => {
    const spool = new SpooledValues<{ message: string }>(1024)
    const message = `é\n${'界'.repeat(70_000)}\u2028`
    spool.push({ message })
    spool.push({ message: 'second' })
    expect(spool.onDisk).toBe(true)
    const out: Array<{ message: string }> = []
    spool.drain((v) => out.push(v))
    expect(out).toEqual([{ message }, { message: 'second' }])
  })
})
