import { describe, expect, it } from 'vitest';
import { junitXml } from './junit.ts';

describe('the JUnit report', () => {
  it('has one testcase per flow, with failures and skips carrying their reasons, text escaped', () => {
    const xml = junitXml([
      { file: 'a.amqpflow.json', name: 'Send & receive', status: 'passed', time: 0.5, details: [] },
      { file: 'b.amqpflow.json', name: 'Too <much>', status: 'failed', time: 1.25, details: ['rx1 received = 6: 5 received', 'rx1 bodies (6): "x"'] },
      { file: 'c.amqpflow.json', name: 'Dynamic', status: 'skipped', time: 0.1, details: ['embedded broker only: no dynamic receivers\u0007'] },
    ]);
    expect(xml.split('\n')).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="amqp-flow test" tests="3" failures="1" skipped="1" time="1.850">',
      '  <testsuite name="amqp-flow test" tests="3" failures="1" skipped="1" errors="0" time="1.850">',
      '    <testcase classname="a.amqpflow.json" name="Send &amp; receive" time="0.500"/>',
      '    <testcase classname="b.amqpflow.json" name="Too &lt;much&gt;" time="1.250">',
      '      <failure message="rx1 received = 6: 5 received">rx1 received = 6: 5 received',
      'rx1 bodies (6): &quot;x&quot;</failure>',
      '    </testcase>',
      '    <testcase classname="c.amqpflow.json" name="Dynamic" time="0.100">',
      '      <skipped message="embedded broker only: no dynamic receivers"/>',
      '    </testcase>',
      '  </testsuite>',
      '</testsuites>',
      '',
    ]);
  });
});
