// The claims-based security handshake (Azure Service Bus / Event Hubs): put a token to `$cbs` on a session of its
// own before the graph's sessions begin, wait for the broker's status, and put it again before it expires.
import type { Connection, EventContext, Message, Sender } from 'rhea';
import type { CbsProps } from '../graph/types.ts';
import type { EngineEvent, ErrorDetail } from './events.ts';
import { explainError } from './doctor.ts';

export const CBS_NODE = '$cbs';
export const CBS_DEFAULT_TOKEN_TYPE = 'servicebus.windows.net:sastoken';
export const CBS_DEFAULT_RENEW_MS = 45 * 60 * 1000;
export const CBS_REPLY_TIMEOUT_MS = 10_000;
export const CBS_CONDITIONS = { rejected: 'amqp-flow:cbs-rejected', timeout: 'amqp-flow:cbs-timeout' } as const;

const HINT = 'The broker refused the token: check the SAS token, its audience (name) and its expiry.';
const TIMEOUT_HINT = 'The broker did not answer the put-token on "$cbs": check that it supports claims-based security (Azure does), or remove the cbs setting.';

export interface CbsHooks {
  /** graph node id of the connection */
  node: string;
  now(): number;
  emit(e: EngineEvent): void;
  /** the first put-token was accepted: the graph's sessions may begin */
  accepted(): void;
  /** the first put-token failed: the connection fails with this detail */
  failed(detail: ErrorDetail): void;
}

/** The `name` of the put-token when none is set: the connection URL as amqps://host/. */
export function defaultAudience(url: string): string {
  try {
    return `amqps://${new URL(url).hostname}/`;
  } catch {
    return url;
  }
}

/** One connection's CBS link pair and renewal timer; `stop()` clears everything it started. */
export class CbsHandshake {
  private readonly hooks: CbsHooks;
  private readonly token: string;
  private readonly audience: string;
  private readonly tokenType: string;
  private readonly renewEveryMs: number;
  private readonly replyTo = `cbs-reply-${Math.random().toString(36).slice(2, 10)}`;
  private sender?: Sender;
  private receiverOpen = false;
  /** put-tokens waiting to be sent (no credit yet) or answered */
  private readonly unsent: { id: string; renewal: boolean }[] = [];
  private readonly waiting = new Map<string, { renewal: boolean; timer: ReturnType<typeof setTimeout> }>();
  private renewTimer?: ReturnType<typeof setInterval>;
  private seq = 0;
  private done = false;
  private first = true;

  constructor(cbs: CbsProps, url: string, hooks: CbsHooks) {
    this.hooks = hooks;
    this.token = cbs.token ?? ''; // runProblems refuses a run without it
    this.audience = cbs.audience ?? defaultAudience(url);
    this.tokenType = cbs.tokenType ?? CBS_DEFAULT_TOKEN_TYPE;
    this.renewEveryMs = Math.max(1000, cbs.renewEveryMs ?? CBS_DEFAULT_RENEW_MS);
  }

  /** Opens the CBS session and links on an open connection and puts the token. */
  start(conn: Connection): void {
    const ssn = conn.create_session();
    ssn.on('session_error', (c: EventContext) => this.linkFailed(c.session?.error));
    ssn.on('session_close', () => this.linkFailed(undefined));
    ssn.begin();
    const sender = ssn.open_sender({ target: { address: CBS_NODE }, name: `${this.replyTo}-put` } as never);
    const receiver = ssn.open_receiver({ source: { address: this.replyTo }, target: { address: this.replyTo }, name: this.replyTo, credit_window: 10, autoaccept: true } as never);
    this.sender = sender;
    sender.on('sendable', () => this.flush());
    sender.on('sender_open', () => this.flush());
    receiver.on('receiver_open', () => {
      this.receiverOpen = true;
      this.flush();
    });
    for (const link of [sender, receiver]) {
      link.on(link === sender ? 'sender_error' : 'receiver_error', (c: EventContext) => this.linkFailed((c.sender ?? c.receiver)?.error));
      link.on(link === sender ? 'sender_close' : 'receiver_close', () => this.linkFailed(undefined));
    }
    // Outcomes of the put-token itself are not needed: the reply says what happened.
    for (const name of ['accepted', 'rejected', 'released', 'modified', 'settled']) sender.on(name, () => {});
    receiver.on('message', (c: EventContext) => this.onReply(c.message));
    this.put(false);
  }

