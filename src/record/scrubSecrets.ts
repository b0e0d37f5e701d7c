// A recording without secrets: the graph's passwords and tokens left out (src/graph/secrets.ts), and every
// event or frame field that carries one of them (a put-token body, a SASL PLAIN initial response) replaced.
import { secretStrings, stripSecrets } from '../graph/secrets.ts';
import type { Recording } from './recording.ts';

export const SCRUBBED = '(secret removed)';
/** A summary cut short ends with this; its start may still be a secret's start. */
const ELLIPSIS = '…';
const MIN_PREFIX = 8;

const toHex = (s: string): string => Array.from(new TextEncoder().encode(s), (b) => b.toString(16).padStart(2, '0')).join('');

function carriesSecret(text: string, secrets: readonly string[], hexes: readonly string[]): boolean {
  const lower = text.toLowerCase();
  if (secrets.some((s) => text.includes(s)) || hexes.some((h) => lower.includes(h))) return true;
  if (text.endsWith(ELLIPSIS)) {
    const start = text.slice(0, -ELLIPSIS.length);
    // a cut summary: the secret may start anywhere in it and run past the cut
    return secrets.some((s) => {
      for (let i = 0; i + MIN_PREFIX <= start.length; i++) if (s.startsWith(start.slice(i))) return true;
      return false;
    });
  }
  return false;
}

function scrub(value: unknown, secrets: readonly string[], hexes: readonly string[]): unknown {
  if (typeof value === 'string') return carriesSecret(value, secrets, hexes) ? SCRUBBED : value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets, hexes));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, secrets, hexes)]));
  }
  return value;
}

/** The recording with the secrets of its flow left out; `removed` says where they were in the flow. */
export function withoutSecrets(r: Recording): { recording: Recording; removed: string[] } {
  const { graph, removed } = stripSecrets(r.graph);
  const secrets = secretStrings(r.graph);
  if (!secrets.length) return { recording: { ...r, graph }, removed };
  const hexes = secrets.map(toHex);
  return {
    recording: {
      ...r,
      graph,
      events: scrub(r.events, secrets, hexes) as Recording['events'],
      frames: scrub(r.frames, secrets, hexes) as Recording['frames'],
    },
    removed,
  };
}
