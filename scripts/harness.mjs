// Bundles and starts the test harness (needs `npm run build` first for dist/renderer).
import { loadTs } from './bench/_load-ts.mjs';

await loadTs('test/support/harness/main.ts', 'harness');
