// Clock benchmark: SNTP replies decoded and validated per second; one measurement round against
// a real chronyd on loopback (median wall time); and concurrency: 3 answering servers + 3 dead ones
// (timeout 500 ms each): wall time vs the sum of the per-server times; the total is bounded by one
// timeout, not by the number of dead servers.
import { performance } from 'node:perf_hooks';
import { loadTs } from './_load-ts.mjs';

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

export async function run() {
  const m = await loadTs('scripts/bench/clock/entry.ts', 'clock-bench');
  // 1. codec
  const req = m.encodeRequest();
  const reply = m.serverReply(req.packet, Date.now());
  const N = 200_000;
  let ok = 0;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) if (m.decodeReply(reply, req.nonce, Date.now()).ok) ok++;
  const decodeMs = performance.now() - t0;
  console.log(`clock: decoded+validated ${N} SNTP replies in ${decodeMs.toFixed(0)} ms = ${Math.round(N / (decodeMs / 1000)).toLocaleString('en-US')} packets/s (${ok} valid)`);

  if (!m.chronyAvailable()) {
    console.log('clock: chronyd not installed, skipping the loopback rounds');
    return;
  }
  const chrony = await m.startChrony();
  const peers = [await m.startScriptedNtp({ kind: 'offset', offsetMs: 0 }), await m.startScriptedNtp({ kind: 'offset', offsetMs: 100 })];
  const dead = await Promise.all([1, 2, 3].map(() => m.startScriptedNtp({ kind: 'silent' })));
  try {
    const base = { dateUrl: 'http://127.0.0.1:9/', samples: 2, toleranceMs: 1000 };
    // 2. one round against chronyd
    const rounds = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await m.measureClock({ ...base, servers: [chrony.server], timeoutMs: 1000 });
      rounds.push(performance.now() - t);
    }
    console.log(`clock: one measurement round (2 samples) against loopback chronyd: median ${median(rounds).toFixed(2)} ms over ${rounds.length} rounds`);
    // 3. concurrency with a dead server
    const servers = [chrony.server, ...peers.map((p) => p.server), ...dead.map((d) => d.server)];
    const each = [];
    for (const s of servers) {
      const t = performance.now();
      await m.measureClock({ ...base, servers: [s], timeoutMs: 500, dateUrl: 'http://127.0.0.1:9/' });
      each.push(performance.now() - t);
    }
    const t = performance.now();
    const all = await m.measureClock({ ...base, servers, timeoutMs: 500 });
    const wall = performance.now() - t;
    const sum = each.reduce((a, b) => a + b, 0);
    console.log(
      `clock: ${servers.length} servers (${dead.length} dead, timeout 500 ms x 2 samples, so ~1000 ms bound): wall ${wall.toFixed(0)} ms vs sum of individual ${sum.toFixed(0)} ms (concurrency ratio ${(sum / wall).toFixed(2)}); verdict ${all.offsetMs} ms from ${all.agreeing.length} agreeing`,
    );
  } finally {
    await Promise.all([chrony.stop(), ...peers.map((p) => p.stop()), ...dead.map((d) => d.stop())]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
