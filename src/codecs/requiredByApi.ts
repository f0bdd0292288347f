/**
 * Fields the API server requires but this library reads leniently.
 *
 * @packageDocumentation
 */
import * as t from 'io-ts'

/**
 * Wraps an object codec whose `fields` the API server requires, but whose absence this library
 * tolerates (it treats an absent field as unset). Decoding is unchanged; the unknown-field walk
 * reports each absent one as a `missing-field` warning, so the user learns the cluster would
 * reject the object without the library refusing to read it.
 *
 * @example
 * ```ts
 * import { RequiredByApiType, nullable } from 'no-new-privs/codecs'
 * import * as t from 'io-ts'
 * const Spec = new RequiredByApiType(t.partial({ rule: nullable(t.string) }), ['rule'], 'Spec')
 * Spec.is({}) // true: decoding stays lenient
 * ```
 * @public
 */
export class RequiredByApiType<C extends t.Any> extends t.Type<t.TypeOf<C>, t.OutputOf<C>, unknown> {
  /** Tells code that walks a codec what this wrapper is. */
  readonly _tag = 'RequiredByApiType' as const
  constructor(
    /** The object codec, which accepts the fields as optional. */
    readonly type: C,
    /** The field names the API server requires. */
    readonly fields: ReadonlyArray<string>,
    /** The API type name used in messages (e.g. `PodSecurityPolicySpec (policy/v1beta1)`). */
    readonly apiName: string,
  ) {
    super(type.name, type.is, type.validate, type.encode)
  }
}
