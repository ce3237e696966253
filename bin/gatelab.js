#!/usr/bin/env node
// The `gatelab` command. Runs the TypeScript CLI through tsx (no build step needed after `npm install`).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main/cli.ts');
process.exitCode = await main(process.argv.slice(2));
