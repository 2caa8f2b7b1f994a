/** Shared jest config: unit, bot (HTTP) and, later, tab (Chromium) layers. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }] },
  // Browser tests share the machine's two cores with the server under test.
  maxWorkers: 2,
  // adaptivecards 3 ships ESM that jest cannot load; its UMD build is equivalent.
  moduleNameMapper: { '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js' },
  testTimeout: 30000,
  // Builds lib/ and tab/dist/ first: suites that spawn the compiled server never run stale code.
  globalSetup: '<rootDir>/tests/helpers/global-setup.js',
  reporters: ['default', '<rootDir>/tests/helpers/summary-reporter.js'],
};
