// What every view of a flow shares: the node and edge components, zoom limits, colours, the dotted
// background, and the message over an empty canvas.
import type { ReactNode } from 'react';
import { Background, BackgroundVariant } from '@xyflow/react';
import { edgeTypes } from './edges/edgeTypes.tsx';
import { nodeTypes } from './nodes/nodeTypes.ts';

/** Spread onto `<ReactFlow>`. */
export const FLOW_VIEW_PROPS = { nodeTypes, edgeTypes, minZoom: 0.1, maxZoom: 2.5, colorMode: 'system' } as const;

export function DotsBackground() {
  return <Background variant={BackgroundVariant.Dots} gap={18} size={1.5} />;
}

export function EmptyCanvas({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="canvas__empty">
      <div>
        <strong>{title}</strong>
        {children}
      </div>
    </div>
  );
}
