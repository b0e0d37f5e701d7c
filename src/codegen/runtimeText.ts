// The runtime every exported TypeScript program starts with, as text. Its parts are real, type-checked
// modules (runtime/*.ts, one concept each); the program is one self-contained file, so they are copied
// in this order without their imports of each other (runtime/header.ts imports what they all use).
import HEADER from './runtime/header.ts?raw';
import COMMAND_LINE from './runtime/commandLine.ts?raw';
import ENDPOINTS from './runtime/endpoints.ts?raw';
import CREDIT_REPORTS from './runtime/creditReports.ts?raw';
import SENDER_QUEUE from './runtime/senderQueue.ts?raw';
import TRANSFERS from './runtime/transfers.ts?raw';
import RECEIVERS from './runtime/receivers.ts?raw';
import CONNECTION from './runtime/connection.ts?raw';
import STDIN_CONTROLS from './runtime/stdinControls.ts?raw';
import RUN_END from './runtime/runEnd.ts?raw';

const RUNTIME_PARTS = [HEADER, COMMAND_LINE, ENDPOINTS, CREDIT_REPORTS, SENDER_QUEUE, TRANSFERS, RECEIVERS, CONNECTION, STDIN_CONTROLS, RUN_END];

/** `import … from './part.ts';` lines: in the one-file program every part's names are already in scope. */
const IMPORT_OF_A_PART = /^import .* from '\.\/\w+\.ts';\n/gm;

export const FLOW_RUNTIME = RUNTIME_PARTS.map((part) => part.replace(IMPORT_OF_A_PART, '').trimEnd()).join('\n\n');
