// CAC benchmark: parser throughput (TLV, certificate objects, X.509 facts), seeded fuzz inputs per
// second, and a full card read over the real pcscd + vsmartcard-vpcd with our virtual PIV card:
// wall time and APDU count, against OpenSC's `pkcs15-tool --list-certificates` on the same card
// in the same run. Target: faster than OpenSC, no more APDUs than objects + chaining require.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadTs } from './_load-ts.mjs';

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

function rate(label, n, ms, bytes) {
  const perSec = Math.round((n / ms) * 1000);
  console.log(`  ${label}: ${perSec.toLocaleString('en-US')} /s${bytes ? ` (${((bytes / ms) * 1000 / 1e6).toFixed(1)} MB/s)` : ''}`);
}

function prng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function pkcs15List(reader) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    execFile('pkcs15-tool', ['--reader', reader, '--list-certificates'], { timeout: 60_000 }, (error, stdout) => resolve({ ms: performance.now() - t0, ok: !error, certs: (stdout.match(/X\.509 Certificate \[/g) ?? []).length }));
  });
}

export async function run() {
  const m = await loadTs('scripts/bench/cac/entry.ts', 'cac');
  const pki = await m.createTestPki();
  const objects = m.buildObjects(pki);
  const certObj = new Uint8Array(objects.get('5FC105'));
  const gzObj = new Uint8Array(objects.get('5FC10B'));
  const der = new Uint8Array(pki.certs['9a'].rawData);

  console.log('cac: parsers');
  let n = 20_000;
  let t0 = performance.now();
  for (let i = 0; i < n; i++) m.parseTlvs(m.parseOuter(certObj, 0x53));
  rate(`TLV parse of a ${certObj.length}-byte certificate object`, n, performance.now() - t0, n * certObj.length);
  n = 5_000;
  t0 = performance.now();
  for (let i = 0; i < n; i++) m.parseCertObject(gzObj, 16384);
  rate('gzip certificate object unpacked', n, performance.now() - t0);
  n = 2_000;
  t0 = performance.now();
  for (let i = 0; i < n; i++) m.certFacts(der, new Date());
  rate('X.509 facts (subject, EDIPI, validity, key, SHA-1/SHA-256)', n, performance.now() - t0);

  const rnd = prng(7);
  n = 5_000;
  let errors = 0;
  t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const buf = Uint8Array.from(i % 2 ? certObj : gzObj);
    for (let k = 0; k < 1 + Math.floor(rnd() * 8); k++) buf[Math.floor(rnd() * buf.length)] = Math.floor(rnd() * 256);
    const cut = rnd() < 0.3 ? buf.subarray(0, Math.floor(rnd() * buf.length)) : buf;
    try {
      m.certFacts(m.parseCertObject(cut, 16384).der, new Date());
    } catch {
      errors++;
    }
  }
  rate(`fuzzed certificate objects (mutated/truncated; ${errors} rejected with a clear error)`, n, performance.now() - t0);

  if (!m.pcscdAvailable()) {
    console.log('cac: full card read skipped (pcscd or vsmartcard-vpcd not installed)');
    return;
  }
  console.log('cac: full card read over pcscd + vsmartcard-vpcd + virtual PIV card');
  const pcscd = await m.startPcscd();
  const card = new m.VirtualPivCard(objects);
  try {
    await card.insert();
    const ctx = m.createEngineContext({ env: { ...process.env, SIGNIN_DOCTOR_PLATFORM: 'linux' }, stateDir: mkdtempSync(join(tmpdir(), 'cac-bench-')) });
    // Wait until pcscd has seen the card.
    for (let i = 0; i < 100; i++) {
      const s = await m.smartcardPort.open();
      const present = (await s.listReaders()).some((r) => r.name === m.VPCD_READER && r.cardPresent);
      s.close();
      if (present) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const ours = [];
    const tick = process.env.CAC_BENCH_DEBUG ? setInterval(() => console.log('  (event loop alive, card APDUs so far', card.apdus, ')'), 3000) : undefined;
    let apdus = 0;
    let certs = 0;
    for (let i = 0; i < 5; i++) {
      const before = card.apdus;
      const t = performance.now();
      if (process.env.CAC_BENCH_DEBUG) console.log('  read', i);
      // Bounded: a read that never settles is reported, not waited on forever.
      const out = await Promise.race([
        m.readCardOutcome(m.smartcardPort, ctx, { reader: m.VPCD_READER }),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`read ${i} did not settle within 40 s (APDUs seen by the card: ${card.apdus - before})`)), 40_000).unref()),
      ]);
      ours.push(performance.now() - t);
      if (!out.ok) throw new Error(`read failed: ${out.failure.message}`);
      apdus = card.apdus - before;
      certs = out.card.slots.filter((s) => s.certificate).length;
    }
    clearInterval(tick);
    const minimum = 1 + 2 + 4 + ['5FC102', '5FC105', '5FC10A', '5FC10B'].reduce((k, t) => k + Math.ceil(objects.get(t).length / 256) - 1, 0);
    console.log(`  Sign-in Doctor: median ${median(ours).toFixed(0)} ms for ${certs} certificates + CHUID + Discovery, ${apdus} APDUs (minimum for these objects with 256-byte chaining: ${minimum})`);
    const theirs = [];
    let theirApdus = 0;
    let theirCerts = 0;
    for (let i = 0; i < 3; i++) {
      const before = card.apdus;
      if (process.env.CAC_BENCH_DEBUG) console.log('  pkcs15', i);
      const r = await pkcs15List(m.VPCD_READER);
      theirs.push(r.ms);
      theirApdus = card.apdus - before;
      theirCerts = r.certs;
      if (!r.ok) console.log('  (pkcs15-tool failed on this run)');
    }
    console.log(`  OpenSC pkcs15-tool --list-certificates: median ${median(theirs).toFixed(0)} ms for ${theirCerts} certificates, ${theirApdus} APDUs`);
    console.log(`  => ${median(ours) < median(theirs) ? 'faster' : 'SLOWER'} than OpenSC (${(median(theirs) / median(ours)).toFixed(1)}x), ${apdus <= theirApdus ? 'fewer or equal' : 'MORE'} APDUs`);
  } finally {
    await card.remove();
    await pcscd.release();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
