/**
 * How every Kubernetes object codec here is shaped: read-only, named after its API type, with
 * unknown keys kept (io-ts `type`/`partial` never strip), so decoding loses nothing and encoding
 * gives back the input.
 *
 * @packageDocumentation
 */
import * as t from 'io-ts'
import { invalidCodecMessage, nameOr, nameProblem, propsProblem, rejecting } from './invalid.js'

/**
 * What the three builders give for arguments of the wrong type (a plain-JavaScript caller's): a
 * read-only codec that rejects every value with a message naming the argument, and holds no
 * object codec (`type` is `undefined`), so nothing walking it finds fields it does not have.
 */
function invalidObject<C extends t.Mixed>(who: string, name: unknown, problem: string): t.ReadonlyC<C> {
  const bad = rejecting<t.TypeOf<t.ReadonlyC<C>>, t.OutputOf<t.ReadonlyC<C>>>(invalidCodecMessage(who, problem))
  return new t.ReadonlyType(nameOr(name), bad.is, bad.validate, bad.encode, undefined as unknown as C)
}

/**
 * An API type whose fields are all optional (`omitempty`). Pair each field with `nullable`.
 *
 * Arguments of the wrong type (a `name` that is no string, fields that are not an object of io-ts
 * codecs) throw nothing: the codec rejects every value with a message naming the argument
 * (`Invalid codec: optionalFields: props["user"] must be an io-ts codec, got a number (5) …`).
 *
 * @example
 * ```ts
 * import { optionalFields, nullable } from 'no-new-privs/codecs'
 * import * as t from 'io-ts'
 * const SELinux = optionalFields('SELinuxOptions', { user: nullable(t.string) })
 * SELinux.is({}) // true
 * ```
 * @public
 */
export function optionalFields<P extends t.Props>(name: string, props: P): t.ReadonlyC<t.PartialC<P>> {
  const problem = nameProblem(name) ?? propsProblem(props, 'props')
  if (problem !== undefined) return invalidObject('optionalFields', name, problem)
  return t.readonly(t.partial(props, name), name)
}

/**
 * An API type whose fields are all required (no `omitempty`): absent or `null` fails.
 *
 * Arguments of the wrong type (a `name` that is no string, fields that are not an object of io-ts
 * codecs) throw nothing: the codec rejects every value with a message naming the argument
 * (`Invalid codec: requiredFields: props["user"] must be an io-ts codec, got a number (5) …`).
 *
 * @example
 * ```ts
 * import { requiredFields } from 'no-new-privs/codecs'
 * import * as t from 'io-ts'
 * const Sysctl = requiredFields('Sysctl', { name: t.string, value: t.string })
 * Sysctl.is({ name: 'kernel.shm_rmid_forced' }) // false
 * ```
 * @public
 */
export function requiredFields<P extends t.Props>(name: string, props: P): t.ReadonlyC<t.TypeC<P>> {
  const problem = nameProblem(name) ?? propsProblem(props, 'props')
  if (problem !== undefined) return invalidObject('requiredFields', name, problem)
  return t.readonly(t.type(props, name), name)
}

/**
 * An API type with both required and optional fields.
 *
 * Arguments of the wrong type (a `name` that is no string, fields that are not an object of io-ts
 * codecs) throw nothing: the codec rejects every value with a message naming the argument
 * (`Invalid codec: mixedFields: optional["user"] must be an io-ts codec, got a number (5) …`).
 *
 * @example
 * ```ts
 * import { mixedFields, nullable } from 'no-new-privs/codecs'
 * import * as t from 'io-ts'
 * const Profile = mixedFields('SeccompProfile', { type: t.string }, { localhostProfile: nullable(t.string) })
 * Profile.is({ type: 'RuntimeDefault' }) // true
 * ```
 * @public
 */
export function mixedFields<R extends t.Props, P extends t.Props>(
  name: string,
  required: R,
  optional: P,
): t.ReadonlyC<t.IntersectionC<[t.TypeC<R>, t.PartialC<P>]>> {
  const problem = nameProblem(name) ?? propsProblem(required, 'required') ?? propsProblem(optional, 'optional')
  if (problem !== undefined) return invalidObject('mixedFields', name, problem)
  const members: [t.TypeC<R>, t.PartialC<P>] = [t.type(required, name), t.partial(optional, name)]
  const merged = t.intersection(members, name)
  // io-ts encodes an intersection by copying every key onto a new object, so a `__proto__` key
  // kept from the input would set the copy's prototype. When neither part changes a value (true
  // of every codec here), encoding is the identity, as it already is for `t.type`/`t.partial`.
  const identity = members.every((m) => m.encode === t.identity)
  const intersection = identity ? new t.IntersectionType(name, merged.is, merged.validate, t.identity, members) : merged
  return t.readonly(intersection, name)
}
