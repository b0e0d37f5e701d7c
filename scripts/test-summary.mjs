// Adds up the Vitest and Playwright JSON reports into one closing line: "tests: N passed, N failed".
import { readFileSync, existsSync } from 'node:fs';

let passed = 0, failed = 0, skipped = 0;
const [vitestFile, playwrightFile] = process.argv.slice(2);
const read = (f) => (f && existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null);

const vitest = read(vitestFile);
if (!vitest) { console.error(`no Vitest report at ${vitestFile}`); failed++; }
else {
  passed += vitest.numPassedTests; failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
  if (vitest.numFailedTestSuites) failed += vitest.numFailedTestSuites;
}
const pw = read(playwrightFile);
if (!pw) { console.error(`no Playwright report at ${playwrightFile}`); failed++; }
else {
  passed += pw.stats.expected + pw.stats.flaky; failed += pw.stats.unexpected; skipped += pw.stats.skipped;
}
if (passed === 0) { console.error('no test ran'); failed++; }
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed ? 1 : 0);
