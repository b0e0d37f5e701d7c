// Restoring the autosaved document on load. Apart from autosave.ts because it needs the file parser
// (and its schema library): the page loads this only when there is a saved document to restore.
import { parseGraphFile } from '../graph/file.ts';
import { restoreSecrets } from '../graph/secrets.ts';
import { AUTOSAVE_KEY, type StorageLike } from './autosave.ts';
import { readSessionSecrets, type StorageLike as SecretStorage } from './secretStore.ts';
import { loadDocument } from './documentStore.ts';
import { describeProblem, notify } from './noticeStore.ts';

/** Restores the saved document, if any; returns whether one was restored. */
export function restoreSaved(storage: StorageLike, secretStorage?: SecretStorage): boolean {
  let text: string | null;
  try {
    text = storage.getItem(AUTOSAVE_KEY);
  } catch {
    return false;
  }
  if (text === null) return false;
  const parsed = parseGraphFile(text);
  if (!parsed.ok) {
    notify(
      'warning',
      'The autosaved document could not be restored, so the editor started empty.',
      parsed.problems.map(describeProblem),
    );
    return false;
  }
  loadDocument(restoreSecrets(parsed.graph, readSessionSecrets(secretStorage)));
  return true;
}
