// A step's solution as data: add, wire, set props, remove. Applied in order to a graph (pure), so the
// page can apply them as one undo step and the parser can check them against the lesson's flow.
import { addNode } from '../graph/commands/addNode.ts';
import { connect } from '../graph/commands/connect.ts';
import { removeElements } from '../graph/commands/removeElements.ts';
import { updateProps } from '../graph/commands/updateProps.ts';
import type { Graph, NodeKind, PropsByKind } from '../graph/types.ts';
import { canWire } from '../graph/wiring.ts';
import type { Edit, Step } from './lessonSchema.ts';

export type EditResult = { ok: true; graph: Graph } | { ok: false; index: number; message: string };

/** Applies edits in order; the first one that cannot apply stops with why. An edit already in place is skipped. */
export function applyEdits(start: Graph, edits: readonly Edit[]): EditResult {
  let g = start;
  for (const [index, edit] of edits.entries()) {
    const fail = (message: string): EditResult => ({ ok: false, index, message });
    switch (edit.op) {
      case 'addNode': {
        const existing = g.nodes.find((n) => n.id === edit.id);
        if (existing) {
          if (existing.kind !== edit.kind) return fail(`node "${edit.id}" already exists as a ${existing.kind}`);
          continue;
        }
        const props = (edit.props ?? {}) as PropsByKind[NodeKind];
        g = addNode(g, { kind: edit.kind, id: edit.id, position: edit.position, props });
        break;
      }
      case 'connect': {
        if (g.edges.some((e) => e.source === edit.source && e.target === edit.target)) continue;
        const refused = canWire(g, edit.source, edit.target);
        if (refused) return fail(`cannot wire ${edit.source} → ${edit.target}: ${refused.message}`);
        g = connect(g, { source: edit.source, target: edit.target });
        break;
      }
      case 'setProps': {
        const node = g.nodes.find((n) => n.id === edit.node);
        if (!node) return fail(`there is no node "${edit.node}" to set props on`);
        g = updateProps(g, { id: edit.node, props: { ...node.props, ...edit.props } as PropsByKind[NodeKind] });
        break;
      }
      case 'removeNode':
        g = removeElements(g, { nodeIds: [edit.node] });
        break;
      default: {
        const never: never = edit;
        void never;
      }
    }
  }
  return { ok: true, graph: g };
}

/** The flow as it stands when step `index` begins: the lesson's flow with every earlier solution applied. */
export function flowBeforeStep(flow: Graph, steps: readonly Step[], index: number): Graph {
  let g = flow;
  for (const step of steps.slice(0, index)) {
    const edits = step.solution?.edits;
    if (!edits?.length) continue;
    const result = applyEdits(g, edits);
    if (result.ok) g = result.graph;
  }
  return g;
}