  /** Clears the renewal timer and reply timeouts; the links end with the connection. */
  stop(): void {
    this.done = true;
    if (this.renewTimer) clearInterval(this.renewTimer);
    this.renewTimer = undefined;
    for (const w of this.waiting.values()) clearTimeout(w.timer);
    this.waiting.clear();
    this.unsent.length = 0;
  }

  private put(renewal: boolean): void {
    if (this.done) return;
    const id = `put-token-${++this.seq}`;
    const timer = setTimeout(() => this.onTimeout(id), CBS_REPLY_TIMEOUT_MS);
    this.waiting.set(id, { renewal, timer });
    this.unsent.push({ id, renewal });
    this.flush();
  }

  private flush(): void {
    const sender = this.sender;
    if (this.done || !sender || !this.receiverOpen) return;
    while (this.unsent.length && sender.sendable()) {
      const { id } = this.unsent.shift()!;
      const message: Message = {
        message_id: id,
        reply_to: this.replyTo,
        to: CBS_NODE,
        application_properties: { operation: 'put-token', type: this.tokenType, name: this.audience },
        body: this.token,
      };
      sender.send(message);
    }
  }

  private onReply(message: Message | undefined): void {
    if (!message || this.done) return;
    const id = typeof message.correlation_id === 'string' ? message.correlation_id : String(message.correlation_id ?? '');
    const w = this.waiting.get(id);
    if (!w) return;
    clearTimeout(w.timer);
    this.waiting.delete(id);
    const props = (message.application_properties ?? {}) as Record<string, unknown>;
    const status = Number(props['status-code'] ?? props.statusCode ?? 0);
    const description = String(props['status-description'] ?? props.statusDescription ?? '');
    const ok = status === 200 || status === 202;
    const detail: ErrorDetail | undefined = ok ? undefined : { condition: CBS_CONDITIONS.rejected, description: `${status} ${description}`.trim(), hint: HINT };
    this.hooks.emit({ at: this.hooks.now(), node: this.hooks.node, event: 'CBS_TOKEN', status, description, renewal: w.renewal, ...(detail ? { errorDetail: detail } : {}) });
    if (!w.renewal) this.settleFirst(detail);
  }

  private onTimeout(id: string): void {
    const w = this.waiting.get(id);
    if (!w || this.done) return;
    this.waiting.delete(id);
    const detail: ErrorDetail = { condition: CBS_CONDITIONS.timeout, description: `No reply to the put-token on "$cbs" within ${CBS_REPLY_TIMEOUT_MS / 1000} s`, hint: TIMEOUT_HINT };
    if (w.renewal) {
      this.hooks.emit({ at: this.hooks.now(), node: this.hooks.node, event: 'CBS_TOKEN', status: 0, description: detail.description, renewal: true, errorDetail: detail });
    } else {
      this.settleFirst(detail);
    }
  }

  /** The broker refused or dropped the CBS links themselves: keep its condition and words. */
  private linkFailed(error: unknown): void {
    if (this.done) return;
    const d = error ? explainError(error) : { condition: CBS_CONDITIONS.rejected, description: 'The broker closed the "$cbs" link.' };
    const detail = { ...d, hint: `${d.hint ? `${d.hint} ` : ''}The claims-based security handshake on "$cbs" could not run.` };
    if (this.first) this.settleFirst(detail);
    else this.hooks.emit({ at: this.hooks.now(), node: this.hooks.node, event: 'CBS_TOKEN', status: 0, description: detail.description, renewal: true, errorDetail: detail });
    this.stop();
  }

  private settleFirst(detail: ErrorDetail | undefined): void {
    if (!this.first) return;
    this.first = false;
    if (detail) {
      this.stop();
      this.hooks.failed(detail);
      return;
    }
    this.renewTimer = setInterval(() => this.put(true), this.renewEveryMs);
    this.hooks.accepted();
  }
}
