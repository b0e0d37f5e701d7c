// Whether what the last run reported about a node still describes it: once its props are edited
// (or undone back to something else) the run's error belongs to a node that is no longer there.
import { deepEqual } from '../../graph/equal.ts';
import { useDocument } from '../../store/documentStore.ts';
import { useRun } from '../../store/runStore.ts';

export function useRunMatchesNode(id: string): boolean {
  const ran = useRun((s) => s.graph?.nodes.find((n) => n.id === id)?.props);
  const now = useDocument((s) => s.graph.nodes.find((n) => n.id === id)?.props);
  return ran === undefined || ran === now || deepEqual(ran, now);
}
