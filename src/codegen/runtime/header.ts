// ---- AMQP Flow runtime: the fixed part of every exported program (command line, one JSON line per event,
// the per-sender queue that waits for credit, credit reports, received messages, stdin controls, the end of a
// run). The flow's own code follows it; the names it uses are exported so the runtime type-checks on its own.
// Each part is a module of its own here (src/codegen/runtime/, in RUNTIME_PARTS order); the export joins them
// into one self-contained file without their imports of each other, so this header imports for all of them.
import rhea from 'rhea';
import type { Connection, ConnectionOptions, Delivery, EventContext, Message, Receiver, Sender, Session } from 'rhea';
import WebSocket from 'ws';
import { createInterface } from 'node:readline';
export { rhea, WebSocket, createInterface };
export type { Connection, ConnectionOptions, Delivery, EventContext, Message, Receiver, Sender, Session };
