import type { Plugin } from 'vite';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/** The rules run under several time zones, including ones with a daylight-saving change. */
const TIME_ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland'];

/**
 * Source under test sees the shipped value of the build-time test-hook flag (vite.config.ts
 * `define`). Vitest turns a `define` into a global, and not at all in inline projects, so the flag
 * is replaced here as the build replaces it; projects do not inherit the root config, so each one
 * spreads this.
 */
const testHooksOff: Plugin = {
  name: 'lapse:test-hooks-off',
  transform(code, id) {
    if (!id.includes('/src/') || !code.includes('__LAPSE_TEST_HOOKS__')) return null;
    return { code: code.replaceAll('__LAPSE_TEST_HOOKS__', 'false'), map: null };
  },
};
const shipped = { plugins: [testHooksOff] };
const jsx = { ...shipped, oxc: { jsx: { runtime: 'automatic' as const, importSource: 'preact' } } };

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
        ...shipped,
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
      {
        ...shipped,
        test: {
          name: 'firefox',
          include: ['tests/firefox/**/*.test.ts'],
          environment: 'node',
          // One Firefox at a time; starting it and installing the extension takes seconds.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['tests/firefox/global-setup.ts'],
        },
      },
    ],
  },
});
