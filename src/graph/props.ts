// Validation of one node's props: every field's type and range, unknown fields refused, plain-words messages.
import * as z from 'zod/mini';
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

interface FieldRule {
  schema: z.ZodMiniType;
  /** Completes "<field> must be …". */
  must: string;
  /** A more precise message for a value the schema accepts in shape but not in detail. */
  check?: (value: unknown) => string | null;
}

const text = z.string().check(z.maxLength(MAX_STRING_LENGTH));
const TEXT: FieldRule = { schema: text, must: `text (at most ${MAX_STRING_LENGTH} characters)` };
const BOOLEAN: FieldRule = { schema: z.boolean(), must: 'true or false' };
const uint = (min: number, max: number): FieldRule => ({
  schema: z.int().check(z.gte(min), z.lte(max)),
  must: max === MAX_UINT ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`,
});
const oneOf = (options: readonly string[]): FieldRule => ({
  schema: z.enum(options as [string, ...string[]]),
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

const scalar = z.union([z.string().check(z.maxLength(MAX_STRING_LENGTH)), z.number().check(z.refine(Number.isFinite)), z.boolean(), z.null()]);

const RULES: { [K in NodeKind]: Record<string, FieldRule> } = {
  connection: {
    url: {
      schema: text.check(z.refine((v) => v === '' || isWebSocketUrl(v))),
      must: 'a URL starting with ws:// or wss:// (or empty for the embedded broker)',
    },
    subprotocols: {
      schema: z.array(z.string().check(z.regex(TOKEN), z.maxLength(100))).check(z.maxLength(MAX_SUBPROTOCOLS)),
      must: `a list of at most ${MAX_SUBPROTOCOLS} subprotocol names without spaces or commas, e.g. ["binary", "AMQPWSB10", "amqp"]`,
    },
    containerId: TEXT,
    hostname: TEXT,
    sasl: {
      schema: z.strictObject({ mechanism: z.optional(z.enum(['ANONYMOUS', 'PLAIN'])), username: z.optional(text), password: z.optional(text) }),
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
      schema: z.strictObject({
        token: z.optional(text.check(z.minLength(1))),
        audience: z.optional(text.check(z.minLength(1))),
        tokenType: z.optional(text.check(z.minLength(1))),
        renewEveryMs: z.optional(z.int().check(z.gte(1000), z.lte(MAX_UINT))),
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
      schema: text.check(z.refine((v) => rejectConditionProblem(v) === null)),
      must: 'an AMQP error condition such as "amqp:precondition-failed", or a symbol with a namespace such as "com.example:too-late"',
      check: (v) => (typeof v === 'string' ? rejectConditionProblem(v) : null),
    },
    rejectDescription: TEXT,
  },
  transfer: {
    body: { schema: z.unknown().check(z.refine((v) => isJsonValue(v))), must: 'a string or another JSON value (finite numbers only)' },
    contentType: TEXT,
    subject: TEXT,
    messageId: TEXT,
    correlationId: TEXT,
    replyTo: { schema: text.check(z.refine((v) => v !== '@')), must: 'an address, or "@" followed by a receiver id' },
    to: TEXT,
    applicationProperties: {
      schema: z
        .record(z.string().check(z.minLength(1), z.maxLength(256)), scalar)
        .check(z.refine((m) => Object.keys(m).length <= MAX_APPLICATION_PROPERTIES)),
      must: `an object of at most ${MAX_APPLICATION_PROPERTIES} named values, each a string, number, true/false or null`,
      check: (map) => {
        if (!isPlainObject(map)) return null;
        for (const [key, value] of Object.entries(map)) {
          if (!scalar.safeParse(value).success) {
            return `applicationProperties "${key}" must be a string, number, true/false or null (found ${describeValue(value)})`;
          }
        }
        return null;
      },
    },
    applicationPropertyTypes: {
      schema: z.record(z.string().check(z.minLength(1), z.maxLength(256)), z.enum(AMQP_NUMBER_TYPES)),
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
    } else if (!rule.schema.safeParse(value).success) {
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
