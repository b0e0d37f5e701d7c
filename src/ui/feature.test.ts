import { describe, expect, it } from 'vitest';
import { matchesShortcut, type KeyPress, type Shortcut } from './feature.ts';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
const openLessons: Shortcut = { key: 'l', mod: true, shift: true, description: 'Open the lessons', run: () => {} };

describe('feature shortcuts', () => {
  it('match their key in any case with Ctrl or ⌘ when asked for', () => {
    expect(matchesShortcut(openLessons, press('L', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matchesShortcut(openLessons, press('l', { metaKey: true, shiftKey: true }))).toBe(true);
  });

  it('need exactly their modifiers', () => {
    expect(matchesShortcut(openLessons, press('l', { ctrlKey: true }))).toBe(false);
    expect(matchesShortcut(openLessons, press('l', { shiftKey: true }))).toBe(false);
    expect(matchesShortcut(openLessons, press('l', { ctrlKey: true, shiftKey: true, altKey: true }))).toBe(false);
    expect(matchesShortcut({ key: 'F2', description: 'x', run: () => {} }, press('F2', { ctrlKey: true }))).toBe(false);
    expect(matchesShortcut({ key: 'F2', description: 'x', run: () => {} }, press('f2'))).toBe(true);
  });

  it('do not match another key', () => {
    expect(matchesShortcut(openLessons, press('k', { ctrlKey: true, shiftKey: true }))).toBe(false);
  });
});
