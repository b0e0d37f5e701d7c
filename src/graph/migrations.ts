// File-format migrations: each new version adds one step here, tested against a fixture of the old version.
import { GRAPH_VERSION, type Problem } from './types.ts';

/** Turns a document of version n (already checked for size and forbidden keys) into version n + 1. */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** The oldest version this build can read. */
export const OLDEST_VERSION = 1;

/**
 * MIGRATIONS[n] upgrades version n to n + 1. Version 1 is the current one, so there are none yet;
 * version 2 will add `1: (doc) => ({ ...doc, version: 2, … })` and a fixture in fixtures/v1/ stays as the test.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type MigrationResult = { ok: true; doc: Record<string, unknown> } | { ok: false; problems: Problem[] };

export function migrate(doc: Record<string, unknown>): MigrationResult {
  const version = doc.version;
  if (version === undefined) {
    return { ok: false, problems: [{ field: 'version', message: `The file has no "version"; this AMQP Flow reads version ${GRAPH_VERSION}` }] };
  }
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, problems: [{ field: 'version', message: `"version" must be a whole number, found ${JSON.stringify(version)}; this AMQP Flow reads version ${GRAPH_VERSION}` }] };
  }
  if (version > GRAPH_VERSION) {
    return {
      ok: false,
      problems: [{ field: 'version', message: `This file was made by a newer AMQP Flow (version ${version}); this one reads version ${GRAPH_VERSION}. Update AMQP Flow to open it` }],
    };
  }
  if (version < OLDEST_VERSION) {
    return { ok: false, problems: [{ field: 'version', message: `Version ${version} is not a version of the AMQP Flow format; this one reads version ${GRAPH_VERSION}` }] };
  }
  let current = doc;
  for (let v = version; v < GRAPH_VERSION; v += 1) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`No migration from version ${v} to ${v + 1}`);
    current = step(current);
  }
  return { ok: true, doc: current };
}
