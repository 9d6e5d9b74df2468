// Ends every test run with one plain line that CI logs and humans can grep: "N passed, N failed".
// Jest prints its own summary after the reporters' onRunComplete, so the line is written when the process exits.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `\n${results.numPassedTests} passed, ${failed} failed\n`;
    process.once('exit', () => process.stderr.write(line));
  }
}
module.exports = SummaryReporter;
