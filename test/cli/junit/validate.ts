/**
 * The JUnit report read as a CI server reads it: well-formed XML (fast-xml-parser's validator),
 * valid against the shape the common tools read (junit.xsd beside this file, by libxml2's
 * xmllint compiled to WebAssembly), and parsed into plain objects to compare.
 */
import { readFileSync } from 'node:fs'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { validateXML } from 'xmllint-wasm'

const XSD = readFileSync(new URL('./junit.xsd', import.meta.url), 'utf8')

/** Every reason the report would be refused: not well-formed, or not of the schema's shape. */
export async function junitProblems(xml: string): Promise<string[]> {
  const wellFormed = XMLValidator.validate(xml)
  if (wellFormed !== true) return [`not well-formed: ${wellFormed.err.msg} (line ${wellFormed.err.line})`]
  const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [{ fileName: 'junit.xsd', contents: XSD }] })
  return result.errors.map((e) => e.rawMessage)
}

export interface JunitCase {
  readonly name: string
  readonly classname: string
  readonly file?: string
  readonly line?: string
  readonly failure?: JunitProblem
  readonly error?: JunitProblem
  readonly skipped?: { readonly message: string }
  readonly 'system-out'?: string
}
export interface JunitProblem {
  readonly type: string
  readonly message: string
  readonly '#text'?: string
}
export interface JunitSuite {
  readonly name: string
  readonly tests: string
  readonly failures: string
  readonly errors: string
  readonly skipped: string
  readonly properties: { readonly property: ReadonlyArray<{ readonly name: string; readonly value: string }> }
  readonly testcase: ReadonlyArray<JunitCase>
  readonly 'system-err'?: string
}
export interface JunitReport {
  readonly testsuites: { readonly name: string; readonly tests: string; readonly failures: string; readonly errors: string; readonly skipped: string; readonly testsuite: ReadonlyArray<JunitSuite> }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  // Entities and character references (`&#10;`: fast-xml-parser decodes those with its HTML
  // set) decoded as any XML reader decodes them.
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => name === 'testsuite' || name === 'testcase' || name === 'property',
})

/** The report as objects: attributes as strings, every suite, case and property an array. */
export function parseJunit(xml: string): JunitReport {
  return parser.parse(xml) as JunitReport
}
