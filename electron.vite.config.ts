import { relative, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import pkg from './package.json';

const define = { __APP_VERSION__: JSON.stringify(pkg.version) };

/** "src/main/teams/index.ts" -> "main-teams-index": unique, as a module belongs to one chunk. */
function chunkName(chunk: { name: string; facadeModuleId: string | null; moduleIds: string[] }): string {
  const id = chunk.facadeModuleId ?? chunk.moduleIds[0];
  if (!id) return chunk.name;
  const rel = relative(resolve(__dirname, 'src'), id);
  return rel.startsWith('..') ? chunk.name : rel.replace(/\.[cm]?[jt]sx?$/, '').replace(/[\\/]/g, '-');
}

// Three bundles, one per runtime: main (Node + Electron), preload (sandboxed, one CommonJS file),
// renderer (browser only). The CLI is bundled separately by scripts/build-cli.mjs.
export default defineConfig({
  main: {
    define,
    build: {
      outDir: 'dist/main',
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/app/main.ts'),
          // Worker threads, beside index.js: the PC/SC binding's and the PAC sandbox's.
          'pcsc-worker': resolve(__dirname, 'src/main/cac/pcsc-worker.ts'),
          'pac-worker': resolve(__dirname, 'src/main/network/pac-worker.ts'),
        },
        // Each domain loads lazily from its own chunk. Chunks are named after the source path of
        // their entry module (chunks/main-teams-index.js), not a hash or a numbered name, so the
        // security audit's reviewed list (keyed by file) stays stable whatever else is added.
        output: { chunkFileNames: (chunk) => `chunks/${chunkName(chunk)}.js` },
      },
    },
  },
  preload: {
    build: {
      outDir: 'dist/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/main/app/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'dist/renderer'),
      emptyOutDir: true,
      sourcemap: false,
      // electron-vite leaves the renderer unminified; minified, the first screen is a third of the bytes.
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') },
    },
  },
});
