// Which node a fault from the menu acts on, and why a menu item is disabled: pure, so it is tested
// without a page. The selected node decides; with nothing selected, faults on a connection take
// the flow's only connection.
import { FAULTS, connectionOf, faultProblem, type FaultName, type FaultSpec } from '../graph/faults.ts';
import type { Graph } from '../graph/types.ts';

export interface MenuContext {
  graph: Graph;
  selected: readonly string[];
  running: boolean;
  /** host:port the page was served from (its embedded broker) */
  pageHost: string;
}

export type ItemState = { enabled: true; target: string | undefined } | { enabled: false; why: string };

/** Faults that act on a whole connection: with nothing selected they take the only connection. */
const CONNECTION_WIDE: ReadonlySet<FaultName> = new Set(['restart-broker', 'drop-connection', 'delay-frames', 'drop-next-frame']);

export function menuItemState(fault: FaultName, ctx: MenuContext): ItemState {
  const info = FAULTS[fault];
  if (!ctx.running) return { enabled: false, why: 'Press Run first: faults act on a running flow' };
  if (ctx.selected.length > 1) return { enabled: false, why: `Select one node: ${info.needs.replace(/ first$/, '').toLowerCase()}` };
  let target: string | undefined = ctx.selected[0];
  if (target === undefined && CONNECTION_WIDE.has(fault)) {
    const connections = ctx.graph.nodes.filter((n) => n.kind === 'connection');
    if (connections.length === 1) target = connections[0]!.id;
  }
  if (target === undefined) return { enabled: false, why: info.needs };
  const problem = faultProblem(ctx.graph, { fault, target });
  if (problem) {
    const words = problem.slice(info.label.length + 2);
    return { enabled: false, why: words.charAt(0).toUpperCase() + words.slice(1) };
  }
  if (info.where === 'broker') {
    const url = (connectionOf(ctx.graph, target)?.props as { url?: string } | undefined)?.url;
    if (url && hostOf(url) !== ctx.pageHost) return { enabled: false, why: `Works only on the embedded broker; this flow's connection goes to ${hostOf(url) || url}` };
  }
  return { enabled: true, target };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** The spec the menu injects, with the parameters the person chose. */
export function menuSpec(fault: FaultName, target: string | undefined, params: Omit<FaultSpec, 'fault' | 'target'>): FaultSpec {
  return { fault, ...(target !== undefined ? { target } : {}), ...params };
}
