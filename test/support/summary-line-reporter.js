// Prints one plain closing line ("Tests: N passed, N failed, N skipped") that CI reads as the verdict.
class SummaryLineReporter {
  onRunComplete(_contexts, results) {
    const line = `Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests + results.numTodoTests} skipped`;
    process.stdout.write(`\n${line}\n`);
  }
}
module.exports = SummaryLineReporter;
