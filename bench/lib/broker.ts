// Starts the embedded broker in a child process (bench/lib/brokerProcess.ts) and stops it.
import { startChildServer, type ChildServer } from './childServer.ts';

export interface ChildBroker extends ChildServer {
  wsUrl: string;
  tcpUrl: string;
}

export const startChildBroker = (): Promise<ChildBroker> => startChildServer<{ wsUrl: string; tcpUrl: string }>('./brokerProcess.ts', 'the broker process');
