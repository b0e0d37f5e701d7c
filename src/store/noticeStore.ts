// Messages the editor shows to the person at the keyboard: refused wires, bad files, restore problems.
import { create } from 'zustand';
import type { Problem } from '../graph/types.ts';

export type NoticeTone = 'error' | 'warning' | 'info';

export interface Notice {
  id: number;
  tone: NoticeTone;
  title: string;
  /** One line per problem, in plain words. */
  details: readonly string[];
}

interface NoticeState {
  notices: readonly Notice[];
  /** The short status line under the toolbar (e.g. why a wire was refused); replaced by the next one. */
  status: { id: number; text: string } | null;
}

export const useNotices = create<NoticeState>()(() => ({ notices: [], status: null }));

let lastId = 0;
const MAX_NOTICES = 5;

/** A problem as one line: "node · field: message". */
export function describeProblem(p: Problem): string {
  const where = [p.nodeId, p.field].filter(Boolean).join(' · ');
  return where ? `${where}: ${p.message}` : p.message;
}

export function notify(tone: NoticeTone, title: string, details: readonly string[] = []): number {
  const id = ++lastId;
  useNotices.setState((s) => ({ notices: [...s.notices.slice(-(MAX_NOTICES - 1)), { id, tone, title, details }] }));
  return id;
}

export function dismissNotice(id: number) {
  useNotices.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}

export function showStatus(text: string) {
  useNotices.setState({ status: { id: ++lastId, text } });
}

export function clearStatus() {
  useNotices.setState((s) => (s.status ? { status: null } : s));
}
