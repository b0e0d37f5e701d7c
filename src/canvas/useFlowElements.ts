// Derives React Flow's nodes and edges from the document, reusing the previous object for every node
// whose graph node, selection and measured size are unchanged, so untouched nodes don't re-render.
import { useMemo, useRef } from 'react';
import type { Graph, GraphEdge, GraphNode } from '../graph/types.ts';
import type { Selection } from '../store/documentStore.ts';
import type { AmqpFlowEdge, AmqpFlowNode } from './flowTypes.ts';

export interface Size {
  width: number;
  height: number;
}

interface NodeEntry {
  node: GraphNode;
  selected: boolean;
  size: Size | undefined;
  flow: AmqpFlowNode;
}

interface EdgeEntry {
  edge: GraphEdge;
  selected: boolean;
  flow: AmqpFlowEdge;
}

export function useFlowElements(
  graph: Graph,
  selection: Selection,
  sizes: ReadonlyMap<string, Size>,
  sizesVersion: number,
): { nodes: AmqpFlowNode[]; edges: AmqpFlowEdge[] } {
  const nodeCache = useRef(new Map<string, NodeEntry>());
  const edgeCache = useRef(new Map<string, EdgeEntry>());

  const nodes = useMemo(() => {
    void sizesVersion; // sizes is mutated in place; the version says when
    const selected = new Set(selection.nodes);
    const next = new Map<string, NodeEntry>();
    const out = graph.nodes.map((node) => {
      const isSelected = selected.has(node.id);
      const size = sizes.get(node.id);
      const prev = nodeCache.current.get(node.id);
      const entry: NodeEntry =
        prev && prev.node === node && prev.selected === isSelected && prev.size === size
          ? prev
          : {
              node,
              selected: isSelected,
              size,
              flow: {
                id: node.id,
                type: node.kind,
                position: node.position,
                data: { node },
                selected: isSelected,
                ...(size ? { measured: size } : {}),
              } as AmqpFlowNode,
            };
      next.set(node.id, entry);
      return entry.flow;
    });
    nodeCache.current = next;
    return out;
  }, [graph.nodes, selection.nodes, sizes, sizesVersion]);

  const edges = useMemo(() => {
    const selected = new Set(selection.edges);
    const next = new Map<string, EdgeEntry>();
    const out = graph.edges.map((edge) => {
      const isSelected = selected.has(edge.id);
      const prev = edgeCache.current.get(edge.id);
      const entry: EdgeEntry =
        prev && prev.edge === edge && prev.selected === isSelected
          ? prev
          : { edge, selected: isSelected, flow: { id: edge.id, source: edge.source, target: edge.target, selected: isSelected } };
      next.set(edge.id, entry);
      return entry.flow;
    });
    edgeCache.current = next;
    return out;
  }, [graph.edges, selection.edges]);

  return { nodes, edges };
}
