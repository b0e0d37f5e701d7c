// Starter flows offered by the Templates menu, one file each under templates/; each is valid, laid
// out left → right, and its description says what to watch.
import { creditStarvation } from './templates/credit-starvation.ts';
import { competingConsumers } from './templates/competing-consumers.ts';
import { deadLetter } from './templates/dead-letter.ts';
import { drain } from './templates/drain.ts';
import { helloCbs } from './templates/hello-cbs.ts';
import type { Template } from './templates/makeGraph.ts';
import { requestReply } from './templates/request-reply.ts';
import { sendReceive } from './templates/send-receive.ts';
import { settleByHand } from './templates/settle-by-hand.ts';
import { settleModes } from './templates/settle-modes.ts';

export type { Template } from './templates/makeGraph.ts';

export const TEMPLATES: Template[] = [
  helloCbs,
  sendReceive,
  creditStarvation,
  competingConsumers,
  requestReply,
  settleModes,
  settleByHand,
  deadLetter,
  drain,
];
