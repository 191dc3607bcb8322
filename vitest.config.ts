import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/** The rules run under several time zones, including ones with a daylight-saving change. */
const TIME_ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland'];

const jsx = { oxc: { jsx: { runtime: 'automatic' as const, importSource: 'preact' } } };

const rulesInZone = (tz: string): TestProjectInlineConfiguration => ({
  ...jsx,
  test: { name: `rules@${tz}`, include: ['tests/unit/rules/**/*.test.ts'], env: { TZ: tz } },
});

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      ...TIME_ZONES.map(rulesInZone),
      {
        ...jsx,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          exclude: ['tests/unit/rules/**'],
          env: { TZ: 'Europe/Paris' },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // Each file launches its own Chromium; two cores take one browser at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
