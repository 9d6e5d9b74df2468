// Before any test: compile dist/ (the CLI and worker threads run compiled code, so they never test stale code) and
// start one throwaway PostgreSQL cluster for the tests that need a real database server (TEST_DATABASE_URL).
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { startPostgres } = require('./postgres-server');

module.exports = async function globalSetup() {
  const root = path.join(__dirname, '../..');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  const postgres = await startPostgres();
  process.env.TEST_DATABASE_URL = postgres.url;
  globalThis.__reclamoPostgres = postgres;
};
