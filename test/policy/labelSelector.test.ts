import { describe, expect, it } from 'vitest'
import { parseLabelSelector } from '../../src/policy/labelSelector.js'

describe('parseLabelSelector', () => {
  it.each([
    ['team=a', { matchLabels: { team: 'a' } }],
    ['team==a,tier=web', { matchLabels: { team: 'a', tier: 'web' } }],
    ['env!=dev', { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev'] }] }],
    ['env in (prod, staging)', { matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'staging'] }] }],
    ['env notin (dev),team=a', { matchLabels: { team: 'a' }, matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev'] }] }],
    ['example.com/owner', { matchExpressions: [{ key: 'example.com/owner', operator: 'Exists' }] }],
    ['!legacy', { matchExpressions: [{ key: 'legacy', operator: 'DoesNotExist' }] }],
    ['a=', { matchLabels: { a: '' } }],
  ])('reads %j as kubectl does', (text, selector) => {
    expect(parseLabelSelector(text)).toEqual({ _tag: 'Right', right: selector })
  })

  it.each([
    ['a in (b', 'unbalanced parentheses'],
    ['a in ((b))', 'unbalanced parentheses'],
    ['a)', 'unbalanced parentheses'],
    ['a=b,', 'empty requirement in "a=b,"'],
    ['a=b=c', 'invalid label value "b=c"'],
    ['-a=b', 'invalid label key "-a"'],
    ['a=b c', 'cannot read requirement "a=b c"'],
    ['a=-b', 'invalid label value "-b"'],
    ['a in (b,-c)', 'invalid label value "-c"'],
    ['Bad_Prefix/a in (b)', 'invalid label key "Bad_Prefix/a"'],
    ['!-a', 'invalid label key "-a"'],
    ['a=b,a=c', 'label a asked to equal two values'],
  ])('refuses %j: %s', (text, message) => {
    expect(parseLabelSelector(text)).toEqual({ _tag: 'Left', left: message })
  })
})
