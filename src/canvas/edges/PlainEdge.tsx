// The edge of a compact canvas: one straight path, no pulse, rate label or moving dots, and no wide
// invisible hit path (a large flow has about as many edges as nodes).
import { memo } from 'react';
import type { EdgeProps } from '@xyflow/react';

function PlainEdge({ sourceX, sourceY, targetX, targetY, markerEnd, style }: EdgeProps) {
  return <path className="react-flow__edge-path" d={`M${sourceX},${sourceY}L${targetX},${targetY}`} markerEnd={markerEnd} style={style} fill="none" />;
}

export default memo(PlainEdge);
