// Edge components by type; a module constant so React Flow never remounts edges. `default` covers
// edges that carry no type, which is every edge of the document.
import { memo } from 'react';
import type { EdgeProps } from '@xyflow/react';
import { usePlainEdges } from '../detail/cardDetail.ts';
import FlowEdge from './FlowEdge.tsx';
import PlainEdge from './PlainEdge.tsx';

/** The traffic-showing edge, or a plain path when the canvas draws compact cards. */
const DetailedEdge = memo(function DetailedEdge(props: EdgeProps) {
  return usePlainEdges() ? <PlainEdge {...props} /> : <FlowEdge {...props} />;
});

export const edgeTypes = { default: DetailedEdge, flow: DetailedEdge };
