import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { propsTableMarkdown } from './propsTable.ts';

describe('the props table', () => {
  it('in the README is the one PROP_DOCS generates', () => {
    const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
    expect(readme).toContain(propsTableMarkdown());
  });

  it('has one row per documented prop, with every default shown', () => {
    const table = propsTableMarkdown();
    expect(table).toContain('| Receiver | `creditWindow` | integer | `10` |');
    expect(table).toContain('| Sender | `sndSettleMode` | "unsettled" \\| "settled" \\| "mixed" | `"mixed"` |');
    expect(table.trim().split('\n')).toHaveLength(2 + 10 + 2 + 3 + 8 + 14);
  });
});
