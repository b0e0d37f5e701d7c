// What a feature (share, record, codegen, compare, presenter, lessons, faults, …) gives the shell: its
// toolbar items, the parts it draws over the page, and its keyboard shortcuts. The shell (src/app)
// lists the features and loads each one after the first paint; see src/app/README.md.
import type { ComponentType } from 'react';

export interface Shortcut {
  /** `KeyboardEvent.key`, compared without case ("p", "F2", "Escape"). */
  key: string;
  /** Ctrl (or ⌘ on a Mac) must be down; without it, it must not be. */
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
  /** What it does, in a few words (shown in the button's title, for example). */
  description: string;
  /** Runs it; return false to let the key through to others (the browser included). */
  run: (e: KeyboardEvent) => boolean | void;
}

export interface Feature {
  /** The feature's folder name ("share", "lessons"); unique. */
  id: string;
  /** Controls of the run itself (Rewind), drawn right after Run / Stop / Step. */
  run?: readonly ComponentType[];
  /** Toolbar items (buttons, menus), drawn in the toolbar's feature slot in the shell's feature order. */
  toolbar?: readonly ComponentType[];
  /**
   * Side regions (`role="region"` with a name): drawn inside the editor's grid after the inspector;
   * each places itself with CSS (for example `grid-area: inspector` to take the inspector's column).
   */
  regions?: readonly ComponentType[];
  /** Parts drawn over the page, outside the grid: dialogs, bars, layers (inside the canvas' React Flow provider). */
  overlays?: readonly ComponentType[];
  /** Page-wide shortcuts; none fires while the user types in a field, and the editor's own keys come first. */
  shortcuts?: readonly Shortcut[];
}

/** The modifier and key state a shortcut looks at (a KeyboardEvent has them all). */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** Whether a key press is this shortcut: same key (any case), and exactly its modifiers. */
export function matchesShortcut(s: Shortcut, e: KeyPress): boolean {
  return s.key.toLowerCase() === e.key.toLowerCase() && !!s.mod === (e.ctrlKey || e.metaKey) && !!s.shift === e.shiftKey && !!s.alt === e.altKey;
}
