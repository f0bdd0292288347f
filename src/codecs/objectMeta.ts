/**
 * `metadata` (meta/v1 `ObjectMeta`): every field named, typed as deep as this library needs.
 *
 * @packageDocumentation
 */
import * as t from 'io-ts'
import { optionalFields } from './object.js'
import { int64, nullable, stringList, stringMap } from './primitives.js'

/**
 * One entry of `metadata.ownerReferences`. All fields are optional here: ownership plays no
 * part in `no_new_privs`, so an incomplete reference is not worth failing a document over.
 *
 * @example
 * ```ts
 * import { OwnerReference } from 'no-new-privs/codecs'
 * OwnerReference.is({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d8', uid: 'd9607e19' }) // true
 * ```
 * @public
 */
export const OwnerReference = optionalFields('OwnerReference', {
  apiVersion: nullable(t.string),
  kind: nullable(t.string),
  name: nullable(t.string),
  uid: nullable(t.string),
  controller: nullable(t.boolean),
  blockOwnerDeletion: nullable(t.boolean),
})

/**
 * `metadata`: every field of meta/v1 `ObjectMeta`. Timestamps stay strings (kubectl writes
 * `creationTimestamp: null`, which decodes as unset); `managedFields` entries are kept as they are.
 *
 * @example
 * ```ts
 * import { ObjectMeta } from 'no-new-privs/codecs'
 * ObjectMeta.is({ name: 'web', namespace: 'default', labels: { app: 'web' } }) // true
 * ```
 * @public
 */
export const ObjectMeta = optionalFields('ObjectMeta', {
  name: nullable(t.string),
  generateName: nullable(t.string),
  namespace: nullable(t.string),
  selfLink: nullable(t.string),
  uid: nullable(t.string),
  resourceVersion: nullable(t.string),
  generation: nullable(int64),
  creationTimestamp: nullable(t.string),
  deletionTimestamp: nullable(t.string),
  deletionGracePeriodSeconds: nullable(int64),
  labels: nullable(stringMap),
  annotations: nullable(stringMap),
  ownerReferences: nullable(t.readonlyArray(OwnerReference, '[]OwnerReference')),
  finalizers: nullable(stringList),
  managedFields: nullable(t.readonlyArray(t.unknown, '[]ManagedFieldsEntry')),
})

// The decoded types, each named as its codec (io-ts style), so one import brings both.
/** The decoded `OwnerReference`. @public */
export type OwnerReference = t.TypeOf<typeof OwnerReference>
/** The decoded `ObjectMeta`. @public */
export type ObjectMeta = t.TypeOf<typeof ObjectMeta>
