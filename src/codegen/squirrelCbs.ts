// The claims-based security handshake in the platform's agent style: on a connection with `cbs`,
// put the SAS token to "$cbs" and open the flow's sessions only once the broker answers 200/202,
// then put it again before it expires. The token is never copied into the file: paste it where
// the constant says.
import type { CbsProps } from '../graph/types.ts';
import { commentText } from './identifiers.ts';

const DEFAULT_TOKEN_TYPE = 'servicebus.windows.net:sastoken';
const DEFAULT_RENEW_MS = 45 * 60 * 1000;

function audienceOf(url: string): string {
  try {
    return `amqps://${new URL(url).hostname}/`;
  } catch {
    return 'amqps://<your-namespace>.servicebus.windows.net/';
  }
}

/**
 * The handshake's declarations and functions for one connection. `name` is its identifier, `q`
 * quotes a Squirrel string, `afterAccepted` are the statements that open its sessions.
 */
export function squirrelCbsCode(nodeId: string, name: string, url: string, cbs: CbsProps, q: (s: string) => string, afterAccepted: string[]): string[] {
  const up = name.charAt(0).toUpperCase() + name.slice(1);
  const token = `${name.toUpperCase()}_CBS_TOKEN`;
  const audience = cbs.audience ?? audienceOf(url);
  const renewSeconds = Math.max(1, Math.round((cbs.renewEveryMs ?? DEFAULT_RENEW_MS) / 1000));
  const reply = `cbs-reply-${nodeId}`;
  return [
    `// claims-based security for connection ${commentText(nodeId)}: put-token on "$cbs" before any session begins`,
    `// Paste your SAS token here ("SharedAccessSignature sr=…&sig=…&se=…&skn=…"); keep it out of version control.`,
    `const ${token} = "<your SAS token>";`,
    `${name}CbsSession <- null;`,
    `${name}CbsSender <- null;`,
    `${name}CbsReplies <- null;`,
    `${name}CbsStarted <- false;`,
    '',
    `function put${up}Token() {`,
    `  local properties = { ["operation"] = "put-token", ["type"] = ${q(cbs.tokenType ?? DEFAULT_TOKEN_TYPE)}, ["name"] = ${q(audience)} };`,
    `  // The reply comes to ${q(reply)} (reply-to) with the request's message-id as its correlation-id.`,
    `  local transfer = ${name}CbsSender.createtransfer(amqp.createmessage(${token}, properties));`,
    '  transfer.sendasync(function() {',
    `    server.log(${q(`${nodeId} put-token sent`)});`,
    '  });',
    '}',
    '',
    `function on${up}CbsReplies(deliveries) {`,
    '  foreach (delivery in deliveries) {',
    '    local status = delivery.message().applicationproperties()["status-code"];',
    '    delivery.accept();',
    '    if (status == 200 || status == 202) {',
    `      server.log(${q(`${nodeId} CBS_TOKEN `)} + status);`,
    `      if (!${name}CbsStarted) {`,
    `        ${name}CbsStarted = true;`,
    ...afterAccepted.map((l) => `        ${l}`),
    `        imp.wakeup(${renewSeconds}, renew${up}Token);`,
    '      }',
    '    } else {',
    `      server.error(${q(`${nodeId} CBS_TOKEN refused: `)} + status + ". Check the SAS token, its audience and its expiry.");`,
    '    }',
    '  }',
    '}',
    '',
    `function renew${up}Token() {`,
    `  put${up}Token();`,
    `  imp.wakeup(${renewSeconds}, renew${up}Token);`,
    '}',
    '',
    `function on${up}CbsEvent(event, errorDetail) {`,
    '  if (errorDetail) {',
    `    server.error(${q(`${nodeId} $cbs `)} + event + ": " + errorDetail);`,
    '    return;',
    '  }',
    '  switch (event) {',
    '    case "SESSION_OPEN":',
    `      ${name}CbsReplies = ${name}CbsSession.openreceiver(${q(reply)}, on${up}CbsEvent, on${up}CbsReplies);`,
    `      ${name}CbsSender = ${name}CbsSession.opensender("$cbs", on${up}CbsEvent);`,
    '      break;',
    '    case "SENDER_OPEN":',
    `      put${up}Token();`,
    '      break;',
    '  }',
    '}',
  ];
}

/** What the connection does when it opens instead of beginning its sessions. */
export function squirrelCbsStart(name: string): string[] {
  const up = name.charAt(0).toUpperCase() + name.slice(1);
  return [`${name}CbsSession = ${name}.opensession(on${up}CbsEvent); // the sessions begin once the token is accepted`];
}
