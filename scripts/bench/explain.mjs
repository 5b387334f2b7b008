// Explain throughput (MB/s) on realistic mixed text and on hostile input, and CLI cold start.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { loadTs } from './_load-ts.mjs';

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function realisticText(bytes) {
  const block = [
    'Sorry, but we are having trouble signing you in.',
    'AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
    'Trace ID: 5b1c7a2e-0f3d-4c6b-9a8e-7d6c5b4a3f21',
    'Correlation ID: 0c9e8d7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f',
    'Timestamp: 2026-11-20 14:03:27Z',
    '2026-11-20T14:03:28.114Z Info  auth: token refresh started for tenant',
    '{"error":"interaction_required","error_codes":[53003],"suberror":"message_only"}',
    'caa2000b reported by WAM, retrying in 30s',
  ].join('\n');
  return block.repeat(Math.ceil(bytes / block.length)).slice(0, bytes);
}

export async function run() {
  const { explainText } = await loadTs('src/main/common/explain/explain-text.ts', 'explain');
  const cases = [
    ['1 MB realistic log', realisticText(1 << 20)],
    ['1 MB random bytes', randomBytes(1 << 20).toString('latin1')],
    ['100,000 GUIDs', Array.from({ length: 100_000 }, () => crypto.randomUUID()).join(' ').slice(0, 4 << 20)],
    ['1 MB of "?a=" (query)', '?a='.repeat(350_000)],
    ['1 MB of "&a=%"', '&a=%'.repeat(262_144)],
  ];
  for (const [label, text] of cases) {
    explainText(text); // warm-up
    const times = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      explainText(text);
      times.push(performance.now() - t0);
    }
    const ms = median(times);
    console.log(`explain ${label.padEnd(20)} ${ms.toFixed(1).padStart(8)} ms   ${((text.length / (1 << 20)) / (ms / 1000)).toFixed(1).padStart(7)} MB/s`);
  }
  const starts = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, ['dist/cli.js', 'explain', '--json', 'AADSTS53003'], { stdio: 'pipe' });
    starts.push(performance.now() - t0);
  }
  const version = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, ['dist/cli.js', '--version'], { stdio: 'pipe' });
    version.push(performance.now() - t0);
  }
  console.log(`CLI cold start: --version ${median(version).toFixed(0)} ms, explain ${median(starts).toFixed(0)} ms (median of 7, node ${process.version})`);
}
