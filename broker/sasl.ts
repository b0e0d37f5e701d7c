// Who may connect: SASL ANONYMOUS when no users are configured; otherwise PLAIN is required and
// checked against the configured users. Users come from a JSON file or `user:pass,user2:pass2`.
import { readFileSync } from 'node:fs';
import type { Container } from 'rhea';

interface ServerMechanisms {
  enable_anonymous(): void;
  enable_plain(check: (user: string, password: string) => boolean): void;
}

/** `user:pass,user2:pass2` → users; throws a plain-words error for malformed input. */
export function parseUserList(text: string): Record<string, string> {
  const users: Record<string, string> = {};
  for (const item of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const at = item.indexOf(':');
    if (at <= 0) throw new Error(`users: "${item}" is not user:password`);
    users[item.slice(0, at)] = item.slice(at + 1);
  }
  return users;
}

/** A JSON file `{ "user": "password", … }` → users; throws a plain-words error when it is not that. */
export function readUsersFile(path: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`users file ${path}: ${(e as Error).message}`, { cause: e });
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`users file ${path}: expected an object of "user": "password"`);
  for (const [u, p] of Object.entries(parsed)) {
    if (typeof p !== 'string') throw new Error(`users file ${path}: the password of "${u}" must be a string`);
  }
  return parsed as Record<string, string>;
}

/** Configure the container's SASL mechanisms; returns whether SASL PLAIN is required. */
export function configureSasl(container: Container, users: Record<string, string> | undefined): boolean {
  const mechs = container.sasl_server_mechanisms as ServerMechanisms;
  if (users && Object.keys(users).length) {
    mechs.enable_plain((user, password) => Object.hasOwn(users, user) && users[user] === password);
    return true;
  }
  mechs.enable_anonymous();
  return false;
}
