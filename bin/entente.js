#!/usr/bin/env node
// The entente command line; the TypeScript sources are compiled to dist/ at install time.
import { main } from '../dist/cli/main.js';

await main(process.argv);
