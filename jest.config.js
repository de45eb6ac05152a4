/**
 * Two projects, one `npx jest`:
 * - accord: every TypeScript suite under test/ (CommonJS through ts-jest, as before);
 * - hubspot-ui: the HubSpot UI extension tests beside the React components in manifests/hubspot.
 *   `@hubspot/ui-extensions` and its `tinyspy` dependency ship ES modules only, so this project
 *   transpiles them (and the .tsx components) to CommonJS with ts-jest instead of ignoring node_modules.
 * @type {import('jest').Config}
 */
module.exports = {
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/support/summary-line-reporter.js'],
  projects: [
    {
      displayName: 'accord',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      transform: {
        // Type errors are caught by `npm run typecheck`; transpiling per file keeps the suite fast.
        '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
      },
    },
    {
      displayName: 'hubspot-ui',
      testEnvironment: 'node',
      roots: ['<rootDir>/manifests/hubspot'],
      testMatch: ['**/*.test.tsx'],
      transform: {
        // Types are checked by test/manifests/hubspot-ui-typecheck.test.ts (manifests/hubspot/tsconfig.json).
        '^.+\\.(tsx?|jsx?)$': [
          'ts-jest',
          {
            diagnostics: false,
            tsconfig: {
              target: 'ES2022',
              module: 'commonjs',
              jsx: 'react-jsx',
              allowJs: true,
              esModuleInterop: true,
              isolatedModules: true,
            },
          },
        ],
      },
      transformIgnorePatterns: ['/node_modules/(?!(@hubspot/ui-extensions|tinyspy)/)'],
    },
  ],
};
