// After every test: stop the PostgreSQL cluster of global-setup.js and remove its files.
module.exports = async function globalTeardown() {
  globalThis.__reclamoPostgres?.stop();
};
