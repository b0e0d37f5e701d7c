// Node globals rhea's lib/ expects, installed before anything here imports rhea (see vite.config.ts).
// The engine's entry imports this first, so the Buffer and process shims travel in the engine's chunk
// and stay out of the page's first bundle; in Node they are already there and nothing changes.
import { Buffer } from 'buffer';
import process from 'process';

const g = globalThis as unknown as { Buffer?: typeof Buffer; process?: typeof process };
g.Buffer ??= Buffer;
g.process ??= process;
