// The props reference as a Markdown table, generated from PROP_DOCS so the README cannot drift from the Inspector.
import { KIND_LABEL, PROP_DOCS } from './defaults.ts';
import { propHelp } from './propHelp.ts';
import { NODE_KINDS } from './types.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function propsTableMarkdown(): string {
  const rows = ['| kind | prop | type | default | meaning |', '|---|---|---|---|---|'];
  for (const kind of NODE_KINDS) {
    for (const doc of PROP_DOCS[kind] as readonly { field: string; type: string; options?: string[]; default?: unknown }[]) {
      const type = doc.type === 'enum' && doc.options ? doc.options.map((o) => `"${o}"`).join(' | ') : doc.type;
      const fallback = doc.default === undefined ? '' : `\`${JSON.stringify(doc.default)}\``;
      rows.push(`| ${KIND_LABEL[kind]} | \`${doc.field}\` | ${cell(type)} | ${cell(fallback)} | ${cell(propHelp(kind, doc.field))} |`);
    }
  }
  return `${rows.join('\n')}\n`;
}
