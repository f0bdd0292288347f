// Prints the plain closing line CI reads: "N passed, N failed" (", N skipped" when any were).
import { readFileSync } from 'node:fs'

const file = process.argv[2] ?? 'reports/vitest.json'
let report
try {
  report = JSON.parse(readFileSync(file, 'utf8'))
} catch (error) {
  console.log(`no test report at ${file}: ${error.message}`)
  console.log('0 passed, 1 failed')
  process.exit(1)
}
const passed = report.numPassedTests ?? 0
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
const suiteErrors = report.numFailedTestSuites ?? 0
// A file that fails to load has no failed test of its own: count it, so it cannot pass silently.
const failed = (report.numFailedTests ?? 0) || suiteErrors
if (suiteErrors > 0) console.log(`${suiteErrors} test file(s) failed to run`)
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
