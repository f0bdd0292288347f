/**
 * The eemeli/yaml options of the exact reader, shared with the fast reader so that both resolve
 * plain scalars from the very same tag list.
 *
 * @packageDocumentation
 */
import type { DocumentOptions, ParseOptions, SchemaOptions } from 'yaml'
import { kubectlTags } from './kubectlTags.js'

/**
 * How the exact reader composes a document: YAML 1.1 with kubectl's tags.
 *
 * `schema` as well as `version`: a `%YAML 1.2` directive must not switch a document to YAML 1.2
 * booleans, since kubectl reads 1.1 whatever the directive says.
 *
 * @example
 * new Composer(YAML_OPTIONS)
 */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  schema: 'yaml-1.1',
  // `false`: eemeli/yaml's merge is the YAML 1.1 spec's; kubectlTags puts kubectl's in its place.
  merge: false,
  // Duplicate keys are found by `duplicateKeyErrors` in linear time; eemeli/yaml's check is quadratic.
  uniqueKeys: false,
  resolveKnownTags: false,
  customTags: kubectlTags,
  logLevel: 'error',
}
