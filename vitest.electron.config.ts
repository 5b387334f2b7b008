import { defineConfig } from 'vitest/config';

// The Electron tests (`npm run test:electron`, started through test/electron/run.mjs, which finds
// the binaries). Not a project of vitest.config.ts: `npm test` runs where no Electron binary can
// be downloaded. No alias for `electron` here: the tests never import it, they start the real app.
export default defineConfig({
  test: {
    name: 'electron',
    include: ['test/electron/**/*.test.ts'],
    environment: 'node',
    // One Electron at a time: they would share the user's app-data folder and compete for 2 cores.
    fileParallelism: false,
    // The test timeout is the only deadline (no test waits for time to pass); generous for
    // a cold Electron start on a hosted runner.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    expect: { poll: { timeout: 100_000 } },
  },
});
