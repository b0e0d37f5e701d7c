// ---- stdin: "credit <receiver> <n>", "drain <receiver>", "accept|reject|release|modify <receiver> <deliveryId>", "stop" ----
import { createInterface } from './header.ts';
import { creditChanged } from './creditReports.ts';
import { receiverLinks, heldDeliveries, settleReceived } from './receivers.ts';
import { stop } from './runEnd.ts';
createInterface({ input: process.stdin, terminal: false }).on('line', (line) => {
  const [command, node = '', arg = ''] = line.trim().split(/\s+/);
  const receiver = receiverLinks.get(node);
  if (command === 'stop') void stop();
  else if (command === 'credit' && receiver && Number(arg) > 0) {
    receiver.add_credit(Number(arg));
    creditChanged();
  } else if (command === 'drain' && receiver) {
    receiver.drain_credit();
    creditChanged();
  } else if (['accept', 'reject', 'release', 'modify'].includes(command ?? '') && receiver) {
    const delivery = heldDeliveries.get(node)?.get(Number(arg));
    if (!delivery) return console.error('no unsettled delivery ' + arg + ' on ' + node);
    heldDeliveries.get(node)?.delete(Number(arg));
    const outcome = command === 'accept' ? 'accepted' : command === 'reject' ? 'rejected' : command === 'release' ? 'released' : 'modified';
    settleReceived(node, delivery, outcome);
  } else if (command) console.error('unknown command: ' + line + ' (try "credit <receiver> <n>", "drain <receiver>", "accept <receiver> <deliveryId>" or "stop")');
});
