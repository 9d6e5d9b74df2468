#!/usr/bin/env node
'use strict';
// The compiled CLI lives in dist/ (built by `npm install` through the "prepare" script, or `npm run build`).
let cli;
try {
  cli = require('../dist/server/cli/main.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND') {
    process.stderr.write(
      'Reclamo is not built yet: run `npm install` (or `npm run build`) in the project folder first.\n',
    );
    process.exit(2);
  }
  throw error;
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`reclamo: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
