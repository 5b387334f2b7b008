// Builds only the renderer into a chosen folder (default dist/renderer). Parallel E2E work can
// use its own folder: `node scripts/build-renderer.mjs /tmp/my-renderer` and point the harness at
// it with SIGNIN_DOCTOR_RENDERER_DIR.
import { resolve } from 'node:path';
import { build } from 'vite';
import react from '@vitejs/plugin-react';

const outDir = resolve(process.argv[2] ?? 'dist/renderer');
await build({
  root: resolve('src/renderer'),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir, emptyOutDir: true, sourcemap: false },
});
console.log(`renderer built into ${outDir}`);
