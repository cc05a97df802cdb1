#!/usr/bin/env node
// Entry point for `npx tandem …`: runs the TypeScript CLI through tsx's loader so that a
// clean checkout needs no build step before the first command.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
