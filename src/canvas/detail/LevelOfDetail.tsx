// Decides, inside <ReactFlow>, whether the canvas draws compact cards (a large flow, or zoomed out below
// a readable scale) and which cards near the pointer draw in full. Renders nothing.
import { useEffect } from 'react';
import { useStore, useStoreApi } from '@xyflow/react';
import { useDocument } from '../../store/documentStore.ts';
import type { AmqpFlowEdge, AmqpFlowNode } from '../flowTypes.ts';
import { COMPACT_BELOW_ZOOM, FULL_NEAR_POINTER_PX, setCompact, setNear, setSelectedCount, shouldBeCompact, useCardDetail } from './cardDetail.ts';

export function LevelOfDetail() {
  const nodeCount = useDocument((s) => s.graph.nodes.length);
  const selectedCount = useDocument((s) => s.selection.nodes.length);
  const zoomedOut = useStore((s) => s.transform[2] < COMPACT_BELOW_ZOOM);
  const compact = shouldBeCompact(nodeCount, zoomedOut ? 0 : COMPACT_BELOW_ZOOM);

  useEffect(() => setCompact(compact), [compact]);
  useEffect(() => setSelectedCount(selectedCount), [selectedCount]);
  useEffect(() => () => setCompact(false), []);
  usePointerNearCards(compact);
  return null;
}

/** While cards are compact, keeps the ids of the cards within reach of the pointer, once per frame at most. */
function usePointerNearCards(on: boolean) {
  const store = useStoreApi<AmqpFlowNode, AmqpFlowEdge>();
  const domNode = useStore((s) => s.domNode);

  useEffect(() => {
    if (!on || !domNode) return;
    let frame = 0;
    let last: PointerEvent | null = null;
    const update = () => {
      frame = 0;
      if (!last) return;
      const { nodeLookup, transform } = store.getState();
      const [tx, ty, zoom] = transform;
      const bounds = domNode.getBoundingClientRect();
      const px = last.clientX - bounds.left;
      const py = last.clientY - bounds.top;
      const near: string[] = [];
      for (const [id, n] of nodeLookup) {
        const w = (n.measured.width ?? 0) * zoom;
        const h = (n.measured.height ?? 0) * zoom;
        const x = n.internals.positionAbsolute.x * zoom + tx;
        const y = n.internals.positionAbsolute.y * zoom + ty;
        const dx = Math.max(x - px, 0, px - (x + w));
        const dy = Math.max(y - py, 0, py - (y + h));
        if (dx * dx + dy * dy <= FULL_NEAR_POINTER_PX * FULL_NEAR_POINTER_PX) near.push(id);
      }
      setNear(near);
    };
    const onMove = (event: PointerEvent) => {
      // Mid-drag the cards keep their detail: a card growing under a moving node would shift the layout.
      if (event.buttons !== 0) return;
      last = event;
      frame ||= requestAnimationFrame(update);
    };
    const onLeave = () => {
      last = null;
      setNear([]);
    };
    domNode.addEventListener('pointermove', onMove, { passive: true });
    domNode.addEventListener('pointerleave', onLeave);
    return () => {
      domNode.removeEventListener('pointermove', onMove);
      domNode.removeEventListener('pointerleave', onLeave);
      cancelAnimationFrame(frame);
      if (useCardDetail.getState().near.size) setNear([]);
    };
  }, [on, domNode, store]);
}
