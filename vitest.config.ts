import { defineConfig } from 'vitest/config';

// VITEST_JSON=<file> adds vitest's JSON report (CI reads its counts); the terminal output stays as it is.
const json = process.env.VITEST_JSON;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    reporters: json ? ['default', ['json', { outputFile: json }]] : ['default'],
  },
});
