// Starts the one-hop sink (bench/lib/sinkProcess.ts) in a child process and stops it.
import { startChildServer, type ChildServer } from './childServer.ts';

export interface ChildSink extends ChildServer {
  tcpUrl: string;
}

export const startChildSink = (): Promise<ChildSink> => startChildServer<{ tcpUrl: string }>('./sinkProcess.ts', 'the sink process');
