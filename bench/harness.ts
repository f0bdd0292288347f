/**
 * Measuring, the same way for every figure: mitata's `measure` (warm-up, many samples, the
 * machine's timer), batched bodies (one call processes a whole batch, so per-item times are far
 * above timer noise), a checksum of every batch kept (`do_not_optimize`) so nothing is dead code,
 * and every ratio taken between runs interleaved in the same process, round after round, so a
 * change in the machine's load hits both sides.
 *
 * @packageDocumentation
 */
import { do_not_optimize, measure } from 'mitata'

/** Median and spread of one side of a figure, per item (ns, or the figure's unit). */
export interface Spread {
  readonly median: number
  readonly p25: number
  readonly p75: number
  readonly min: number
  readonly max: number
  readonly samples: number
}

/** A batch body: does the work for every item of its batch and returns a checksum. */
export type Body = () => number

function spreadOf(values: ReadonlyArray<number>): Spread {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))] as number
  return { median: at(0.5), p25: at(0.25), p75: at(0.75), min: sorted[0] as number, max: sorted[sorted.length - 1] as number, samples: sorted.length }
}

/** Options of a comparison. */
export interface CompareOptions {
  /** Items per batch: results are per item. */
  readonly items: number
  /** Interleaved rounds (each measures every side once). */
  readonly rounds: number
  /** mitata's minimum CPU time per measurement, ms. */
  readonly minMs: number
  /** mitata's sample bounds per measurement. */
  readonly minSamples?: number
  readonly maxSamples?: number
  /** Warm-up runs before each measurement (default 2). */
  readonly warmup?: number
}

/** One side's per-item time in every round, and the per-round ratios to the reference. */
export interface Comparison {
  readonly sides: Readonly<Record<string, Spread>>
  /** Ratio of each side to `reference`, per round: median and spread. */
  readonly ratios: Readonly<Record<string, Spread>>
  /** Every side's per-item time, round by round, for ratios between any two sides. */
  readonly rounds: Readonly<Record<string, ReadonlyArray<number>>>
}

/** `a / b` round by round: median and spread. */
export function ratioOf(c: Comparison, a: string, b: string): Spread {
  const x = c.rounds[a] ?? []
  const y = c.rounds[b] ?? []
  return spreadOf(x.map((v, i) => v / (y[i] as number)))
}

let sink = 0

/**
 * Measures every side in `rounds` interleaved rounds; each round's median per-item time of each
 * side, and each side's ratio to the first side (the reference) in the same round.
 */
export async function compare(sides: ReadonlyArray<readonly [string, Body]>, options: CompareOptions): Promise<Comparison> {
  const perRound = new Map<string, number[]>(sides.map(([name]) => [name, []]))
  for (let round = 0; round < options.rounds; round++) {
    for (const [name, body] of sides) {
      globalThis.gc?.()
      const stats = await measure(
        () => {
          const checksum = body()
          sink ^= checksum
          do_not_optimize(checksum)
        },
        {
          min_cpu_time: options.minMs * 1e6,
          min_samples: options.minSamples ?? 5,
          max_samples: options.maxSamples ?? 200,
          warmup_samples: options.warmup ?? 2,
          batch_samples: 1,
          batch_unroll: 1,
        },
      )
      ;(perRound.get(name) as number[]).push(stats.p50 / options.items)
    }
  }
  const reference = perRound.get((sides[0] as readonly [string, Body])[0]) as number[]
  const sidesOut: Record<string, Spread> = {}
  const ratios: Record<string, Spread> = {}
  for (const [name, values] of perRound) {
    sidesOut[name] = spreadOf(values)
    ratios[name] = spreadOf(values.map((v, i) => v / (reference[i] as number)))
  }
  return { sides: sidesOut, ratios, rounds: Object.fromEntries(perRound) }
}

/** Keeps the checksums alive past the last measurement. */
export function checksum(): number {
  return sink
}
