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
  // a file that failed without a failing test (it did not load, or a hook threw) counts once; a file
  // with failing tests is already counted by them
  failed += vitest.testResults.filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed')).length;
}
const pw = read(playwrightFile);
if (!pw) { console.error(`no Playwright report at ${playwrightFile}`); failed++; }
else {
  passed += pw.stats.expected + pw.stats.flaky; failed += pw.stats.unexpected; skipped += pw.stats.skipped;
}
if (passed === 0) { console.error('no test ran'); failed++; }
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed ? 1 : 0);
