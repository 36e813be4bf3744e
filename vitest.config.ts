import { defineConfig } from 'vitest/config';

/**
 * One runner for every test: unit tests (pure code, real SQLite files),
 * integration tests (real PTYs, real servers) and end-to-end tests (the web
 * host in Debian's Chromium through playwright-core).
 */
export default defineConfig({
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          // Two files at once: a browser test waits far more than it computes (0.8 of one core),
          // so two took e2e from 12m54 to 9m50 on 2 cores. Each file has its own kiosk process,
          // data folder and browser. The load found three real races, all fixed (the take-card
          // prompt, the payment order being opened, 长辈版 reset after the kiosk's answer).
          maxWorkers: 2,
          // A poll waits for what a busy kiosk does in its own time (a session closed, a notice
          // gone); it returns as soon as it holds, so a generous limit costs a passing run nothing.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
