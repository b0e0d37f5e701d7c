// The React Flow nodes and edges of a graph, laid out with the sizes React Flow measured: shared by the
// editor's canvas and the embeddable view.
import { useCallback, useRef, useState } from 'react';
import type { NodeChange } from '@xyflow/react';
import type { Graph } from '../graph/types.ts';
import type { Selection } from '../store/documentStore.ts';
import type { AmqpFlowNode } from './flowTypes.ts';
import { useFlowElements, type Size } from './useFlowElements.ts';
import { compactCardSize, LARGE_FLOW_NODES } from './detail/cardDetail.ts';
import { useVisibleEdges, type Screen } from './detail/visibleEdges.ts';

const NO_SCREEN: Screen = { width: 0, height: 0, viewport: { x: 0, y: 0, zoom: 1 } };

/**
 * A large flow draws compact cards of a known size: taking that size before React Flow measures them
 * shows them in the first frame, and their measurement then changes nothing, so there is no second
 * pass over every node. A card drawn otherwise is corrected by its measurement.
 */
function presumeCompactSizes(graph: Graph, sizes: Map<string, Size>) {
  if (graph.nodes.length <= LARGE_FLOW_NODES) return;
  for (const node of graph.nodes) if (!sizes.has(node.id)) sizes.set(node.id, compactCardSize(node.kind));
}

/** `screen`: the canvas's size and view; given, a large flow gets only the edges that can be on screen. */
export function useMeasuredElements(graph: Graph, selection: Selection, screen?: Screen) {
  const sizes = useRef(new Map<string, Size>());
  const [sizesVersion, setSizesVersion] = useState(0);
  presumeCompactSizes(graph, sizes.current);
  const { nodes, edges: allEdges } = useFlowElements(graph, selection, sizes.current, sizesVersion);
  const edges = useVisibleEdges(allEdges, graph.nodes, sizes.current, sizesVersion, screen ?? NO_SCREEN);

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
