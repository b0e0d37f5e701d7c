// Presenter notes on nodes. The graph file schema takes no unknown fields, so notes live in the presenter's
// own browser storage, keyed by the flow's name and the node id; they never travel with a file or a link.
import { create } from 'zustand';

export const NOTES_KEY_PREFIX = 'amqp-flow:notes:';
/** A note is a callout, not a document. */
export const MAX_NOTE_CHARS = 280;

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type Notes = Record<string, string>;

export const notesKey = (graphName: string) => NOTES_KEY_PREFIX + graphName;

/** The notes saved for a flow; anything unreadable counts as none. */
export function loadNotes(storage: StorageLike, graphName: string): Notes {
  let value: unknown;
  try {
    value = JSON.parse(storage.getItem(notesKey(graphName)) ?? '{}');
  } catch {
    return {};
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const notes: Notes = {};
  for (const [id, text] of Object.entries(value)) if (typeof text === 'string' && text.trim()) notes[id] = text.slice(0, MAX_NOTE_CHARS);
  return notes;
}

export type NoteResult = { ok: true; notes: Notes } | { ok: false; message: string };

/** Sets (or with blank text, removes) one node's note and saves the flow's notes. Too long a note changes nothing. */
export function saveNote(storage: StorageLike, graphName: string, nodeId: string, text: string): NoteResult {
  const trimmed = text.trim();
  if (trimmed.length > MAX_NOTE_CHARS) {
    return { ok: false, message: `A note may have at most ${MAX_NOTE_CHARS} characters; this one has ${trimmed.length}. Nothing was saved.` };
  }
  const notes = { ...loadNotes(storage, graphName) };
  if (trimmed) notes[nodeId] = trimmed;
  else delete notes[nodeId];
  try {
    if (Object.keys(notes).length) storage.setItem(notesKey(graphName), JSON.stringify(notes));
    else storage.removeItem(notesKey(graphName));
  } catch (err) {
    return { ok: false, message: `The note could not be saved in this browser's storage (${err instanceof Error ? err.message : String(err)}). Nothing was saved.` };
  }
  return { ok: true, notes };
}

/** The notes of the flow on screen, kept in step with storage by the presenter layer. */
export const useNotes = create<{ graphName: string; notes: Notes }>()(() => ({ graphName: '', notes: {} }));
