// Node globals rhea's lib/ expects, installed before anything imports rhea (see vite.config.ts).
import { Buffer } from 'buffer';
import process from 'process';

const g = globalThis as unknown as { Buffer?: typeof Buffer; process?: typeof process };
g.Buffer ??= Buffer;
g.process ??= process;
