const os = require('node:os');

/** @type {import('jest').Config} */
module.exports = {
  // Jest's default (cores - 1) runs one test file at a time on a 2-core CI machine, while most files wait on a browser,
  // an SMTP server, PostgreSQL or a child process: two at a time keeps CI under its 20 minutes.
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  // Generous: a heavy test (500 messages through a faulty SMTP server) must not fail because the machine is shared.
  testTimeout: 90000,
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
