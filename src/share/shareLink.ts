// Share links: the flow compressed into the URL fragment (`#share=…`), which browsers never send to a server.
// Secrets are left out unless asked for; a link is parsed like any untrusted file.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { parseGraphValue, type ParseResult } from '../graph/file.ts';
import type { Graph, GraphNode, Problem, Scalar } from '../graph/types.ts';

export const SHARE_PREFIX = '#share=';
/** Longer links are refused: some chat tools and browsers cut URLs well before this. */
export const MAX_SHARE_CHARS = 100_000;

/** Application property names that usually carry credentials (Azure put-token, API keys …). */
const SECRET_KEY = /(token|secret|password|passwd|pwd|signature|sas|api[-_]?key|access[-_]?key|credential|auth)/i;
/** Values that look like credentials whatever their key: SAS tokens, bearer tokens, URLs with a signature. */
const SECRET_VALUE = /^(SharedAccessSignature\s|Bearer\s|Basic\s)|[?&]sig=|(^|[;&])SharedAccessKey=/i;

export const looksSecret = (key: string, value: Scalar | undefined): boolean =>
  SECRET_KEY.test(key) || (typeof value === 'string' && SECRET_VALUE.test(value));

export interface Stripped {
  graph: Graph;
  /** where a secret was removed, as "<nodeId>.<field>" */
  removed: string[];
}

/** The flow without passwords and secret-looking values; the input is not changed. */
export function stripSecrets(graph: Graph): Stripped {
  const removed: string[] = [];
  const nodes = graph.nodes.map((n): GraphNode => {
    if (n.kind === 'connection' && (n.props.sasl?.password !== undefined || n.props.cbs?.token !== undefined)) {
      let props = n.props;
      if (props.sasl?.password !== undefined) {
        const { password: _password, ...sasl } = props.sasl;
        removed.push(`${n.id}.sasl.password`);
        props = { ...props, sasl };
      }
      if (props.cbs?.token !== undefined) {
        // a cbs object without its token would not load, so the whole setting stays out of the link
        const { cbs: _cbs, ...rest } = props;
        removed.push(`${n.id}.cbs`);
        props = rest;
      }
      return { ...n, props };
    }
    if (n.kind === 'transfer') {
      let props = n.props;
      const app = props.applicationProperties;
      if (app) {
        const kept = Object.fromEntries(Object.entries(app).filter(([k, v]) => {
          const secret = looksSecret(k, v);
          if (secret) removed.push(`${n.id}.applicationProperties.${k}`);
          return !secret;
        }));
        if (Object.keys(kept).length !== Object.keys(app).length) props = { ...props, applicationProperties: kept };
      }
      if (typeof props.body === 'string' && SECRET_VALUE.test(props.body)) {
        removed.push(`${n.id}.body`);
        props = { ...props, body: '(token removed from the shared link)' };
      }
      return props === n.props ? n : { ...n, props };
    }
    return n;
  });
  return { graph: removed.length ? { ...graph, nodes } : graph, removed };
}

export type ShareResult = { ok: true; url: string; removed: string[]; chars: number } | { ok: false; message: string };

/** The link for this flow on the page at `base` (its own fragment is replaced). */
export function shareUrl(graph: Graph, base: string, opts: { includeSecrets?: boolean } = {}): ShareResult {
  const { graph: shared, removed } = opts.includeSecrets ? { graph, removed: [] } : stripSecrets(graph);
  const payload = compressToEncodedURIComponent(JSON.stringify(shared));
  const url = `${base.split('#')[0]}${SHARE_PREFIX}${payload}`;
  if (url.length > MAX_SHARE_CHARS) {
    return { ok: false, message: `This flow makes a link of ${url.length} characters, more than the ${MAX_SHARE_CHARS} a share link may have. Use Export and send the file instead.` };
  }
  return { ok: true, url, removed, chars: url.length };
}

/** The payload of a `#share=` fragment, or null when the fragment is not a share link. */
export function sharePayload(hash: string): string | null {
  return hash.startsWith(SHARE_PREFIX) ? hash.slice(SHARE_PREFIX.length) : null;
}

/** Reads a share payload like an imported file: never trusted, problems in plain words. Never throws. */
export function readSharePayload(payload: string): ParseResult {
  const bad = (message: string): ParseResult => ({ ok: false, problems: [{ message } satisfies Problem] });
  if (!payload) return bad('This share link is empty: it has nothing after "#share=".');
  if (payload.length > MAX_SHARE_CHARS) return bad(`This share link is longer than ${MAX_SHARE_CHARS} characters; ask for the flow as a file instead.`);
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(payload);
  } catch {
    text = null;
  }
  if (!text) return bad('This share link is damaged (it does not decompress); it may have been cut short when it was copied.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return bad('This share link is damaged (its content is not JSON); it may have been cut short when it was copied.');
  }
  return parseGraphValue(value);
}
