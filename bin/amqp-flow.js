#!/usr/bin/env node
// The `amqp-flow` command: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2), (l) => process.stdout.write(`${l}\n`), (l) => process.stderr.write(`${l}\n`));
process.exitCode = code;
setTimeout(() => process.exit(code), 200).unref();
