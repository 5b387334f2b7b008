// Preloaded with `node --require` by the lazy-loading tests: records every package the process
// (and its worker threads, which inherit --require) asks Node to load, and appends the names to
// the file named by SD_REQUIRE_LOG when the thread exits (with what is in the CommonJS cache then). Relative paths (our own bundled files)
// and Node's built-in modules are left out: what matters is which packages a command pulls in.
/* eslint-disable @typescript-eslint/no-require-imports -- a --require hook is CommonJS */
'use strict';
const Module = require('node:module');
const { appendFileSync } = require('node:fs');
const { isMainThread } = require('node:worker_threads');

const log = process.env.SD_REQUIRE_LOG;
const seen = new Set();
const builtins = new Set(Module.builtinModules);
const original = Module._load;
Module._load = function load(request) {
  if (typeof request === 'string' && !request.startsWith('.') && !request.startsWith('/') && !request.startsWith('node:') && !builtins.has(request)) {
    const name = request.startsWith('@') ? request.split('/').slice(0, 2).join('/') : request.split('/')[0];
    seen.add(name);
  }
  return original.apply(this, arguments);
};
// A package reached by import() (esbuild keeps dynamic imports of externals) may not pass through
// Module._load: it is still in the CommonJS cache when it is CommonJS, so that is read too.
// Our own bundled files that were read (dist/cli.js, dist/cli-main.js, ...) are noted as well.
const files = new Set();
function fromCache() {
  for (const file of Object.keys(Module._cache)) {
    const m = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file.slice(file.lastIndexOf('node_modules') - 1));
    if (m) seen.add(m[1].replace('\\', '/'));
    else if (/[\\/]dist[\\/][^\\/]+\.js$/.test(file)) files.add(file.split(/[\\/]/).pop());
  }
}
function flush() {
  fromCache();
  const thread = isMainThread ? 'main' : 'worker';
  const lines = [...[...seen].map((n) => `${thread} ${n}`), ...[...files].map((f) => `file ${f}`)];
  if (log && lines.length) appendFileSync(log, `${lines.join('\n')}\n`);
  seen.clear();
  files.clear();
}
process.on('exit', flush);
