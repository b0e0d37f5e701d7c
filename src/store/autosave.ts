// Autosave: the document (graph + viewport) goes to localStorage shortly after each change and is
// restored on load. A save that fails validation is ignored with a notice, never trusted.
// Secrets (passwords, tokens) never go to localStorage: they are kept in sessionStorage (secretStore.ts).
import { serializeGraph } from '../graph/serialize.ts';
import { stripSecrets } from '../graph/secrets.ts';
import { writeSessionSecrets, type StorageLike as SecretStorage } from './secretStore.ts';
import { documentWithViewport, useDocument } from './documentStore.ts';
import { notify } from './noticeStore.ts';

export const AUTOSAVE_KEY = 'amqp-flow:document';
export const AUTOSAVE_DELAY_MS = 300;

export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

/** Whether a saved document waits to be restored (restoreSaved.ts restores it, with the file parser). */
export function hasSavedDocument(storage: Pick<Storage, 'getItem'>): boolean {
  try {
    return storage.getItem(AUTOSAVE_KEY) !== null;
  } catch {
    return false;
  }
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
