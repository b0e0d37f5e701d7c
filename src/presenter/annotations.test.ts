import { describe, expect, it } from 'vitest';
import { MAX_NOTE_CHARS, loadNotes, notesKey, saveNote, type StorageLike } from './annotations.ts';
import { embedRecordingUrl, isEmbed } from './mode.ts';

class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

describe('presenter notes', () => {
  it('keeps a note per flow name and node id, so two flows with the same node ids do not share notes', () => {
    const storage = new MemoryStorage();
    expect(saveNote(storage, 'Hello', 'c1', '  Opens the socket  ')).toEqual({ ok: true, notes: { c1: 'Opens the socket' } });
    saveNote(storage, 'Other flow', 'c1', 'Another note');
    expect(loadNotes(storage, 'Hello')).toEqual({ c1: 'Opens the socket' });
    expect(loadNotes(storage, 'Other flow')).toEqual({ c1: 'Another note' });
  });

  it('removes a note saved blank, and the flow key with its last note', () => {
    const storage = new MemoryStorage();
    saveNote(storage, 'Hello', 'c1', 'one');
    saveNote(storage, 'Hello', 's1', 'two');
    expect(saveNote(storage, 'Hello', 'c1', '   ')).toEqual({ ok: true, notes: { s1: 'two' } });
    saveNote(storage, 'Hello', 's1', '');
    expect(storage.items.has(notesKey('Hello'))).toBe(false);
  });

  it('refuses a note longer than the limit with a message and changes nothing', () => {
    const storage = new MemoryStorage();
    saveNote(storage, 'Hello', 'c1', 'kept');
    const result = saveNote(storage, 'Hello', 'c1', 'x'.repeat(MAX_NOTE_CHARS + 1));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(`at most ${MAX_NOTE_CHARS} characters`);
    expect(loadNotes(storage, 'Hello')).toEqual({ c1: 'kept' });
  });

  it('reads damaged or foreign storage as no notes and skips values that are not text', () => {
    const storage = new MemoryStorage();
    storage.setItem(notesKey('A'), '{not json');
    storage.setItem(notesKey('B'), '["c1"]');
    storage.setItem(notesKey('C'), JSON.stringify({ c1: 42, s1: 'fine', t1: '  ' }));
    expect(loadNotes(storage, 'A')).toEqual({});
    expect(loadNotes(storage, 'B')).toEqual({});
    expect(loadNotes(storage, 'C')).toEqual({ s1: 'fine' });
  });

  it('says that a note could not be saved when storage is full, keeping the earlier notes', () => {
    const storage = new MemoryStorage();
    saveNote(storage, 'Hello', 'c1', 'kept');
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const result = saveNote(storage, 'Hello', 's1', 'new');
    expect(result).toEqual({ ok: false, message: expect.stringContaining('QuotaExceededError') });
    expect(loadNotes(storage, 'Hello')).toEqual({ c1: 'kept' });
  });
});

describe('page modes from the address', () => {
  it('recognises ?embed=1 and its recording url, and treats embed=0 as off', () => {
    expect(isEmbed('?embed=1')).toBe(true);
    expect(isEmbed('?embed=0')).toBe(false);
    expect(isEmbed('?present=1')).toBe(false);
    expect(embedRecordingUrl('?embed=1&recording=%2Fruns%2Fa.amqpflow-run.json')).toBe('/runs/a.amqpflow-run.json');
    expect(embedRecordingUrl('?embed=1')).toBeNull();
  });
});
