// Which received message the message view shows: opened from an event-log row or a receiver's
// unsettled list, closed by the dialog. Kept apart from the view so the canvas cards that open it
// do not pull the view into the first bundle. Also the pure parts of the view (the hex dump).
import { create } from 'zustand';
import type { EngineEvent } from '../engine/events.ts';
import { useRun } from '../store/runStore.ts';

export type ReceivedMessage = Extract<EngineEvent, { event: 'MESSAGE_RECEIVED' }>;

export const useMessageView = create<{ message: ReceivedMessage | null }>()(() => ({ message: null }));

export function openMessage(message: ReceivedMessage): void {
  useMessageView.setState({ message });
}

/** Opens the newest message the receiver `node` got as `deliveryId` (delivery ids are per link, so the newest is the one listed). */
export function openDelivery(node: string, deliveryId: number): void {
  const events = useRun.getState().events;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.event === 'MESSAGE_RECEIVED' && e.node === node && e.deliveryId === deliveryId) return openMessage(e);
  }
}

export function closeMessage(): void {
  useMessageView.setState({ message: null });
}

const BYTES_PER_LINE = 16;

/**
 * Lowercase hex as a classic dump: offset, 16 bytes in two groups of 8, and the printable ASCII
 * (others as "."). `hex` is a string of two digits per byte.
 */
export function hexDump(hex: string): string {
  const bytes = hex.match(/../g) ?? [];
  const lines: string[] = [];
  for (let at = 0; at < bytes.length; at += BYTES_PER_LINE) {
    const row = bytes.slice(at, at + BYTES_PER_LINE);
    const cells = row.map((b, i) => (i === 8 ? ` ${b}` : b)).join(' ');
    const ascii = row.map((b) => {
      const code = parseInt(b, 16);
      return code >= 0x20 && code < 0x7f ? String.fromCharCode(code) : '.';
    }).join('');
    lines.push(`${at.toString(16).padStart(8, '0')}  ${cells.padEnd(BYTES_PER_LINE * 3, ' ')}  |${ascii}|`);
  }
  return lines.join('\n');
}
