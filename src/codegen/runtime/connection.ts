// ---- connections over WebSocket (the ws package), with the flow's SASL and open options ----
import { rhea, WebSocket } from './header.ts';
import type { Connection, ConnectionOptions } from './header.ts';
interface ConnectionSpec {
  url: string;
  subprotocols: string[];
  containerId: string;
  hostname?: string;
  sasl: { mechanism: 'ANONYMOUS' | 'PLAIN'; username?: string; password?: string };
  idleTimeoutMs?: number;
  maxFrameSize?: number;
  channelMax?: number;
  reconnect: boolean;
}
export function connect(spec: ConnectionSpec): Connection {
  const container = rhea.create_container({ id: spec.containerId });
  container.on('error', () => {}); // every error is reported by the endpoint's own *_error handler
  const ws = container.websocket_connect(WebSocket as never);
  const options: Record<string, unknown> = {
    connection_details: ws(spec.url, spec.subprotocols, {}),
    host: new URL(spec.url).hostname,
    container_id: spec.containerId,
    reconnect: spec.reconnect,
    non_fatal_errors: [],
  };
  const sasl = (rhea as unknown as { sasl: { client_mechanisms(): { enable_plain(u: string, p: string): void; enable_anonymous(u?: string): void } } }).sasl.client_mechanisms();
  if (spec.sasl.mechanism === 'PLAIN') sasl.enable_plain(spec.sasl.username ?? '', spec.sasl.password ?? '');
  else sasl.enable_anonymous(spec.sasl.username);
  options.sasl_mechanisms = sasl;
  if (spec.hostname) options.hostname = spec.hostname;
  if (spec.idleTimeoutMs) options.idle_time_out = spec.idleTimeoutMs;
  if (spec.maxFrameSize) options.max_frame_size = spec.maxFrameSize;
  if (spec.channelMax !== undefined) options.channel_max = spec.channelMax;
  return container.connect(options as unknown as ConnectionOptions);
}
