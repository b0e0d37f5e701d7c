// Frames written in one turn of the event loop leave as one write. rhea hands each frame to the
// transport on its own; on a busy link that is a syscall (or a WebSocket message) per transfer,
// flow and disposition, which was the broker's largest single cost under load. The write waits
// for the end of the turn (setImmediate), not of the tick: the broker answers one read in several
// ticks (rhea's processing, then the queue's pump), and those frames belong in the same write.

export interface WriteBatch {
  /** queue bytes; they are written together at the end of this turn of the event loop */
  write(bytes: Buffer): void;
  /** write what is queued now (before an end) */
  flush(): void;
  /** forget what is queued (the transport is gone) */
  drop(): void;
}

export function writeBatch(send: (bytes: Buffer) => void): WriteBatch {
  let queued: Buffer[] = [];
  let size = 0;
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (queued.length === 0) return;
    const out = queued.length === 1 ? queued[0]! : Buffer.concat(queued, size);
    queued = [];
    size = 0;
    send(out);
  };
  return {
    write(bytes) {
      queued.push(bytes);
      size += bytes.length;
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
    drop() {
      queued = [];
      size = 0;
    },
  };
}
