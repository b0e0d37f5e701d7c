// The React Flow nodes and edges of a graph, laid out with the sizes React Flow measured: shared by the
// editor's canvas and the embeddable view.
import { useCallback, useRef, useState } from 'react';
import type { NodeChange } from '@xyflow/react';
import type { Graph } from '../graph/types.ts';
import type { Selection } from '../store/documentStore.ts';
import type { AmqpFlowNode } from './flowTypes.ts';
import { useFlowElements, type Size } from './useFlowElements.ts';

export function useMeasuredElements(graph: Graph, selection: Selection) {
  const sizes = useRef(new Map<string, Size>());
  const [sizesVersion, setSizesVersion] = useState(0);
  const { nodes, edges } = useFlowElements(graph, selection, sizes.current, sizesVersion);

  /** Keeps the sizes in React Flow's `dimensions` changes (the other changes are the caller's). */
  const measure = useCallback((changes: NodeChange<AmqpFlowNode>[]) => {
    let sized = false;
    for (const change of changes) {
      if (change.type !== 'dimensions' || !change.dimensions) continue;
      const prev = sizes.current.get(change.id);
      if (!prev || prev.width !== change.dimensions.width || prev.height !== change.dimensions.height) {
        sizes.current.set(change.id, { width: change.dimensions.width, height: change.dimensions.height });
        sized = true;
      }
    }
    if (sized) setSizesVersion((v) => v + 1);
  }, []);

  return { nodes, edges, measured: sizesVersion > 0, measure };
}
