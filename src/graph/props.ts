// Validation of one node's props: every field's type and range, unknown fields refused, plain-words messages.
import { PROP_DOCS } from './defaults.ts';
import {
  MAX_APPLICATION_PROPERTIES,
  MAX_COUNT,
  MAX_DELAY_MS,
  MAX_DEPTH,
  MAX_STRING_LENGTH,
  MAX_SUBPROTOCOLS,
  MAX_UINT,
} from './limits.ts';
import { AMQP_NUMBER_TYPES, NODE_KINDS, type NodeKind, type Problem } from './types.ts';
import { numberTypeProblems } from './numberFit.ts';
import { rejectConditionProblem } from './rejectCondition.ts';

// Plain predicates rather than a schema library: this runs on every edit and at first paint, and the
// predicates keep the schema library out of the page's first bundle (it loads with the file parser).
type Accepts = (value: unknown) => boolean;

const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_STRING_LENGTH;
const isInt = (min: number, max: number): Accepts => (v) => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;
const isScalar: Accepts = (v) => v === null || typeof v === 'boolean' || isText(v) || (typeof v === 'number' && Number.isFinite(v));
const isPropName = (k: string) => k.length >= 1 && k.length <= 256;
const optional = (accepts: Accepts): Accepts => (v) => v === undefined || accepts(v);
/** An object with only the given fields, each accepted by its predicate (absent counts as undefined). */
const strictObject = (fields: Record<string, Accepts>): Accepts => (v) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) &&
  Object.keys(v).every((k) => Object.hasOwn(fields, k)) &&
  Object.entries(fields).every(([k, accepts]) => accepts((v as Record<string, unknown>)[k]));
/** An object whose every key and value are accepted. */
const record = (key: (k: string) => boolean, value: Accepts): Accepts => (v) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.entries(v).every(([k, x]) => key(k) && value(x));

interface FieldRule {
  accepts: Accepts;
  /** Completes "<field> must be …". */
  must: string;
  /** A more precise message for a value the schema accepts in shape but not in detail. */
  check?: (value: unknown) => string | null;
}

