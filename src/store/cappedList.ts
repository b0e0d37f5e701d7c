// Appending to the run's capped lists (the event log and the frame trace) without changing the old list.
// The views read a plain `readonly T[]`, so every publish makes a new array; the cost is in how many.
// `concat` then `slice` (the obvious way once the list is full) allocates two arrays of about the cap
// (100,000 entries for the log) per publish, one of them garbage at once; under a flood of 20,000 events
// a second that is the largest script cost of a publish. A full list is instead written once into an
// array of exactly the cap.

/** `list` followed by `added`, keeping the newest `cap` entries; `dropped` is how many fell off the front. */
export function appendCapped<T>(list: readonly T[], added: readonly T[], cap: number): { list: readonly T[]; dropped: number } {
  if (added.length === 0) return { list, dropped: 0 };
  const length = list.length + added.length;
  if (length <= cap) return { list: list.concat(added), dropped: 0 };
  const dropped = length - cap;
  if (added.length >= cap) return { list: added.slice(added.length - cap), dropped };
  // One array of the final size, filled in order: old entries from `dropped` on, then the new ones.
  const out = new Array<T>(cap);
  let at = 0;
  for (let i = dropped; i < list.length; i++) out[at++] = list[i]!;
  for (let i = 0; i < added.length; i++) out[at++] = added[i]!;
  return { list: out, dropped };
}
