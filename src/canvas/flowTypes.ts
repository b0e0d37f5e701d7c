// React Flow's view of the document: one flow node per graph node, carrying that node unchanged.
import type { Edge, Node } from '@xyflow/react';
import type { GraphNode, NodeKind } from '../graph/types.ts';

export type KindFlowNode<K extends NodeKind> = Node<{ node: GraphNode<K> }, K>;
export type AmqpFlowNode = { [K in NodeKind]: KindFlowNode<K> }[NodeKind];
export type AmqpFlowEdge = Edge;

/** Roughly half a drawn node: a node added at a point is centred on it. */
export const HALF_NODE = { x: 90, y: 40 } as const;

/** The palette's drag payload type. */
export const KIND_DRAG_TYPE = 'application/x-amqp-flow-kind';