const TEXT: FieldRule = { accepts: isText, must: `text (at most ${MAX_STRING_LENGTH} characters)` };
const BOOLEAN: FieldRule = { accepts: (v) => typeof v === 'boolean', must: 'true or false' };
const uint = (min: number, max: number): FieldRule => ({
  accepts: isInt(min, max),
  must: max === MAX_UINT ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`,
});
const oneOf = (options: readonly string[]): FieldRule => ({
  accepts: (v) => typeof v === 'string' && options.includes(v),
  must: `one of ${options.map((o) => `"${o}"`).join(', ')}`,
});

function isWebSocketUrl(value: string): boolean {
  if (!/^wss?:\/\//i.test(value)) return false;
  try {
    return new URL(value).hostname.length > 0;
  } catch {
    return false;
  }
}

/** Subprotocol names are HTTP tokens. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** A JSON value of bounded depth, with finite numbers only. */
export function isJsonValue(value: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return value.length <= MAX_STRING_LENGTH;
  if (Array.isArray(value)) return value.every((v) => isJsonValue(v, depth + 1));
  if (isPlainObject(value)) return Object.values(value).every((v) => isJsonValue(v, depth + 1));
  return false;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const RULES: { [K in NodeKind]: Record<string, FieldRule> } = {
  connection: {
    url: {
      accepts: (v) => isText(v) && (v === '' || isWebSocketUrl(v)),
      must: 'a URL starting with ws:// or wss:// (or empty for the embedded broker)',
    },
    subprotocols: {
      accepts: (v) => Array.isArray(v) && v.length <= MAX_SUBPROTOCOLS && v.every((p) => typeof p === 'string' && TOKEN.test(p) && p.length <= 100),
      must: `a list of at most ${MAX_SUBPROTOCOLS} subprotocol names without spaces or commas, e.g. ["binary", "AMQPWSB10", "amqp"]`,
    },
    containerId: TEXT,
    hostname: TEXT,
    sasl: {
      accepts: strictObject({ mechanism: optional((v) => v === 'ANONYMOUS' || v === 'PLAIN'), username: optional(isText), password: optional(isText) }),
      must: 'an object { "mechanism": "ANONYMOUS" or "PLAIN", "username": text, "password": text }',
      check: (sasl) => {
        const { mechanism, username } = sasl as { mechanism?: string; username?: string };
        return mechanism === 'PLAIN' && !username ? 'SASL PLAIN needs a username (and usually a password); set them or use ANONYMOUS' : null;
      },
    },
    idleTimeoutMs: uint(0, MAX_UINT),
    maxFrameSize: uint(512, MAX_UINT),
    channelMax: uint(0, 65_535),
    reconnect: BOOLEAN,
    cbs: {
      accepts: strictObject({
        token: optional((v) => isText(v) && v !== ''),
        audience: optional((v) => isText(v) && v !== ''),
        tokenType: optional((v) => isText(v) && v !== ''),
        renewEveryMs: optional(isInt(1000, MAX_UINT)),
      }),
      must: 'an object { "token": the SAS token, "audience": text, "tokenType": text, "renewEveryMs": an integer ≥ 1000 }',
      check: cbsProblem,
    },
  },
  session: {
    incomingWindow: uint(1, MAX_UINT),
    outgoingWindow: uint(1, MAX_UINT),
  },
  sender: {
    address: TEXT,
    sndSettleMode: oneOf(['unsettled', 'settled', 'mixed']),
    rcvSettleMode: oneOf(['first', 'second']),
  },
  receiver: {
    address: TEXT,
    creditWindow: uint(0, MAX_UINT),
    initialCredit: uint(0, MAX_UINT),
    autoAccept: BOOLEAN,
    rcvSettleMode: oneOf(['first', 'second']),
    dynamic: BOOLEAN,
    rejectCondition: {
      accepts: (v) => isText(v) && rejectConditionProblem(v) === null,
      must: 'an AMQP error condition such as "amqp:precondition-failed", or a symbol with a namespace such as "com.example:too-late"',
      check: (v) => (typeof v === 'string' ? rejectConditionProblem(v) : null),
    },
    rejectDescription: TEXT,
  },
  transfer: {
    body: { accepts: (v) => isJsonValue(v), must: 'a string or another JSON value (finite numbers only)' },
    contentType: TEXT,
    subject: TEXT,
    messageId: TEXT,
    correlationId: TEXT,
    replyTo: { accepts: (v) => isText(v) && v !== '@', must: 'an address, or "@" followed by a receiver id' },
    to: TEXT,
    applicationProperties: {
      accepts: (v) => record(isPropName, isScalar)(v) && Object.keys(v as object).length <= MAX_APPLICATION_PROPERTIES,
      must: `an object of at most ${MAX_APPLICATION_PROPERTIES} named values, each a string, number, true/false or null`,
      check: (map) => {
        if (!isPlainObject(map)) return null;
        for (const [key, value] of Object.entries(map)) {
          if (!isScalar(value)) {
            return `applicationProperties "${key}" must be a string, number, true/false or null (found ${describeValue(value)})`;
          }
        }
        return null;
      },
    },
    applicationPropertyTypes: {
      accepts: record(isPropName, (v) => typeof v === 'string' && (AMQP_NUMBER_TYPES as readonly string[]).includes(v)),
      must: `an object naming, for a number property, its AMQP type: one of ${AMQP_NUMBER_TYPES.map((t) => `"${t}"`).join(', ')}`,
    },
    durable: BOOLEAN,
    ttlMs: uint(0, MAX_UINT),
    count: uint(1, MAX_COUNT),
    intervalMs: uint(0, MAX_DELAY_MS),
    startAfterMs: uint(0, MAX_DELAY_MS),
  },
};

const CBS_FIELDS = ['token', 'audience', 'tokenType', 'renewEveryMs'];

/** The one thing wrong with a `cbs` object, in plain words, or null. */
function cbsProblem(cbs: unknown): string | null {
  if (!isPlainObject(cbs)) return null;
  const unknown = Object.keys(cbs).find((k) => !CBS_FIELDS.includes(k));
  if (unknown) return `cbs has no field "${unknown}"; remove it (known: ${CBS_FIELDS.join(', ')})`;
  const { token, audience, tokenType, renewEveryMs } = cbs;
  // A file saved without secrets has no token; it is asked for before a run (runProblems for the CLI).
  if (token !== undefined && (typeof token !== 'string' || token === '')) return `cbs.token must be the token to put to "$cbs", e.g. a SAS token "SharedAccessSignature sr=…" (found ${describeValue(token)})`;
  const placeholder = typeof token === 'string' ? /<[^>]*>/.exec(token) : null;
  if (placeholder) return `cbs.token still holds a placeholder (${placeholder[0]}); replace the placeholder with your SAS token`;
  for (const [name, value] of [['audience', audience], ['tokenType', tokenType]] as const) {
    if (value !== undefined && (typeof value !== 'string' || value === '')) return `cbs.${name} must be non-empty text, or left out for the default (found ${describeValue(value)})`;
  }
  if (renewEveryMs !== undefined && !(Number.isInteger(renewEveryMs) && (renewEveryMs as number) >= 1000 && (renewEveryMs as number) <= MAX_UINT)) {
    return `cbs.renewEveryMs must be a whole number of milliseconds, at least 1000 (found ${describeValue(renewEveryMs)})`;
  }
  return null;
}

/** A short, safe rendering of a value for a message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 40)}…"` : JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

/** Every problem with one node's props; empty when they are all right. Fields set to undefined count as unset. */
export function validateProps<K extends NodeKind>(kind: K, props: unknown): Problem[] {
  if (!(NODE_KINDS as readonly string[]).includes(kind)) {
    return [{ message: `Unknown node kind "${String(kind)}"; use one of ${NODE_KINDS.join(', ')}` }];
  }
  if (!isPlainObject(props)) return [{ field: 'props', message: `The props of a ${kind} must be an object` }];
  const rules = RULES[kind];
  const problems: Problem[] = [];
  for (const [field, value] of Object.entries(props)) {
    if (value === undefined) continue;
    const rule = Object.hasOwn(rules, field) ? rules[field] : undefined;
    if (!rule) {
      const known = PROP_DOCS[kind].map((d) => d.field).join(', ');
      problems.push({ field, message: `A ${kind} has no property "${field}"; remove it (known: ${known})` });
      continue;
    }
    if (field === 'url' && typeof value === 'string' && /<[^>]*>/.test(value)) {
      problems.push({ field, message: `url still holds a placeholder (${/<[^>]*>/.exec(value)![0]}); replace it with your own value` });
    } else if (!rule.accepts(value)) {
      problems.push({ field, message: rule.check?.(value) ?? `${field} must be ${rule.must} (found ${describeValue(value)})` });
    } else {
      const detail = rule.check?.(value);
      if (detail) problems.push({ field, message: detail });
    }
  }
  if (kind === 'receiver' && props.dynamic === true && typeof props.address === 'string' && props.address !== '') {
    problems.push({
      field: 'address',
      message: 'A dynamic receiver gets its address from the broker; clear the address or turn dynamic off',
    });
  }
  if (kind === 'transfer') {
    // A picked type the number does not fit: named on the type, so the picker refuses it and Run does too.
    const values = isPlainObject(props.applicationProperties) ? props.applicationProperties : undefined;
    const picked = isPlainObject(props.applicationPropertyTypes) ? props.applicationPropertyTypes : undefined;
    for (const [key, message] of numberTypeProblems(values, picked)) problems.push({ field: `applicationPropertyTypes.${key}`, message });
  }
  return problems;
}
