// Export and import of the `*.amqpflow.json` file: export gives the document with its viewport;
// import never trusts the file, and a refused file changes nothing and lists every problem.
import { MAX_FILE_BYTES } from '../graph/limits.ts';
import { serializeGraph } from '../graph/serialize.ts';
import { stripSecrets } from '../graph/secrets.ts';
import { documentWithViewport, useDocument } from './documentStore.ts';
import { describeProblem, notify } from './noticeStore.ts';
import { replaceDocument } from './actions.ts';

export const FILE_SUFFIX = '.amqpflow.json';

/** The flow's name made safe as a file name (slashes, colons and the like become dashes). */
export function exportFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/^[\s.]+|[\s.]+$/g, '');
  return `${safe || 'flow'}${FILE_SUFFIX}`;
}

/** Where the document holds secrets ("<nodeId>.<field>"), which Export leaves out unless asked. */
export const documentSecrets = (): string[] => stripSecrets(documentWithViewport()).removed;

/** The document with its view, as the text and file name Export saves (the page does the download); secrets left out unless asked. */
export function exportedDocument(opts: { includeSecrets?: boolean } = {}): { name: string; text: string } {
  const whole = documentWithViewport();
  const graph = opts.includeSecrets ? whole : stripSecrets(whole).graph;
  return { name: exportFileName(graph.name), text: serializeGraph(graph) };
}

/** Imports file text as one undo step; returns whether it was imported. The file parser loads with the first import. */
export async function importText(text: string, fileName: string): Promise<boolean> {
  const { parseGraphFile } = await import('../graph/file.ts');
  const parsed = parseGraphFile(text);
  if (!parsed.ok) {
    const n = parsed.problems.length;
    notify('error', `"${fileName}" was not imported: ${n} problem${n === 1 ? '' : 's'} found. The flow is unchanged.`, parsed.problems.map(describeProblem));
    return false;
  }
  replaceDocument(parsed.graph, parsed.graph.viewport);
  const { graph } = useDocument.getState();
  notify('info', `Imported "${graph.name}" from ${fileName} (${graph.nodes.length} nodes, ${graph.edges.length} edges). Undo brings back the previous flow.`);
  return true;
}

export async function importFile(file: File): Promise<boolean> {
  if (file.size > MAX_FILE_BYTES) {
    notify('error', `"${file.name}" was not imported: it is ${file.size} bytes, more than the ${MAX_FILE_BYTES} a flow file may have. The flow is unchanged.`);
    return false;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    notify('error', `"${file.name}" could not be read. The flow is unchanged.`, [String(err)]);
    return false;
  }
  return importText(text, file.name);
}
