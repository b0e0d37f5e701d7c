// JUnit XML for `amqp-flow test --junit`: one testcase per flow, failures with the unmet expectations.

export interface FlowReport {
  file: string;
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  /** seconds */
  time: number;
  /** failed expectations or problems, one per line; the skip reason for a skipped flow */
  details: string[];
}

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\p{Cc}/gu, (c) => (c === '\n' || c === '\t' ? c : ''));

export function junitXml(reports: readonly FlowReport[], suiteName = 'amqp-flow test'): string {
  const failures = reports.filter((r) => r.status === 'failed').length;
  const skipped = reports.filter((r) => r.status === 'skipped').length;
  const time = reports.reduce((t, r) => t + r.time, 0).toFixed(3);
  const cases = reports.map((r) => {
    const open = `    <testcase classname="${xml(r.file)}" name="${xml(r.name)}" time="${r.time.toFixed(3)}"`;
    if (r.status === 'passed') return `${open}/>`;
    if (r.status === 'skipped') return `${open}>\n      <skipped message="${xml(r.details.join('; '))}"/>\n    </testcase>`;
    const message = r.details[0] ?? 'failed';
    return `${open}>\n      <failure message="${xml(message)}">${xml(r.details.join('\n'))}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(suiteName)}" tests="${reports.length}" failures="${failures}" skipped="${skipped}" time="${time}">`,
    `  <testsuite name="${xml(suiteName)}" tests="${reports.length}" failures="${failures}" skipped="${skipped}" errors="0" time="${time}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
