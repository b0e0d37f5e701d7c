// Reading and importing a flow file (Import, a dropped file): loaded with the first import, with the
// file parser. A refused file changes nothing and lists every problem.
import { parseGraphFile } from '../graph/file.ts';
import { MAX_FILE_BYTES } from '../graph/limits.ts';
import { replaceDocument } from './actions.ts';
import { useDocument } from './documentStore.ts';
import { describeProblem, notify } from './noticeStore.ts';

/** Parses file text and, unless another flow was picked meanwhile, puts it in as one undo step. */
export function importParsed(text: string, fileName: string, isNewest: () => boolean): boolean {
  const parsed = parseGraphFile(text);
  if (!parsed.ok) {
    const n = parsed.problems.length;
    notify('error', `"${fileName}" was not imported: ${n} problem${n === 1 ? '' : 's'} found. The flow is unchanged.`, parsed.problems.map(describeProblem));
    return false;
  }
  if (!isNewest()) return false;
  replaceDocument(parsed.graph, parsed.graph.viewport);
  const { graph } = useDocument.getState();
  notify('info', `Imported "${graph.name}" from ${fileName} (${graph.nodes.length} nodes, ${graph.edges.length} edges). Undo brings back the previous flow.`);
  return true;
}

export async function readAndImport(file: File, isNewest: () => boolean): Promise<boolean> {
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
  return importParsed(text, file.name, isNewest);
}
