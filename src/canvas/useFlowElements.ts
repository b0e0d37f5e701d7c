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

export interface NodeEntry {
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

/**
 * React Flow's nodes for the graph's nodes: an unchanged node (same graph node object, selection and
 * measured size) keeps its previous object, and its `data` stays the same while its graph node does.
 */
export function deriveFlowNodes(
  graphNodes: readonly GraphNode[],
  selectedIds: readonly string[],
  sizes: ReadonlyMap<string, Size>,
  previous: ReadonlyMap<string, NodeEntry>,
): { nodes: AmqpFlowNode[]; cache: Map<string, NodeEntry> } {
  const selected = new Set(selectedIds);
  const cache = new Map<string, NodeEntry>();
  const nodes = graphNodes.map((node) => {
    const isSelected = selected.has(node.id);
    const size = sizes.get(node.id);
    const prev = previous.get(node.id);
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
              // The same data object while the graph node is the same, so the memoised node
              // component skips re-rendering when only its selection or measured size changed.
              data: prev && prev.node === node ? prev.flow.data : { node },
              selected: isSelected,
              ...(size ? { measured: size } : {}),
            } as AmqpFlowNode,
          };
    cache.set(node.id, entry);
    return entry.flow;
  });
  return { nodes, cache };
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
    const { nodes: out, cache } = deriveFlowNodes(graph.nodes, selection.nodes, sizes, nodeCache.current);
    nodeCache.current = cache;
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
