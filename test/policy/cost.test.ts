/**
 * An estimate of the API server's runtime CEL cost of the generated expressions, from their parsed
 * form and cel-go's cost model (checker/cost.go, interpreter/runtimecost.go): 1 per identifier,
 * field selection, `has()` and function call; a comprehension's condition and step once per
 * element of its range; `matches` ⌈0.1·len(string)⌉·⌈0.25·len(regex)⌉; list concatenation 0.1 per
 * element. The ranges are the pod's containers, or one container's added capabilities.
 */
import { describe, expect, it } from 'vitest'
import { parse } from '@bufbuild/cel'
import type { Expr } from '@bufbuild/cel-spec/cel/expr/syntax_pb.js'
import { admissionPolicies } from '../../src/policy/generate.js'

/** The shape of a pod the estimate is for. */
interface PodShape {
  readonly containers: number
  readonly capabilitiesPerContainer: number
  readonly capabilityLength: number
}

/** The API server's per-expression runtime limit (`PerCallLimit`). */
const PER_CALL_LIMIT = 1_000_000
/** The API server's budget for one binding's evaluation (`RuntimeCELCostBudget`). */
const BINDING_BUDGET = 10_000_000

function rangeSize(range: Expr | undefined, shape: PodShape): number {
  const k = range?.exprKind
  if (k?.case === 'selectExpr' && k.value.field === 'add') return shape.capabilitiesPerContainer
  // A `filter` or `map` result is no longer than the list it ranged over.
  if (k?.case === 'comprehensionExpr') return rangeSize(k.value.iterRange, shape)
  return shape.containers
}

function cost(e: Expr | undefined, shape: PodShape): number {
  if (e === undefined) return 0
  const k = e.exprKind
  switch (k.case) {
    case 'constExpr':
      return 0
    case 'identExpr':
      return 1
    case 'selectExpr':
      return 1 + cost(k.value.operand, shape)
    case 'listExpr':
      return 10 + k.value.elements.reduce((s, x) => s + cost(x, shape), 0)
    case 'structExpr':
      return 40 + k.value.entries.reduce((s, x) => s + cost(x.value, shape) + (x.keyKind.case === 'mapKey' ? cost(x.keyKind.value, shape) : 0), 0)
    case 'callExpr': {
      const args = k.value.args.reduce((s, x) => s + cost(x, shape), cost(k.value.target, shape))
      if (k.value.function === 'matches') {
        const pattern = k.value.args[0]?.exprKind
        const regex = pattern?.case === 'constExpr' && pattern.value.constantKind.case === 'stringValue' ? pattern.value.constantKind.value.length : 100
        return args + Math.ceil(0.1 * shape.capabilityLength) * Math.ceil(0.25 * regex)
      }
      // Concatenating the container lists (each operand a `has(…) ? … : []`) costs per element;
      // concatenating short strings (names in messages) costs 1.
      const isListConcat = k.value.args.some((a) => a.exprKind.case === 'callExpr' && a.exprKind.value.function === '_?_:_')
      if (k.value.function === '_+_' && isListConcat) return args + Math.ceil(0.1 * shape.containers)
      return args + 1
    }
    case 'comprehensionExpr': {
      const n = rangeSize(k.value.iterRange, shape)
      const body = cost(k.value.loopCondition, shape) + cost(k.value.loopStep, shape)
      return cost(k.value.iterRange, shape) + cost(k.value.accuInit, shape) + n * body + cost(k.value.result, shape)
    }
    default:
      return 0
  }
}

function estimate(expression: string, shape: PodShape): number {
  return cost(parse(expression).expr, shape)
}

const SHAPES: ReadonlyArray<PodShape> = [
  { containers: 3, capabilitiesPerContainer: 2, capabilityLength: 16 },
  { containers: 50, capabilitiesPerContainer: 10, capabilityLength: 20 },
  { containers: 100, capabilitiesPerContainer: 20, capabilityLength: 32 },
]

describe('the CEL cost of the generated policies', () => {
  // Every validation there is (the restricted level included), and the mutation (which the level turns off).
  for (const [semantics, restricted] of [['kubernetes', true], ['proposal', true], ['proposal', false]] as const) {
    const r = admissionPolicies({ semantics, ...(restricted ? { podSecurity: { level: 'restricted' } } : {}) })
    if (r._tag === 'Left') throw new Error(r.left.message)
    const { validatingPolicy, mutatingPolicy } = r.right
    const expressions = [
      ...(validatingPolicy.spec?.variables ?? []).map((v) => v.expression),
      ...(validatingPolicy.spec?.validations ?? []).flatMap((v) => [v.expression, v.messageExpression ?? '']),
    ].filter((e) => e !== '')
    const mutations = [
      ...(mutatingPolicy?.spec?.variables ?? []).map((v) => v.expression),
      ...(mutatingPolicy?.spec?.mutations ?? []).map((m) => m.applyConfiguration?.expression ?? ''),
    ]

    const name = `${semantics}${restricted ? ' + restricted' : ''}`
    it.each(SHAPES)(`${name}: every expression stays under the per-call limit, all of them under the budget (%j)`, (shape) => {
      const costs = expressions.map((e) => estimate(e, shape))
      const worst = Math.max(...costs, ...mutations.map((e) => estimate(e, shape)))
      const total = costs.reduce((s, c) => s + c, 0)
      const mutatingTotal = mutations.reduce((s, e) => s + estimate(e, shape), 0)
      console.log(`${name} ${JSON.stringify(shape)}: worst expression ${worst}, validating total ${total}, mutating total ${mutatingTotal}`)
      expect(worst).toBeLessThan(PER_CALL_LIMIT)
      expect(total).toBeLessThan(BINDING_BUDGET)
      expect(mutatingTotal).toBeLessThan(BINDING_BUDGET)
    })

    it(`${name}: the cost grows linearly with containers × capabilities`, () => {
      const one = expressions.map((e) => estimate(e, { containers: 10, capabilitiesPerContainer: 10, capabilityLength: 16 }))
      const ten = expressions.map((e) => estimate(e, { containers: 100, capabilitiesPerContainer: 10, capabilityLength: 16 }))
      one.forEach((c, i) => expect(ten[i] as number).toBeLessThanOrEqual(10 * c + 10))
    })
  }
})
