#!/usr/bin/env node
// The installed command: runs the compiled CLI (npm ci compiles it through `prepare`).
import('../dist/cli/main.js').then((cli) => cli.main(process.argv));
