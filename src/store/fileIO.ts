// Export and import of the `*.amqpflow.json` file: export gives the document with its viewport;
// import never trusts the file, and a refused file changes nothing and lists every problem.
import { serializeGraph } from '../graph/serialize.ts';
import { stripSecrets } from '../graph/secrets.ts';
import { documentWithViewport } from './documentStore.ts';
import { notify } from './noticeStore.ts';
import { loadFlow } from './flowLoad.ts';

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

/** Imports file text as one undo step; returns whether it was imported. Run pressed meanwhile waits for it. */
export const importText = (text: string, fileName: string): Promise<boolean> => loadFlow(fileName, (isNewest) => withReader(fileName, (r) => r.importParsed(text, fileName, isNewest)));

/** Reads and imports a file as one undo step; returns whether it was imported. Run pressed meanwhile waits for it. */
export const importFile = (file: File): Promise<boolean> => loadFlow(file.name, (isNewest) => withReader(file.name, (r) => r.readAndImport(file, isNewest)));

/** The file reader and parser load with the first import (they are not in the first bundle). */
async function withReader(fileName: string, use: (reader: typeof import('./importFlow.ts')) => boolean | Promise<boolean>): Promise<boolean> {
  let reader: typeof import('./importFlow.ts');
  try {
    reader = await import('./importFlow.ts');
  } catch (err) {
    notify('error', `"${fileName}" was not imported: the file reader could not be loaded. The flow is unchanged.`, [String(err)]);
    return false;
  }
  return use(reader);
}
