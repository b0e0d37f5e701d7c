// Autosave: the document (graph + viewport) goes to localStorage shortly after each change and is
// restored on load. A save that fails validation is ignored with a notice, never trusted.
// Secrets (passwords, tokens) never go to localStorage: they are kept in sessionStorage (secretStore.ts).
import { parseGraphFile, serializeGraph } from '../graph/file.ts';
import { restoreSecrets, stripSecrets } from '../graph/secrets.ts';
import { readSessionSecrets, writeSessionSecrets, type StorageLike as SecretStorage } from './secretStore.ts';
import { documentWithViewport, loadDocument, useDocument } from './documentStore.ts';
import { describeProblem, notify } from './noticeStore.ts';

export const AUTOSAVE_KEY = 'amqp-flow:document';
export const AUTOSAVE_DELAY_MS = 300;

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

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

/** Saves after every change of graph or viewport, debounced; returns a function that stops saving. */
export function startAutosave(storage: StorageLike, delayMs = AUTOSAVE_DELAY_MS, secretStorage?: SecretStorage): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failedOnce = false;
  const save = () => {
    timer = undefined;
    try {
      const { graph, secrets } = stripSecrets(documentWithViewport());
      writeSessionSecrets(secretStorage, secrets);
      storage.setItem(AUTOSAVE_KEY, serializeGraph(graph));
    } catch (err) {
      if (!failedOnce) {
        failedOnce = true;
        notify('warning', 'Autosave failed: the browser refused to store the document.', [String(err)]);
      }
    }
  };
  const flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      save();
    }
  };
  const unsubscribe = useDocument.subscribe((s, prev) => {
    // Moves inside a gesture (a drag) don't schedule saves; the gesture's end saves its result once.
    if (s.gestureStart) return;
    const gestureEnded = prev.gestureStart !== null;
    if (!gestureEnded && s.graph === prev.graph && s.viewport === prev.viewport) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  });
  // A reload right after an edit must not lose it.
  const onHide = () => flush();
  if (typeof window !== 'undefined') window.addEventListener('pagehide', onHide);
  return () => {
    flush();
    unsubscribe();
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', onHide);
  };
}
