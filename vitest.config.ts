import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// `electron` is never loaded for real in tests (the binary cannot be downloaded here);
// every test that reaches src/main/app gets the small fake in test/support/electron-fake.ts.
const alias = { electron: resolve(__dirname, 'test/support/electron-fake.ts') };
const define = { __APP_VERSION__: JSON.stringify('0.0.0-test') };
const setupFiles = ['test/support/setup-globals.ts'];
// Tests that need peers only Linux has here (pcscd + vsmartcard-vpcd, chronyd, tinyproxy,
// gsettings). On Windows and macOS CI they are left out, by name, rather than faked.
const LINUX_PEERS = ['test/integration/cac/**', 'test/integration/clock/**', 'test/integration/network/**', 'test/e2e/cac.test.ts', 'test/e2e/clock.test.ts', 'test/e2e/network.test.ts'];
const notHere = process.platform === 'linux' ? [] : LINUX_PEERS;
// expect.poll() without a timeout of its own waits long (vitest's default is 1 s): a slow machine
// waits longer, a fast one is not slowed (the poll ends at the first match). Kept below the test
// timeout, so a poll that never matches reports its last value rather than a bare test timeout.

export default defineConfig({
  define,
  test: {
    projects: [
      // No test may depend on the machine's speed: the test timeout is the only deadline, generous.
      { define, resolve: { alias }, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', setupFiles, testTimeout: 60_000, hookTimeout: 60_000 } },
      {
        define,
        resolve: { alias },
        test: {
          name: 'integration',
          setupFiles,
          include: ['test/integration/**/*.test.ts'],
          exclude: notHere,
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          expect: { poll: { timeout: 50_000 } },
          fileParallelism: false,
        },
      },
      // Components in a DOM (happy-dom) against a fake window.signinDoctor (test/renderer/support).
      {
        define,
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['test/renderer/support/setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        define,
        resolve: { alias },
        test: {
          name: 'e2e',
          setupFiles,
          include: ['test/e2e/**/*.test.ts'],
          exclude: notHere,
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 90_000,
          expect: { poll: { timeout: 60_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
