// The WebSocket factory for Node (CLI and tests), on the `ws` package. Node-only: the page never imports this file.
import WebSocket from 'ws';
import type { WebSocketFactory, WebSocketLike } from './run.ts';

export const nodeWebSocketFactory: WebSocketFactory = (url, protocols) =>
  new WebSocket(url, protocols, { maxPayload: 256 * 1024 * 1024 }) as unknown as WebSocketLike;
