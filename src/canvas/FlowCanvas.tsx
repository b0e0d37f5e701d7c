// The canvas: React Flow over the document store. Every change goes through a command, so undo sees
// it; a drag is one gesture; wires are checked by the model's canWire and refusals say why.
import { useCallback, useEffect, useMemo, useRef, type DragEvent } from 'react';
import {
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type OnConnectEnd,
} from '@xyflow/react';
import { moveNodes } from '../graph/commands/moveNodes.ts';
import { NODE_KINDS, type NodeKind, type Position } from '../graph/types.ts';
import { canWire } from '../graph/wiring.ts';
import {
  beginGesture,
  endGesture,
  previewCommand,
  setSelection,
  setViewport,
  useDocument,
} from '../store/documentStore.ts';
import { addNodeAt, onFitViewRequest, wire } from '../store/actions.ts';
import { HALF_NODE, KIND_DRAG_TYPE, type AmqpFlowEdge, type AmqpFlowNode } from './flowTypes.ts';
import { DotsBackground, EmptyCanvas, FLOW_VIEW_PROPS } from './FlowView.tsx';
import { LevelOfDetail } from './detail/LevelOfDetail.tsx';
import { fitReadable } from './readableFit.ts';
import { fitReadablyOnFitViewClick } from './readableFitControl.ts';
import { StatusLine } from './StatusLine.tsx';
import { useMeasuredElements } from './useMeasuredElements.ts';
import { useReachableControls } from './useReachableControls.ts';

const MINIMAP_COLORS: Record<NodeKind, string> = {
  connection: 'var(--kind-connection)',
  session: 'var(--kind-session)',
  sender: 'var(--kind-sender)',
  receiver: 'var(--kind-receiver)',
  transfer: 'var(--kind-transfer)',
};

const minimapColor = (n: AmqpFlowNode) => MINIMAP_COLORS[n.type as NodeKind] ?? 'var(--border-strong)';

function isValidConnection(c: Connection | AmqpFlowEdge): boolean {
  return !canWire(useDocument.getState().graph, c.source, c.target);
}

function onConnect(c: Connection) {
  wire(c.source, c.target);
}

function pointOf(event: MouseEvent | TouchEvent): { x: number; y: number } | null {
  if ('changedTouches' in event) {
    const t = event.changedTouches[0];
    return t ? { x: t.clientX, y: t.clientY } : null;
  }
  return { x: event.clientX, y: event.clientY };
}

/** A wire dropped on a handle that refused it, or on a node's body: connect if legal, else say why. */
const onConnectEnd: OnConnectEnd = (event, state) => {
  if (state.isValid || !state.fromNode || !state.fromHandle) return;
  let otherId = state.toNode?.id ?? null;
  if (!otherId) {
    const point = pointOf(event);
    const el = point ? document.elementFromPoint(point.x, point.y) : null;
    otherId = el?.closest<HTMLElement>('[data-node-id]')?.dataset.nodeId ?? null;
  }
  if (!otherId || otherId === state.fromNode.id) return;
  const fromIsParent = state.fromHandle.type === 'source';
  const source = fromIsParent ? state.fromNode.id : otherId;
  const target = fromIsParent ? otherId : state.fromNode.id;
  wire(source, target);
};

