// Secrets kept for the browser session only (sessionStorage): the autosaved document in localStorage never
// holds them. A reload in the same tab finds them again; a new browser session does not.
import type { SecretValues } from '../graph/secrets.ts';

/** One entry for the autosaved flow, keyed by "<nodeId>.<field>" (e.g. "c1.sasl.password"). */
export const SESSION_SECRETS_KEY = 'amqp-flow:secrets';

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function readSessionSecrets(storage: StorageLike | undefined): SecretValues {
  if (!storage) return {};
  try {
    const value: unknown = JSON.parse(storage.getItem(SESSION_SECRETS_KEY) ?? '{}');
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as SecretValues) : {};
  } catch {
    return {};
  }
}

export function writeSessionSecrets(storage: StorageLike | undefined, secrets: SecretValues): void {
  if (!storage) return;
  if (Object.keys(secrets).length) storage.setItem(SESSION_SECRETS_KEY, JSON.stringify(secrets));
  else storage.removeItem(SESSION_SECRETS_KEY);
}
