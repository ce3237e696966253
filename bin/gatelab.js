#!/usr/bin/env node
// The `gatelab` command. Runs the TypeScript CLI through tsx (no build step needed after `npm install`).
import { register } from 'tsx/esm/api';

register();
// `gatelab datasets show 1 --json | head`: a reader that stops early is not an error worth a stack trace
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); else throw e; });
const { main } = await import('../main/cli.ts');
process.exitCode = await main(process.argv.slice(2));
