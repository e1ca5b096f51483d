import { writeFileSync } from 'node:fs';

function countSuite(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites ?? []) countSuite(child, totals);
}

/**
 * Counts every test of every browser and prints `N passed, N failed, N skipped` as the last line. A test file that
 * fails to load counts as one failure. With WTR_SUMMARY_FILE set, the counts are also written there as JSON for
 * test/support/run-all.mjs to add up.
 */
export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        if (session.testResults) countSuite(session.testResults, totals);
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.failed += 1;
      }
      if (process.env.WTR_SUMMARY_FILE) writeFileSync(process.env.WTR_SUMMARY_FILE, JSON.stringify(totals));
      process.stdout.write(`\nbrowser tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
    },
  };
}
