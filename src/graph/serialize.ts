// The graph file's text: stable, pretty JSON with a fixed key order. Apart from the parser (file.ts)
// so that saving never needs the schema library the parser brings.
import { PROP_DOCS } from './defaults.ts';
import { isPlainObject } from './props.ts';
import { copyScene } from './scenes.ts';
import type { Graph, GraphNode } from './types.ts';

/** Orders the keys of one node's props as the Inspector lists them; unknown keys (refused on import) go last. */
function orderedProps(kind: GraphNode['kind'], props: Record<string, unknown>): Record<string, unknown> {
  const docs = (PROP_DOCS[kind] ?? []) as readonly { field: string }[];
  const out: Record<string, unknown> = {};
  for (const { field } of docs) {
    if (props[field] === undefined) continue;
    out[field] = field === 'sasl' && isPlainObject(props[field]) ? orderedSasl(props[field]) : props[field];
  }
  for (const key of Object.keys(props).sort()) if (!(key in out) && props[key] !== undefined) out[key] = props[key];
  return out;
}

function orderedSasl(sasl: Record<string, unknown>): Record<string, unknown> {
  const { mechanism, username, password, ...rest } = sasl;
  return { mechanism, username, password, ...rest };
}

/** Stable, pretty JSON: fixed key order, two-space indent, trailing newline. */
export function serializeGraph(g: Graph): string {
  const doc = {
    format: g.format,
    version: g.version,
    name: g.name,
    ...(g.viewport ? { viewport: { x: g.viewport.x, y: g.viewport.y, zoom: g.viewport.zoom } } : {}),
    nodes: g.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      position: { x: n.position.x, y: n.position.y },
      props: orderedProps(n.kind, n.props as Record<string, unknown>),
    })),
    edges: g.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
    ...(g.expect ? { expect: g.expect } : {}),
    ...(g.scenes ? { scenes: g.scenes.map(copyScene) } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
