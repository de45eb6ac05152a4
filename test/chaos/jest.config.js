/**
 * `npm run test:chaos`: the slow fault scenarios (Accord as a child process killed mid-burst, CRM
 * outages, two instances on one Postgres). Needs `npm run build` first; the npm script does it.
 * @type {import('jest').Config}
 */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/chaos'],
  testMatch: ['**/*.chaos.ts'],
  testTimeout: 240000,
  // One scenario at a time: they measure a machine, and share its two cores.
  maxWorkers: 1,
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
};
