// The cbs field as people have it: a raw SAS token copied from the Azure portal or a CLI
// ("SharedAccessSignature sr=…&sig=…&se=…&skn=…"), the same in quotes, or the JSON object with
// token, audience, tokenType and renewEveryMs. A connection string (which holds a key, not a
// token) is refused with what to paste instead.
import type { CbsProps } from './types.ts';

export type CbsReading = { ok: true; value: CbsProps | undefined } | { ok: false; message: string };

const CONNECTION_STRING = /(^|;)\s*(Endpoint|SharedAccessKeyName|SharedAccessKey)\s*=/i;

/** Reads the text typed or pasted into the cbs field. Empty text: no CBS. */
export function readCbsText(text: string): CbsReading {
  const t = text.trim();
  if (t === '') return { ok: true, value: undefined };
  if (t.startsWith('{') || t.startsWith('"')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(t);
    } catch (err) {
      return { ok: false, message: `The CBS token is neither a SAS token nor valid JSON: ${err instanceof Error ? err.message : String(err)}` };
    }
    if (typeof parsed === 'string') return readCbsText(parsed.startsWith('{') ? JSON.stringify(parsed) : parsed);
    // An object goes on to validation, which names any field that is wrong.
    return { ok: true, value: parsed as CbsProps };
  }
  if (CONNECTION_STRING.test(t) && !/^SharedAccessSignature\s/i.test(t)) {
    return {
      ok: false,
      message:
        'This is a connection string (it holds a key, not a token). Paste a SAS token instead: "SharedAccessSignature sr=…&sig=…&se=…&skn=…" ' +
        '(for example from "az servicebus namespace authorization-rule keys list" and a token generator, or the portal\'s Shared access signature page).',
    };
  }
  return { ok: true, value: { token: t } };
}

/** What the field shows for a stored value: the bare token when that is all there is, else the JSON. */
export function cbsText(cbs: CbsProps | undefined): string {
  if (cbs === undefined) return '';
  const keys = Object.keys(cbs);
  if (keys.length === 1 && keys[0] === 'token' && typeof cbs.token === 'string') return cbs.token;
  return JSON.stringify(cbs, null, 2);
}

/** The fields of a SAS token (sr, se, skn, …), for showing when it expires; sig is never shown. */
export function sasFields(token: string): Record<string, string> {
  const body = token.replace(/^SharedAccessSignature\s+/i, '');
  const out: Record<string, string> = {};
  for (const pair of body.split('&')) {
    const i = pair.indexOf('=');
    if (i > 0) {
      const key = pair.slice(0, i);
      if (key !== 'sig') {
        try {
          out[key] = decodeURIComponent(pair.slice(i + 1));
        } catch {
          out[key] = pair.slice(i + 1);
        }
      }
    }
  }
  return out;
}
