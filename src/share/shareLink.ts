// Share links: the flow compressed into the URL fragment (`#share=…`), which browsers never send to a server.
// Secrets are left out unless asked for; a link is parsed like any untrusted file.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { parseGraphValue, type ParseResult } from '../graph/file.ts';
import { stripSecrets } from '../graph/secrets.ts';
import type { Graph, Problem } from '../graph/types.ts';

export const SHARE_PREFIX = '#share=';
/** Longer links are refused: some chat tools and browsers cut URLs well before this. */
export const MAX_SHARE_CHARS = 100_000;

// Which values are secrets, and how they are left out, is shared with Export, recordings and autosave.
export { looksSecret, stripSecrets, type Stripped } from '../graph/secrets.ts';

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
