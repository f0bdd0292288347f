/**
 * How every Kubernetes object codec here is shaped: read-only, named after its API type, with
 * unknown keys kept (io-ts `type`/`partial` never strip), so decoding loses nothing and encoding
 * gives back the input.
 *
 * @packageDocumentation
 */
import * as t from 'io-ts'

/**
 * An API type whose fields are all optional (`omitempty`). Pair each field with `nullable`.
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
  return t.readonly(t.partial(props, name), name)
}

/**
 * An API type whose fields are all required (no `omitempty`): absent or `null` fails.
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
  return t.readonly(t.type(props, name), name)
}

/**
 * An API type with both required and optional fields.
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
  const members: [t.TypeC<R>, t.PartialC<P>] = [t.type(required, name), t.partial(optional, name)]
  const merged = t.intersection(members, name)
  // io-ts encodes an intersection by copying every key onto a new object, so a `__proto__` key
  // kept from the input would set the copy's prototype. When neither part changes a value (true
  // of every codec here), encoding is the identity, as it already is for `t.type`/`t.partial`.
  const identity = members.every((m) => m.encode === t.identity)
  const intersection = identity ? new t.IntersectionType(name, merged.is, merged.validate, t.identity, members) : merged
  return t.readonly(intersection, name)
}
