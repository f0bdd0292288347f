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
  if (suiteErrors > 0) console.log(`${file}: ${suiteErrors} test file(s) failed to run`)
  passed += report.numPassedTests ?? 0
  failed += (report.numFailedTests ?? 0) || suiteErrors
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
}
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
