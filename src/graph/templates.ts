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
import { TEMPLATE_EXPECTATIONS } from './templateExpectations.ts';
import { restartDemo } from './demoTemplates.ts';

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
  {
    id: 'restart-demo',
    name: 'Survive a broker restart',
    description: 'A steady stream with reconnect on, and scenes for presenting: the broker restarts mid-run and the flow recovers.',
    graph: restartDemo,
  },
];

// Every template carries its expectations (see templateExpectations.ts).
for (const template of TEMPLATES) {
  const expect = TEMPLATE_EXPECTATIONS[template.id];
  const build = template.graph;
  if (expect) template.graph = () => ({ ...build(), expect: structuredClone(expect) });
}
