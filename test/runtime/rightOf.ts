/**
 * Test helper: the value of a writer's `Right`, failing the test with the errors of a `Left`.
 * Why: the writers return an Either; the examples and properties over well-typed decisions
 * expect a Right, and a Left there is a bug worth its messages.
 */
import * as E from 'fp-ts/lib/Either.js'

export function rightOf<A>(either: E.Either<ReadonlyArray<{ readonly message: string }>, A>): A {
  if (E.isLeft(either)) throw new Error(`expected a Right, got: ${either.left.map((e) => e.message).join('; ')}`)
  return either.right
}