export function FlowCanvas() {
  const graph = useDocument((s) => s.graph);
  const selection = useDocument((s) => s.selection);
  const viewport = useDocument((s) => s.viewport);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const screen = useMemo(() => ({ width, height, viewport }), [width, height, viewport]);
  const { nodes, edges, measure } = useMeasuredElements(graph, selection, screen);
  const rf = useReactFlow<AmqpFlowNode, AmqpFlowEdge>();
  const canvasRef = useRef<HTMLElement>(null);
  // A short canvas (1280×720) needs every pixel for the cards: the mini map would cover them.
  const roomForMiniMap = useStore((s) => s.height > MINIMAP_MIN_CANVAS_HEIGHT);
  const reach = useReachableControls(rf, canvasRef);

  useEffect(
    () => onFitViewRequest(() => {
      // Wait a frame so newly added nodes are measured before the view fits them.
      requestAnimationFrame(() => {
        if (canvasRef.current) fitReadable(rf, canvasRef.current, FIT_OPTIONS, reach.onFitted);
      });
    }),
    [rf, reach.onFitted],
  );

  const { onCardsResized } = reach;
  const onNodesChange = useCallback((changes: NodeChange<AmqpFlowNode>[]) => {
    measure(changes);
    const moves: { id: string; position: Position }[] = [];
    const current = useDocument.getState().selection;
    let selected: Set<string> | null = null;
    for (const change of changes) {
      switch (change.type) {
        case 'dimensions':
          onCardsResized();
          break;
        case 'position':
          if (change.position) moves.push({ id: change.id, position: change.position });
          break;
        case 'select':
          selected ??= new Set(current.nodes);
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
          break;
        default:
          // 'remove', 'add', 'replace': the document store owns those, through commands.
          break;
      }
    }
    if (moves.length) previewCommand(moveNodes, { moves });
    if (selected) setSelection({ nodes: [...selected], edges: current.edges });
  }, [measure, onCardsResized]);

  const onEdgesChange = useCallback((changes: EdgeChange<AmqpFlowEdge>[]) => {
    const current = useDocument.getState().selection;
    let selected: Set<string> | null = null;
    for (const change of changes) {
      if (change.type !== 'select') continue;
      selected ??= new Set(current.edges);
      if (change.selected) selected.add(change.id);
      else selected.delete(change.id);
    }
    if (selected) setSelection({ nodes: current.nodes, edges: [...selected] });
  }, []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(KIND_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(KIND_DRAG_TYPE);
      if (!(NODE_KINDS as readonly string[]).includes(kind)) return;
      event.preventDefault();
      const at = rf.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addNodeAt(kind as NodeKind, { x: Math.round(at.x - HALF_NODE.x), y: Math.round(at.y - HALF_NODE.y) });
    },
    [rf],
  );

  return (
    <section
      ref={canvasRef}
      role="region"
      aria-label="Canvas"
      className="canvas"
      onDragOver={onDragOver}
      onDrop={onDrop}
      onClickCapture={fitReadablyOnFitViewClick}
    >
      <ReactFlow<AmqpFlowNode, AmqpFlowEdge>
        nodes={nodes}
        edges={edges}
        {...FLOW_VIEW_PROPS}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStart={beginGesture}
        onNodeDragStop={endGesture}
        onSelectionDragStart={beginGesture}
        onSelectionDragStop={endGesture}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        viewport={viewport}
        onViewportChange={setViewport}
        onMoveStart={reach.onMoveStart}
        deleteKeyCode={null}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
      >
        <DotsBackground />
        <LevelOfDetail />
        {/* Without nodes the minimap would be an empty box; on a short canvas it would cover the cards. */}
        {graph.nodes.length > 0 && roomForMiniMap && <MiniMap<AmqpFlowNode> pannable zoomable nodeColor={minimapColor} nodeBorderRadius={6} ariaLabel="Mini map" />}
        <Controls showInteractive={false} />
      </ReactFlow>
      {graph.nodes.length === 0 && <EmptyCanvas title="An empty flow">Drag a Connection from the palette, or pick one of the Templates.</EmptyCanvas>}
      <StatusLine />
    </section>
  );
}

const MINIMAP_MIN_CANVAS_HEIGHT = 520;
// Little room at the sides, so four columns fit a 1440-wide editor at the readable zoom; more above
// and below for presenter notes, which sit over their cards.
const FIT_OPTIONS = { padding: { x: 0.02, y: 0.12 }, maxZoom: 1.25 };
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const DEFAULT_EDGE_OPTIONS = { type: 'default' } as const;
