// Injects faults into a run at given moments (the CLI's `--fault <spec>@<when>`, scripted lessons):
// a time since the schedule started, the n-th event of a name (on a node), or once every node is open.
import type { Graph } from '../graph/types.ts';
import type { TimedFault } from '../graph/faultText.ts';
import type { Run } from './run.ts';

const OPENS = new Set(['CONNECTION_OPEN', 'SESSION_OPEN', 'SENDER_OPEN', 'RECEIVER_OPEN']);

/** Arms each fault; `failed` hears why one could not be injected. Returns a function that disarms the rest. */
export function scheduleFaults(run: Run, graph: Graph, faults: readonly TimedFault[], failed: (message: string) => void): () => void {
  const timers: ReturnType<typeof setTimeout>[] = [];
  const waiting: { fault: TimedFault; seen: number }[] = [];
  const fire = (f: TimedFault) => void run.injectFault(f.spec).catch((e: unknown) => failed((e as Error).message));
  const toOpen = new Set(graph.nodes.filter((n) => n.kind !== 'transfer').map((n) => n.id));
  let opened = false;
  const afterOpen: TimedFault[] = [];

  for (const f of faults) {
    if ('atMs' in f.when) timers.push(setTimeout(() => fire(f), f.when.atMs));
    else if ('after' in f.when) waiting.push({ fault: f, seen: 0 });
    else afterOpen.push(f);
  }
  const off = run.subscribe((e) => {
    if (!opened && OPENS.has(e.event)) {
      toOpen.delete(e.node);
      if (toOpen.size === 0) {
        opened = true;
        for (const f of afterOpen.splice(0)) fire(f);
      }
    }
    for (const w of [...waiting]) {
      const a = 'after' in w.fault.when ? w.fault.when.after : null;
      if (!a || a.event !== e.event || (a.node !== undefined && a.node !== e.node)) continue;
      if (++w.seen >= a.n) {
        waiting.splice(waiting.indexOf(w), 1);
        fire(w.fault);
      }
    }
  });
  return () => {
    for (const t of timers) clearTimeout(t);
    off();
  };
}
