// Prints the plain closing line CI reads: "N passed, N failed" (", N skipped" when any were).
// Takes one or more vitest JSON reports (the unit suite, the kernel suite) and adds them up.
import { readFileSync } from 'node:fs'

const files = process.argv.length > 2 ? process.argv.slice(2) : ['reports/vitest.json']
let passed = 0
let failed = 0
let skipped = 0
for (const file of files) {
  let report
  try {
    report = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    // A suite that wrote no report failed to run at all: one failure, never a silent pass.
    console.log(`no test report at ${file}: ${error.message}`)
    failed += 1
    continue
  }
  const suiteErrors = report.numFailedTestSuites ?? 0
  // A file that fails to load has no failed test of its own: count it, so it cannot pass silently.
  if (suiteErrors > 0) console.log(`${file}: ${suiteErrors} test suite(s) failed`)
  // CI keeps only the end of the log: name every failure here, with the start of its message
  // (a property test's seed and counterexample are in it), so the tail alone says what broke.
  for (const result of report.testResults ?? []) {
    if (result.status === 'failed' && (result.assertionResults ?? []).every((a) => a.status !== 'failed')) {
      console.log(`FAILED FILE ${result.name}: ${excerpt(result.message)}`)
    }
    for (const assertion of result.assertionResults ?? []) {
      if (assertion.status !== 'failed') continue
      console.log(`FAILED ${result.name} > ${assertion.fullName}`)
      for (const message of assertion.failureMessages ?? []) console.log(`  ${excerpt(message)}`)
    }
  }
  passed += report.numPassedTests ?? 0
  failed += (report.numFailedTests ?? 0) || suiteErrors
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
}
function excerpt(text) {
  const lines = String(text ?? '').split('\n').filter((line) => line.trim() !== '' && !/^\s+at /.test(line))
  return lines.slice(0, 25).join('\n  ').slice(0, 4000)
}

console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
