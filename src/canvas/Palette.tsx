// The palette: one button per node kind; drag it onto the canvas, or press it to add at the centre.
import type { CSSProperties, DragEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import { KIND_LABEL } from '../graph/defaults.ts';
import { NODE_KINDS, type NodeKind, type Position } from '../graph/types.ts';
import { useDocument } from '../store/documentStore.ts';
import { addNodeAt } from '../store/actions.ts';
import { HALF_NODE, KIND_DRAG_TYPE } from './flowTypes.ts';

const NUDGE = 30;

const KIND_HELP: Record<NodeKind, string> = {
  connection: 'A WebSocket connection to a broker',
  session: 'A session on a connection',
  sender: 'A link that sends to an address',
  receiver: 'A link that receives from an address',
  transfer: 'A message a sender sends',
};

/** The spot nearest `at` that no node already occupies exactly, so repeated adds don't stack. */
function freeSpot(at: Position): Position {
  const taken = new Set(useDocument.getState().graph.nodes.map((n) => `${n.position.x},${n.position.y}`));
  const spot = { ...at };
  while (taken.has(`${spot.x},${spot.y}`)) {
    spot.x += NUDGE;
    spot.y += NUDGE;
  }
  return spot;
}

export function Palette() {
  const rf = useReactFlow();

  const addAtCentre = (kind: NodeKind) => {
    const canvas = document.querySelector('.canvas')?.getBoundingClientRect();
    const centre = canvas
      ? rf.screenToFlowPosition({ x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 })
      : { x: 0, y: 0 };
    addNodeAt(kind, freeSpot({ x: Math.round(centre.x - HALF_NODE.x), y: Math.round(centre.y - HALF_NODE.y) }));
  };

  const onDragStart = (kind: NodeKind) => (event: DragEvent) => {
    event.dataTransfer.setData(KIND_DRAG_TYPE, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <nav className="palette" aria-label="Palette">
      <h2 className="section-title">Add</h2>
      {NODE_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          className="palette__item"
          style={{ '--kind-color': `var(--kind-${kind})` } as CSSProperties}
          draggable
          onDragStart={onDragStart(kind)}
          onClick={() => addAtCentre(kind)}
          title={`${KIND_HELP[kind]}. Drag onto the canvas, or press to add at the centre.`}
        >
          {KIND_LABEL[kind]}
        </button>
      ))}
      <p className="palette__hint">
        Wire parent → child: connection → session → sender or receiver; sender → transfer.
      </p>
    </nav>
  );
}
