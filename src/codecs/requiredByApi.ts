/**
 * Fields the API server requires but this library reads leniently.
 *
 * @packageDocumentation
 */
import * as t from 'io-ts'
import { invalidCodecMessage, isCodec, mustBe, nameOr, rejecting, stringsProblem } from './invalid.js'

/**
 * Wraps an object codec whose `fields` the API server requires, but whose absence this library
 * tolerates (it treats an absent field as unset). Decoding is unchanged; the unknown-field walk
 * reports each absent one as a `missing-field` warning, so the user learns the cluster would
 * reject the object without the library refusing to read it.
 *
 * Arguments of the wrong type (a `type` that is no io-ts codec, `fields` that are not an array of
 * strings, an `apiName` that is no string) throw nothing: the codec rejects every value with a
 * message naming the argument (`Invalid codec: RequiredByApiType: fields must be an array of
 * strings, got a string ("rule") …`), holds no codec (`type` is `undefined`) and no fields.
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
  /** The object codec, which accepts the fields as optional (`undefined` when the one given was no codec). */
  readonly type: C
  /** The field names the API server requires. */
  readonly fields: ReadonlyArray<string>
  /** The API type name used in messages (e.g. `PodSecurityPolicySpec (policy/v1beta1)`). */
  readonly apiName: string
  constructor(type: C, fields: ReadonlyArray<string>, apiName: string) {
    const problem =
      (isCodec(type) ? undefined : mustBe('type', 'an io-ts codec', type)) ??
      stringsProblem(fields, 'fields') ??
      (typeof apiName === 'string' ? undefined : mustBe('apiName', 'a string', apiName))
    if (problem !== undefined) {
      const bad = rejecting<t.TypeOf<C>, t.OutputOf<C>>(invalidCodecMessage('RequiredByApiType', problem))
      super(isCodec(type) ? type.name : nameOr(apiName), bad.is, bad.validate, bad.encode)
      this.type = undefined as unknown as C
      this.fields = []
      this.apiName = nameOr(apiName)
      return
    }
    super(type.name, type.is, type.validate, type.encode)
    this.type = type
    // A copy: the walk reads the fields long after the codec is built.
    this.fields = [...fields]
    this.apiName = apiName
  }
}
