// Was this page served with the embedded broker (`npm start`), or from a plain static host? Probed
// once at start-up by asking for the broker's queue list next to the page (a relative URL, so it
// works under any path). Without the broker, connections need their own URL and the Broker view
// says why it is empty.
import { create } from 'zustand';

export type EmbeddedBrokerStatus = 'checking' | 'present' | 'absent';

export const useEmbeddedBroker = create<{ status: EmbeddedBrokerStatus }>()(() => ({ status: 'checking' }));

/** The management API beside the page, relative to wherever the page is served from. */
export const MANAGEMENT_QUEUES_URL = 'api/queues';

let probing: Promise<EmbeddedBrokerStatus> | null = null;

async function answersQueueList(fetcher: typeof fetch, url: string): Promise<boolean> {
  try {
    const res = await fetcher(url, { headers: { accept: 'application/json' } });
    const type = res.headers.get('content-type') ?? '';
    return res.ok && type.includes('application/json') && Array.isArray(await res.json());
  } catch {
    return false;
  }
}

/**
 * Asks once; a static host answers 404 or its index.html, never a JSON list. The page may sit at a
 * deeper path of the embedded server (a share link, say), so the server's root is asked too.
 */
export function probeEmbeddedBroker(fetcher: typeof fetch = fetch): Promise<EmbeddedBrokerStatus> {
  probing ??= (async () => {
    const present = (await answersQueueList(fetcher, MANAGEMENT_QUEUES_URL)) || (await answersQueueList(fetcher, `/${MANAGEMENT_QUEUES_URL}`));
    const status: EmbeddedBrokerStatus = present ? 'present' : 'absent';
    useEmbeddedBroker.setState({ status });
    return status;
  })();
  return probing;
}

/** True once the probe found no embedded broker (while it is still checking, the page assumes one). */
export const noEmbeddedBroker = (): boolean => useEmbeddedBroker.getState().status === 'absent';
export const useNoEmbeddedBroker = (): boolean => useEmbeddedBroker((s) => s.status === 'absent');
