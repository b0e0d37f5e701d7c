// Without an embedded broker (the page served from a plain static host) every connection needs its own URL.
import type { Graph, Problem } from './types.ts';

export const URL_REQUIRED_MESSAGE =
  'This page was not served with an embedded broker, so this connection needs a URL: choose a preset or type a ws:// or wss:// address';

/** One problem per connection whose URL is empty. */
export function missingUrlProblems(graph: Graph): Problem[] {
  return graph.nodes
    .filter((n) => n.kind === 'connection' && !(n.props as { url?: string }).url)
    .map((n) => ({ nodeId: n.id, field: 'url', message: `Connection "${n.id}": ${URL_REQUIRED_MESSAGE}` }));
}
