// The page's keyboard map: the editor's shortcuts, then the features' (src/ui/feature.ts); none fire
// while typing in a field.
import { useEffect } from 'react';
import { redo, selectAll, setSelection, undo } from '../store/documentStore.ts';
import { copySelection, deleteSelection, duplicateSelection, paste } from '../store/actions.ts';
import { matchesShortcut, type Shortcut } from '../ui/feature.ts';
import { useFeatures } from './features.ts';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('.nokey')) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'range', 'color', 'file'].includes(type);
}

export function handleEditorKey(e: KeyboardEvent): boolean {
  if (isTyping(e.target)) return false;
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && !e.altKey) {
    switch (key) {
      case 'z':
        if (e.shiftKey) redo();
        else undo();
        return true;
      case 'y':
        redo();
        return true;
      case 'c':
        return copySelection();
      case 'v':
        return paste();
      case 'd':
        duplicateSelection();
        return true; // never the browser's bookmark dialog
      case 'a':
        selectAll();
        return true;
      default:
        return false;
    }
  }
  if (!mod && !e.altKey && (e.key === 'Delete' || e.key === 'Backspace')) {
    deleteSelection();
    return true;
  }
  if (e.key === 'Escape') {
    setSelection({ nodes: [], edges: [] });
    return false;
  }
  return false;
}

/** The first feature shortcut matching the key runs; returns whether one took it. */
export function handleFeatureKey(e: KeyboardEvent, shortcuts: readonly Shortcut[]): boolean {
  if (isTyping(e.target)) return false;
  for (const s of shortcuts) {
    if (matchesShortcut(s, e) && s.run(e) !== false) return true;
  }
  return false;
}

export function useEditorKeys() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const shortcuts = useFeatures.getState().list.flatMap((f) => f.shortcuts ?? []);
      if (handleEditorKey(e) || handleFeatureKey(e, shortcuts)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
